import { csvCell } from '../../../shared/csv.js';
import type { ReferralRow } from './useReferralReport.js';

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
