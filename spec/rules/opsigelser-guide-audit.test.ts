/**
 * Seed 002 (F&P "EDI-guide for Opsigelser" 5.5, Danish original) against the rules layer: every
 * normative sentence on deadlines, the case, the accept policy and the bonus history. Each test
 * quotes the sentence it checks, through the public API. What a message must carry is audited in
 * spec/validate/opsigelser-guide-audit.test.ts.
 *
 * Sentences other tests already pin (not repeated here; A = spec/rules/accept-policy.test.ts,
 * C = spec/rules/opsigelse-case.test.ts, T = spec/rules/opsigelse-transitions.test.ts,
 * D = spec/rules/deadlines.test.ts, B = spec/rules/bonus.test.ts, E = spec/rules/case-edges.test.ts):
 * - 2.3 "senest den sidste arbejdsdag i en måned": D 'latestOnTimeSendDate (deadline.normal-notice)'.
 * - 2.3 "genfremsendelse med datokode 288 … senest 3 uger efter den oprindelige opsigelses fremsendelse": D kind
 *   'other-date'; C 'flags a 288 re-send after the 2-week and 3-week windows'; A 'needs both windows'.
 * - 2.3 "datokode 296 … mindst 30 dage til udgangen af en kalendermåned … 1. august … 1. september … 1. november": D
 *   'shortenedNoticeEffectiveDate' (the guide's two examples).
 * - 2.3 "Der må ikke sendes en ny opsigelse, hvis en tidligere afsendt opsigelse ikke er besvaret. Der skal sendes en
 *   rykker.": C 'a second cancellation while the first is unanswered', 'cases across references on one policy'; A
 *   'rejects a new cancellation from the acquirer while its earlier one is unanswered'.
 * - 2.3 "opsigelser på privatpolicer kan dog også foretages med forkortet opsigelsesvarsel": A 'accepts shortened
 *   notice on a private policy when on time'. "branchegruppe 004 og 006 kan der ikke anvendes et forkortet
 *   opsigelsesvarsel" and "privatforsikringer, der er tegnet i et firmas navn … (kode 23 i ERC)": A 'rejects shortened
 *   notice on branch group %s with ERC 23', "… written in a company's name with ERC 23".
 * - 2.3 and 2.9.5 "Rykker må dog tidligst fremsendes 21 dage efter afsendelse af opsigelsesinformation /
 *   bonusforespørgsel": C 'a reminder on day 20', 'a reminder from day 21 chases the answer'; T 'a reminder chasing the
 *   bonus answer counts from the request'. 2.9.5 "Såfremt det overtagende forsikringsselskab ikke har modtaget en
 *   accept … eller et svar på en bonusforespørgsel, kan der fremsendes en rykker": C 'a reminder when nothing is
 *   outstanding'.
 * - 2.3 "komplet EDI-opsigelse med individuelt opsigelsesreferencenummer per policenummer" and 2.10 "må ikke
 *   genanvendes for åbne og uafhængige sager. Dog må nummeret genbruges såfremt den oprindelige opsigelse afvises": C
 *   'reference reuse for another policy while the case is open; allowed after a rejection'; E 'lets another reference
 *   cancel the policy after a rejection'.
 * - 2.4 "en opsigelse på en allerede afgangsført police afstedkomme en fejlmeddelelse" with 2.9.6 "Ophørsdatoen skal
 *   medsendes ved afvisningsårsagerne: 9 … 10 … 11 … 12": A 'already cancelled or lapsed: ERC 9–12 with end date'.
 * - 2.4 "opfordres til en vis tolerance før en opsigelse afvises grundet afvigelser i disse oplysninger": A 'sends a
 *   one-character difference or a missing number to manual review', the family-insurance names tests.
 * - 2.4 "hvis policenummeret ikke kendes, men at cpr- eller cvr-nummer kan identificeres og branche/produktkode i
 *   øvrigt stemmer overens, skal der sendes en accept … flere policer på samme kunde": A 'unknown policy number:
 *   CPR/CVR fallback'.
 * - 2.4 "Hvis opsigelsen er fremsendt med en opsigelsesdato, der er forkert, eller hvis fristen for opsigelse er
 *   passeret, accepteres opsigelsen, men der gives meddelelse om tilrettet opsigelsesdato": A 'wrong or late date:
 *   accepted with a corrected date'.
 * - 2.4 "Frist for afsendelse af svar er fastlagt til 21 dage" and 2.5 "Der kræves accept på opsigelser": C 'a reply
 *   after 21 days is applied with a violation', 'shows the reply due, then overdue'; A 'notes a reply sent after the
 *   21-day deadline'.
 * - 2.5 Acceptpolitik "korrekt branche/produktgruppekode … kan opsigelsen afvises": A 'branch/product must be correct';
 *   "Det er ikke tillladt at ændre branche/produktgruppekoden i forbindelse med accept eller afvisning": C 'a reply
 *   with nothing to answer, in the wrong direction, or with another branch'; spec/messages/builders.test.ts 'copying
 *   the case reference and BRC'. Motor ("policenummer og registreringsnummer"), building ("forsikringssted … 3 første
 *   bogstaver i gadenavn, husnummer samt postnummer"), family, accident and boats ("Hvis der er 2 forsikringstagere …
 *   begge navne anføres"), "må der ikke ske afvisning grundet ubetydelige forskelle i navneoplysningerne … manuel
 *   kontrol": A, the describe blocks of each.
 * - 2.6 "kan 1. overtagende selskab ikke modtage en opsigelse med fortrydelse … afvise (ERC-kode = 19)": A 'rejects
 *   with ERC 19 while our own cancellation awaits its accept'; C 'withdrawal rejected with ERC 19'. "senest 14 dage
 *   efter policens ikrafttrædelsesdato eller … efter, at kunden har modtaget police": D 'withdrawalDeadline'; A
 *   'accepts per the requested date when received within 14 days'. "Hvis 14-dages fristen ikke er overholdt, accepteres
 *   opsigelsen normalt pr. førstkommende udløbsdato": A 'accepts a late withdrawal per the next expiry date, with code
 *   294'. "Som opsigelsesdato skal 2. overtagende selskab benytte den dato, hvor forsikringen skal træde i kraft": A
 *   "accepts per the policy's start date when it has not started".
 * - 2.7 "for auto (branchegruppe 001 og produktgruppe 001, 002, 004 og 999)": B 'isBonusQueryAllowed'; C 'a bonus query
 *   outside motor products'. "Ved rene bonusforespørgsler skal der tillige gives oplysning om policens ophørsdato (kode
 *   295)": T 'a pure bonus query (a 13 not sent with a 9)'. "max. 2 gange": C 'a third bonus query'. The answer's
 *   content (præmietrin or FASTP, 290 / tegningsdato / ændringsdato / blank with 293, skadefri år "kan være negativt",
 *   "maksimalt 10 skader i op til 5 år fra opsigelsesdatoen", "Kun skader, der har medført / forventes at medføre
 *   udgift … fuld regres", konsekvenskoder 1–6, "den dato, hvor policen blev konverteret"): B, every describe block.
 * - 2.8 "Hver gang der anvendes fri tekst, skal der foretages en manuel behandling": A 're-send per another date with
 *   free text (accept.free-text-manual)'.
 * - 2.9.3 "kan modtageren af meddelelsen nægte at viderebehandle meddelelsen": C 'a content error (12) from the ceding
 *   insurer undoes the refused cancellation'; E 'content errors (12) undo only the message their sender received last'.
 * - 2.9.7 "Disse 2 segmenter sendes kun, hvis der accepteres per anden dato": T 'an accept per another date';
 *   "Hvis der i forbindelse med overtagelsen tillige fulgte en bonusforespørgsel, sendes følgende segmenter: SIF …": T
 *   'flags an accept without the bonus block …', 'flags an accept carrying a bonus block nobody asked for'. "Hvis der
 *   modtages to ens acceptmeddelelser, bortkastes nr. 2 … dobbelte meddelelser ignoreres uden meddelelse til
 *   afsender": C 'a second identical accept is dropped silently'; E 'ignores a duplicate without notice'; A 'ignores a
 *   duplicate of the pending or accepted cancellation'.
 * - Regler, Matrikelnumre "må der ikke ske en maskinel afvisning grundet forkert matrikelnummer eller manglende
 *   oplysning om ejerlav" and "Der kan afvises, hvis forsikringssted er forkert … forud have sikret sig": A 'building:
 *   matrikel and ejerlav never reject by machine', 'never rejects by machine for a wrong location'.
 * - Regler, Policenumre "afmaske", "foranstillede nuller … valid del", "både med gammelt og med nyt policenummer": A
 *   'policy numbers are matched un-masked'; spec/rules/matching.test.ts 'policy numbers'.
 * - Regler, Afvisning "genfremsende korrekt opsigelse senest 2 uger efter modtagelse af afvisningen … med datokode 288 …
 *   Men 2 ugers fristen skal være overholdt": C 'cancel → reject → re-send per another date (288) within 2 weeks', 'flags
 *   a 288 re-send after the 2-week and 3-week windows'; A 'needs both windows'. Our reading, pinned by T 'a 288 re-send
 *   on the last day of both windows is on time; a re-send of another basis has no window': a later cancellation of
 *   another basis under the rejected reference is judged by the normal notice deadline only, because "Dog må nummeret
 *   genbruges såfremt den oprindelige opsigelse afvises" lets it be a new cancellation, not a late re-send; dueOn still
 *   lists the 2-week re-send as due.
 *
 * Sentences with nothing to check in the data the library sees: 2.1 "En delvis opsigelse … skal behandles manuelt"
 * (no message says "partial"); 2.4 "Selskaberne må ikke vente med at sende opsigelser …" (intent); 2.5 the CRM
 * deregistration "14 dage efter overtagelsesdatoen" ("Det anbefales"; CRM is outside the exchange); 2.6 "Som
 * opsigelsesdato anføres dagen, hvor aftalen om tegningen er indgået" (the 2nd acquirer's own facts) and the CRM
 * withdrawal without an EDI message; 2.7 "Dette policenummer skal naturligvis kunne findes i afgivende selskab, ellers
 * afvises bonusforespørgslen" (no accept policy for a 13: the caller decides; buildRejection and the case take the 27,
 * T 'a rejection answers an open bonus query').
 */
