import { useState } from 'react';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, Spinner } from '../../design/components/index.js';
import type { Homework } from './homeworkData.js';

/** "Progress": replace the item by one of its harder variations, in one move. */
export function ProgressItem({ homework, onProgressed }: { homework: Homework; onProgressed: (next: Homework) => void }) {
  const [choices, setChoices] = useState<Exercise[] | 'loading' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const name = homework.exercise.name;
  if (homework.exercise.harder.length === 0) return null;

  async function open() {
    setProblem(null);
    setChoices('loading');
    const found = await Promise.allSettled(
      homework.exercise.harder.map((slug) => api.get<Exercise>(`/api/v1/exercises/${encodeURIComponent(slug)}`)),
    );
    const items = found.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (items.length === 0) {
      setChoices(null);
      setProblem('The harder version of this item is no longer in your library.');
    } else setChoices(items);
  }

  async function progressTo(next: Exercise) {
    setProblem(null);
    setMoving(next.id);
    try {
      onProgressed(
        await api.post<Homework>(`/api/v1/homework/${encodeURIComponent(homework.id)}/progress`, {
          exerciseId: next.id,
        }),
      );
    } catch (err) {
      setProblem(messageOf(err));
      setMoving(null);
    }
  }

  return (
    <div className={choices === null && !problem ? 'item-move' : 'item-move item-move--open'}>
      {choices === null && (
        <Button variant="secondary" onClick={open}>
          Progress<span className="visually-hidden"> {name} to a harder version</span>
        </Button>
      )}
      {choices === 'loading' && <Spinner label="Finding the harder version…" />}
      {Array.isArray(choices) && (
        <div className="item-move__choices">
          <p>Move on to:</p>
          <div className="cluster">
            {choices.map((c) => (
              <Button key={c.id} variant="secondary" loading={moving === c.id} onClick={() => progressTo(c)}>
                {c.name}
              </Button>
            ))}
            <Button variant="ghost" onClick={() => setChoices(null)}>
              Not yet
            </Button>
          </div>
        </div>
      )}
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}

/** "Retire": the client stops seeing the item; asked once, in place. */
export function RetireItem({ homework, onRetired }: { homework: Homework; onRetired: () => void }) {
  const [asking, setAsking] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = homework.exercise.name;

  async function retire() {
    setProblem(null);
    setRetiring(true);
    try {
      await api.delete(`/api/v1/homework/${encodeURIComponent(homework.id)}`);
      onRetired();
    } catch (err) {
      setProblem(messageOf(err));
      setRetiring(false);
    }
  }

  if (!asking)
    return (
      <Button variant="ghost" onClick={() => setAsking(true)}>
        Retire<span className="visually-hidden"> {name}</span>
      </Button>
    );
  return (
    <div className="item-move item-move--open">
      <p>Retire {name}? It leaves their page and handout.</p>
      <div className="cluster">
        <Button variant="danger" loading={retiring} onClick={retire}>
          Retire it
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}
