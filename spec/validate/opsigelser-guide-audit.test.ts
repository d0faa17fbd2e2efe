/**
 * Seed 002 (F&P "EDI-guide for Opsigelser" 5.5, Danish original) against the messages it
 * describes: what a message of each kind must, may and must not carry, and the numbering rules.
 * Each test quotes the sentence it checks. The business rules (deadlines, the case, the accept
 * policy, the bonus history) are audited in spec/rules/opsigelser-guide-audit.test.ts.
 *
 * Sentences other tests already pin (not repeated here; R = spec/validate/content-rules-opsigelser.test.ts,
 * P = spec/validate/content-rules-placement.test.ts, I = the invalid corpus fixtures/invalid/*.edi, checked by
 * spec/validate/invalid-corpus.test.ts against each file's .expect.json):
 * - 2.9 "Første NAD segment skal altid indeholde VIR-nummer på det selskab, meddelelsen sendes til. Andet NAD segment
 *   skal indeholde VIR-nummer på det selskab, som afsender meddelelsen": I f03-first-nad-wrong-company,
 *   f03-second-nad-wrong-company, f03-nads-swapped; spec/validate/content-rules-report.test.ts 'swapped NADs'.
 * - 2.9.1 "OSI med koden BRO, hvis det overtagende selskab har tegnet bygningsbrand": P 'OSI BRO in a 9'; I
 *   f04-osi-bro-in-accept. "NAD med forsikringssted (skal være der hvis det er en bygningsforsikring …)": I
 *   f01-insured-location-missing, f01-insured-location-missing-accept. "RFF med registreringsnummer ved
 *   motorforsikring eller matrikelnummer ved bygningsforsikring": R 'object-reference-missing'. "DOC med kode 11 … (Kun
 *   branchegruppe 001 og produktgrupperne 001, 002, 004 eller 999)": R 'bonus information only for branch 001 …'; I
 *   f02-bonus-query-branch, f02-bonus-query-product. "FTX hvis koden i DTM er 288" and 2.8 "Ved fremsendelse af en
 *   opsigelse (kode 9) må der ikke sendes fri tekst": I f01-free-text-missing-288, f02-free-text-without-288.
 *   "NAD med forsikringstager 1's navn …" and 2's "navn og om muligt adresse og/eller CVR eller CPR nummer": R 'a
 *   policyholder 1 with a CPR number but no name'; P 'a policyholder without an id (CPR/CVR only "if possible")'.
 * - 2.9.2 "SIF med skadeinformation": I f01-bonus-info-missing. "(disse to segmenter kan forekomme op til 10 gange)": I
 *   c36-eleven-claims. "Hvis datoen for sidste trinskift ikke kan oplyses, anføres datoen som blank, men med
 *   kvalifikator 293": spec/validate/guide-usage.test.ts 'DTM 293 … carries no date'.
 * - 2.9.3 "hele meddelelsen ikke returneres … NAD-segmenterne … vendes": spec/messages/builders.test.ts 'swaps the
 *   NADs and copies only the case reference and BRC', 'writes no segment of the refused message'.
 * - 2.9.4 "DOC med kode 11": I f01-doc-missing-in-bonus-query. 2.7 "Ved rene bonusforespørgsler er der ikke behov for et
 *   registreringsnummer": R 'the base messages of these tests are clean' (its 13 has no RFF REG).
 * - 2.9.5 "Der kan rykkes såvel for svar på en opsigelse som for svar på bonusforespørgsel. Derfor kan der forekomme 2
 *   DOC segmenter": P 'a reminder chasing the answer to the cancellation twice'; docs/opsigelser.md's reminder example.
 * - 2.9.6 "Ophørsdatoen skal medsendes ved afvisningsårsagerne: 9 … 12": R 'end-date-missing-for-erc',
 *   '27 with ERC 19 (withdrawal refused) needs no end date'; spec/messages/builders-edges.test.ts (ERC 9–12 without
 *   endDate throws). "NAD (det tredje)" only with ERC 9: P 'NAD OPS in a 27 with ERC 10 (not 9)'.
 * - 2.9.7 "OSI med kode ODC, hvis opsigelsesdato er ændret … Disse 2 segmenter sendes kun, hvis der accepteres per
 *   anden dato": I f02-odc-without-changed-date, f02-changed-date-without-odc; builders-edges 'buildAccept refuses a
 *   "corrected" date equal to the requested one'.
 * - 2.10 "Forsendelsens referencenummer … Nummeret anvendes også i UCI-segmentet i kontrolmeddelelsen (CONTRL)":
 *   spec/envelope/routing.test.ts '… its UCI echoes both parties whole'; I c26-duplicate-interchange. "Meddelelsens
 *   referencenummer (0062) … identificere den enkelte meddelelse inden for en forsendelse": I
 *   c26-duplicate-message-reference. "Meddelelsens nummer … I EDIopsigelser anvendes dette nummer ikke":
 *   spec/validate/guide-usage.test.ts. "Modtageren forpligter sig til at anvende samme nummer i en svarforsendelse":
 *   builders.test 'puts the acquirer first and us second, copying the case reference and BRC'.
 * - Regler, Policenumre "Opsigelser med ordet "ukendt" … eller med blank i policenummerfeltet": R 'a policy number
 *   "UKENDT" (any case)', 'a policy number of blanks'; I f01-policy-number-ukendt, f01-policy-number-question-marks,
 *   f01-policy-number-missing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildAccept,
  buildBonusAnswer,
  buildInterchange,
  decodeMessage,
  encodeMessage,
  getProfile,
  MessageBuildError,
  MessageEncodeError,
  parseInterchanges,
  serialize,
  validate,
  type Bonus,
  type BonusQuery,
  type Cancellation,
  type Opsigelse,
} from '../../src/index.js';
import { messageErrors, NOW, oneMessage } from './helpers.js';
import { ELEVEN, FIFTEEN, FT1, MR, MS, NINE, swap, THIRTEEN, TWENTY_NINE, TWENTY_SEVEN } from './opsigelser-bodies.js';

const errorsOf = (body: readonly string[]) => messageErrors(oneMessage(body));
const rules = async (body: readonly string[]) => (await errorsOf(body)).map(([code, rule]) => `${code} ${rule ?? ''}`);

describe("'Regler for behandling af EDI-opsigelser', Policenumre", () => {
  // "Der SKAL anføres et policenummer i en EDI-opsigelse. Opsigelser med ordet "ukendt" med??? eller med blank i
  // policenummerfeltet, må ikke afsendes." The rules layer's isMissingPolicyNumber reads "???" as any run of question
  // marks and "blank" as nothing left after un-masking (spaces, dashes, dots, slashes); the validator must read the
  // sentence the same way, or a 9 the ceding insurer treats as having no policy number passes with no 12'er.
  it.each([
    ['a single question mark', '??'],
    ['two question marks', '????'],
    ['four question marks', '????????'],
    ['a dash', '-'],
    ['dots and blanks', ' . . '],
    ['a slash', '/'],
  ])('a policy number of %s is F01 policy-number-missing in a 9 and in a 13', async (_, wire) => {
    expect(await rules(swap(NINE, 'RFF+POL:00-123', `RFF+POL:${wire}`))).toEqual(['F01 policy-number-missing']);
    expect(await rules(swap(THIRTEEN, 'RFF+POL:55-998877', `RFF+POL:${wire}`))).toEqual(['F01 policy-number-missing']);
  });
  it('a real policy number with leading zeros, a letter prefix or masking passes ("foranstillede nuller … valid del")', async () => {
    for (const wire of ['000123', 'BYG-778812', '00 123.456/7', 'A??']) {
      expect(await rules(swap(NINE, 'RFF+POL:00-123', `RFF+POL:${wire}`))).toEqual([]);
    }
  });
});

describe("2.9.2 'Svar på bonusforespørgsel (Kode 11)' and 2.9.7 'Accept af overtagelse (Kode 29)': the builders", () => {
  const profile = getProfile('fp-opsigelser/5.5-reconstructed');
  const read = (file: string) => {
    const r = decodeMessage(parseInterchanges(readFileSync(file)).interchanges[0]!.messages[0]!, profile);
    if (!r.ok) throw new Error(`${file} does not decode`);
    return r.value;
  };
  const query = read('fixtures/opsigelse-13-bonus-query.edi') as BonusQuery;
  const motor = read('fixtures/opsigelse-9-motor.edi') as Cancellation;
  const full: Bonus = { premiumStep: '10', claimFreeYears: 4, underwritingDate: '2015-03-15', lastStepChange: { date: '2024-01-01' }, policyEndDate: '2024-12-31', claims: [] };
  const { underwritingDate: _u, ...withoutUnderwriting } = full;
  const { policyEndDate: _e, ...withoutEndDate } = full;
  const day = { messageDate: '2024-12-02' };
  /** The errors `validate` finds in the built message, sent back to the one it answers. */
  const validated = async (message: Opsigelse) => {
    const { header, body } = encodeMessage(message, profile);
    const text = serialize(buildInterchange({ sender: { id: message.sender.vir }, recipient: { id: message.recipient.vir }, reference: 'R1', date: '2024-12-02', time: '1200', messages: [{ header, body }] }), { una: true });
    const [report] = await validate(text, { now: NOW });
    return report!.messages[0]!.errors.map((e) => `${e.code} ${e.rule ?? ''}: ${e.message}`);
  };

  // 2.9.2: "Når det afgivende selskab svarer på en bonusforespørgsel, skal der medsendes følgende segmenter: … SIF med
  // skadeinformation DTM med tegningsdato DTM med dato for sidste trinskift DTM med policens ophørsdato"; 2.7: "Et svar
  // på en bonusforespørgsel indeholder desuden oplysning om policens tegningsdato." A builder refuses what the
  // validator would answer with a 12'er (as buildRejection refuses ERC 9–12 without the end date).
  it('buildBonusAnswer refuses a bonus block without the underwriting date or the policy end date', () => {
    expect(() => buildBonusAnswer(query, { ...day, bonus: withoutUnderwriting })).toThrow(MessageBuildError);
    expect(() => buildBonusAnswer(query, { ...day, bonus: withoutUnderwriting })).toThrow(/tegningsdato|underwriting date/);
    expect(() => buildBonusAnswer(motor, { ...day, bonus: withoutEndDate })).toThrow(MessageBuildError);
    expect(() => buildBonusAnswer(motor, { ...day, bonus: withoutEndDate })).toThrow(/ophørsdato|policy end date/);
  });
  it('what buildBonusAnswer builds, validate takes', async () => {
    expect(await validated(buildBonusAnswer(query, { ...day, bonus: full }))).toEqual([]);
  });
  // 2.9.7: "Hvis der i forbindelse med overtagelsen tillige fulgte en bonusforespørgsel, sendes følgende segmenter: SIF
  // med skadeinformation DTM med tegningsdato DTM med dato for sidste trinskift …" — no policy end date in a 29.
  it('buildAccept refuses a bonus block without the underwriting date, and takes one without the policy end date', async () => {
    expect(() => buildAccept(motor, { ...day, bonus: withoutUnderwriting })).toThrow(MessageBuildError);
    expect(await validated(buildAccept(motor, { ...day, bonus: withoutEndDate }))).toEqual([]);
  });
});

