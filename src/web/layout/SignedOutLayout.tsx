import { Link, NavLink, Outlet } from 'react-router';
import { CarryoverMark } from '../design/components/index.js';
import { SkipLink } from './SkipLink.js';
import './layout.css';

/** A calm single column for signing up, signing in and following email links. */
export function SignedOutLayout() {
  return (
    <div className="app-frame app-frame--signed-out">
      <SkipLink />
      <header className="signed-out-header">
        <Link to="/signin" className="brand brand--link">
          <CarryoverMark size={28} />
          <span className="brand__name">Carryover</span>
        </Link>
        <p className="signed-out-header__tagline">Self-care homework your clients actually do.</p>
      </header>
      <main id="main" tabIndex={-1} className="signed-out-main">
        <Outlet />
      </main>
      <footer className="signed-out-footer">
        <ul className="cluster plain-list">
          <li>
            <NavLink to="/signin">Sign in</NavLink>
          </li>
          <li>
            <NavLink to="/signup">Create an account</NavLink>
          </li>
          <li>
            <NavLink to="/mailbox">Local mailbox</NavLink>
          </li>
        </ul>
      </footer>
    </div>
  );
}
