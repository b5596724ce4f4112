import { useCallback, useState } from 'react';
import type { ApiError } from '../../api.js';

/**
 * The server refuses a time that overlaps another appointment with a 409 "overlap" and a message
 * naming the clash. This keeps that message so the form can ask "Book anyway?" and send again
 * with confirmOverlap: true.
 */
export function useOverlap() {
  const [overlap, setOverlap] = useState<string | null>(null);
  /** For useForm's onApiError: true when the error was an overlap and is now shown as a question. */
  const catchOverlap = useCallback((error: ApiError) => {
    if (error.status !== 409 || error.code !== 'overlap') return false;
    setOverlap(error.message);
    return true;
  }, []);
  const clearOverlap = useCallback(() => setOverlap(null), []);
  return { overlap, catchOverlap, clearOverlap };
}
