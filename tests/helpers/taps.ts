// Counts the taps a therapist makes, so a browser test can hold a workflow to a budget
// ("a returning client's homework in at most 8 taps"). Wrap the page once and drive the test
// through the wrapper: every locator made from it counts the actions a finger makes.
//
// What counts as one tap: click, tap, check, uncheck, setChecked, selectOption (opening a list
// and picking is one choice), fill or pressSequentially (tapping into a field; the typing itself
// is not a tap), and a click through page.mouse or page.touchscreen. dblclick counts two.
// Not taps: page.goto (where the workflow starts), keyboard presses, waiting and reading.
import type { Page } from 'playwright-core';

const TAP_ACTIONS: Record<string, number> = {
  click: 1,
  tap: 1,
  check: 1,
  uncheck: 1,
  setChecked: 1,
  selectOption: 1,
  fill: 1,
  pressSequentially: 1,
  dblclick: 2,
};

export type TapCounter = {
  /** The page to drive the test through; locators made from it count their taps. */
  page: Page;
  /** Taps since the counter was made or last reset. */
  readonly count: number;
  /** One line per tap, e.g. `click getByRole('button', { name: 'Send' })`, for a readable failure. */
  readonly log: readonly string[];
  reset(): void;
};

/** Wraps a Playwright page so that every tap made through it is counted. */
export function countTaps(page: Page): TapCounter {
  const log: string[] = [];
  const record = (action: string, target: string) => {
    for (let i = 0; i < TAP_ACTIONS[action]; i++) log.push(`${action} ${target}`);
  };

  // A Locator or FrameLocator made through a counted object is counted too.
  const isLocatorLike = (value: unknown): value is object =>
    typeof value === 'object' && value !== null && typeof (value as { getByRole?: unknown }).getByRole === 'function';

  // Playwright checks its own objects (e.g. `filter({ has })`), so it is handed the real ones.
  const originals = new WeakMap<object, object>();
  const unwrapped = (arg: unknown) => (typeof arg === 'object' && arg !== null && originals.get(arg)) || arg;

  const track = <T extends object>(target: T, name: (args: unknown[]) => string): T => {
    const proxy = new Proxy(target, {
      get(obj, prop, receiver) {
        if (obj === page && (prop === 'mouse' || prop === 'touchscreen')) return track(page[prop], () => `page.${prop}`);
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        return (...args: unknown[]) => {
          if (Object.hasOwn(TAP_ACTIONS, prop)) record(prop, name(args));
          const result = value.apply(obj, args.map(unwrapped));
          return isLocatorLike(result) ? track(result, () => String(result)) : result;
        };
      },
    });
    originals.set(proxy, target);
    return proxy;
  };
  // page.click(selector, …) names its target in the first argument.
  const countedPage = track(page, (args) => String(args[0]));

  return {
    page: countedPage,
    get count() {
      return log.length;
    },
    get log() {
      return [...log];
    },
    reset() {
      log.length = 0;
    },
  };
}
