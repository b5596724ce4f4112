import { z } from 'zod';
import { ASSUMED_TOOLS, cautionSlugs, complaintSlugs, lifestyleSlugs, regionSlugs, SIDES, toolSlugs } from '../vocabulary.js';
import { emailSchema, NO_LINE_BREAKS } from './common.js';
import { reminderRhythmField, remindersConsentSchema } from './email-consent.js';
import { patchOf } from './patch.js';

export const REFERRAL_SOURCES = ['client-referral', 'search', 'social', 'walk-in', 'doctor-or-physio', 'gift', 'other'] as const;

// A refinement, not a transform: the same schemas also serialise responses.
const unique = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'Choose each one only once');

export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ()./-]{6,}$/, 'Enter a phone number with digits, like +1 555 123 4567')
  .refine((p) => p.replace(/\D/g, '').length >= 6 && p.replace(/\D/g, '').length <= 15, 'A phone number has 6 to 15 digits');

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Choose a time zone from the list, like America/New_York');

export const intakeSchema = z
  .object({
    complaints: unique(z.enum(complaintSlugs), 17).default([]),
    complaintNotes: z.string().trim().max(2000).nullable().optional(),
    goals: z.string().trim().max(2000).nullable().optional(),
    lifestyle: unique(z.enum(lifestyleSlugs), 12).default([]),
    tools: unique(z.enum(toolSlugs), 12).default([]),
    /** Assumed tools (doorway, wall, chair, floor space) this client does not have. */
    lacksTools: unique(z.enum(ASSUMED_TOOLS), 4).default([]),
    cautions: unique(z.enum(cautionSlugs), 13).default([]),
    cautionNotes: z.string().trim().max(2000).nullable().optional(),
    referredByClientId: z.string().uuid().nullable().optional(),
    referralSource: z.enum(REFERRAL_SOURCES).nullable().optional(),
  })
  .strict();
export type Intake = z.infer<typeof intakeSchema>;

