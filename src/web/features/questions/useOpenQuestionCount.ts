import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

/**
 * How many questions wait for an answer: asked again on each page change (a client may have
 * asked since), and refreshed with every questions list when an answer is sent.
 */
export function useOpenQuestionCount(): number {
  const { pathname } = useLocation();
  const open = useApiQuery<{ questions: unknown[] }>(paths.questions({ status: 'open' }));
  const { reload } = open;
  const askedOn = useRef(pathname);
  useEffect(() => {
    if (askedOn.current === pathname) return;
    askedOn.current = pathname;
    reload();
  }, [pathname, reload]);
  // The count is a hint: on failure the last one stays (or none).
  return open.state.status === 'ready' ? open.state.data.questions.length : 0;
}
