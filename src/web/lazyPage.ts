import { type ComponentType, createElement, lazy, useState } from 'react';

/**
 * A page whose code is fetched when it is first shown, like React.lazy, with `preload()` to fetch
 * it sooner (main.tsx does for Today). A page whose code is already here renders at once: React.lazy
 * alone suspends on its first render even then, which shows the "Opening…" fallback and holds the
 * page back by React's reveal throttle (about 300 ms on the first load).
 */
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () => {
    loading ??= load().then(
      (page) => {
        loaded = page;
        return page;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => preload().then((page) => ({ default: page })));
  // biome-ignore lint/correctness/noComponentHookFactories: made once per page at module level, like React.lazy
  function LazyPage(props: P) {
    // Chosen once per mount: switching from Lazy to the page itself later would remount it.
    const [page] = useState(() => loaded);
    return page ? createElement(page, props) : createElement(Lazy, props);
  }
  return Object.assign(LazyPage, { preload });
}
