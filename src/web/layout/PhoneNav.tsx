import { useEffect, useId, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { type Icon, MoreIcon, SignOutIcon } from '../design/components/index.js';

export interface Place {
  to: string;
  label: string;
  icon: Icon;
}

/** The places a therapist goes to between clients, in the bar; the rest sit under "More". */
const IN_THE_BAR = ['/today', '/clients', '/calendar', '/questions'];

/**
 * The navigation on a phone: a bar at the bottom of the screen, in reach of a thumb, with the
 * main places and "More" for the rest (the header's navigation is hidden there by CSS).
 */
export function PhoneNav({ places, onSignOut }: { places: Place[]; onSignOut: () => void }) {
  // Open on the page it was opened on: going somewhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const panelId = useId();
  const moreRef = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const bar = places.filter((p) => IN_THE_BAR.includes(p.to)).slice(0, 4);
  const rest = places.filter((p) => !bar.includes(p));
  const inMore = rest.some((p) => location.pathname.startsWith(p.to));
  const open = openOn === location.pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? location.pathname : null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      moreRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <nav className="phone-nav" aria-label="Main">
      <div id={panelId} className="phone-nav__more" hidden={!open}>
        <ul className="phone-nav__more-list">
          {rest.map(({ to, label, icon: Drawing }) => (
            <li key={to}>
              <NavLink to={to} className="phone-nav__more-link">
                <Drawing size={22} />
                <span>{label}</span>
              </NavLink>
            </li>
          ))}
          <li>
            <button type="button" className="phone-nav__more-link" onClick={onSignOut}>
              <SignOutIcon size={22} />
              <span>Sign out</span>
            </button>
          </li>
        </ul>
      </div>
      <ul className="phone-nav__bar">
        {bar.map(({ to, label, icon: Drawing }) => (
          <li key={to}>
            <NavLink to={to} className="phone-nav__link">
              <Drawing size={22} />
              <span>{label}</span>
            </NavLink>
          </li>
        ))}
        <li>
          <button
            ref={moreRef}
            type="button"
            className="phone-nav__link"
            aria-expanded={open}
            aria-controls={panelId}
            data-current={inMore || undefined}
            onClick={() => setOpen(!open)}
          >
            <MoreIcon size={22} />
            <span>More</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}
