import type { Member } from '../../../shared/api/auth.js';
import type { Practice } from '../../../shared/api/practice.js';
import { DEFINITIONS, type Summary } from '../../../shared/api/reports.js';
import type { ApiError } from '../../api.js';
import { Alert, Button, PageHeader, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { Comparison } from './Comparison.js';
import { GlanceFigures, HomeworkFigures, ReachFigures, ReturnFigures } from './Figures.js';
import { FollowUp } from './FollowUp.js';
import { formatDay } from './numbers.js';
import { PeriodPicker, type PickerErrors } from './PeriodPicker.js';
import { type Day, periodDates, todayIn, useDashboardPlace } from './period.js';
import { TopItems } from './TopItems.js';
import { Trends } from './Trends.js';
import { useSummary } from './useSummary.js';
import './dashboard.css';
import './tables-charts.css';
import { paths } from '../../paths.js';

/** The practice dashboard: does homework keep clients coming back? */
export function DashboardPage() {
  const { member } = useSignedIn();
  const isOwner = member.role === 'owner';
  const practice = useApiQuery<Practice>(paths.practice());
  const team = useApiQuery<{ members: Member[] }>(isOwner ? paths.members() : null);
  const [place, go] = useDashboardPlace();

  // The server counts days on the practice's clock, so "this month" is the practice's month too.
  const timeZone = practice.state.status === 'ready' ? practice.state.data.timezone : null;
  const dates = timeZone ? periodDates(place, todayIn(timeZone)) : null;
  const therapist = isOwner ? place.therapist : null;
  const summary = useSummary(dates ? summaryPath(dates, therapist) : null);

  const members = team.state.status === 'ready' ? team.state.data.members : null;
  const whose = !isOwner
    ? 'your own clients'
    : therapist
      ? (members?.find((m) => m.id === therapist)?.name ?? 'one therapist')
      : 'the whole practice';
  const current = summary.current;
  const fieldErrors = current.status === 'error' && current.error?.status === 400 ? fieldMessages(current.error) : {};

  return (
    <>
      <PageHeader
        title="Dashboard"
        description="Does homework keep clients coming back? Coverage, rebooking, return visits and referrals, with the counts behind every rate."
      />
      {practice.state.status === 'error' ? (
        <Alert tone="error" title="The dashboard could not open">
          <p>{practice.state.message}</p>
          <Button variant="secondary" onClick={practice.reload}>
            Try again
          </Button>
        </Alert>
      ) : !dates ? (
        <Spinner label="Opening the dashboard…" />
      ) : (
        <div className="dashboard">
          <section className="dashboard__controls" aria-label="Period and therapist">
            <PeriodPicker place={place} go={go} dates={dates} members={members} errors={fieldErrors} />
            <p className="dashboard__showing">
              Showing <strong>{whose}</strong>, {formatDay(dates.from)} to {formatDay(dates.to)}
            </p>
          </section>
          <Figures state={current} lastReady={summary.lastReady} retry={summary.retry} />
        </div>
      )}
    </>
  );
}

/**
 * What to say next to each field the server named. The route's own checks put a whole sentence
 * in `message` and a short tag per field; schema checks put the sentence per field instead.
 */
function fieldMessages(error: ApiError): PickerErrors {
  const sentence = error.message.startsWith('Please check') ? null : error.message;
  const shown: PickerErrors = {};
  for (const key of ['from', 'to', 'therapistId'] as const) if (error.fields[key]) shown[key] = sentence ?? error.fields[key];
  return shown;
}

function summaryPath(dates: { from: Day; to: Day }, therapist: string | null) {
  return paths.summaryReport({ from: dates.from, to: dates.to, therapistId: therapist });
}

function Figures({
  state,
  lastReady,
  retry,
}: {
  state: ReturnType<typeof useSummary>['current'];
  lastReady: Summary | null;
  retry: () => void;
}) {
  if (state.status === 'error') {
    if (state.error?.status === 400) {
      const nextToField = Object.keys(fieldMessages(state.error)).length > 0;
      return (
        <Alert tone="error" title="These figures cannot be counted">
          <p>{nextToField ? 'Change what is marked above, then show the figures again.' : state.message}</p>
        </Alert>
      );
    }
    return (
      <Alert tone="error" title="The figures did not load">
        <p>{state.message}</p>
        <Button variant="secondary" onClick={retry}>
          Try again
        </Button>
      </Alert>
    );
  }
  const summary = state.status === 'ready' ? state.data : lastReady;
  if (!summary) return <Spinner label="Counting the figures…" />;
  const updating = state.status === 'loading';
  const definitions = { ...DEFINITIONS, ...summary.definitions };
  const fileStem = `carryover-${summary.from}-to-${summary.to}`;
  return (
    <div className={updating ? 'dashboard__body dashboard__body--updating' : 'dashboard__body'} aria-busy={updating}>
      {updating && <Spinner label="Updating the figures…" />}
      {summary.sessions === 0 && (
        <Alert tone="info" title="No sessions in this period yet.">
          <p>Figures appear once you record sessions. Until then every count below is zero.</p>
        </Alert>
      )}
      <GlanceFigures summary={summary} definitions={definitions} />
      <Comparison summary={summary} definition={definitions.comparison} fileStem={fileStem} />
      <HomeworkFigures summary={summary} definitions={definitions} />
      <ReturnFigures summary={summary} definitions={definitions} />
      <ReachFigures summary={summary} definitions={definitions} />
      <Trends trend={summary.trend} definition={definitions.trend} fileStem={fileStem} />
      <div className="dashboard__lists">
        <TopItems items={summary.topItems} definition={definitions.topItems} fileStem={fileStem} />
        <FollowUp clients={summary.followUp} definition={definitions.followUp} fileStem={fileStem} />
      </div>
    </div>
  );
}
