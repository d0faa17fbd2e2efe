/**
 * Per-kind rules of the opsigelser family: which wire fields each kind carries (and under
 * which typed name), plus the few kind-specific translations (OSI and DOC codes).
 */
import { opsigelseSchemas, type Opsigelse, type OpsigelseKind } from '../types/opsigelser.js';
import { putFields, takeFields, validateCandidate, type FieldMapping } from '../wire/assemble.js';
import type { DecodeContext } from '../wire/reader.js';
import type { OpsWire } from './read.js';
import type { OpsWireOut } from './write.js';

const HEADER: FieldMapping[] = ['caseReference', 'messageDate', 'recipient', 'sender', 'branch', 'contact', 'extraData', 'extraSegments'];

/** The wire fields each kind takes directly (typed name, or [typed, wire]). */
export const OPSIGELSE_FIELDS: Record<OpsigelseKind, FieldMapping[]> = {
  cancellation: [...HEADER, 'cancellationDate', 'freeText', 'policyholder1', 'policyholder2', 'insuredLocation', 'policyNumber', 'registrationNumber', 'matrikel'],
  bonusAnswer: [...HEADER, 'policyholder1', 'policyholder2', 'bonus'],
  contentError: [...HEADER, ['errorCode', 'erc'], 'freeText'],
  bonusQuery: [...HEADER, 'policyEndDate', 'policyholder1', 'policyholder2', 'policyNumber', 'registrationNumber'],
  reminder: [...HEADER],
  rejection: [...HEADER, ['reasonCode', 'erc'], 'endDate', 'cancelledBy'],
  accept: [...HEADER, ['correctedDate', 'cancellationDate'], 'policyholder1', 'policyholder2', 'insuredLocation', 'matrikel', 'bonus'],
};

/** Wire fields a kind translates itself (see {@link HOOKS}). */
const HOOKED: Partial<Record<OpsigelseKind, string[]>> = {
  cancellation: ['osi', 'docs'],
  bonusQuery: ['docs'],
  reminder: ['docs'],
  accept: ['osi'],
};

/** Reminder: DOC role ↔ what is chased. */
const CHASE_BY_DOC: Record<string, string> = { cancellationAnswer: 'cancellationAnswer', claimsData: 'bonusAnswer' };
const DOC_BY_CHASE: Record<string, string> = { cancellationAnswer: 'cancellationAnswer', bonusAnswer: 'claimsData' };

const SEGMENT_OF: Record<string, string> = {
  documentCode: 'BGM',
  erc: 'ERC',
  caseReference: 'RFF',
  osi: 'OSI',
  messageDate: 'DTM',
  cancellationDate: 'DTM',
  policyEndDate: 'DTM',
  endDate: 'DTM',
  docs: 'DOC',
  freeText: 'FTX',
  recipient: 'NAD',
  sender: 'NAD',
  policyholder1: 'NAD',
  policyholder2: 'NAD',
  insuredLocation: 'NAD',
  cancelledBy: 'NAD',
  policyNumber: 'RFF',
  registrationNumber: 'RFF',
  matrikel: 'RFF',
  branch: 'BRC',
  contact: 'CTA',
  bonus: 'SIF',
};

const DESCRIPTION: Record<string, string> = {
  erc: 'ERC (error/reason code)',
  osi: 'OSI',
  cancellationDate: 'the cancellation date (DTM 287/288/294/296)',
  policyEndDate: 'DTM 295 (policy end date)',
  endDate: "the 27's end date (DTM 295)",
  docs: 'DOC',
  freeText: 'FTX (free text)',
  policyholder1: 'NAD policyholder 1',
  policyholder2: 'NAD policyholder 2',
  insuredLocation: 'NAD insured location',
  cancelledBy: 'NAD company that already cancelled',
  policyNumber: 'RFF policy number',
  registrationNumber: 'RFF registration number',
  matrikel: 'RFF matrikel number',
  bonus: 'the bonus block (SIF/SHI)',
};

