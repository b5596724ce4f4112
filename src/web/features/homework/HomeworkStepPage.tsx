import { useCallback, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { Client, SessionRecord } from '../../../shared/api/clients.js';
import { api } from '../../api.js';
import { FollowUp } from '../../components/FollowUp.js';
import { useNotice } from '../../components/useNotice.js';
import { Alert, Button, ButtonLink, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDay } from '../../format.js';
import { refresh, useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { CurrentItems } from './CurrentItems.js';
import { ExcludedItems } from './ExcludedItems.js';
import type { GiveOptions, Homework, HomeworkList, SendResult, SuggestedItem, Suggestions } from './homeworkData.js';
import { LibrarySearch } from './LibrarySearch.js';
import { RebookCard } from './RebookCard.js';
import { SendHomePanel } from './SendHomePanel.js';
import { SuggestionCard } from './SuggestionCard.js';
import './homework.css';
import { pages, paths } from '../../paths.js';

// The best few first: the therapist decides in under a minute; the rest are a tap away.
const FIRST_SHOWN = 6;
const FIRST_SHOWN_ON_PHONE = 3;

/** /sessions/:id/homework?client=… — right after the session: pick at most the cap, teach, send home, rebook. */
export function HomeworkStepPage() {
  const { id = '' } = useParams();
  return <HomeworkStepLoader key={id} sessionId={id} />;
}

function HomeworkStepLoader({ sessionId }: { sessionId: string }) {
  const [params] = useSearchParams();
  // The page keeps its own list of the client's items from here on: it starts from fresh answers.
  const session = useApiQuery<SessionRecord>(paths.session(sessionId), { fresh: true });
  // Links name the client, so all four are asked for at once; the session has the last word.
  const clientId = session.state.status === 'ready' ? session.state.data.clientId : params.get('client');
  const client = useApiQuery<Client>(clientId ? paths.client(clientId) : null, { fresh: true });
  const homework = useApiQuery<HomeworkList>(clientId ? paths.clientHomework(clientId) : null, { fresh: true });
  const suggestions = useApiQuery<Suggestions>(paths.sessionSuggestions(sessionId), { fresh: true });

  const parts = [session, client, homework, suggestions];
  const failed = parts.find((p) => p.state.status === 'error')?.state;
  if (failed?.status === 'error')
    return (
      <>
        <PageHeader title={failed.error?.status === 404 ? 'Session not found' : 'The homework step did not open'} />
        <div className="stack">
          <Alert tone="error">{failed.message}</Alert>
          <div className="cluster">
            <ButtonLink to={pages.clients()} variant="secondary">
              Back to clients
            </ButtonLink>
            {failed.error?.status !== 404 && (
              <Button
                onClick={() => {
                  for (const p of parts) p.reload();
                }}
              >
                Try again
              </Button>
            )}
          </div>
        </div>
      </>
    );
  if (
    session.state.status !== 'ready' ||
    client.state.status !== 'ready' ||
    homework.state.status !== 'ready' ||
    suggestions.state.status !== 'ready'
  )
    return (
      <>
        <PageHeader title="Homework" />
        <Spinner label="Finding the best items for this client…" />
      </>
    );
  return (
    <HomeworkStep
      session={session.state.data}
      client={client.state.data}
      initial={homework.state.data}
      suggestions={suggestions.state.data}
    />
  );
}

interface HomeworkStepProps {
  session: SessionRecord;
  client: Client;
  initial: HomeworkList;
  suggestions: Suggestions;
}

function HomeworkStep({ session, client, initial, suggestions }: HomeworkStepProps) {
  const { member } = useSignedIn();
  const [notice] = useNotice();
  // Oldest first, so a newly given item lands at the bottom, where the eye expects it.
  const [active, setActive] = useState<Homework[]>(() => [...initial.homework].reverse());
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set());
  // Items given from a card here keep their "Given" card; every other active item is shown above only.
  const [givenHere, setGivenHere] = useState<ReadonlySet<string>>(() => new Set());
  const [emailSent, setEmailSent] = useState(false);
  const [allShown, setAllShown] = useState(false);
  const [firstShown] = useState(() => (window.matchMedia?.('(max-width: 40rem)').matches ? FIRST_SHOWN_ON_PHONE : FIRST_SHOWN));
  const cap = initial.cap;
  // This page keeps its own list; what other screens read of this client's homework is out of date.
  const clientChanged = useCallback(() => void refresh(paths.clientHomework(client.id), paths.clientTimeline(client.id)), [client.id]);

  const give = useCallback(
    async (item: SuggestedItem, options: GiveOptions) => {
      const given = await api.post<Homework>(paths.sessionHomework(session.id), {
        exerciseId: item.id,
        ...options,
      });
      const replaced = options.replacesHomeworkId;
      setActive((a) => (replaced ? a.map((x) => (x.id === replaced ? given : x)) : [...a, given]));
      setGivenHere((g) => new Set(g).add(given.exerciseId));
      clientChanged();
      return given;
    },
    [session.id, clientChanged],
  );
  const changed = useCallback(
    (h: Homework) => {
      setActive((a) => a.map((x) => (x.id === h.id ? h : x)));
      clientChanged();
    },
    [clientChanged],
  );
  const retired = useCallback(
    (id: string) => {
      setActive((a) => a.filter((x) => x.id !== id));
      clientChanged();
    },
    [clientChanged],
  );
  const progressed = useCallback(
    (oldId: string, next: Homework) => {
      setActive((a) => a.map((x) => (x.id === oldId ? next : x)));
      clientChanged();
    },
    [clientChanged],
  );
  const keep = useCallback(
    (ids: string[], keepThem: boolean) =>
      setKept((k) => {
        const next = new Set(k);
        for (const id of ids) keepThem ? next.add(id) : next.delete(id);
        return next;
      }),
    [],
  );
  const givenFor = (exerciseId: string) => active.find((h) => h.exerciseId === exerciseId);
  const replaceable = active.length >= cap ? active : [];
  const offered = suggestions.suggestions.filter((s) => !givenFor(s.exercise.id) || givenHere.has(s.exercise.id));

  return (
    <>
      <PageHeader
        title={`Homework for ${client.firstName}`}
        documentTitle={`Homework · ${client.firstName} ${client.lastName}`.trim()}
        description={
          <>
            <p>Session on {formatDay(session.date)}. Two done beats eight ignored: give one or two, teach them, send them home.</p>
            <FollowUp client={client} />
          </>
        }
        actions={
          <ButtonLink to={pages.client(client.id)} variant="secondary">
            Back to {client.firstName}
          </ButtonLink>
        }
      />
      <div className="stack-lg homework-step">
        {notice && <Alert tone="success">{notice}</Alert>}
        <CurrentItems
          active={active}
          cap={cap}
          clientFirstName={client.firstName}
          onChanged={changed}
          onRetired={retired}
          onProgressed={progressed}
          kept={kept}
          onKept={keep}
        />

        <section className="stack" aria-labelledby="suggested-title">
          <h2 id="suggested-title" className="homework-section__title">
            Suggested for {client.firstName}
          </h2>
          {offered.length === 0 ? (
            <p className="muted">
              No suggestions yet: add complaints or home tools to the intake, or mark areas on the session. You can still pick any item
              below.
            </p>
          ) : (
            <>
              <ul className="plain-list suggestion-grid">
                {offered.slice(0, allShown ? undefined : firstShown).map((s) => (
                  <li key={s.exercise.id} className="suggestion-grid__cell">
                    <SuggestionCard
                      item={s.exercise}
                      reasons={s.reasons}
                      warnings={s.warnings}
                      given={givenFor(s.exercise.id)}
                      clientFirstName={client.firstName}
                      replaceable={replaceable}
                      onGive={give}
                      onChanged={changed}
                    />
                  </li>
                ))}
              </ul>
              {offered.length > firstShown && (
                <div>
                  <Button variant="secondary" aria-expanded={allShown} onClick={() => setAllShown((all) => !all)}>
                    {allShown ? 'Show fewer suggestions' : `Show ${offered.length - firstShown} more suggestions`}
                  </Button>
                </div>
              )}
            </>
          )}
          <ExcludedItems
            excluded={suggestions.excluded}
            active={active}
            clientFirstName={client.firstName}
            canOverride={member.role === 'owner'}
            onGive={give}
          />
        </section>

        <LibrarySearch active={active} replaceable={replaceable} clientFirstName={client.firstName} onGive={give} onChanged={changed} />

        {/* Pinned to the bottom of the screen while the page scrolls, so sending and booking are always one tap away. */}
        <section className="homework-dock" aria-label={`Send home and book ${client.firstName}’s next visit`}>
          <SendHomePanel sessionId={session.id} client={client} itemCount={active.length} onSent={(_: SendResult) => setEmailSent(true)} />
          <RebookCard
            sessionId={session.id}
            clientId={client.id}
            clientFirstName={client.firstName}
            clientEmail={client.email}
            emailSent={emailSent}
          />
        </section>
      </div>
    </>
  );
}
