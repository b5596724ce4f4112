import { z } from 'zod';
import { doseSchema } from '../exercise.js';
import { regionSlugs, toolSlugs } from '../vocabulary.js';
import { goalSchema } from './goals.js';

export const REMINDER_RHYTHMS = ['daily', 'every-other-day', 'twice-a-week', 'weekly', 'none'] as const;
export type ReminderRhythm = (typeof REMINDER_RHYTHMS)[number];
export const FEELINGS = ['better', 'same', 'worse'] as const;
export const CHECK_IN_DAYS_BACK = 14;
/** The one-tap answer from the day-before mail (`?went=` on the client's page link). */
export const HOMEWORK_REPORTS = ['most-days', 'some-days', 'not-really'] as const;
export type HomeworkReport = (typeof HOMEWORK_REPORTS)[number];
export const QUESTION_MAX = 2000;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14');

export const checkInBody = z
  .object({
    homeworkId: z.string().uuid('Not a homework item of yours'),
    date: isoDate.optional(),
    done: z.boolean(),
    feeling: z.enum(FEELINGS).nullable().optional(),
    note: z.string().trim().max(500, 'Keep the note under 500 characters').nullable().optional(),
  })
  .strict();

export const checkInSchema = z.object({
  homeworkId: z.string(),
  date: z.string(),
  done: z.boolean(),
  feeling: z.enum(FEELINGS).nullable(),
  note: z.string().nullable(),
});

export const questionBody = z
  .object({ text: z.string().trim().min(2, 'Write your question').max(QUESTION_MAX, `Keep it under ${QUESTION_MAX} characters`) })
  .strict();
export const questionSchema = z.object({
  id: z.string(),
  text: z.string(),
  askedAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const reminderBody = z.object({ rhythm: z.enum(REMINDER_RHYTHMS) }).strict();
export const homeworkReportBody = z.object({ went: z.enum(HOMEWORK_REPORTS) }).strict();

export const portalItemSchema = z.object({
  homeworkId: z.string(),
  name: z.string(),
  purpose: z.string(),
  steps: z.array(z.string()),
  cues: z.array(z.string()),
  /** Every "don't" of the item. */
  mistakes: z.array(z.string()),
  stopIf: z.string(),
  /** "Get help if …": when to get medical help, where the item has such a line. */
  getHelp: z.string().nullable(),
  /** What to watch for, in plain words, for the client's own cautions that warn for this item. */
  watchFor: z.array(z.string()),
  /** The item's drawing in words (the page draws it inline). */
  drawingAlt: z.string(),
  regions: z.array(z.enum(regionSlugs)),
  tools: z.array(z.array(z.enum(toolSlugs))),
  dose: doseSchema,
  note: z.string().nullable(),
  media: z.array(z.object({ kind: z.enum(['image', 'video']), url: z.string() })),
  /** The client's local day the item was given: its steps show open in its first week. */
  givenOn: z.string(),
});

export const portalSchema = z.object({
  practiceName: z.string(),
  therapistName: z.string(),
  firstName: z.string(),
  today: z.string(),
  days: z.array(z.string()),
  items: z.array(portalItemSchema),
  checkIns: z.array(checkInSchema),
  /** What the client wants, in their words, from the intake. */
  goals: z.string().nullable(),
  /** The goals set with the therapist, each with its measure and progress (oldest entry first). */
  trackedGoals: z.array(goalSchema.omit({ clientId: true })),
  nextAppointment: z.object({ startsAt: z.string(), label: z.string() }).nullable(),
  toolsThatWouldHelp: z.array(z.enum(toolSlugs)),
  questions: z.array(questionSchema),
  reminders: z.enum(REMINDER_RHYTHMS),
  canEmail: z.boolean(),
});
export type Portal = z.infer<typeof portalSchema>;

export const answerBody = z.object({ text: z.string().trim().min(2, 'Write an answer').max(5000) }).strict();
export const inboxQuestionSchema = questionSchema.extend({ clientId: z.string(), clientName: z.string() });
