import { ButtonLink, CompassIcon, EmptyState, PageHeader } from './design/components/index.js';
import { useSession } from './session.js';

export function NotFoundPage() {
  const { state } = useSession();
  const signedIn = state.status === 'signed-in';
  return (
    <div className="wide-page">
      <PageHeader title="Page not found" />
      <EmptyState
        icon={CompassIcon}
        title="We could not find that page"
        action={<ButtonLink to={signedIn ? '/clients' : '/signin'}>{signedIn ? 'Go to your clients' : 'Go to sign in'}</ButtonLink>}
      >
        <p>The link may be old or mistyped. Nothing you saved has been lost.</p>
      </EmptyState>
    </div>
  );
}
