import { useEffect, useRef, useState } from 'react';
import type { Goal } from '../../../shared/api/goals.js';
import { api, messageOf } from '../../api.js';
import { Alert, Badge, Button, Card, LoadFailed, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { GoalChart } from './GoalChart.js';
import { GoalForm } from './GoalForm.js';
import { entryDateText, measureText, numberText, recordedByLabels } from './goalText.js';
import { ProgressForm } from './ProgressForm.js';
import './goals.css';
import { paths } from '../../paths.js';

/** The client's goals over months: in their words, with a measure, progress and whether they got there. */
export function GoalsPanel({ clientId, firstName }: { clientId: string; firstName: string }) {
  const goals = useApiQuery<{ goals: Goal[] }>(paths.clientGoals(clientId));
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const replace = (goal: Goal, message: string) => {
    goals.setData((d) => ({ goals: d.goals.map((g) => (g.id === goal.id ? goal : g)) }));
    setNotice(message);
  };

  return (
    <Card
      title="Goals"
      description={`What ${firstName} wants, in their words. They can log progress from their page too.`}
      actions={
        !adding && (
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Add a goal
          </Button>
        )
      }
    >
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {adding && (
        <GoalForm
          clientId={clientId}
          firstName={firstName}
          onCancel={() => setAdding(false)}
          onAdded={(goal) => {
            goals.setData((d) => ({ goals: [...d.goals, goal] }));
            setAdding(false);
            setNotice('Goal added.');
          }}
        />
      )}
      {goals.state.status === 'loading' && <Spinner label="Loading goals…" />}
      {goals.state.status === 'error' && <LoadFailed message={goals.state.message} onRetry={goals.reload} />}
      {goals.state.status === 'ready' && goals.state.data.goals.length === 0 && !adding && (
        <p className="muted">No goals yet. Ask {firstName} what they would like to be able to do, and write it in their words.</p>
      )}
      {goals.state.status === 'ready' && goals.state.data.goals.length > 0 && (
        <ul className="plain-list goal-list">
          {goals.state.data.goals.map((g) => (
            <GoalItem key={g.id} goal={g} onChanged={replace} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function GoalItem({ goal: g, onChanged }: { goal: Goal; onChanged: (g: Goal, message: string) => void }) {
  const [logging, setLogging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const measure = measureText(g);
  const latest = g.progress[g.progress.length - 1];

  async function setAchieved(achieved: boolean) {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<Goal>(paths.goal(g.id), { achieved });
      onChanged(saved, achieved ? `Marked achieved: “${g.statement}”.` : `“${g.statement}” is open again.`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="goal">
      <div className="goal__header">
        <h3 className="goal__statement">“{g.statement}”</h3>
        {g.achievedAt && <Badge tone="success">Achieved {entryDateText(g.achievedAt)}</Badge>}
      </div>
      {measure && <p className="goal__measure">{measure}</p>}
      <p className="muted small">
        {latest
          ? `Latest: ${numberText(latest.value)}${g.unit ? ` ${g.unit}` : ''} on ${entryDateText(latest.recordedAt)} (${recordedByLabels[latest.recordedBy].toLowerCase()})`
          : 'No progress logged yet.'}
      </p>
      <GoalChart goal={g} />
      {error && <Alert tone="error">{error}</Alert>}
      {logging ? (
        <ProgressForm
          goal={g}
          onCancel={() => setLogging(false)}
          onLogged={(saved) => {
            setLogging(false);
            onChanged(saved, 'Progress saved.');
          }}
        />
      ) : (
        <div className="cluster">
          {!g.achievedAt && (
            <Button variant="secondary" onClick={() => setLogging(true)} aria-label={`Log progress on “${g.statement}”`}>
              Log progress
            </Button>
          )}
          <Button
            variant="ghost"
            loading={busy}
            onClick={() => setAchieved(!g.achievedAt)}
            aria-label={g.achievedAt ? `Not achieved after all: “${g.statement}”` : `Mark achieved: “${g.statement}”`}
          >
            {g.achievedAt ? 'Not achieved after all' : 'Mark achieved'}
          </Button>
        </div>
      )}
    </li>
  );
}