import { describe, expect, it } from 'vitest';
import { buildAccept, buildBonusQuery, decideOnCancellation, OpsigelseCase, OpsigelseRegistry, toReply, type Cancellation } from '../../src/index.js';
import { ACQUIRER, cancellation, CEDING, familyCancellation, familyPolicy, motorPolicy, THIRD } from './fixtures.js';
import { rulesOf } from './helpers.js';

/** A motor cancellation to the renewal date 2025-01-01 of {@link motorPolicy}, sent (DTM 137) on `sentOn`. */
const nineSentOn = (sentOn: string, overrides: Partial<Cancellation> = {}) => cancellation({ messageDate: sentOn, ...overrides });

describe("2.3 'Sagsgangen i det overtagende selskab': when a cancellation is on time", () => {
  // "Generelt betragtes en opsigelse som rettidig, såfremt den er afsendt senest dagen før opsigelsesfristens udløb, dvs.
  // senest den sidste arbejdsdag i en måned. Datoen for afsendelse fremgår af meddelelsesdatoen (137) i DTM segmentet."
  // Renewal 2025-01-01: the notice period starts 2024-12-01, so the last working day before it is Friday 2024-11-29.
  it('judges by the message date (DTM 137), not by the day the ceding insurer received the cancellation', () => {
    const received = decideOnCancellation(nineSentOn('2024-11-29'), motorPolicy(), { today: '2024-12-02', receivedOn: '2024-12-02' });
    expect(received.decision).toBe('accept');
    const late = decideOnCancellation(nineSentOn('2024-12-02'), motorPolicy(), { today: '2024-12-02', receivedOn: '2024-12-02' });
    expect(late).toMatchObject({ decision: 'accept-with-date', correctedDate: { date: '2026-01-01', basis: 'normal' } });
  });

  // "Denne frist gælder også selv om, der er sket en afvisning, og derfor skal ske genfremsendelse."
  it('holds for a re-send after a rejection: a late normal re-send is accepted per the next renewal date it is on time for', () => {
    const policy = motorPolicy({ rejectedCancellation: { caseReference: 'TRY-2024-000123', sentOn: '2024-11-20', rejectedOn: '2024-11-22' } });
    expect(decideOnCancellation(nineSentOn('2024-11-29'), policy, { today: '2024-11-29' }).decision).toBe('accept');
    expect(decideOnCancellation(nineSentOn('2024-12-02'), policy, { today: '2024-12-02' })).toMatchObject({
      decision: 'accept-with-date',
      rule: 'accept.corrected-date',
      correctedDate: { date: '2026-01-01' },
    });
  });
});

