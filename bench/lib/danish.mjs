// Word pools and value makers for the generator. Every string here is already in WIRE form
// (default profile service characters `:+.? '`): a literal + : ' ? inside data is written
// released (?+ ?: ?' ??). Danish letters are plain JS chars U+00C0..U+00FF, written as
// ISO 8859-1 bytes by the generator (UNOC). Lengths stay inside the 91.1 element limits
// (names/streets/cities an..35, FTX text an..70) measured AFTER unescaping.

export const FIRST = [
  'Søren', 'Jørgen', 'Åse', 'Bjørn', 'Mette', 'Anne', 'Lars', 'Kirsten', 'Jens', 'Hanne',
  'Ærling', 'Øjvind', 'Birgitte', 'Mads', 'Signe', 'Rasmus', 'Ida', 'Frederik', 'Sofie',
  'Thøger', 'Maja', 'Niels', 'Karen', 'Poul', 'Grethe', 'Ove', 'Bodil', 'Kåre', 'Lærke',
];
export const MIDDLE = ['', '', '', 'Ærø', 'Holm', 'Skov', 'Bæk', 'Krogh', 'Dahl', 'Lykke'];
export const LAST = [
  'Ågård', 'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Sørensen', 'Møller', 'Læssøe',
  'Aagaard', 'Kjærgaard', 'Østergård', 'Brøndum', 'Frølund', 'Thomsen', 'Christensen',
  'Rasmussen', 'Kærsgaard', 'Mølgaard', 'Bøgh', 'Vestergård', 'Nørgaard', 'Damsø',
];
// Company names: a few carry released separators (?+ for "+", ?' for an apostrophe).
export const COMPANY = [
  'Ærø Vognmandsforretning ApS', 'Østjysk Landbrug I/S', 'Møllers Tømrer A/S',
  'Hansen ?+ Søn ApS', 'Brødrene Kjær Entreprise', 'Sønderjysk Maskinstation',
  'Frølunds Gartneri ApS', 'Åbybro Auto ?+ Dæk', 'Læsø Fiskeeksport A/S',
  'Nørre Vium Kro', "Bøgh?'s Cykler", 'Dalgård Økologi ApS', 'Skærbæk Transport A/S',
];
export const STREET = [
  'Østergade', 'Søndergade', 'Nørregade', 'Vesterbrogade', 'Åboulevard', 'Æbeløvej',
  'Strandvejen', 'Møllevej', 'Kærvej', 'Skovbrynet', 'Bøgevænget', 'Fælledvej',
  'Grønnegade', 'Kongens Nytorv', 'Ørnevej', 'Lærkevej', 'Søvej', 'Præstevænget',
];
export const FLOOR = ['', '', '', ', st.', ', 1. tv.', ', 2. th.', ', 3. mf.', ', kld.'];
export const CITY = [
  ['1100', 'København K'], ['8000', 'Aarhus C'], ['5000', 'Odense C'], ['9000', 'Aalborg'],
  ['6700', 'Esbjerg'], ['7100', 'Vejle'], ['4000', 'Roskilde'], ['3000', 'Helsingør'],
  ['8900', 'Randers C'], ['2800', 'Kongens Lyngby'], ['7400', 'Herning'], ['2970', 'Hørsholm'],
  ['4700', 'Næstved'], ['3400', 'Hillerød'], ['6400', 'Sønderborg'], ['9800', 'Hjørring'],
  ['5700', 'Svendborg'], ['8700', 'Horsens'], ['4800', 'Nykøbing F'], ['6000', 'Kolding'],
  ['5970', 'Ærøskøbing'], ['9940', 'Læsø'], ['3700', 'Rønne'], ['7800', 'Skive'],
];
export const EJERLAV = [
  'Østerbro, København', 'Århus Bygrunde', 'Sønderby, Ærø', 'Nørre Åby By',
  'Ålsgårde By, Hellebæk', 'Kærby, Kjeldgård', 'Tørring By', 'Frederiksberg',
];
export const CONTACT = [
  'Lise Kjær', 'Ole Bøgh', 'Trine Sørensen', 'Kundeservice Skade', 'Peter Ørsted',
  'Anja Lykke, lok. 4711', 'Bent Åkjær',
];
// FTX texts (an..70 after unescaping), with releases sprinkled in.
export const FTX_TEXT = [
  'Kunden ønsker opsigelse pr. anden dato?: se aftale af 3. marts',
  'Bemærk?: police ændret 1?+2 gang i år',
  'Tidligere selskab har oplyst forkert adresse - rettet',
  'Kunden er flyttet til Ærø pr. 1. maj',
  'Rabat 10??-15?? bortfalder ved skift',
  "Aftale indgået med ejer?'s advokat",
  'Police overført fra gammelt system?: se sagsnr. i RFF',
  'Ønsket ophør ved hovedforfald, kunden har solgt bilen',
  'Dækning ophører grundet manglende betaling af præmie',
  'Policenummer mangler i modtagne data',
  'Første NAD er ikke modtageren af forsendelsen',
  'Ugyldig dato i DTM?: 20240231',
  'Forsikringssum ændret efter ny vurdering af båden',
  'Kunden fortryder skiftet?: dækningen genetableres',
];

const pad = (n, w) => String(n).padStart(w, '0');

/** A CPR-shaped id: valid DDMMYY date + 4 digits (no modulus 11, see check-digits.md). */
export function cpr(rng) {
  return pad(rng.int(1, 28), 2) + pad(rng.int(1, 12), 2) + pad(rng.int(30, 99), 2) + rng.digits(4);
}

/** A CVR number that passes modulus 11 (weights 2 7 6 5 4 3 2 1). */
export function cvr(rng) {
  const w = [2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const d = [rng.int(1, 9)];
    for (let i = 1; i < 7; i++) d.push(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 7; i++) sum += d[i] * w[i];
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return d.join('') + check;
  }
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVXYZ';
export const letters = (rng, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS[rng.int(0, LETTERS.length - 1)];
  return s;
};

/** Policy numbers: leading zeros and letter prefixes matter; ~1 in 6 carries a release. */
export function policyNumber(rng) {
  switch (rng.int(0, 11)) {
    case 0: return `${rng.digits(2)}-${rng.digits(3)}?+${rng.digits(3)}`; // the profile's own example shape
    case 1: return `${letters(rng, 2)}?:${rng.digits(6)}`;
    case 2: return `${rng.digits(4)}??${rng.digits(4)}`;
    case 3: return `P?'${rng.digits(7)}`;
    case 4: case 5: return `${letters(rng, 2)}${rng.digits(7)}`;
    case 6: case 7: return `00${rng.digits(8)}`;
    default: return `${rng.digits(4)}-${rng.digits(4)}-${rng.digits(2)}`;
  }
}

export const regNo = (rng) => letters(rng, 2) + rng.digits(5);

/** `Name` or `Name Middle Last` (an..35). */
export function personName(rng) {
  const m = rng.pick(MIDDLE);
  return `${rng.pick(FIRST)} ${m ? m + ' ' : ''}${rng.pick(LAST)}`;
}

export function street(rng) {
  return `${rng.pick(STREET)} ${rng.int(1, 180)}${rng.pick(FLOOR)}`;
}
