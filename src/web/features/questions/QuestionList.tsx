import { type InboxQuestion, QuestionCard } from './QuestionCard.js';

/** Open questions first (longest waiting first), then answered ones, newest answer first. */
export function splitQuestions(questions: InboxQuestion[]) {
  const open = questions.filter((q) => !q.answeredAt).sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  const answered = questions.filter((q) => q.answeredAt).sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  return { open, answered };
}

export function QuestionList({
  questions,
  showClient,
  onAnswered,
}: {
  questions: InboxQuestion[];
  showClient?: boolean;
  onAnswered: (q: InboxQuestion) => void;
}) {
  return (
    <ul className="plain-list question-list">
      {questions.map((q) => (
        <QuestionCard key={q.id} question={q} showClient={showClient} onAnswered={onAnswered} />
      ))}
    </ul>
  );
}