describe("2.3: one EDI cancellation per policy", () => {
  // "Der må ikke sendes mere end en EDI-opsigelse på en forsikring. Er en EDI-opsigelse først blevet accepteret, vil
  // efterfølgende EDI-opsigelser på den pågældende forsikring blive afvist. Det vil således ikke være muligt først at
  // sende en EDI-opsigelse til forsikringens hovedforfaldsdag, for derefter at sende en EDI-opsigelse med ønske om kort
  // opsigelse - eller omvendt."
  const normal = nineSentOn('2024-11-20');
  const shortened = nineSentOn('2024-11-20', { cancellationDate: { date: '2025-01-01', basis: 'shortenedNotice' } });
  const secondCase = (first: Cancellation, second: Cancellation) => {
    const registry = new OpsigelseRegistry();
    registry.apply(first);
    registry.apply(buildAccept(first, { messageDate: '2024-11-22' }));
    return registry.apply({ ...second, caseReference: 'TRY-2024-000999', messageDate: '2024-11-25' });
  };
  it.each([
    ['a renewal-date cancellation, then one with shortened notice', normal, shortened],
    ['a shortened-notice cancellation, then one to the renewal date', shortened, normal],
  ])('%s: the second is flagged across cases, and in the same case refused', (_, first, second) => {
    expect(rulesOf(secondCase(first, second))).toEqual(['case.one-cancellation-per-policy']);
    const c = OpsigelseCase.replay([{ message: first }, { message: buildAccept(first, { messageDate: '2024-11-22' }) }]);
    const again = c.apply({ ...second, messageDate: '2024-11-25' });
    expect(again.status).toBe('refused');
    expect(rulesOf(again)).toEqual(['case.one-cancellation-per-policy']);
  });
  it.each([
    ['the same acquirer', ACQUIRER, 'cancellationAlreadyAccepted'],
    ['another acquirer', THIRD, 'alreadyCancelledByCompany'],
  ])('the ceding insurer rejects the second from %s', (_, acquirer, reason) => {
    const policy = motorPolicy({ acceptedCancellation: { caseReference: 'TRY-2024-000001', acquirer: { vir: acquirer }, cancellationDate: '2025-01-01' } });
    const second = { ...shortened, sender: { vir: ACQUIRER }, recipient: { vir: CEDING } };
    expect(decideOnCancellation(second, policy, { today: '2024-11-25' })).toMatchObject({ decision: 'reject', rule: 'accept.second-after-accepted', reason });
  });
});

