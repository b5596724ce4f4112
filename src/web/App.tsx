import { Route, Routes } from 'react-router';
import { AcceptInvitePage } from './features/auth/AcceptInvitePage.js';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { SignUpPage } from './features/auth/SignUpPage.js';
import { CalendarPage } from './features/calendar/CalendarPage.js';
import { ClientsRoutes } from './features/clients/ClientsRoutes.js';
import { DashboardPage } from './features/dashboard/DashboardPage.js';
import { HandoutPage, HomeworkStepPage, TeachPage } from './features/homework/index.js';
import { PublicIntakePage } from './features/intake/PublicIntakePage.js';
import { LibraryRoutes } from './features/library/LibraryRoutes.js';
import { MailboxPage } from './features/mailbox/MailboxPage.js';
import { QuestionsPage } from './features/questions/QuestionsPage.js';
import { ReferralsPage } from './features/referrals/ReferralsPage.js';
import { SettingsPage } from './features/settings/SettingsPage.js';
import { EitherLayout, HomeRedirect, RequireSignedIn, SignedOutOnly } from './layout/guards.js';
import { RouteFocus } from './layout/RouteFocus.js';
import { SignedOutLayout } from './layout/SignedOutLayout.js';
import { NotFoundPage } from './NotFoundPage.js';

export function App() {
  return (
    <>
      <RouteFocus />
      <Routes>
        <Route path="/" element={<HomeRedirect />} />

        <Route element={<SignedOutOnly />}>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
        </Route>

        {/* Opened from email links: they work whether or not someone is signed in on this device. */}
        <Route element={<SignedOutLayout />}>
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
          <Route path="/reset-password" element={<ResetPasswordPage />} />
          <Route path="/invite" element={<AcceptInvitePage />} />
        </Route>

        {/* The client's own intake form, from a link: no sign-in, no session check, its own calm frame. */}
        <Route path="/intake/:token" element={<PublicIntakePage />} />

        <Route element={<RequireSignedIn />}>
          <Route path="/clients/*" element={<ClientsRoutes />} />
          <Route path="/clients/:id/handout" element={<HandoutPage />} />
          <Route path="/sessions/:id/homework" element={<HomeworkStepPage />} />
          <Route path="/homework/:id/teach" element={<TeachPage />} />
          <Route path="/library/*" element={<LibraryRoutes />} />
          <Route path="/calendar" element={<CalendarPage />} />
          <Route path="/questions" element={<QuestionsPage />} />
          <Route path="/referrals" element={<ReferralsPage />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/settings" element={<SettingsPage />} />
        </Route>

        <Route element={<EitherLayout />}>
          <Route path="/mailbox" element={<MailboxPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
