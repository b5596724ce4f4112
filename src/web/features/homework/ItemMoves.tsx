import { useEffect, useState } from 'react';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import type { Homework } from './homeworkData.js';

/**
 * "Progress": replace the item by its harder variation, in one move. The harder versions are looked
 * up as the item shows, so with one to move on to the button says where it goes and one tap does it.
 */
export function ProgressItem({ homework, onProgressed }: { homework: Homework; onProgressed: (next: Homework) => void }) {
  const [choices, setChoices] = useState<Exercise[] | 'loading'>('loading');
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const name = homework.exercise.name;
  const harder = homework.exercise.harder;

  useEffect(() => {
    let current = true;
    if (harder.length === 0) return;
    Promise.allSettled(harder.map((slug) => api.get<Exercise>(paths.exercise(slug)))).then((found) => {
      if (current) setChoices(found.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    });
    return () => {
      current = false;
    };
  }, [harder]);

  if (harder.length === 0 || (Array.isArray(choices) && choices.length === 0)) return null;

  async function progressTo(next: Exercise) {
    setProblem(null);
    setMoving(next.id);
    try {
      onProgressed(
        await api.post<Homework>(paths.homeworkProgress(homework.id), {
          exerciseId: next.id,
        }),
      );
    } catch (err) {
      setProblem(messageOf(err));
      setMoving(null);
    }
  }

  const only = Array.isArray(choices) && choices.length === 1 ? choices[0] : null;
  return (
    <div className={open || problem ? 'item-move item-move--open' : 'item-move'}>
      {only ? (
        <Button variant="secondary" loading={moving === only.id} onClick={() => progressTo(only)}>
          Progress<span className="visually-hidden"> {name}</span> to {only.name}
        </Button>
      ) : (
        !open && (
          <Button variant="secondary" loading={choices === 'loading'} aria-expanded={false} onClick={() => setOpen(true)}>
            Progress<span className="visually-hidden"> {name} to a harder version</span>
          </Button>
        )
      )}
      {open && Array.isArray(choices) && (
        <div className="item-move__choices">
          <p>Move on to:</p>
          <div className="cluster">
            {choices.map((c) => (
              <Button key={c.id} variant="secondary" loading={moving === c.id} onClick={() => progressTo(c)}>
                {c.name}
              </Button>
            ))}
            <Button variant="ghost" onClick={() => setOpen(false)}>
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
      await api.delete(paths.homework(homework.id));
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
