import { createContext, type ReactNode, startTransition, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me, Member } from '../shared/api/auth.js';
import { ApiError, api, forgetCsrfToken, whenUnauthorized } from './api.js';
import { paths } from './paths.js';
import { forgetAll } from './query.js';

export type SignedInPractice = Me['practice'];

export type SessionState =
  /** Not asked: this browser has not signed in lately, so it is most likely signed out. */
  | { status: 'unchecked' }
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  /** expired: the session ended under the user (a 401 while signed in), not by signing out. */
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; member: Member; practice: SignedInPractice };

interface Session {
  state: SessionState;
  signedIn(me: Pick<Me, 'member' | 'practice'>): void;
  signOut(): Promise<void>;
  practiceRenamed(practice: Partial<SignedInPractice>): void;
  /** Ask the server who is signed in (again); signed-in pages do this when the state is unchecked. */
  check(): void;
}

const SessionContext = createContext<Session | null>(null);

/*
 * The session cookie is httpOnly, so the page cannot see it. This flag remembers that this
 * browser signed in, so the signed-out pages do not send a first-time visitor a GET /me that
 * can only answer 401 (browsers log every 401 to the console). Signed-in pages always ask.
 */
const SIGNED_IN_HINT = 'carryover.signedIn';

function rememberSignedIn(signedIn: boolean) {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // Storage blocked: probablySignedIn() then always asks the server.
  }
}

function probablySignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
}

let earlyCheck: Promise<Me> | null = null;

/** "/" (which leads to Today) and the pages behind <RequireSignedIn> in App.tsx: they ask /me whatever the hint says. */
const SIGNED_IN_PAGES = /^\/(?:$|today|clients|sessions|homework|library|calendar|questions|referrals|dashboard|settings)(?:\/|$)/;

/**
 * Asks GET /api/v1/me as the app's script starts (main.tsx), before React's first render, so the
 * answer is on its way while the frame is drawn; the provider's first check takes it. Returns the
 * request, or null when this browser has not signed in lately.
 */
export function checkSessionEarly(pathname: string): Promise<Me> | null {
  // The address first: on a signed-in page the hint (a first read of localStorage, slow on a phone) is not needed.
  if (!SIGNED_IN_PAGES.test(pathname) && !probablySignedIn()) return null;
  earlyCheck = api.get<Me>(paths.me());
  // Handled where it is used; this keeps a fast 401 from being logged as unhandled meanwhile.
  earlyCheck.catch(() => undefined);
  return earlyCheck;
}

/** Who is signed in, asked of GET /api/v1/me when the app opens (or when a signed-in page needs to know). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [attempt, setAttempt] = useState(() => (earlyCheck || probablySignedIn() ? 1 : 0));
  const [state, setState] = useState<SessionState>(() => (attempt > 0 ? { status: 'loading' } : { status: 'unchecked' }));

  useEffect(() => {
    whenUnauthorized(() => {
      rememberSignedIn(false);
      forgetAll();
      setState((prev) => ({ status: 'signed-out', expired: prev.status === 'signed-in' }));
    });
    return () => whenUnauthorized(null);
  }, []);

  useEffect(() => {
    if (attempt === 0) return;
    let current = true;
    const request = attempt === 1 && earlyCheck ? earlyCheck : api.get<Me>(paths.me());
    earlyCheck = null;
    request
      .then((me) => {
        if (!current) return;
        rememberSignedIn(true);
        // A transition: the loading screen stays until the page's code is in, rather than a
        // fallback flashing in and being held on screen for React's reveal throttle.
        startTransition(() => setState({ status: 'signed-in', member: me.member, practice: me.practice }));
      })
      .catch((err: unknown) => {
        if (!current) return;
        const signedOut = err instanceof ApiError && err.status >= 400 && err.status < 500;
        if (signedOut) setState({ status: 'signed-out', expired: err.status === 401 });
        else setState({ status: 'unreachable', message: err instanceof ApiError ? err.message : 'Carryover did not answer.' });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: Pick<Me, 'member' | 'practice'>) => {
    rememberSignedIn(true);
    forgetAll();
    setState({
      status: 'signed-in',
      member: me.member,
      practice: me.practice,
    });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post(paths.logout());
    } catch {
      // Signed out locally either way; a failed call leaves at most a session that expires on its own.
    }
    forgetCsrfToken();
    forgetAll();
    rememberSignedIn(false);
    setState({ status: 'signed-out', expired: false });
  }, []);

  const practiceRenamed = useCallback((practice: Partial<SignedInPractice>) => {
    setState((prev) => (prev.status === 'signed-in' ? { ...prev, practice: { ...prev.practice, ...practice } } : prev));
  }, []);

  const check = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, practiceRenamed, check }), [state, signedIn, signOut, practiceRenamed, check]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** The signed-in member and practice; only for pages behind <RequireSignedIn>. */
export function useSignedIn() {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn used on a signed-out page');
  return state;
}
