import type { z } from 'zod';
import type { referralReportRow } from '../../../shared/api/referrals.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

export type ReferralRow = z.infer<typeof referralReportRow>;

/** Who referred whom in the practice (as far as the signed-in therapist may see). */
export function useReferralReport() {
  return useApiQuery<{ referrals: ReferralRow[] }>(paths.referralsReport());
}
