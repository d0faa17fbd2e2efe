/**
 * Replaying a batch of typed messages of both exchanges: ordered by message date (DTM 137),
 * then by the order given; opsigelser grouped by cancellation reference (with the cross-case
 * policy checks), panthaver by declaration number. The engine behind the `audit` command.
 *
 * @module
 */
import type { FpMessage } from '../messages/decode.js';
import type { Opsigelse } from '../messages/types/opsigelser.js';
import type { Panthaver } from '../messages/types/panthaver.js';
import type { GuideProfile } from '../schema/profile.js';
import { assertIsoDate, type IsoDate } from './dates.js';
import { givenProfiles } from '../validate/compile/profile.js';
import type { ProfileMap } from '../validate/types.js';
import { Declaration, type DeclarationOptions } from './declaration.js';
import type { Due, Violation } from './explanation.js';
import { OpsigelseRegistry } from './opsigelse-registry.js';
import { checkOptions, REPLAY_OPTION_CHECKS } from './option-checks.js';

/** One message to replay. */
export interface ReplayMessage {
  /** A typed message of either exchange (from `decodeMessage`): an opsigelse goes to the case of its reference, a panthaver message to the declaration of its number. */
  message: FpMessage;
  /** A label for reports (file and position). */
  source?: string;
  /** The day it was received; default its message date. */
  receivedOn?: IsoDate;
}

/** Options of {@link replayMessages}. */
export interface ReplayOptions {
  /** The day "what is due" is computed for. */
  today: IsoDate;
  /**
   * A profile, or profiles by UNH message type, as `validate` takes them: the opsigelser profile
   * drives the cases, the panthaver profile the declarations (`declarationOptions.profile`, when
   * given, wins); an exchange without one uses its shipped profile.
   */
  profile?: GuideProfile | ProfileMap;
  /** Settings of the declaration rules. */
  declarationOptions?: DeclarationOptions;
}

/** The result of one case or declaration. */
export interface CaseReport {
  /** The cancellation reference or the declaration number. */
  key: string;
  /** `opsigelser`: an opsigelser case (`key` its cancellation reference); `panthaver`: a declaration (`key` its declaration number). */
  exchange: 'opsigelser' | 'panthaver';
  /** The state after the last message. */
  state: string;
  /** Every broken rule, in message order. */
  violations: Violation[];
  /** What is due on `today`. */
  due: Due[];
  /** Messages offered to the case. */
  messages: number;
  /** Of those, duplicates ignored without notice. */
  ignored: number;
}

function isOpsigelse(message: FpMessage): message is Opsigelse {
  return 'caseReference' in message;
}

/**
 * Replays `messages` and reports every case and declaration, in the order their first message
 * came. Messages are sorted by message date (DTM 137), ties kept in the given order.
 */
export function replayMessages(messages: readonly ReplayMessage[], options: ReplayOptions): CaseReport[] {
  checkOptions(options, REPLAY_OPTION_CHECKS, 'replayMessages');
  const today = assertIsoDate(options.today, 'options.today');
  const ordered = messages
    .map((m, index) => ({ m, index }))
    .sort((a, b) => (a.m.message.messageDate < b.m.message.messageDate ? -1 : a.m.message.messageDate > b.m.message.messageDate ? 1 : a.index - b.index))
    .map(({ m }) => m);
  const given = options.profile === undefined ? [] : givenProfiles(options.profile, 'replayMessages').map(([, p]) => p);
  const ofExchange = (exchange: GuideProfile['exchange']) => given.find((p) => p.exchange === exchange);
  const opsigelserProfile = ofExchange('opsigelser');
  const panthaverProfile = options.declarationOptions?.profile ?? ofExchange('panthaver');
  const registry = new OpsigelseRegistry(opsigelserProfile !== undefined ? { profile: opsigelserProfile } : {});
  const declarationOptions: DeclarationOptions = { ...options.declarationOptions, ...(panthaverProfile !== undefined ? { profile: panthaverProfile } : {}) };
  const declarations = new Map<string, Declaration>();
  const order: Array<{ exchange: 'opsigelser' | 'panthaver'; key: string }> = [];
  for (const { message, source, receivedOn } of ordered) {
    const extra = { ...(source !== undefined ? { source } : {}), ...(receivedOn !== undefined ? { receivedOn } : {}) };
    if (isOpsigelse(message)) {
      if (registry.get(message.caseReference) === undefined) order.push({ exchange: 'opsigelser', key: message.caseReference });
      registry.apply(message, extra);
    } else {
      const panthaver: Panthaver = message;
      let declaration = declarations.get(panthaver.declarationNumber);
      if (declaration === undefined) {
        declaration = new Declaration(declarationOptions);
        declarations.set(panthaver.declarationNumber, declaration);
        order.push({ exchange: 'panthaver', key: panthaver.declarationNumber });
      }
      declaration.apply(panthaver, extra);
    }
  }
  return order.map(({ exchange, key }) => {
    const item = exchange === 'opsigelser' ? registry.get(key) : declarations.get(key);
    if (item === undefined) throw new Error(`replayMessages: lost ${exchange} case ${key}`);
    return {
      key,
      exchange,
      state: item.state,
      violations: item.violations,
      due: item.dueOn(today),
      messages: item.entries.length,
      ignored: item.entries.filter((e) => e.status === 'ignored').length,
    };
  });
}
