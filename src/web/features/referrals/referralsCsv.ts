import type { ReferralRow } from './useReferralReport.js';

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The referrals report as CSV text (with a byte-order mark so spreadsheet apps read accents right). */
export function referralsCsv(rows: ReferralRow[], dateText: (iso: string) => string): string {
  const header = ['Referred by', 'Friend', 'Referred on', 'Booked', 'First visit', 'Thank you sent'];
  const lines = rows.map((r) => [
    r.referrerName,
    r.referredName,
    dateText(r.referredAt),
    r.booked ? 'Yes' : 'No',
    r.firstVisit ? dateText(r.firstVisit) : '',
    r.thanked ? 'Yes' : 'No',
  ]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Hands the browser a file to save, made here without asking the server. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
