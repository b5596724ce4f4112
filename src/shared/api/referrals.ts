import { z } from 'zod';
import { instantSchema } from './appointments.js';
import { phoneSchema } from './clients.js';
import { emailSchema, nameSchema } from './common.js';

export const referralCodeParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/, 'A code looks like K7MQ-2XPA'),
});
export const referralLinkSchema = z.object({ code: z.string(), url: z.string() });
export const referralLanding = z.object({ practiceName: z.string(), referrerFirstName: z.string() });

const preferredTimes = z.array(instantSchema).min(1, 'Suggest at least one time').max(3, 'Suggest up to three times');

export const referralRequestBody = z
  .object({
    name: nameSchema,
    email: emailSchema,
    phone: phoneSchema.nullable().optional(),
    preferredTimes,
    message: z.string().trim().max(1000).optional(),
  })
  .strict();
export const portalRequestBody = z.object({ preferredTimes, message: z.string().trim().max(1000).optional() }).strict();

export const bookingRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  clientId: z.string().nullable(),
  referrerClientId: z.string().nullable(),
  referrerName: z.string().nullable(),
  preferredTimes: z.array(z.string()),
  message: z.string().nullable(),
  status: z.enum(['open', 'confirmed', 'proposed', 'declined']),
  appointmentId: z.string().nullable(),
  createdAt: z.string(),
});

export const confirmBody = z
  .object({
    startsAt: instantSchema,
    durationMinutes: z.number().int().min(10).max(480).optional(),
    confirmOverlap: z.boolean().optional(),
  })
  .strict();
export const proposeBody = z.object({ startsAt: instantSchema, message: z.string().trim().max(1000).optional() }).strict();

export const referralReportRow = z.object({
  referrerId: z.string(),
  referrerName: z.string(),
  referredId: z.string(),
  referredName: z.string(),
  referredAt: z.string(),
  booked: z.boolean(),
  firstVisit: z.string().nullable(),
  thanked: z.boolean(),
});
