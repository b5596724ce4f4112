import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Spinner } from './design/components/index.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { EitherLayout, HomeRedirect, RequireSignedIn, SignedOutOnly } from './layout/guards.js';
import { RouteFocus } from './layout/RouteFocus.js';
import { SignedOutLayout } from './layout/SignedOutLayout.js';
import { lazyPage } from './lazyPage.js';
import { NotFoundPage } from './NotFoundPage.js';

// Sign-in and the frame load first; each area of the app is its own file, fetched when first opened.
// The other signed-out pages too: they check their forms with the shared zod schemas, which the
// sign-in page loads only when it is used (it is a third of the first screen's scripting).
const AcceptInvitePage = lazy(() => import('./features/auth/AcceptInvitePage.js').then((m) => ({ default: m.AcceptInvitePage })));
const ForgotPasswordPage = lazy(() => import('./features/auth/ForgotPasswordPage.js').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./features/auth/ResetPasswordPage.js').then((m) => ({ default: m.ResetPasswordPage })));
const SignUpPage = lazy(() => import('./features/auth/SignUpPage.js').then((m) => ({ default: m.SignUpPage })));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage.js').then((m) => ({ default: m.CalendarPage })));
const ClientsRoutes = lazy(() => import('./features/clients/ClientsRoutes.js').then((m) => ({ default: m.ClientsRoutes })));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage.js').then((m) => ({ default: m.DashboardPage })));
const PublicIntakePage = lazy(() => import('./features/intake/PublicIntakePage.js').then((m) => ({ default: m.PublicIntakePage })));
const LibraryRoutes = lazy(() => import('./features/library/LibraryRoutes.js').then((m) => ({ default: m.LibraryRoutes })));
const MailboxPage = lazy(() => import('./features/mailbox/MailboxPage.js').then((m) => ({ default: m.MailboxPage })));
const QuestionsPage = lazy(() => import('./features/questions/QuestionsPage.js').then((m) => ({ default: m.QuestionsPage })));
const ReferralsPage = lazy(() => import('./features/referrals/ReferralsPage.js').then((m) => ({ default: m.ReferralsPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));
const HandoutPage = lazy(() => import('./features/homework/index.js').then((m) => ({ default: m.HandoutPage })));
const HomeworkStepPage = lazy(() => import('./features/homework/index.js').then((m) => ({ default: m.HomeworkStepPage })));
const SoapPage = lazy(() => import('./features/today/SoapPage.js').then((m) => ({ default: m.SoapPage })));
const TeachPage = lazy(() => import('./features/homework/index.js').then((m) => ({ default: m.TeachPage })));

/** Where a signed-in therapist lands: main.tsx fetches its code while it asks who is signed in. */
export const TodayPage = lazyPage(() => import('./features/today/TodayPage.js').then((m) => m.TodayPage));

export function App() {
  return (
    <>
      <RouteFocus />
      <Suspense fallback={<Spinner label="Opening…" />}>
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
            <Route path="/today" element={<TodayPage />} />
            <Route path="/clients/*" element={<ClientsRoutes />} />
            <Route path="/clients/:id/handout" element={<HandoutPage />} />
            <Route path="/sessions/:id/homework" element={<HomeworkStepPage />} />
            <Route path="/sessions/:id/soap" element={<SoapPage />} />
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
      </Suspense>
    </>
  );
}
