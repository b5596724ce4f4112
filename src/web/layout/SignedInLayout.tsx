import { Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { PracticeClockNote } from '../components/PracticeClockNote.js';
import {
  Badge,
  CalendarIcon,
  CarryoverMark,
  ClientsIcon,
  CompassIcon,
  DashboardIcon,
  type Icon,
  LibraryIcon,
  SettingsIcon,
  SignOutIcon,
  Spinner,
} from '../design/components/index.js';
import { QuestionsNavIcon } from '../features/questions/QuestionsNavIcon.js';
import { useSession, useSignedIn } from '../session.js';
import { PhoneNav } from './PhoneNav.js';
import { SkipLink } from './SkipLink.js';
import './layout.css';

const places: { to: string; label: string; icon: Icon }[] = [
  { to: '/today', label: 'Today', icon: CompassIcon },
  { to: '/clients', label: 'Clients', icon: ClientsIcon },
  { to: '/library', label: 'Library', icon: LibraryIcon },
  { to: '/calendar', label: 'Calendar', icon: CalendarIcon },
  { to: '/questions', label: 'Questions', icon: QuestionsNavIcon },
  { to: '/dashboard', label: 'Dashboard', icon: DashboardIcon },
  { to: '/settings', label: 'Settings', icon: SettingsIcon },
];

/** Header with the practice name and the main navigation, around every signed-in page. */
export function SignedInLayout() {
  const { practice } = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();

  async function signOutAndLeave() {
    await signOut();
    navigate('/signin', { replace: true });
  }

  return (
    <div className="app-frame">
      <SkipLink />
      <header className="app-header">
        <div className="app-header__inner">
          <div className="app-header__practice">
            <span className="brand brand--small">
              <CarryoverMark size={24} />
              <span className="brand__name">Carryover</span>
            </span>
            <span className="app-header__practice-name">{practice.name}</span>
            {practice.isDemo && <Badge tone="warning">Demo practice</Badge>}
          </div>
          <nav className="main-nav" aria-label="Main">
            <ul className="main-nav__list">
              {places.map(({ to, label, icon: Drawing }) => (
                <li key={to}>
                  <NavLink to={to} className="main-nav__link">
                    <Drawing size={22} />
                    <span>{label}</span>
                  </NavLink>
                </li>
              ))}
              <li>
                <button type="button" className="main-nav__link main-nav__signout" onClick={signOutAndLeave}>
                  <SignOutIcon size={22} />
                  <span>Sign out</span>
                </button>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <PracticeClockNote />
        <Suspense fallback={<Spinner label="Opening…" />}>
          <Outlet />
        </Suspense>
      </main>
      <PhoneNav places={places} onSignOut={signOutAndLeave} />
    </div>
  );
}
