import type { Selectable } from 'kysely';
import type { MemberTable, PracticeTable } from '../db/schema.js';

export const presentMember = (m: Pick<MemberTable, 'id' | 'name' | 'email' | 'role' | 'created_at'>) => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  createdAt: m.created_at,
});

export const presentPractice = (p: Selectable<PracticeTable>) => ({
  id: p.id,
  name: p.name,
  timezone: p.timezone,
  paperSize: p.paper_size,
  homeworkCap: p.homework_cap,
  senderName: p.sender_name,
  replyTo: p.reply_to,
  isDemo: p.is_demo === 1,
  lapseWeeks: p.lapse_weeks,
  rebookIntervalDays: p.rebook_interval_days,
  defaultDurationMinutes: p.default_duration_minutes,
});