describe("2.6 'Fortrydelse i forbindelse med nytegning'", () => {
  // "Såvel ved opsigelse som ved accept (hvis der ændres dato) anvendes kode 294 i DTM segmentet."
  const withdrawal = nineSentOn('2024-11-20', { cancellationDate: { date: '2024-11-25', basis: 'withdrawal' } });
  it('an accept of a withdrawal that changes the date must carry it under code 294: under another code it is flagged', () => {
    const c = OpsigelseCase.replay([{ message: withdrawal }]);
    const other = c.apply(buildAccept(withdrawal, { messageDate: '2024-11-22', correctedDate: { date: '2025-01-01', basis: 'normal' } }));
    expect(other.status).toBe('applied');
    expect(rulesOf(other)).toEqual(['accept.withdrawal-date']);
    expect(c.state).toBe('withdrawn');
  });
  it('under 294 it is clean, and buildAccept writes the changed date under the cancellation\'s code', () => {
    const built = buildAccept(withdrawal, { messageDate: '2024-11-22', correctedDate: '2025-01-01' });
    expect(built.correctedDate).toEqual({ date: '2025-01-01', basis: 'withdrawal' });
    const c = OpsigelseCase.replay([{ message: withdrawal }]);
    expect(c.apply(built)).toEqual({ status: 'applied', violations: [] });
  });
});

