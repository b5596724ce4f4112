import type { Generated } from 'kysely';

// Row types as Kysely sees them. Timestamps are ISO-8601 UTC text and flags are 0/1
// integers so every table reads the same on SQLite and PostgreSQL.
export interface PracticeTable {
  id: string;
  name: string;
  timezone: string;
  paper_size: 'letter' | 'a4';
  homework_cap: number;
  sender_name: string | null;
  reply_to: string | null;
  is_demo: number;
  created_at: string;
  /** Weeks without a booking after which a client counts as lapsed and gets one come-back mail. */
  lapse_weeks: Generated<number>;
  rebook_interval_days: Generated<number>;
  default_duration_minutes: Generated<number>;
  /** 1: every member must use two-step sign-in before doing anything else. */
  require_two_factor: Generated<number>;
  /** '12h' or '24h' for every time Carryover writes; null: what the practice's time zone usually reads. */
  time_format: '12h' | '24h' | null;
  /** Reminders for a client who agreed but chose no rhythm: 'off', or 'daily' at local morning. */
  reminder_default: Generated<'off' | 'daily'>;
  /** The owner hid the first-run checklist. */
  checklist_dismissed_at: string | null;
}

export interface MemberTable {
  id: string;
  practice_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'therapist';
  created_at: string;
  /** Set when the owner deactivated them: no session, feed or sign-in from then on. */
  deactivated_at: string | null;
  /** When the therapist last saved their working hours; null: a Monday-to-Friday week is assumed. */
  working_hours_saved_at: string | null;
}

/** A failed sign-in: per account (member_id, null for an unknown email) and per address. */
export interface LoginFailureTable {
  id: string;
  member_id: string | null;
  address: string;
  at: string;
}

