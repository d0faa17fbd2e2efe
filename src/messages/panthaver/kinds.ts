/**
 * Per-kind rules of the panthaver family: every kind takes the shared declaration fields;
 * a rejection takes the ERC codes as `reasons`, a 12'er the single ERC as `errorCode`.
 */
import { panthaverSchemas, type Panthaver, type PanthaverKind } from '../types/panthaver.js';
import { putFields, takeFields, validateCandidate, type FieldMapping } from '../wire/assemble.js';
import type { DecodeContext } from '../wire/reader.js';
import type { PantWire } from './read.js';

const DECLARATION_FIELDS: FieldMapping[] = [
  'messageDate', 'recipient', 'sender', 'declarationNumber', 'senderReference', 'policyNumber', 'debtorReference',
  'specialAgreementNumber', 'registrationNumber', 'chassisNumber', 'engineNumber', 'buildNumber', 'effectiveDate',
  'cessationDate', 'lienType', 'declarationType', 'priority', 'coverType', 'sumInsured', 'lienAmount', 'freeText',
  'debtor', 'oldLienholder', 'newInsurer', 'contact', 'extraData', 'extraSegments',
];

function fieldsOf(kind: PanthaverKind): FieldMapping[] {
  if (kind === 'rejection') return [...DECLARATION_FIELDS, ['reasons', 'ercs']];
  return DECLARATION_FIELDS;
}

const SEGMENT_OF: Record<string, string> = {
  ercs: 'ERC', messageDate: 'DTM', effectiveDate: 'DTM', cessationDate: 'DTM', recipient: 'NAD', sender: 'NAD', debtor: 'NAD',
  oldLienholder: 'NAD', newInsurer: 'NAD', lienType: 'ATT', declarationType: 'ATT', priority: 'ATT', coverType: 'ICD',
  sumInsured: 'MOA', lienAmount: 'MOA', freeText: 'FTX', contact: 'CTA',
};
const tagOf = (k: string): string => SEGMENT_OF[k] ?? 'RFF';
const describe = (k: string): string => (k === 'ercs' ? 'ERC (reason code)' : `${tagOf(k)} (${k})`);

/** Builds and validates the typed panthaver message of `kind`; `undefined` when invalid (errors in `ctx`). */
export function panthaverFromWire(kind: PanthaverKind, w: PantWire, ctx: DecodeContext): Panthaver | undefined {
  const { documentCode: _bgm, ...rest } = w;
  const hooked = kind === 'contentError' ? ['ercs'] : [];
  const assembled = takeFields(kind, rest, fieldsOf(kind), hooked, ctx, describe);
  if (kind === 'contentError') {
    if (w.ercs.length > 1) ctx.error('35', 'a content error carries exactly one ERC', ctx.originOf('ercs.1'));
    if (w.ercs[0] !== undefined) assembled.value.errorCode = w.ercs[0];
    assembled.renames.set('errorCode', 'ercs');
  }
  const value = validateCandidate<Panthaver>(panthaverSchemas[kind] as never, assembled, ctx, tagOf);
  return ctx.errors.length ? undefined : value;
}

/** The wire record of a valid typed panthaver message. */
export function panthaverToWire(value: Panthaver, documentCode: string): Record<string, unknown> {
  const v = value as unknown as Record<string, unknown>;
  const w: Record<string, unknown> = { documentCode };
  putFields(v, fieldsOf(value.kind), w);
  if (value.kind === 'contentError') w.ercs = [value.errorCode];
  return w;
}
