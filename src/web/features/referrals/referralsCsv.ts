import type { CsvValue } from '../../../shared/csv.js';
import type { ReferralRow } from './useReferralReport.js';

/** The referrals report as CSV rows, the header first. */
export function referralsCsv(rows: ReferralRow[], dateText: (iso: string) => string): CsvValue[][] {
  const header = ['Referred by', 'Friend', 'Referred on', 'Booked', 'First visit', 'Thank you sent'];
  const lines = rows.map((r) => [
    r.referrerName,
    r.referredName,
    dateText(r.referredAt),
    r.booked ? 'Yes' : 'No',
    r.firstVisit ? dateText(r.firstVisit) : '',
    r.thanked ? 'Yes' : 'No',
  ]);
  return [header, ...lines];
}
