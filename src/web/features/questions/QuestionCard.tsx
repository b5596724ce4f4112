import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import { answerBody, type inboxQuestionSchema } from '../../../shared/api/portal.js';
import { api } from '../../api.js';
import { Button, TextAreaField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { formatDateTime } from '../../format.js';
import { useForm } from '../../forms.js';
import { pages, paths } from '../../paths.js';
import { refresh } from '../../query.js';

export type InboxQuestion = z.infer<typeof inboxQuestionSchema>;

/** One question: what the client asked, and the answer or a box to write it in. */
export function QuestionCard({
  question: q,
  showClient = true,
  onAnswered,
}: {
  question: InboxQuestion;
  showClient?: boolean;
  onAnswered: (answered: InboxQuestion) => void;
}) {
  const first = q.clientName.split(' ')[0];
  return (
    <li className={`question${q.answeredAt ? ' question--answered' : ''}`}>
      <p className="question__meta">
        {showClient ? (
          <Link to={pages.client(q.clientId)} className="question__client">
            {q.clientName}
          </Link>
        ) : (
          <span className="question__client">{first}</span>
        )}{' '}
        <span className="muted">asked {formatDateTime(q.askedAt)}</span>
      </p>
      <blockquote className="question__text">{q.text}</blockquote>
      {q.answer ? (
        <div className="question__answer">
          <p className="small muted">You answered {formatDateTime(q.answeredAt)}</p>
          <p>{q.answer}</p>
        </div>
      ) : (
        <AnswerForm question={q} first={first} onAnswered={onAnswered} />
      )}
    </li>
  );
}

function AnswerForm({
  question: q,
  first,
  onAnswered,
}: {
  question: InboxQuestion;
  first: string;
  onAnswered: (a: InboxQuestion) => void;
}) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [text, setText] = useState('');

  function send(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: answerBody,
      values: { text },
      send: async (body) => {
        const answered = await api.post<InboxQuestion>(paths.questionAnswer(q.id), body);
        onAnswered(answered);
        // Every list of questions and the count in the navigation read again.
        void refresh(paths.questions());
      },
    });
  }

  return (
    <form ref={formRef} className="stack" noValidate onSubmit={send}>
      <FormError message={formError} />
      <TextAreaField
        label={`Your answer to ${first}`}
        name="answer"
        rows={3}
        hint="It shows on their page, and goes to them by email if they get emails from you."
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={fieldErrors.text}
      />
      <div>
        <Button type="submit" loading={sending}>
          {sending ? 'Sending…' : 'Send answer'}
        </Button>
      </div>
    </form>
  );
}
