// Numbers, percents and months in the reader's locale (Intl), the same everywhere on the page.
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const signedInteger = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedPercent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });
const monthLong = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });
const monthMedium = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
const monthShort = new Intl.DateTimeFormat(undefined, { year: '2-digit', month: 'short', timeZone: 'UTC' });
const dayShort = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

export const NONE = '–';

export const count = (n) => (n == null ? NONE : integer.format(n));
export const change = (n) => (n == null ? NONE : signedInteger.format(n));
/** A percent change given in percent points (GraphQL's changePercent: 12.5 means +12.5 %). */
export const changePercent = (p) => (p == null ? NONE : signedPercent.format(p / 100));
/** A share between 0 and 1. */
export const share = (r) => (r == null ? NONE : percent.format(r));
export const number = (n) => (n == null ? NONE : decimal.format(n));

/** "2026-11" as a UTC date (months are calendar values; UTC keeps the formatter from shifting them). */
const monthDate = (month) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
export const monthName = (month) => monthLong.format(monthDate(month));
export const monthMediumName = (month) => monthMedium.format(monthDate(month));
export const monthLabel = (month) => monthShort.format(monthDate(month));
export const dayLabel = (date) => dayShort.format(new Date(`${date}T00:00:00Z`));

export function previousMonth(month, back = 1) {
  const d = monthDate(month);
  d.setUTCMonth(d.getUTCMonth() - back);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The wall-clock time of an RFC 3339 date-time as written (the environment's offset), e.g. "2 Nov, 10:30". */
export function wallClock(dateTime) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(dateTime ?? '');
  if (!m) return dateTime ?? NONE;
  const local = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  return new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(local);
}

/** "+12 (+50 %)", or "+12" when the percent is undefined (previous value 0). */
export const changeWithPercent = (n, p) => (p == null ? change(n) : `${change(n)} (${changePercent(p)})`);

/** "up" / "down" / "" for styling a change, never the only cue (the sign is in the text). */
export const trendClass = (n) => (n == null || n === 0 ? '' : n > 0 ? 'up' : 'down');
