/**
 * A small CSV writer for the dashboard's tables. Every cell is quoted, and text that a
 * spreadsheet would run as a formula (= + - @, or a tab or carriage return in front) gets a
 * leading ' so it opens as plain text.
 */

import { guardFormula } from '../../../shared/csv.js';

export type CsvCell = string | number | null | undefined;

export function csvCell(cell: CsvCell): string {
  let text = cell === null || cell === undefined ? '' : String(cell);
  // Numbers we write ourselves are safe; only text can smuggle in a formula.
  if (typeof cell === 'string') text = guardFormula(text);
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows (the first one the header) as CSV text with CRLF line ends, as RFC 4180 writes them. */
export function toCsv(rows: CsvCell[][]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Saves the rows as a file through a Blob object URL: nothing leaves the browser. */
export function downloadCsv(fileName: string, rows: CsvCell[][]) {
  // The byte-order mark makes Excel read the file as UTF-8 (accented names stay intact).
  const blob = new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
