/** Typed messages and policy records for the rules tests (parties as in fixtures/README.md). */
import { buildAccept, buildBonusAnswer, buildBonusQuery, buildRejection, buildReminder } from '../../src/messages/builders/opsigelser.js';
import { cancellationSchema, type Bonus, type Cancellation } from '../../src/messages/types/opsigelser.js';
import { panthaverSchemas, type Panthaver, type PanthaverKind } from '../../src/messages/types/panthaver.js';
import type { PolicyRecord } from '../../src/rules/policy-record.js';

export const ACQUIRER = '11111111';
export const CEDING = '22222222';
export const THIRD = '33333333';
export const LIENHOLDER = '60000001';
export const NEW_LIENHOLDER = '60000002';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

/** The address a policyholder 1 given without one gets (seed 002: a 9 sends "forsikringstager 1's navn og adresse"). */
const HOLDER_ADDRESS = { street: 'Østergade 12, 2. th.', city: 'København K', postcode: '1100', country: 'DK' };

/** A motor cancellation sent 2024-11-20 to the renewal date 2025-01-01; a policyholder 1 given without a street gets {@link HOLDER_ADDRESS}. */
export function cancellation(overrides: DeepPartial<Cancellation> = {}): Cancellation {
  const holder = overrides.policyholder1;
  return cancellationSchema.parse({
    kind: 'cancellation',
    caseReference: 'TRY-2024-000123',
    messageDate: '2024-11-20',
    recipient: { vir: CEDING },
    sender: { vir: ACQUIRER },
    branch: { group: '001', product: '002' },
    cancellationDate: { date: '2025-01-01', basis: 'normal' },
    policyholder1: { id: { value: '0101801234', type: 'CPR' }, name: 'Søren Ærø Ågård', street: 'Østergade 12, 2. th.', city: 'København K', postcode: '1100', country: 'DK' },
    policyNumber: '00-123+456',
    registrationNumber: 'AB12345',
    ...overrides,
    ...(holder !== undefined && holder.street === undefined ? { policyholder1: { ...HOLDER_ADDRESS, ...holder } } : {}),
  });
}

/** The ceding insurer's record of the motor policy of {@link cancellation}. */
export function motorPolicy(overrides: Partial<PolicyRecord> = {}): PolicyRecord {
  return {
    policyNumber: '00123+456',
    branch: { group: '001', product: '002' },
    holders: [{ id: { value: '0101801234', type: 'CPR' }, name: 'Søren Ærø Ågård', street: 'Østergade 12, 2. th.', city: 'København K', postcode: '1100', country: 'DK' }],
    registrationNumber: 'AB 12 345',
    status: { kind: 'active' },
    renewalDate: '2020-01-01',
    ...overrides,
  };
}

/** A building cancellation (branch 002:001) with insured location and matrikel. */
export function buildingCancellation(overrides: DeepPartial<Cancellation> = {}): Cancellation {
  return cancellation({
    caseReference: 'TRY-2024-000124',
    branch: { group: '002', product: '001' },
    buildingFire: true,
    policyNumber: 'BYG-778812',
    registrationNumber: undefined,
    policyholder1: { id: { value: '0707614285', type: 'CPR' }, name: 'Karen Mølgaard', street: 'Gammel Kongevej 108, 3. tv.', city: 'Frederiksberg C', postcode: '1850', country: 'DK' },
    insuredLocation: { street: 'Brogade 3', city: 'Ærøskøbing', postcode: '5970', country: 'DK' },
    matrikel: { number: '12a', ejerlav: 'Ærøskøbing Bygrunde' },
    ...overrides,
  });
}

/** The record of the building policy of {@link buildingCancellation}. */
export function buildingPolicy(overrides: Partial<PolicyRecord> = {}): PolicyRecord {
  return {
    policyNumber: 'BYG778812',
    branch: { group: '002', product: '001' },
    holders: [{ id: { value: '0707614285', type: 'CPR' }, name: 'Karen Mølgaard' }],
    insuredLocation: { street: 'Brogade 3', city: 'Ærøskøbing', postcode: '5970' },
    matrikel: { number: '12a', ejerlav: 'Ærøskøbing Bygrunde' },
    status: { kind: 'active' },
    renewalDate: '2021-01-01',
    ...overrides,
  };
}

/** A family (003) cancellation from two holders. */
export function familyCancellation(overrides: DeepPartial<Cancellation> = {}): Cancellation {
  return cancellation({
    caseReference: 'TRY-2024-000126',
    branch: { group: '003', product: '001' },
    policyNumber: 'FAM-4411',
    registrationNumber: undefined,
    policyholder1: { name: 'Jens Peter Hansen', id: { value: '1212701111', type: 'CPR' } },
    ...overrides,
  });
}

/** The record of the family policy. */
export function familyPolicy(overrides: Partial<PolicyRecord> = {}): PolicyRecord {
  return {
    policyNumber: 'FAM4411',
    branch: { group: '003', product: '001' },
    holders: [{ name: 'Jens Peter Hansen', id: { value: '1212701111', type: 'CPR' } }],
    status: { kind: 'active' },
    renewalDate: '2019-01-01',
    ...overrides,
  };
}

/** A bonus block with no claims. */
export const BONUS: Bonus = { premiumStep: '7', claimFreeYears: 6, underwritingDate: '2015-03-01', lastStepChange: { date: '2024-01-01' }, claims: [] };

export { buildAccept, buildBonusAnswer, buildBonusQuery, buildRejection, buildReminder };

/** A panthaver message of `kind` with the required fields plus `fields`. */
export function pant<K extends PanthaverKind>(kind: K, fields: Record<string, unknown>): Panthaver {
  return panthaverSchemas[kind].parse({ kind, declarationNumber: 'PD2024000417', ...fields }) as Panthaver;
}

/** From the lienholder to the insurer. */
export const TO_INSURER = { sender: { vir: LIENHOLDER }, recipient: { vir: CEDING } };
/** From the insurer to the lienholder. */
export const TO_LIENHOLDER = { sender: { vir: CEDING }, recipient: { vir: LIENHOLDER } };
/** A debtor. */
export const DEBTOR = { name: 'Karen Mølgaard', id: { value: '0707614285', type: 'CPR' } };