/** A content error (12) with everything it needs. */
const TWELVE = ['BGM+12', 'ERC+F02', 'RFF+OPS:R-1', 'DTM+137:20241202:102', MR, MS, 'BRC+001:002'];
/** The segments seed 002 (2.9.1–2.9.7) says a kind "skal" (always) carry, each with the line that says so. */
const MANDATORY: Array<[string, readonly string[], Array<[string, string]>]> = [
  ['9 (2.9.1 "Nedenstående segmenter skal altid sendes")', NINE, [
    ['BGM+9', 'BGM med kode (9) for opsigelse'],
    ['RFF+OPS:R-1', 'RFF med entydigt opsigelsesreferencenummer'],
    ['DTM+137:20241120:102', 'DTM med meddelelsesdato for dannelse af meddelse'],
    ['DTM+287:20250101:102', 'DTM med opsigelsesdato'],
    [MR, 'NAD med VIR-nummer på det selskab, der skal modtage meddelelsen'],
    [MS, 'NAD med VIR-nummer på det selskab, der har afsendt meddelelsen'],
    [FT1, "NAD med forsikringstager 1's navn og adresse"],
    ['RFF+POL:00-123', 'RFF med policenummer'],
    ['RFF+REG:AB12345', 'RFF med registreringsnummer ved motorforsikring'],
    ['BRC+001:002', 'BRC med branche-/produktgruppekode'],
  ]],
  ['11 (2.9.2 "skal der medsendes følgende segmenter")', ELEVEN, [
    ['BGM+11', 'BGM med kode 11 for svar på bonusforespørgsel'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241202:102', 'DTM med meddelelsesdato'],
    [MR, 'NAD med VIR-nummer på det selskab, der skal modtage svaret'],
    [MS, 'NAD med VIR-nummer på det selskab, der har afsendt svaret'],
    [FT1, 'NAD med forsikringstager 1 s navn og adresse'],
    ['BRC+001:001', 'BRC med branche/produktgruppe'],
    ['SIF+10+4', 'SIF med skadeinformation'],
    ['DTM+291:20150315:102', 'DTM med tegningsdato'],
    ['DTM+290:20240101:102', 'DTM med dato for sidste trinskift'],
    ['DTM+295:20241231:102', 'DTM med policens ophørsdato'],
    ['DTM+292:20220614:102', 'SHI med skadehistorik … DTM med skadedato'],
  ]],
  ['12 (2.9.3 "sendes en meddelelse med følgende indhold")', TWELVE, [
    ['BGM+12', 'BGM med kode 12'],
    ['ERC+F02', 'ERC med kode for fejlårsag (F01 - F05)'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241202:102', 'DTM med meddelelsesdato'],
    [MR, 'NAD med VIR-nummer på meddelelsens modtager'],
    [MS, 'NAD med VIR-nummer på meddelelsens afsender'],
    ['BRC+001:002', 'BRC med branche-/produktgruppekode'],
  ]],
  ['13 (2.9.4 "skal der fremsendes følgende segmenter")', THIRTEEN, [
    ['BGM+13', 'BGM med kode (13) for bonusforespørgsel'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241118:102', 'DTM med meddelelsesdato'],
    ['DOC+11', 'DOC med kode 11'],
    [MR, 'NAD med VIR-nummer på det selskab, der skal modtage forespørgslen'],
    [MS, 'NAD med VIR-nummer på det selskab, der har afsendt forespørgslen'],
    [FT1, 'NAD med forsikringstager 1 s navn og adresse'],
    ['RFF+POL:55-998877', 'RFF med policenummer'],
    ['BRC+001:002', 'BRC med branche- og produktgrupper'],
  ]],
  ['15 (2.9.5 "En rykning gennemføres ved at fremsende følgende segmenter")', FIFTEEN, [
    ['BGM+15', 'BGM med kode (15) for rykker'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241212:102', 'DTM med meddelelsesdato'],
    ['DOC+9', 'DOC med kode for rykker'],
    [MR, 'NAD med VIR-nummer på det selskab, der rykkes'],
    [MS, 'NAD med VIR-nummer på det selskab, der har afsendt rykkeren'],
    ['BRC+001:002', 'BRC med branche-/produktgruppekode'],
  ]],
  ['27 with ERC 9 (2.9.6 "sendes følgende segmenter"; "Ophørsdatoen skal medsendes ved afvisningsårsagerne: 9 …")', TWENTY_SEVEN, [
    ['BGM+27', 'BGM med kode 27 for afvisning'],
    ['ERC+9', 'ERC med kode for afvisningsårsag (kode 1-23)'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241125:102', 'DTM med meddelelsesdato'],
    ['DTM+295:20250101:102', 'DTM med ophørsdato ved visse afvisningskoder'],
    [MR, 'NAD med VIR-nummer på det selskab, der modtager afvisningen'],
    [MS, 'NAD med VIR-nummer på det selskab, der afsender afvisningen'],
    ['BRC+001:002', 'BRC med branche-/produktgruppekode'],
  ]],
  ['29 on building (2.9.7 "En accept fra det afgivende selskab skal indeholde følgende segmenter")', TWENTY_NINE, [
    ['BGM+29', 'BGM med kode 29 for accept'],
    ['RFF+OPS:R-1', 'RFF med opsigelsens referencenummer'],
    ['DTM+137:20241205:102', 'DTM med meddelelsesdato'],
    [MR, 'NAD med VIR-nummer på det selskab, der modtager accepten'],
    [MS, 'NAD med VIR-nummer på det selskab, der afsender accepten'],
    [FT1, 'NAD med det afgivende selskabs oplysninger om forsikringstager 1 s navn og adresse'],
    ['NAD+FS++++Brogade 3+Aeroeskoebing++5970+DK', 'NAD med … forsikringssted (skal være der hvis det er en bygningsforsikring'],
    ['RFF+MAT:12a:::Aeroeskoebing Koebstad', 'RFF med … matrikelnummer og ejerlav (ved bygningsforsikring)'],
    ['BRC+002:001', 'BRC med branche-/produktgruppekode'],
  ]],
];

describe('2.9 "Der er foretaget en opdeling i segmenter, som skal indgå i en meddelelse og segmenter, der kan indgå som supplement"', () => {
  it.each(MANDATORY)('the base %s is clean', async (_, body) => {
    expect(await errorsOf(body)).toEqual([]);
  });
  it.each(MANDATORY.flatMap(([kind, body, lines]) => lines.map(([segment, line]) => [kind, line, body, segment] as const)))(
    '%s without "%s" is refused',
    async (_, _line, body, segment) => {
      expect((await errorsOf(swap(body, segment))).length).toBeGreaterThan(0);
    },
  );

  // Every kind: "Der kan deuden sendes et CTA-segment med navn på kontaktperson" / "Desuden kan der medsendes et
  // CTA-segment med kontaktperson."
  const BODIES: Array<[string, readonly string[]]> = [['9', NINE], ['11', ELEVEN], ['12', TWELVE], ['13', THIRTEEN], ['15', FIFTEEN], ['27', TWENTY_SEVEN], ['29', TWENTY_NINE]];
  const withContact = (body: readonly string[]) => {
    const brc = body.find((s) => s.startsWith('BRC+'))!;
    return swap(body, brc, brc, 'CTA+IC+:Jens Hansen');
  };
  it.each(BODIES)('a %s may carry a contact person (CTA)', async (_, body) => {
    expect(await errorsOf(withContact(body))).toEqual([]);
  });

  // 9, 11, 13, 29: "Nedenstående segment kan medsendes som supplement: NAD med forsikringstager 2's navn og om muligt
  // adresse og/eller CVR eller CPR nummer". 12, 15 and 27 list no policyholder at all.
  const FT2 = 'NAD+FT2+0202802345::CPR++Grete Hansen';
  it.each(BODIES.filter(([k]) => ['9', '11', '13', '29'].includes(k)))('a %s may name policyholder 2, with only a name', async (_, body) => {
    expect(await errorsOf(swap(body, FT1, FT1, FT2))).toEqual([]);
    expect(await errorsOf(swap(body, FT1, FT1, 'NAD+FT2+++Grete Hansen'))).toEqual([]);
  });
  it.each(BODIES.filter(([k]) => ['12', '15', '27'].includes(k)))('a %s naming policyholder 2 is F04', async (_, body) => {
    expect(await rules(swap(body, MS, MS, FT2))).toEqual(['F04 segment-not-allowed-for-kind']);
  });
});

describe('2.9.1, 2.9.2, 2.9.4, 2.9.7: policyholder 1 is sent with name and address', () => {
  // "NAD med forsikringstager 1's navn og adresse og om muligt CVR eller CPR nummer" (9, 11, 13; in a 29 "det afgivende
  // selskabs oplysninger om forsikringstager 1 s navn og adresse"), while policyholder 2 comes with "navn og om muligt
  // adresse". Only the CPR/CVR number is "om muligt" for policyholder 1: its address (street and postcode, NAD C059 and
  // 3251) is required, as its name is.
  const KINDS: Array<[string, readonly string[], number]> = [['9', NINE, 8], ['11', ELEVEN, 7], ['13', THIRTEEN, 9], ['29', TWENTY_NINE, 9]];
  it.each(KINDS)('a %s whose policyholder 1 has no street is F01 at NAD element 5', async (_, body, position) => {
    expect(await errorsOf(swap(body, FT1, 'NAD+FT1+0101801234::CPR++Hans Hansen++Vejle++7100+DK'))).toEqual([['F01', 'required-segment-missing', position, 5, 1]]);
  });
  it.each(KINDS)('a %s whose policyholder 1 has no postcode is F01 at NAD element 8', async (_, body, position) => {
    expect(await errorsOf(swap(body, FT1, 'NAD+FT1+0101801234::CPR++Hans Hansen+Vestergade 1+Vejle+++DK'))).toEqual([['F01', 'required-segment-missing', position, 8, 1]]);
  });
  it.each(KINDS)('a %s whose policyholder 1 has a name only is F01 twice; without city or country it is clean', async (_, body, position) => {
    expect(await errorsOf(swap(body, FT1, 'NAD+FT1+0101801234::CPR++Hans Hansen'))).toEqual([
      ['F01', 'required-segment-missing', position, 5, 1],
      ['F01', 'required-segment-missing', position, 8, 1],
    ]);
    expect(await errorsOf(swap(body, FT1, 'NAD+FT1+++Hans Hansen+Vestergade 1+++7100'))).toEqual([]);
  });
  it('decodeMessage refuses such a message too (13 at the NAD), and the builders cannot make one', async () => {
    const profile = getProfile('fp-opsigelser/5.5-reconstructed');
    const r = decodeMessage(parseInterchanges(oneMessage(swap(NINE, FT1, 'NAD+FT1+0101801234::CPR++Hans Hansen'))).interchanges[0]!.messages[0]!, profile);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.code, e.segment])).toContainEqual(['13', 'NAD']);
    const motor = decodeMessage(parseInterchanges(readFileSync('fixtures/opsigelse-9-motor.edi')).interchanges[0]!.messages[0]!, profile);
    if (!motor.ok || motor.value.kind !== 'cancellation') throw new Error('fixture');
    expect(() => buildAccept(motor.value as Cancellation, { messageDate: '2024-12-02', policyholder: { name: 'Hans Hansen' } as never })).toThrow(MessageEncodeError);
  });
});

describe('the codes of ERC', () => {
  // 2.9.6: "ERC med kode for afvisningsårsag (kode 1-23)"; the end date and NAD OPS belong to ERC 9 only, so drop NAD OPS.
  const rejection = (code: string) => swap(swap(TWENTY_SEVEN, 'NAD+OPS+33333333::VIR'), 'ERC+9', `ERC+${code}`);
  it('a 27 takes every reason 1–23 and nothing else', async () => {
    for (let n = 1; n <= 23; n++) expect(await errorsOf(rejection(String(n))), `ERC ${n}`).toEqual([]);
    for (const code of ['0', '24', 'F01']) expect(await errorsOf(rejection(code)), `ERC ${code}`).not.toEqual([]);
  });
  // 2.9.3: "ERC med kode for fejlårsag (F01 - F05)"
  it('a 12 takes F01–F05 and nothing else', async () => {
    for (const code of ['F01', 'F02', 'F03', 'F04', 'F05']) expect(await errorsOf(swap(TWELVE, 'ERC+F02', `ERC+${code}`)), code).toEqual([]);
    for (const code of ['F00', 'F06', '23']) expect(await errorsOf(swap(TWELVE, 'ERC+F02', `ERC+${code}`)), code).not.toEqual([]);
  });
});

describe('2.9.1: how far ahead a cancellation date may lie', () => {
  // "DTM med opsigelsesdato (kan være op til 5 år frem i tiden på erhverv og landbrug)"; 2.3: "Opsigelser på
  // erhvervspolicer sker altid ved førstkommende hovedforfald, som kan ligge op til 5 år frem i tiden." No branch goes
  // further than business and agriculture (private policies "sker normalt til førstkommende hovedforfald"), so 5 years
  // after the message date is the ceiling for every branch group (profile data: branchGroups.<g>.cancellationYearsAhead).
  const business = swap(swap(NINE, 'RFF+REG:AB12345'), 'BRC+001:002', 'BRC+004:001');
  const dated = (body: readonly string[], date: string) => swap(body, 'DTM+287:20250101:102', `DTM+287:${date}:102`);
  it('a 9 on business (004) or agriculture (006) insurance may ask for a date 5 years after its message date (2024-11-20)', async () => {
    expect(await errorsOf(dated(business, '20291120'))).toEqual([]);
    expect(await errorsOf(swap(dated(business, '20291120'), 'BRC+004:001', 'BRC+006:001'))).toEqual([]);
  });
  it.each([
    ['business (004)', 'BRC+004:001'],
    ['agriculture (006)', 'BRC+006:001'],
    ['family (003)', 'BRC+003:001'],
  ])('a 9 on %s insurance asking for a date more than 5 years ahead is F02 at the DTM', async (_, brc) => {
    expect(await errorsOf(swap(dated(business, '20291121'), 'BRC+004:001', brc))).toEqual([['F02', 'cancellation-date-too-far', 5, 1, 2]]);
  });
  it('the same on motor, and for every cancellation basis (288 with its free text, 294, 296)', async () => {
    expect(await errorsOf(dated(NINE, '20300101'))).toEqual([['F02', 'cancellation-date-too-far', 5, 1, 2]]);
    for (const other of ['DTM+288:20300101:102', 'DTM+294:20300101:102', 'DTM+296:20300101:102']) {
      const body = swap(NINE, 'DTM+287:20250101:102', other, ...(other.startsWith('DTM+288') ? ['FTX+AAI+++Grund'] : []));
      expect(await rules(body), other).toEqual(['F02 cancellation-date-too-far']);
    }
  });
});

describe('2.9 introduction: the message kinds', () => {
  // "De anvendte koder er følgende: 9 = Fremsendelse af opsigelse 11 = Svar på bonusforespørgsel 12 = Fejl i modtagne
  // data (syntaks) 13 = Forespørgsel 15 = Rykker 27 = Afvisning (ikke accepteret) 29 = Accept"
  it('the profile maps the seven kinds to exactly these BGM codes, each from the seed (not an assumption)', () => {
    const codes = getProfile('fp-opsigelser/5.5-reconstructed').documentCodes;
    expect(Object.fromEntries(Object.entries(codes).map(([kind, v]) => [v.value, kind]))).toEqual({
      '9': 'cancellation',
      '11': 'bonusAnswer',
      '12': 'contentError',
      '13': 'bonusQuery',
      '15': 'reminder',
      '27': 'rejection',
      '29': 'accept',
    });
    expect(Object.values(codes).every((v) => v.assumption === false)).toBe(true);
  });
});

describe("2.9.6 'Afvisning - opsigelse ikke accepteret (Kode 27)'", () => {
  // "Hvis årsagen til afvisningen er, at policen allerede er opsagt af et andet forsikringsselskab (kode 9 i ERC) sendes
  // tillige følgende: NAD (det tredje) med VIR-nummer … (Dette segment er ikke mandatory)"
  it('a 27 with ERC 9 needs no third NAD', async () => {
    expect(await errorsOf(swap(TWENTY_SEVEN, 'NAD+OPS+33333333::VIR'))).toEqual([]);
  });
});

describe("2.9.3 'Fejl i modtagne data - syntaks (kode 12)': the 12'er validate writes", () => {
  // "Der kan medsendes: FTX (det henstilles, at der sendes fri tekst ved fejlkoderne F02 og F03)" and "Det bemærkes, at
  // hele meddelelsen ikke returneres (afsender kender jo sin meddelelse). NAD-segmenterne i den modtagne meddelelse
  // vendes, således at første NAD-segment indeholder information om modtager andet NAD-segment information om afsender"
  const replyOf = async (body: readonly string[]) => {
    const [report] = await validate(oneMessage(body), { now: NOW });
    const reply = report!.messages[0]!.reply;
    if (reply === null) throw new Error("no 12'er");
    return parseInterchanges(reply).interchanges[0]!.messages[0]!.segments.map((s) => `${s.tag}+${s.elements.map((e) => e.join(':')).join('+')}`);
  };
  it.each([
    ['F01 (an unknown policy number)', swap(NINE, 'RFF+POL:00-123', 'RFF+POL:ukendt'), 'F01', false],
    ['F02 (free text in a 9 without DTM 288)', swap(NINE, 'DTM+287:20250101:102', 'DTM+287:20250101:102', 'FTX+AAI+++Flytter'), 'F02', true],
    ['F03 (the NADs swapped)', swap(swap(NINE, MR, 'NAD+MR+11111111::VIR'), MS, 'NAD+MS+22222222::VIR'), 'F03', true],
  ])('%s: the case reference, message date, swapped NADs and BRC, nothing of the message, free text only with F02 and F03', async (_, body, code, withText) => {
    const segments = await replyOf(body);
    expect(segments.filter((s) => !s.startsWith('FTX+'))).toEqual([
      'UNH+1+OPSIGE:1:911:UN',
      'BGM+12',
      `ERC+${code}`,
      'RFF+OPS:R-1',
      'DTM+137:20241201:102',
      'NAD+MR+11111111::VIR',
      'NAD+MS+22222222::VIR',
      'BRC+001:002',
      `UNT+${withText ? 10 : 9}+1`,
    ]);
    expect(segments.some((s) => s.startsWith('FTX+'))).toBe(withText);
  });
});
