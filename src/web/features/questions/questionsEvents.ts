import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { api } from '../../api.js';

const CHANGED = 'carryover:questions-changed';

/** Tells the navigation's count that a question was answered. */
export const questionsChanged = () => window.dispatchEvent(new Event(CHANGED));

/** How many questions wait for an answer: asked again on each page change and after an answer. */
export function useOpenQuestionCount(): number {
  const { pathname } = useLocation();
  const [count, setCount] = useState(0);
  const [nudge, setNudge] = useState(0);

  useEffect(() => {
    const bump = () => setNudge((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname and nudge are the triggers to ask again
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ questions: unknown[] }>('/api/v1/questions?status=open', { signal: controller.signal })
      .then((r) => setCount(r.questions.length))
      .catch(() => {
        // The count is a hint: on failure the last one stays.
      });
    return () => controller.abort();
  }, [pathname, nudge]);

  return count;
}
