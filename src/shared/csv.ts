// One guard for every CSV Carryover writes (client export, dashboard, referrals): a spreadsheet
// must open each cell as text, whatever separator its locale uses (comma, semicolon or tab).

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/** Text a spreadsheet would run as a formula (= + - @, or a tab or carriage return in front, also after a ; or tab) gets a ' so it stays text. */
export const guardFormula = (text: string) =>
  // After a ; or tab too: a spreadsheet in a semicolon or tab locale starts a new cell there, quotes or not.
  (FORMULA_START.test(text) ? `'${text}` : text).replace(/([;\t])([=+\-@])/g, "$1'$2");

/** One CSV cell: guarded, and quoted when it holds any locale's separator, a quote or a line break. */
export function csvCell(text: string): string {
  const safe = guardFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** For csv-stringify: quote fields holding a semicolon or tab too, not only commas. */
export const QUOTE_OTHER_SEPARATORS = /[;\t]/;

/** What a CSV cell may hold: text is guarded; numbers we write ourselves are safe as they are; nothing is an empty cell. */
export type CsvValue = string | number | null | undefined;

/** Rows (the first one the header) as CSV text with CRLF line ends, as RFC 4180 writes them: the one CSV writer of the web app. */
export function toCsv(rows: CsvValue[][]): string {
  const cell = (v: CsvValue) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : csvCell(v));
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
