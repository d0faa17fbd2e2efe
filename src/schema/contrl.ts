/**
 * The CONTRL message's segment table (syntax 3, `CONTRL:D:3:UN`):
 * `UNH · UCI · SG1 [UCM · SG2 [UCS · UCD…]…]… · UNT`. F&P's own CONTRL uses only UNH, UCI, UNT.
 */
import type { MessageStructure } from './structure.js';

/** The CONTRL segment table (ISO 9735 service message). */
export const CONTRL_STRUCTURE: MessageStructure = Object.freeze({
  assumption: false,
  source: 'ISO 9735 / CONTRL D:3:UN',
  entries: [
    { position: '0010', tag: 'UNH', status: 'M', maxRepeat: 1 },
    { position: '0020', tag: 'UCI', status: 'M', maxRepeat: 1 },
    {
      position: '0030', group: 'SG1', status: 'C', maxRepeat: 999999,
      children: [
        { position: '0040', tag: 'UCM', status: 'M', maxRepeat: 1 },
        {
          position: '0050', group: 'SG2', status: 'C', maxRepeat: 999,
          children: [
            { position: '0060', tag: 'UCS', status: 'M', maxRepeat: 1 },
            { position: '0070', tag: 'UCD', status: 'C', maxRepeat: 99 },
          ],
        },
      ],
    },
    { position: '0080', tag: 'UNT', status: 'M', maxRepeat: 1 },
  ],
}) as MessageStructure;

/** Name of the code list of UCI and UCM 0083 (bound in their layouts). */
export const CONTRL_ACTION_LIST = 'contrl.action';

/**
 * The CONTRL's code lists: 0083 action, coded — 4 this level and all lower levels rejected,
 * 7 this level acknowledged (lower levels unless explicitly rejected), 8 interchange received
 * (syntax 4).
 */
export const CONTRL_CODE_LISTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  [CONTRL_ACTION_LIST]: Object.freeze(['4', '7', '8']),
});
