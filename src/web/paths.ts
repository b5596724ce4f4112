/**
 * Every address the therapist app uses, built one way: `paths` for the API, `pages` for the
 * app's own screens. Each part taken from data is encoded here, so no caller builds a path by hand.
 * The API paths double as the query cache's keys (query.ts), so keep related calls under the
 * same prefix: changing a client refreshes everything under `paths.client(id)`.
 */

type QueryValue = string | number | boolean | null | undefined;

const e = encodeURIComponent;
const v1 = '/api/v1';

/** Adds a query string from the given values, leaving out empty ones (undefined, null, ''). */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export const paths = {
  // Signing in and the signed-in person
  csrf: () => `${v1}/auth/csrf`,
  signup: () => `${v1}/auth/signup`,
  login: () => `${v1}/auth/login`,
  logout: () => `${v1}/auth/logout`,
  passwordReset: () => `${v1}/auth/password-reset`,
  passwordResetConfirm: () => `${v1}/auth/password-reset/confirm`,
  me: () => `${v1}/me`,
  twoFactor: () => `${v1}/me/two-factor`,
  twoFactorConfirm: () => `${v1}/me/two-factor/confirm`,

  // The practice, its team and its keys
  practice: () => `${v1}/practice`,
  checklist: () => `${v1}/practice/checklist`,
  checklistDismiss: () => `${v1}/practice/checklist/dismiss`,
  members: () => `${v1}/members`,
  memberDeactivate: (memberId: string) => `${v1}/members/${e(memberId)}/deactivate`,
  workingHours: (memberId: string) => `${v1}/members/${e(memberId)}/working-hours`,
  invitations: () => `${v1}/invitations`,
  invitationPreview: (token: string) => withQuery(`${v1}/invitations/preview`, { token }),
  invitationAccept: () => `${v1}/invitations/accept`,
  apiKeys: () => `${v1}/api-keys`,
  apiKey: (keyId: string) => `${v1}/api-keys/${e(keyId)}`,
  calendarFeed: () => `${v1}/calendar-feed`,
  calendarSubscriptions: () => `${v1}/calendar-subscriptions`,
  calendarSubscription: (id: string) => `${v1}/calendar-subscriptions/${e(id)}`,
  calendarSubscriptionRefresh: (id: string) => `${v1}/calendar-subscriptions/${e(id)}/refresh`,
  audit: (query: { clientId?: string | null; limit?: number } = {}) => withQuery(`${v1}/audit`, query),
  mailbox: () => `${v1}/dev/mailbox`,

  // Clients and everything kept under one client
  clients: (query: { q?: string; archived?: boolean; sort?: string; limit?: number; offset?: number } = {}) =>
    withQuery(`${v1}/clients`, { ...query, archived: query.archived ? 'true' : undefined }),
  clientsExportCsv: () => `${v1}/clients/export.csv`,
  clientsLapsed: () => `${v1}/clients/lapsed`,
  clientsImport: () => `${v1}/clients/import`,
  clientsImportPreview: () => `${v1}/clients/import/preview`,
  client: (clientId: string) => `${v1}/clients/${e(clientId)}`,
  clientSessions: (clientId: string) => `${v1}/clients/${e(clientId)}/sessions`,
  clientHomework: (clientId: string, query: { status?: 'all' } = {}) => withQuery(`${v1}/clients/${e(clientId)}/homework`, query),
  clientTimeline: (clientId: string) => `${v1}/clients/${e(clientId)}/timeline`,
  clientSinceLastSession: (clientId: string) => `${v1}/clients/${e(clientId)}/since-last-session`,
  clientEmailStatus: (clientId: string) => `${v1}/clients/${e(clientId)}/email-status`,
  clientIntakeLink: (clientId: string) => `${v1}/clients/${e(clientId)}/intake-link`,
  clientLink: (clientId: string) => `${v1}/clients/${e(clientId)}/link`,
  clientExport: (clientId: string) => `${v1}/clients/${e(clientId)}/export`,
  clientHandoutPdf: (clientId: string) => `${v1}/clients/${e(clientId)}/handout.pdf`,
  clientGoals: (clientId: string) => `${v1}/clients/${e(clientId)}/goals`,
  clientReferral: (clientId: string) => `${v1}/clients/${e(clientId)}/referral`,
  clientReferralThanks: (clientId: string) => `${v1}/clients/${e(clientId)}/referral-thanks`,
  clientAppointments: (clientId: string) => `${v1}/clients/${e(clientId)}/appointments`,

  // Sessions and homework
  session: (sessionId: string) => `${v1}/sessions/${e(sessionId)}`,
  sessionSuggestions: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/suggestions`,
  sessionHomework: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/homework`,
  sessionSend: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/send`,
  sessionCheckout: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/checkout`,
  sessionRebookSuggestion: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/rebook-suggestion`,
  sessionSoap: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/soap`,
  sessionSoapPdf: (sessionId: string) => `${v1}/sessions/${e(sessionId)}/soap.pdf`,
  homework: (homeworkId: string) => `${v1}/homework/${e(homeworkId)}`,
  homeworkMedia: (homeworkId: string) => `${v1}/homework/${e(homeworkId)}/media`,
  homeworkProgress: (homeworkId: string) => `${v1}/homework/${e(homeworkId)}/progress`,
  media: (mediaId: string) => `${v1}/media/${e(mediaId)}`,
  today: (query: { date: string; therapistId?: string | null }) => withQuery(`${v1}/today`, query),

  // Goals, questions, referrals, reports
  goal: (goalId: string) => `${v1}/goals/${e(goalId)}`,
  goalProgress: (goalId: string) => `${v1}/goals/${e(goalId)}/progress`,
  questions: (query: { status?: 'open' | 'all'; clientId?: string | null } = {}) => withQuery(`${v1}/questions`, query),
  questionAnswer: (questionId: string) => `${v1}/questions/${e(questionId)}/answer`,
  referralsReport: () => `${v1}/reports/referrals`,
  summaryReport: (query: { from: string; to: string; therapistId?: string | null }) => withQuery(`${v1}/reports/summary`, query),

  // The library
  exercises: (query: Record<string, string | undefined> = {}) => withQuery(`${v1}/exercises`, query),
  exercise: (exerciseId: string) => `${v1}/exercises/${e(exerciseId)}`,
  exerciseFavourite: (exerciseId: string) => `${v1}/exercises/${e(exerciseId)}/favourite`,
  exerciseMedia: (exerciseId: string) => `${v1}/exercises/${e(exerciseId)}/media`,
  packs: () => `${v1}/packs`,
  pack: (packId: string) => `${v1}/packs/${e(packId)}`,

  // The calendar
  appointments: (query: { from: string; to: string; clientId?: string; therapistId?: string | null }) =>
    withQuery(`${v1}/appointments`, query),
  appointment: (appointmentId: string) => `${v1}/appointments/${e(appointmentId)}`,
  bookingRequests: (query: { status?: 'open' } = {}) => withQuery(`${v1}/booking-requests`, query),
  bookingRequestConfirm: (requestId: string) => `${v1}/booking-requests/${e(requestId)}/confirm`,
  bookingRequestPropose: (requestId: string) => `${v1}/booking-requests/${e(requestId)}/propose`,
  importedEvent: (eventId: string) => `${v1}/imported-events/${e(eventId)}`,

  // The client's own intake form (opened from its link, no account)
  intake: (token: string) => `${v1}/intake/${e(token)}`,
};

