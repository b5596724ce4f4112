import { z } from 'zod';
import { HOUR_STYLES } from '../time/format.js';
import { ROLES } from './auth.js';
import { emailSchema, NO_LINE_BREAKS, nameSchema } from './common.js';
import { REMINDER_DEFAULTS } from './email-consent.js';

export const HOMEWORK_CAP = { min: 1, max: 3, default: 2 } as const;
export const PAPER_SIZES = ['letter', 'a4'] as const;

const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Choose a time zone from the list, like Europe/London');

export const practiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  /** How every time is written: "2:30 PM" or "14:30". */
  timeFormat: z.enum(HOUR_STYLES),
  paperSize: z.enum(PAPER_SIZES),
  homeworkCap: z.number().int(),
  senderName: z.string().nullable(),
  replyTo: z.string().nullable(),
  isDemo: z.boolean(),
  lapseWeeks: z.number().int(),
  rebookIntervalDays: z.number().int(),
  defaultDurationMinutes: z.number().int(),
  /** Every member must use two-step sign-in. */
  requireTwoFactor: z.boolean(),
  /** Reminders for a client who agreed but chose no rhythm: 'off', or 'daily' at local morning. */
  reminderDefault: z.enum(REMINDER_DEFAULTS),
});
export type Practice = z.infer<typeof practiceSchema>;

export const practicePatch = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the practice name')
      .max(120)
      .regex(...NO_LINE_BREAKS),
    timezone: timezoneSchema,
    timeFormat: z.enum(HOUR_STYLES, { message: 'Choose 12h or 24h' }),
    paperSize: z.enum(PAPER_SIZES),
    homeworkCap: z
      .number()
      .int()
      .min(HOMEWORK_CAP.min, `At least ${HOMEWORK_CAP.min}`)
      .max(HOMEWORK_CAP.max, `At most ${HOMEWORK_CAP.max}: fewer items get done`),
    senderName: z
      .string()
      .trim()
      .max(120)
      .regex(...NO_LINE_BREAKS)
      .nullable(),
    replyTo: emailSchema.nullable(),
    lapseWeeks: z.number().int().min(2, 'At least 2 weeks').max(52, 'At most 52 weeks'),
    rebookIntervalDays: z.number().int().min(1).max(180),
    defaultDurationMinutes: z.number().int().min(15).max(240),
    requireTwoFactor: z.boolean(),
    reminderDefault: z.enum(REMINDER_DEFAULTS, { message: 'Choose off or every day' }),
  })
  .partial()
  .strict();

export const inviteBody = z.object({ email: emailSchema, name: nameSchema.optional(), role: z.enum(ROLES).default('therapist') });
/** Deactivating a member: who takes over their clients (required when they have any). */
export const deactivateMemberBody = z.object({ clientsTo: z.string().uuid('Choose who takes over their clients').optional() }).strict();
export const memberDeactivated = z.object({ clientsMoved: z.number().int(), apiKeysRevoked: z.number().int() });
export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export const invitationPreview = z.object({ practiceName: z.string(), email: z.string(), name: z.string().nullable() });
export const acceptInviteBody = z.object({
  token: z.string().min(10).max(200),
  name: nameSchema,
  password: z.string().min(10, 'Use at least 10 characters').max(200),
});

export const apiKeyCreateBody = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the key, like "Booking sync"')
    .max(80)
    .regex(...NO_LINE_BREAKS),
});
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const apiKeyCreated = apiKeySchema.extend({ key: z.string() });
