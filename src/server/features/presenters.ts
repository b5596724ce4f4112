import type { Selectable } from 'kysely';
import type { MemberTable, PracticeTable } from '../db/schema.js';
import { hourStyleOf } from '../local-time.js';

export const presentMember = (
  m: Pick<MemberTable, 'id' | 'name' | 'email' | 'role' | 'created_at'> & { deactivated_at?: string | null },
) => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  createdAt: m.created_at,
  deactivatedAt: m.deactivated_at ?? null,
});

export const presentPractice = (p: Selectable<PracticeTable>) => ({
  id: p.id,
  name: p.name,
  timezone: p.timezone,
  timeFormat: hourStyleOf(p),
  paperSize: p.paper_size,
  homeworkCap: p.homework_cap,
  senderName: p.sender_name,
  replyTo: p.reply_to,
  isDemo: p.is_demo === 1,
  lapseWeeks: p.lapse_weeks,
  rebookIntervalDays: p.rebook_interval_days,
  defaultDurationMinutes: p.default_duration_minutes,
  requireTwoFactor: p.require_two_factor === 1,
  reminderDefault: p.reminder_default,
});

/** The practice as the signed-in app keeps it: enough to name it and write its times. */
export const presentSignedInPractice = (p: Pick<PracticeTable, 'id' | 'name' | 'is_demo' | 'timezone' | 'time_format'>) => ({
  id: p.id,
  name: p.name,
  isDemo: p.is_demo === 1,
  timezone: p.timezone,
  timeFormat: hourStyleOf(p),
});