/** The therapist app's own screens. */
export const pages = {
  clients: () => '/clients',
  client: (clientId: string) => `/clients/${e(clientId)}`,
  clientEdit: (clientId: string) => `/clients/${e(clientId)}/edit`,
  clientHandout: (clientId: string) => `/clients/${e(clientId)}/handout`,
  clientSession: (clientId: string, sessionId: string) => `/clients/${e(clientId)}/sessions/${e(sessionId)}`,
  newSession: (clientId: string, query: { appointmentId?: string; date?: string } = {}) =>
    withQuery(`/clients/${e(clientId)}/sessions/new`, query),
  /** The client goes along so the page asks for the client and the session at once, not one after the other. */
  homeworkStep: (sessionId: string, clientId?: string) => withQuery(`/sessions/${e(sessionId)}/homework`, { client: clientId }),
  sessionSoap: (sessionId: string) => `/sessions/${e(sessionId)}/soap`,
  /* The API has no GET /homework/:id, so the teach view finds its item among the client's homework. */
  teach: (homework: { id: string; clientId: string }) => withQuery(`/homework/${e(homework.id)}/teach`, { client: homework.clientId }),
  auditLog: (clientId?: string) => withQuery('/clients/audit-log', { clientId }),
  library: (query: { pack?: string } = {}) => withQuery('/library', query),
  libraryItem: (exerciseId: string) => `/library/${e(exerciseId)}`,
  libraryItemEdit: (exerciseId: string) => `/library/${e(exerciseId)}/edit`,
  newLibraryItem: (query: { copy?: string } = {}) => withQuery('/library/new', query),
  /** A new pack holding these items, or a copy of a pack. */
  newPack: (query: { items?: string[]; from?: string } = {}) =>
    // The commas stay plain: the pack form splits the list on them.
    withQuery('/library/packs/new', { from: query.from }) +
    (query.items?.length ? `${query.from ? '&' : '?'}items=${query.items.map(e).join(',')}` : ''),
  packEdit: (packId: string) => `/library/packs/${e(packId)}/edit`,
  questions: (clientId?: string) => withQuery('/questions', { clientId }),
  mailbox: (emailId?: string) => withQuery('/mailbox', { email: emailId }),
};
