import { type IconProps, QuestionIcon } from '../../design/components/index.js';
import { useOpenQuestionCount } from './useOpenQuestionCount.js';
import './questions.css';

/** The navigation's icon for Questions, with the number waiting for an answer (said as "3 open"). */
export function QuestionsNavIcon({ size = 24, className }: IconProps) {
  const count = useOpenQuestionCount();
  return (
    <span className="nav-count-icon">
      <QuestionIcon size={size} className={className} />
      {count > 0 && (
        <>
          <span className="nav-count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
          <span className="visually-hidden">{count} open</span>
        </>
      )}
    </span>
  );
}
