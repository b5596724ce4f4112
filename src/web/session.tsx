import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me, Member } from '../shared/api/auth.js';
import { api, ApiError, forgetCsrfToken, whenUnauthorized } from './api.js';

export type SignedInPractice = Me['practice'];

export type SessionState =
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
  retry(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, asked of GET /api/v1/me once when the app opens. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    whenUnauthorized(() => setState((prev) => ({ status: 'signed-out', expired: prev.status === 'signed-in' })));
    return () => whenUnauthorized(null);
  }, []);

  useEffect(() => {
    let current = true;
    api
      .get<Me>('/api/v1/me')
      .then((me) => current && setState({ status: 'signed-in', member: me.member, practice: me.practice }))
      .catch((err: unknown) => {
        if (!current) return;
        const signedOut = err instanceof ApiError && err.status >= 400 && err.status < 500;
        if (signedOut) setState({ status: 'signed-out', expired: false });
        else setState({ status: 'unreachable', message: err instanceof ApiError ? err.message : 'Carryover did not answer.' });
      });
    return () => {
      current = false;
    };
  }, [attempt]);

  const signedIn = useCallback((me: Pick<Me, 'member' | 'practice'>) => {
    setState({ status: 'signed-in', member: me.member, practice: { id: me.practice.id, name: me.practice.name, isDemo: me.practice.isDemo } });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      // Signed out locally either way; a failed call leaves at most a session that expires on its own.
    }
    forgetCsrfToken();
    setState({ status: 'signed-out', expired: false });
  }, []);

  const practiceRenamed = useCallback((practice: Partial<SignedInPractice>) => {
    setState((prev) => (prev.status === 'signed-in' ? { ...prev, practice: { ...prev.practice, ...practice } } : prev));
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signedIn, signOut, practiceRenamed, retry }), [state, signedIn, signOut, practiceRenamed, retry]);
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
