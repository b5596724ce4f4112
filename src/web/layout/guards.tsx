import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../session.js';
import { SignedInLayout } from './SignedInLayout.js';
import { SignedOutLayout } from './SignedOutLayout.js';
import { LoadingScreen, UnreachableScreen } from './StatusScreens.js';

export interface ReturnState {
  /** Where to go back to after signing in. */
  from?: string;
}

/** A same-site path to return to, never another site. */
export function safeReturnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/today';
}

/** Signed-in pages: anyone else goes to /signin, and comes back here afterwards. */
export function RequireSignedIn() {
  const { state, check } = useSession();
  const location = useLocation();
  if (state.status === 'unchecked') return <CheckSession />;
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'unreachable') return <UnreachableScreen message={state.message} onRetry={check} />;
  if (state.status === 'signed-out') {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/signin" replace state={{ from } satisfies ReturnState} />;
  }
  return <SignedInLayout />;
}

function CheckSession() {
  const { check } = useSession();
  useEffect(check, [check]);
  return <LoadingScreen />;
}

/** Sign-in and sign-up: someone already signed in goes straight on. */
export function SignedOutOnly() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingScreen />;
  if (state.status === 'signed-in') return <Navigate to={safeReturnPath(location.state)} replace />;
  return <SignedOutLayout />;
}

/** Pages for everyone (the mailbox, not found): the signed-in frame when signed in. */
export function EitherLayout() {
  const { state } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  return state.status === 'signed-in' ? <SignedInLayout /> : <SignedOutLayout />;
}

/** "/" has no page of its own: a therapist starts on Today, which finds out whether someone is signed in. */
export function HomeRedirect() {
  const { state } = useSession();
  if (state.status === 'loading') return <LoadingScreen />;
  return <Navigate to={state.status === 'signed-out' ? '/signin' : '/today'} replace />;
}