const describe = (k: string): string => DESCRIPTION[k] ?? `${SEGMENT_OF[k] ?? k} (${k})`;

interface Hook {
  fromWire(w: OpsWire, out: Record<string, unknown>, ctx: DecodeContext): void;
  toWire(v: Record<string, unknown>, w: OpsWireOut): void;
}

function onlyRoles(roles: readonly string[], allowed: readonly string[], what: string, kind: string, ctx: DecodeContext, key: string): string[] {
  // each one at its own segment (the reader records `osi.0`, `osi.1`, …)
  roles.forEach((r, i) => {
    if (!allowed.includes(r)) ctx.error('14', `${what} ${r} is not allowed in a ${kind} message`, ctx.originOf(`${key}.${i}`));
  });
  return roles.filter((r) => allowed.includes(r));
}

const HOOKS: Partial<Record<OpsigelseKind, Hook>> = {
  cancellation: {
    fromWire(w, out, ctx) {
      if (onlyRoles(w.osi, ['buildingFire'], 'OSI', 'cancellation', ctx, 'osi').length) out.buildingFire = true;
      if (onlyRoles(w.docs, ['claimsData'], 'DOC', 'cancellation', ctx, 'docs').length) out.claimsDataRequested = true;
    },
    toWire(v, w) {
      if (v.buildingFire) w.osi = ['buildingFire'];
      if (v.claimsDataRequested) w.docs = ['claimsData'];
    },
  },
  bonusQuery: {
    fromWire(w, _out, ctx) {
      const ok = onlyRoles(w.docs, ['claimsData'], 'DOC', 'bonusQuery', ctx, 'docs');
      if (ok.length === 0 && w.docs.length === 0) ctx.error('13', 'DOC claims data (11) is missing in a bonus query', { segment: 'DOC' });
    },
    toWire(_v, w) {
      w.docs = ['claimsData'];
    },
  },
  reminder: {
    fromWire(w, out) {
      out.chases = w.docs.map((d) => CHASE_BY_DOC[d] ?? d);
    },
    toWire(v, w) {
      w.docs = (v.chases as string[]).map((c) => DOC_BY_CHASE[c] ?? c);
    },
  },
  accept: {
    fromWire(w, _out, ctx) {
      const odc = onlyRoles(w.osi, ['dateChanged'], 'OSI', 'accept', ctx, 'osi').length > 0;
      if (odc && w.cancellationDate === undefined) ctx.error('13', 'OSI ODC without the corrected cancellation date (DTM)', ctx.originOf('osi'));
      if (!odc && w.cancellationDate !== undefined) ctx.error('13', 'a corrected cancellation date needs OSI ODC', ctx.originOf('cancellationDate'));
    },
    toWire(v, w) {
      if (v.correctedDate) w.osi = ['dateChanged'];
    },
  },
};

/**
 * Builds and validates the typed message of `kind` from a wire record; problems go to `ctx`.
 * Returns `undefined` when the message is not a valid `kind`.
 */
export function opsigelseFromWire(kind: OpsigelseKind, w: OpsWire, ctx: DecodeContext): Opsigelse | undefined {
  const { documentCode: _bgm, ...rest } = w;
  const assembled = takeFields(kind, rest as unknown as Record<string, unknown>, OPSIGELSE_FIELDS[kind], HOOKED[kind] ?? [], ctx, describe);
  HOOKS[kind]?.fromWire(w, assembled.value, ctx);
  const value = validateCandidate<Opsigelse>(opsigelseSchemas[kind] as never, assembled, ctx, (k) => SEGMENT_OF[k] ?? null);
  return ctx.errors.length ? undefined : value;
}

/** The wire record of a valid typed message. */
export function opsigelseToWire(value: Opsigelse, documentCode: string): OpsWireOut {
  const v = value as unknown as Record<string, unknown>;
  const w = { documentCode } as OpsWireOut;
  putFields(v, OPSIGELSE_FIELDS[value.kind], w as unknown as Record<string, unknown>);
  HOOKS[value.kind]?.toWire(v, w);
  return w;
}
