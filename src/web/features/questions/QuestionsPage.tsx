import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, LoadFailed, MailIcon, PageHeader, Spinner } from '../../design/components/index.js';
import { pages, paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import type { InboxQuestion } from './QuestionCard.js';
import { QuestionList, splitQuestions } from './QuestionList.js';
import './questions.css';

/** The questions inbox: what clients asked from their page, open ones first, answered inline. */
export function QuestionsPage() {
  const [params] = useSearchParams();
  const clientId = params.get('clientId');
  const list = useApiQuery<{ questions: InboxQuestion[] }>(paths.questions({ status: 'all', clientId }));
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const { open, answered } = splitQuestions(list.state.status === 'ready' ? list.state.data.questions : []);
  const someone = clientId && list.state.status === 'ready' ? list.state.data.questions[0]?.clientName : null;

  function answeredOne(q: InboxQuestion) {
    list.setData((d) => ({ questions: d.questions.map((x) => (x.id === q.id ? q : x)) }));
    setNotice(`Answer sent to ${q.clientName}.`);
  }

  return (
    <>
      <PageHeader
        title="Questions"
        description={someone ? `Questions from ${someone}.` : 'What clients asked from their page. Open questions come first.'}
        actions={
          clientId ? (
            <Link to={pages.questions()} className="text-link">
              All questions
            </Link>
          ) : undefined
        }
      />
      <div className="stack-lg">
        {notice && (
          <Alert ref={noticeRef} tone="success">
            {notice}
          </Alert>
        )}
        {list.state.status === 'loading' && <Spinner label="Loading questions…" />}
        {list.state.status === 'error' && <LoadFailed message={list.state.message} onRetry={list.reload} />}
        {list.state.status === 'ready' && open.length + answered.length === 0 && (
          <EmptyState icon={MailIcon} title="No questions yet">
            <p>When a client asks a question from their page, you get an email with a link here, and you can answer it in a few words.</p>
          </EmptyState>
        )}
        {list.state.status === 'ready' && open.length + answered.length > 0 && (
          <>
            <section className="stack" aria-labelledby="open-questions">
              <h2 id="open-questions">Waiting for an answer ({open.length})</h2>
              {open.length === 0 ? (
                <p className="muted">Every question has an answer.</p>
              ) : (
                <QuestionList questions={open} onAnswered={answeredOne} />
              )}
            </section>
            {answered.length > 0 && (
              <section className="stack" aria-labelledby="answered-questions">
                <h2 id="answered-questions">Answered</h2>
                <QuestionList questions={answered} onAnswered={answeredOne} />
              </section>
            )}
          </>
        )}
      </div>
    </>
  );
}
