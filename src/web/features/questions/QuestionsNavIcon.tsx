import type { IconProps } from '../../design/components/index.js';
import { useOpenQuestionCount } from './questionsEvents.js';
import './questions.css';

/** The navigation's icon for Questions, with the number waiting for an answer (said as "3 open"). */
export function QuestionsNavIcon({ size = 24, className }: IconProps) {
  const count = useOpenQuestionCount();
  return (
    <span className="nav-count-icon">
      <svg
        className={className}
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z" />
        <path d="M10 8a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2" />
        <path d="M12 13.2v.1" />
      </svg>
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
