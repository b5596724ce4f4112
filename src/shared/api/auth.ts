import { z } from 'zod';
import { HOUR_STYLES } from '../time/format.js';
import { emailSchema, NO_LINE_BREAKS, nameSchema, passwordSchema } from './common.js';
import { secondStepCode, twoFactorStatus } from './two-factor.js';

export const ROLES = ['owner', 'therapist'] as const;
export type Role = (typeof ROLES)[number];

export const signupBody = z.object({
  practiceName: z
    .string()
    .trim()
    .min(1, 'Enter the practice name')
    .max(120)
    .regex(...NO_LINE_BREAKS),
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export const loginBody = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
  /** Needed when two-step sign-in is on: the app's code or a recovery code. */
  code: secondStepCode.optional(),
});
export const csrfResponse = z.object({ csrfToken: z.string() });

export const memberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  /** When the owner deactivated them (they left the practice); null while they work here. */
  deactivatedAt: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const meResponse = z.object({
  member: memberSchema,
  practice: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean(), timezone: z.string(), timeFormat: z.enum(HOUR_STYLES) }),
  csrfToken: z.string(),
  twoFactor: twoFactorStatus,
});
export type Me = z.infer<typeof meResponse>;

export const resetRequestBody = z.object({ email: emailSchema });
export const resetConfirmBody = z.object({ token: z.string().min(10).max(200), password: passwordSchema });
