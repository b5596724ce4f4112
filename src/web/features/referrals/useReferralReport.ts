import type { z } from 'zod';
import type { referralReportRow } from '../../../shared/api/referrals.js';
import { useApiData } from '../../useApiData.js';

export type ReferralRow = z.infer<typeof referralReportRow>;

/** Who referred whom in the practice (as far as the signed-in therapist may see). */
export function useReferralReport() {
  return useApiData<{ referrals: ReferralRow[] }>('/api/v1/reports/referrals');
}