const nameField = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}`)
    .max(80)
    .regex(...NO_LINE_BREAKS);

const clientFields = {
  firstName: nameField('first name'),
  lastName: z
    .string()
    .trim()
    .max(80)
    .regex(...NO_LINE_BREAKS),
  email: emailSchema.nullable().optional(),
  phone: phoneSchema.nullable().optional(),
  timezone: timezoneSchema.nullable().optional(),
  /** The client agreed to reminder and come-back emails (the homework email needs only their address). */
  consentToEmail: z.boolean(),
  /** The client's reminder rhythm, set with their agreement; null follows the practice's default. */
  reminderRhythm: reminderRhythmField,
  therapistId: z.string().uuid().optional(),
  intake: intakeSchema,
};
export const clientBody = z
  .object({
    ...clientFields,
    lastName: clientFields.lastName.default(''),
    consentToEmail: z.boolean().default(false),
    reminderRhythm: reminderRhythmField.default(null),
    // prefault, not default: the empty intake goes through the schema, so every list is there.
    intake: intakeSchema.prefault({}),
  })
  .strict();
// No defaults here: a field left out of a PATCH keeps its value.
export const clientPatch = z
  .object({ ...clientFields, archived: z.boolean() })
  .partial()
  .strict();

export const clientSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  timezone: z.string().nullable(),
  consentToEmail: z.boolean(),
  /** When and how the client agreed to reminder and come-back emails; null without agreement. */
  remindersConsent: remindersConsentSchema.nullable(),
  reminderRhythm: reminderRhythmField,
  therapistId: z.string().nullable(),
  archived: z.boolean(),
  intake: intakeSchema,
  intakeCompletedAt: z.string().nullable(),
  /** When the client stopped all mail with one click (unsubscribe); null while mail is allowed. */
  unsubscribedAt: z.string().nullable(),
  lastSessionDate: z.string().nullable(),
  /** On lists and the client's record: days with homework done of the last 14, and the latest check-in's day. */
  adherence: z.object({ doneDays: z.number(), ofDays: z.number(), lastCheckIn: z.string().nullable() }).optional(),
  /** On lists and the client's record: when the next booked visit starts, or null. */
  nextAppointment: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof clientSchema>;

export const clientListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  archived: z.enum(['true', 'false']).optional(),
  sort: z.enum(['recent', 'name', 'adherence', 'next-visit']).default('recent'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const areaSchema = z.object({ region: z.enum(regionSlugs), side: z.enum(SIDES).optional() }).strict();
export const findingSchema = z
  .object({
    region: z.enum(regionSlugs),
    side: z.enum(SIDES).optional(),
    muscle: z.string().trim().max(80).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14');

export const sessionBody = z
  .object({
    date: isoDate,
    areasWorked: z.array(areaSchema).max(60).default([]),
    areasNeedingMoreTime: z.array(areaSchema).max(60).default([]),
    findings: z.array(findingSchema).max(30).default([]),
    focusComplaints: unique(z.enum(complaintSlugs), 17).default([]),
    notes: z.string().trim().max(5000).nullable().optional(),
    /** SOAP "S": what the client reported since last time. */
    subjective: z.string().trim().max(5000).nullable().optional(),
    /** SOAP "A": the therapist's assessment. */
    assessment: z.string().trim().max(5000).nullable().optional(),
    /** The visit this session was recorded at (started from Today): it is then marked attended. */
    appointmentId: z.string().uuid('Not a valid id').optional(),
  })
  .strict();
export const sessionPatch = patchOf(sessionBody.omit({ appointmentId: true }));

export const sessionSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  therapistId: z.string().nullable(),
  date: z.string(),
  areasWorked: z.array(areaSchema),
  areasNeedingMoreTime: z.array(areaSchema),
  findings: z.array(findingSchema),
  focusComplaints: z.array(z.enum(complaintSlugs)),
  notes: z.string().nullable(),
  subjective: z.string().nullable(),
  assessment: z.string().nullable(),
  /** The visit this session was recorded at, if any. */
  appointmentId: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type SessionRecord = z.infer<typeof sessionSchema>;

export const TIMELINE_KINDS = [
  'session',
  'intake',
  'created',
  'homework',
  'homework-ended',
  'email',
  'check-in',
  'question',
  'answer',
  'booking',
  'goal',
  'goal-progress',
] as const;
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  sessionId: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** What a client fills in on their own, from an intake link. */
export const publicIntakeBody = intakeSchema
  .omit({ referredByClientId: true })
  .extend({
    consentToEmail: z.boolean().default(false),
    phone: phoneSchema.nullable().optional(),
    timezone: timezoneSchema.nullable().optional(),
  })
  .strict();

export const publicIntakeView = z.object({
  practiceName: z.string(),
  firstName: z.string(),
  intake: intakeSchema,
  consentToEmail: z.boolean(),
  expiresAt: z.string(),
});

export const intakeLinkBody = z.object({ send: z.boolean().default(false) }).strict();
export const intakeLinkSchema = z.object({ url: z.string(), expiresAt: z.string(), emailed: z.boolean() });

export const IMPORT_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phone', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
// A practice's export (hundreds to a few thousand clients, up to ~1 KB a row) is 1–5 MB; the cap
// bounds what one request holds in memory (the body, the CSV text, and the emails seen).
const IMPORT_MAX_MB = 10;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;
export const IMPORT_TOO_BIG = `The file is over ${IMPORT_MAX_MB} MB: split it in two and import each half.`;

export const importPreviewBody = z.object({ csv: z.string().max(IMPORT_MAX_BYTES, IMPORT_TOO_BIG) });
export const importMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
export const importPreview = z.object({
  headers: z.array(z.string()),
  rowCount: z.number(),
  mapping: importMapping,
  sample: z.array(z.record(z.string(), z.string())),
});
export const importBody = importPreviewBody.extend({ mapping: importMapping });
export const importResult = z.object({
  total: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z.array(z.object({ row: z.number(), reason: z.string() })),
});
