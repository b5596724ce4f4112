import type { ReactNode } from 'react';

export interface IconProps {
  size?: number;
  className?: string;
}

export type Icon = (props: IconProps) => ReactNode;

/** Line icons drawn inline so no image request is made; always decorative (text carries the meaning). */
function LineIcon({ size = 24, className, children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const ClientsIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c.6-3.6 3.2-5.5 6.5-5.5s5.9 1.9 6.5 5.5" />
    <path d="M16 4.8a3.3 3.3 0 0 1 0 6.4M18 14.8c2 .7 3.2 2.4 3.5 5.2" />
  </LineIcon>
);

export const MoreIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="5" cy="12" r="1.5" />
    <circle cx="12" cy="12" r="1.5" />
    <circle cx="19" cy="12" r="1.5" />
  </LineIcon>
);

export const LibraryIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M4 5.5C4 4.7 4.7 4 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5z" />
    <path d="M20 5.5c0-.8-.7-1.5-1.5-1.5H13v16h5.5c.8 0 1.5-.7 1.5-1.5z" />
    <path d="M7 8h1.5M15.5 8H17" />
  </LineIcon>
);

export const CalendarIcon: Icon = (p) => (
  <LineIcon {...p}>
    <rect x="3.5" y="5" width="17" height="15.5" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
    <path d="M8 14h2M14 14h2M8 17h2" />
  </LineIcon>
);

export const DashboardIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M4 20V10M10 20V4M16 20v-7M21 20H3" />
  </LineIcon>
);

export const SettingsIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </LineIcon>
);

export const SignOutIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M14 4h4.5c.8 0 1.5.7 1.5 1.5v13c0 .8-.7 1.5-1.5 1.5H14" />
    <path d="M10 8l-4 4 4 4M6 12h10" />
  </LineIcon>
);

export const MailIcon: Icon = (p) => (
  <LineIcon {...p}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5 12 13l8.5-6.5" />
  </LineIcon>
);

export const CompassIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="m15.5 8.5-2 5-5 2 2-5z" />
  </LineIcon>
);

export const KeyIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="8" cy="15" r="4" />
    <path d="m11 12 8-8M16 7l2.5 2.5M14 9l2 2" />
  </LineIcon>
);

export const CheckIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="m5 12.5 4.5 4.5L19 7.5" />
  </LineIcon>
);

export const AlertIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5M12 16.5v.01" />
  </LineIcon>
);

export const InfoIcon: Icon = (p) => (
  <LineIcon {...p}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v5.5M12 7.5v.01" />
  </LineIcon>
);

export const CopyIcon: Icon = (p) => (
  <LineIcon {...p}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V5.5c0-.8-.7-1.5-1.5-1.5h-9C4.7 4 4 4.7 4 5.5v9c0 .8.7 1.5 1.5 1.5H8" />
  </LineIcon>
);

export const QuestionIcon: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4A2.5 2.5 0 0 1 4 13.5z" />
    <path d="M10 8a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2" />
    <path d="M12 13.2v.1" />
  </LineIcon>
);

/** The Carryover mark: a leaf carried forward. */
export const CarryoverMark: Icon = (p) => (
  <LineIcon {...p}>
    <path d="M5 19c6 0 11-4 13.5-13C20 13 17 19.5 9 20.5" />
    <path d="M5 19c1.5-4 4.5-7 9-9" />
  </LineIcon>
);
