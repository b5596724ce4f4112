import { useState } from 'react';
import { Link } from 'react-router';
import type { Checklist } from '../../../shared/api/checklist.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, Card, CheckIcon } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';

/** A new practice's first steps, ticked from what is really done; gone when all are done or the owner hides it. */
export function FirstSteps() {
  const { member } = useSignedIn();
  const checklist = useApiQuery<Checklist>(paths.checklist());
  const [hiding, setHiding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (checklist.state.status !== 'ready' || !checklist.state.data.show) return null;
  const { items, done, total } = checklist.state.data;

  async function hide() {
    setHiding(true);
    setProblem(null);
    try {
      checklist.setData(await api.post<Checklist>(paths.checklistDismiss()));
    } catch (err) {
      setProblem(messageOf(err));
      setHiding(false);
    }
  }

  return (
    <Card
      className="first-steps"
      title="First steps"
      description={`${done} of ${total} done. Each one takes a minute or two.`}
      actions={
        member.role === 'owner' && (
          <Button variant="ghost" loading={hiding} onClick={hide}>
            Hide this list
          </Button>
        )
      }
    >
      {problem && <Alert tone="error">{problem}</Alert>}
      <ol className="first-steps__list">
        {items.map((item) => (
          <li key={item.key} className={item.done ? 'first-steps__item first-steps__item--done' : 'first-steps__item'}>
            {item.done ? (
              <>
                <CheckIcon size={20} className="first-steps__mark" />
                <span>
                  {item.label} <span className="visually-hidden">(done)</span>
                </span>
              </>
            ) : (
              <Link to={item.href} className="first-steps__link">
                {item.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
