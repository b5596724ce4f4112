import { type CsvValue, toCsv } from '../shared/csv.js';

/** The rows as a CSV file; the byte-order mark makes Excel read it as UTF-8, so accented names stay intact. */
export const csvBlob = (rows: CsvValue[][]) => new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });

/** Saves the rows as a CSV file through a Blob object URL: nothing leaves the browser. */
export function downloadCsv(fileName: string, rows: CsvValue[][]) {
  const url = URL.createObjectURL(csvBlob(rows));
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
