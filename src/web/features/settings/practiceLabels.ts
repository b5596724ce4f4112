import type { Role } from '../../../shared/api/auth.js';
import type { PAPER_SIZES } from '../../../shared/api/practice.js';

export const paperSizeLabels: Record<(typeof PAPER_SIZES)[number], string> = { letter: 'Letter (US)', a4: 'A4' };
export const roleLabels: Record<Role, string> = { owner: 'Owner', therapist: 'Therapist' };