describe("2.10 'Opsigelsens referencenummer'", () => {
  // "Referencenummeret kan genbruges ved fremtidige henvendelser vedr. den pågældende sag, f.eks. ved efterfølgende
  // forespørgsler, men det er ikke et krav."
  const nine = nineSentOn('2024-11-20');
  const accepted = () => {
    const registry = new OpsigelseRegistry();
    registry.apply(nine);
    registry.apply(buildAccept(nine, { messageDate: '2024-11-22' }));
    return registry;
  };
  it('a later bonus query on the accepted policy may reuse the reference, or come under a new one', () => {
    expect(accepted().apply(buildBonusQuery(nine, { messageDate: '2024-12-20' }))).toEqual({ status: 'applied', violations: [] });
    const fresh = buildBonusQuery({ ...nine, caseReference: 'TRY-2024-000777' }, { messageDate: '2024-12-20', policyEndDate: '2025-01-01' });
    expect(accepted().apply(fresh)).toEqual({ status: 'applied', violations: [] });
  });
});

describe("2.9.7 'Accept af overtagelse (Kode 29)': the accept toReply builds", () => {
  // "NAD med det afgivende selskabs oplysninger om forsikringstager 1 s navn og adresse og om muligt CVR eller CPR
  // nummer": our name and id; our address when our record holds one, else the address the cancellation gave (the 29
  // must carry one, and an address of ours we do not have cannot be sent).
  const received = familyCancellation({ policyholder1: { name: 'Jens Peter Hansen', id: { value: '1212701111', type: 'CPR' }, street: 'Åvej 3', postcode: '8000', city: 'Aarhus C' } });
  const reply = (holder: Parameters<typeof familyPolicy>[0]) => {
    const decision = decideOnCancellation(received, familyPolicy(holder), { today: '2024-11-21' });
    if (decision.decision !== 'accept') throw new Error(`expected an accept, got ${decision.decision}`);
    const built = toReply(decision, received, { messageDate: '2024-11-21' });
    if (built.kind !== 'accept') throw new Error('expected a 29');
    return built;
  };
  it('takes our address when we hold street and postcode', () => {
    const ours = { name: 'Jens Peter Hansen', street: 'Bygaden 9', postcode: '8200', city: 'Aarhus N' };
    expect(reply({ holders: [ours] })).toMatchObject({ kind: 'accept', policyholder1: ours });
  });
  it("takes the cancellation's address, with our name and id, when we hold none (or only part of one)", () => {
    for (const ours of [{ name: 'Jens Peter Hansen', id: { value: '1212701111', type: 'CPR' as const } }, { name: 'Jens Peter Hansen', street: 'Bygaden 9' }]) {
      expect(reply({ holders: [ours] }).policyholder1).toEqual({ name: 'Jens Peter Hansen', ...('id' in ours ? { id: ours.id } : {}), street: 'Åvej 3', postcode: '8000', city: 'Aarhus C' });
    }
  });
});