/** One range of a therapist's week, wall-clock "HH:MM" in the practice's zone; weekday 1 = Monday. */
export interface WorkingHoursTable {
  id: string;
  practice_id: string;
  member_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface DayOffTable {
  id: string;
  practice_id: string;
  member_id: string;
  /** A local day YYYY-MM-DD in the practice's zone. */
  date: string;
  reason: string | null;
}

export interface AuthSessionTable {
  id_hash: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface TwoFactorTable {
  member_id: string;
  /** Base32 authenticator secret; confirmed_at stays null until a first code proves the app has it. */
  secret: string;
  confirmed_at: string | null;
  last_step: number | null;
  created_at: string;
}

export interface TwoFactorRecoveryCodeTable {
  code_hash: string;
  member_id: string;
  used_at: string | null;
  created_at: string;
}

export interface PasswordResetTable {
  token_hash: string;
  member_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface InvitationTable {
  id: string;
  practice_id: string;
  email: string;
  name: string | null;
  role: 'owner' | 'therapist';
  token_hash: string;
  invited_by: string;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}

export interface ApiKeyTable {
  id: string;
  practice_id: string;
  name: string;
  key_hash: string;
  prefix: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface EmailTable {
  id: string;
  practice_id: string | null;
  /** Set on mail to or about a client, so deleting the client deletes it. */
  client_id: string | null;
  to_address: string;
  from_name: string;
  reply_to: string | null;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers_json: string | null;
  /** unknown: the server may have taken it (no answer after the whole mail), so it is not sent again. */
  status: 'queued' | 'sent' | 'kept' | 'failed' | 'unknown';
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  /** JSON [{filename, contentType, storageKey}]: files kept in storage until the mail is deleted. */
  attachments: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  unique_key: string | null;
  /** The client the job is about, if any: deleting the client deletes their jobs (migration 019). */
  client_id: string | null;
  run_at: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface CustomExerciseTable {
  id: string;
  practice_id: string;
  slug: string;
  based_on: string | null;
  /** The item's fields as JSON, validated by exerciseContentSchema on the way in and out. */
  content: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExerciseMediaTable {
  id: string;
  practice_id: string;
  exercise_id: string;
  kind: 'image' | 'video';
  mime: string;
  bytes: number;
  storage_key: string;
  created_at: string;
}

export interface FavouriteTable {
  practice_id: string;
  exercise_id: string;
  created_at: string;
}

export interface PackTable {
  id: string;
  practice_id: string;
  name: string;
  description: string | null;
  exercise_ids: string;
  created_at: string;
}

export interface ClientTable {
  id: string;
  practice_id: string;
  therapist_id: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  timezone: string | null;
  consent_to_email: number;
  /** Intake as JSON (intakeSchema), read through readIntake. */
  intake: string;
  /** The intake's referredByClientId, kept as a column so referrals are queried, not searched for. */
  referred_by_client_id: string | null;
  intake_completed_at: string | null;
  /** Lower-case name, email and phone digits, for search on both databases. */
  search_text: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** The reminder rhythm the client chose on their page; null until they choose. */
  reminder_rhythm: 'daily' | 'every-other-day' | 'twice-a-week' | 'weekly' | 'none' | null;
  /** Set by one-click unsubscribe: from then on Carryover sends this client no mail. */
  unsubscribed_at: string | null;
  referral_code: string | null;
  lapse_mailed_at: string | null;
  referral_thanked_at: string | null;
  /** When and how the client agreed to reminder and come-back emails (consent_to_email); null without agreement. */
  reminders_consent_at: string | null;
  reminders_consent_via: 'therapist' | 'intake' | 'client-page' | null;
}

export interface SessionRecordTable {
  id: string;
  practice_id: string;
  client_id: string;
  therapist_id: string | null;
  date: string;
  areas_worked: string;
  areas_more_time: string;
  findings: string;
  focus_complaints: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** Rebooked before leaving: 1 yes, 0 no, null not recorded yet. */
  rebooked: number | null;
  not_rebooked_reason: string | null;
  not_rebooked_note: string | null;
  /** When this session's homework was mailed; a visit booked at its checkout before then rides along with that mail. */
  homework_sent_at: string | null;
  /** SOAP "S": what the client reported since last time, pre-filled from their check-ins and questions. */
  subjective: string | null;
  /** SOAP "A": the therapist's assessment. */
  assessment: string | null;
}

export interface IntakeLinkTable {
  token_hash: string;
  practice_id: string;
  client_id: string;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  practice_id: string;
  member_id: string | null;
  /** Who, as shown to the owner: a member's name, "API key", or "Client (intake link)". */
  actor: string;
  client_id: string | null;
  action: string;
  at: string;
}

export interface HomeworkTable {
  id: string;
  practice_id: string;
  client_id: string;
  session_id: string | null;
  exercise_id: string;
  /** The item as it was when assigned (JSON): what the client was taught stays what they read. */
  exercise: string;
  /** The dose as JSON (doseSchema), read through readDose. */
  dose: string;
  /** The dose's daysPerWeek, kept as a column for the adherence counts (migration 019). */
  days_per_week: number;
  note: string | null;
  status: 'active' | 'retired' | 'progressed';
  override_reason: string | null;
  assigned_by: string | null;
  assigned_at: string;
  demonstrated_at: string | null;
  ended_at: string | null;
  progressed_to: string | null;
}

export interface HomeworkMediaTable {
  id: string;
  practice_id: string;
  homework_id: string;
  kind: 'image' | 'video';
  mime: string;
  bytes: number;
  storage_key: string;
  created_at: string;
}

export interface ClientLinkTable {
  token_hash: string;
  practice_id: string;
  client_id: string;
  created_at: string;
  revoked_at: string | null;
}

/** The last handout PDF made for a client, sent again while nothing it shows has changed. */
export interface HandoutFileTable {
  client_id: string;
  practice_id: string;
  inputs_hash: string;
  link_hash: string;
  pdf: Buffer;
  created_at: string;
}

/** The client's page as sent, per link (migration 017, decision 024): served while `version` is the client's current one. */
export interface ClientPageSnapshotTable {
  token_hash: string;
  client_id: string;
  version: number;
  valid_until: string;
  render_key: string;
  json: string;
  html: string;
  built_at: string;
}

/** Raised by database triggers on every write the client's page shows (migration 017). */
export interface ClientPageVersionTable {
  client_id: string;
  version: Generated<number>;
}

export interface CheckInTable {
  id: string;
  practice_id: string;
  client_id: string;
  homework_id: string;
  /** The client's local calendar day, YYYY-MM-DD. */
  date: string;
  done: number;
  feeling: 'better' | 'same' | 'worse' | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** Check-ins counted per homework item and month, kept by triggers on check_ins (migration 018, decision 025). */
export interface CheckInMonthTable {
  homework_id: string;
  /** YYYY-MM of the check-ins' local day. */
  month: string;
  practice_id: string;
  check_ins: number;
  done: number;
  better: number;
  same: number;
  worse: number;
}

export interface QuestionTable {
  id: string;
  practice_id: string;
  client_id: string;
  text: string;
  asked_at: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
}

export interface AppointmentTable {
  id: string;
  practice_id: string;
  client_id: string;
  therapist_id: string | null;
  starts_at: string;
  ends_at: string;
  duration_minutes: number;
  /** The zone the appointment was booked in: its wall-clock time is what stays fixed. */
  timezone: string;
  status: 'booked' | 'cancelled' | 'no-show' | 'done';
  /** The session at whose checkout this visit was booked. */
  session_id: string | null;
  /** The session recorded at this visit (started from it, or saved on its day); the visit is then done. */
  recorded_session_id: string | null;
  /** RFC 5545 SEQUENCE: raised on every change sent to the client's calendar. */
  sequence: number;
  /** The client's one-tap answer the day before: how the homework went. */
  homework_report: 'most-days' | 'some-days' | 'not-really' | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedTable {
  token_hash: string;
  practice_id: string;
  member_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface BookingRequestTable {
  id: string;
  practice_id: string;
  client_id: string | null;
  referrer_client_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  preferred_times: string;
  message: string | null;
  status: 'open' | 'confirmed' | 'proposed' | 'declined';
  appointment_id: string | null;
  proposed_at: string | null;
  created_at: string;
}

export interface GoalTable {
  id: string;
  practice_id: string;
  client_id: string;
  statement: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  target_date: string | null;
  achieved_at: string | null;
  created_at: string;
}

export interface GoalProgressTable {
  id: string;
  practice_id: string;
  goal_id: string;
  client_id: string;
  value: number;
  note: string | null;
  recorded_by: 'therapist' | 'client';
  recorded_at: string;
}

export interface CalendarSubscriptionTable {
  id: string;
  practice_id: string;
  member_id: string;
  /** The private iCal address as pasted (webcal:// read as https://); shown only shortened. */
  url: string;
  /** The calendar's own name (X-WR-CALNAME), when it gives one. */
  name: string | null;
  status: 'ok' | 'failed';
  last_success_at: string | null;
  last_attempt_at: string | null;
  /** Why the last fetch failed, in words a therapist can act on; null after a good one. */
  last_error: string | null;
  event_count: Generated<number>;
  created_at: string;
}

/** One occurrence read from a subscribed calendar (recurrences expanded over a bounded window). */
export interface ImportedEventTable {
  id: string;
  practice_id: string;
  subscription_id: string;
  member_id: string;
  uid: string;
  title: string;
  starts_at: string;
  ends_at: string;
  all_day: number;
  attendee_email: string | null;
  client_id: string | null;
  matched_by: 'email' | 'name' | 'therapist' | null;
}

export interface ImportedEventMatchTable {
  subscription_id: string;
  uid: string;
  practice_id: string;
  client_id: string;
  created_at: string;
}

export interface Database {
  appointments: AppointmentTable;
  calendar_feeds: CalendarFeedTable;
  calendar_subscriptions: CalendarSubscriptionTable;
  imported_events: ImportedEventTable;
  imported_event_matches: ImportedEventMatchTable;
  login_failures: LoginFailureTable;
  booking_requests: BookingRequestTable;
  goals: GoalTable;
  goal_progress: GoalProgressTable;
  questions: QuestionTable;
  homework: HomeworkTable;
  homework_media: HomeworkMediaTable;
  client_links: ClientLinkTable;
  client_page_snapshots: ClientPageSnapshotTable;
  client_page_versions: ClientPageVersionTable;
  handout_files: HandoutFileTable;
  check_ins: CheckInTable;
  check_in_months: CheckInMonthTable;
  clients: ClientTable;
  session_records: SessionRecordTable;
  intake_links: IntakeLinkTable;
  audit_log: AuditLogTable;
  custom_exercises: CustomExerciseTable;
  exercise_media: ExerciseMediaTable;
  favourites: FavouriteTable;
  packs: PackTable;
  practices: PracticeTable;
  members: MemberTable;
  working_hours: WorkingHoursTable;
  days_off: DayOffTable;
  auth_sessions: AuthSessionTable;
  two_factor: TwoFactorTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodeTable;
  password_resets: PasswordResetTable;
  invitations: InvitationTable;
  api_keys: ApiKeyTable;
  emails: EmailTable;
  jobs: JobTable;
}
