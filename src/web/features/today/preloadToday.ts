import type { Me } from '../../../shared/api/auth.js';
import { todayIn } from '../../../shared/time/zone.js';
import { api } from '../../api.js';
import { paths } from '../../paths.js';
import { keyOf, queryClient } from '../../query.js';

// The page mounts a moment after these answers arrive; asking again then would only repeat them.
const JUST_ASKED_MS = 10_000;

function prefetch(path: string) {
  const queryKey = keyOf(path);
  queryClient.setQueryDefaults(queryKey, {
    refetchOnMount: (query) => query.state.isInvalidated || Date.now() - query.state.dataUpdatedAt > JUST_ASKED_MS,
  });
  void queryClient.prefetchQuery({ queryKey, queryFn: () => api.get(path) });
}

/**
 * Today is where a signed-in therapist lands: its day (with the team, for an owner) is asked for
 * as soon as GET /me names the practice's time zone, not once the page has drawn. The paths are
 * the ones TodayPage reads with no date or therapist chosen, so it finds them cached or on their way.
 */
export function preloadToday(me: Promise<Me>) {
  me.then((answer) => {
    prefetch(paths.today({ date: todayIn(answer.practice.timezone) }));
    if (answer.member.role === 'owner') prefetch(paths.members());
  }).catch(() => undefined);
}
