import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Card, Spinner } from '../../design/components/index.js';
import { pages, paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import type { InboxQuestion } from './QuestionCard.js';
import { QuestionList, splitQuestions } from './QuestionList.js';
import './questions.css';

const ANSWERED_SHOWN = 3;

/** The client's questions on their page in Carryover: open ones to answer here, the last few answers. */
export function ClientQuestionsPanel({ clientId, firstName }: { clientId: string; firstName: string }) {
  const list = useApiQuery<{ questions: InboxQuestion[] }>(paths.questions({ status: 'all', clientId }));
  const [answeredHere, setAnsweredHere] = useState<string | null>(null);
  const { open, answered } = splitQuestions(list.state.status === 'ready' ? list.state.data.questions : []);

  return (
    <Card title="Questions" description={`What ${firstName} asked from their page.`}>
      {list.state.status === 'loading' && <Spinner label="Loading questions…" />}
      {list.state.status === 'error' && <Alert tone="error">{list.state.message}</Alert>}
      {answeredHere && <Alert tone="success">{answeredHere}</Alert>}
      {list.state.status === 'ready' && open.length + answered.length === 0 && <p className="muted">No questions from {firstName} yet.</p>}
      {list.state.status === 'ready' && open.length + answered.length > 0 && (
        <>
          <QuestionList
            questions={[...open, ...answered.slice(0, ANSWERED_SHOWN)]}
            showClient={false}
            onAnswered={(q) => {
              list.setData((d) => ({ questions: d.questions.map((x) => (x.id === q.id ? q : x)) }));
              setAnsweredHere(`Answer sent to ${firstName}.`);
            }}
          />
          {answered.length > ANSWERED_SHOWN && (
            <Link to={pages.questions(clientId)} className="text-link">
              All {open.length + answered.length} questions from {firstName}
            </Link>
          )}
        </>
      )}
    </Card>
  );
}
