// Calendar values for one interchange, computed once per interchange (not per message) so
// the generator's hot loop only picks strings. All dates are real dates (F02 otherwise).

const DAY = 86400000;
const BASE = Date.UTC(2024, 0, 2); // first interchange date; one calendar day per interchange

const pad = (n) => (n < 10 ? '0' : '') + n;
const fmt = (t) => {
  const d = new Date(t);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
};
const firstOfMonth = (y, m) => Date.UTC(y, m, 1); // m may overflow; Date.UTC normalises

export function interchangeDates(rng, index) {
  const t = BASE + index * DAY;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const today = fmt(t);

  // Normal cancellation dates: 1st of month M+2 .. M+12, always on time under the default
  // notice rule (latest sending = last working day of month M+R-1-1 >= this month).
  const firsts = [];
  for (let k = 2; k <= 12; k++) firsts.push(fmt(firstOfMonth(y, m + k)));

  // Shortened notice (296), the profile's rule: the earliest month whose last day is at
  // least 30 days after sending; effective the 1st of the month after it.
  let k = 0;
  while ((Date.UTC(y, m + k + 1, 0) - t) / DAY < 30) k++;
  const short296 = fmt(firstOfMonth(y, m + k + 1));

  // Near future (withdrawal dates, Z40 end dates within 30 days, cessation dates).
  const soon = [];
  for (let i = 1; i <= 30; i++) soon.push(fmt(t + i * DAY));

  // Claim / step-change dates: within the last 4 years. Underwriting: 5–20 years back, so
  // every claim and step change falls after it.
  const recent = [];
  for (let i = 0; i < 48; i++) recent.push(fmt(t - rng.int(20, 4 * 365) * DAY));
  const underwriting = [];
  for (let i = 0; i < 16; i++) underwriting.push(fmt(Date.UTC(y - rng.int(5, 20), rng.int(0, 11), rng.int(1, 28))));

  return {
    today,
    unbDate: today.slice(2), // YYMMDD (syntax 3)
    unbTime: `${rng.int(20, 23)}${pad(rng.int(0, 59))}`,
    firsts,
    short296,
    soon,
    recent,
    underwriting,
  };
}
