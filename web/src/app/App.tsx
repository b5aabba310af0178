/** The application: providers, theme and locale, and the routes (each screen loads lazily). */
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { FeedbackProvider } from '../components/feedback';
import { Loading } from '../components/states';
import { useMediaQuery } from '../hooks/useMediaQuery';
import { AppShell } from './AppShell';
import { OrgDataProvider } from './org-data';
import { SessionProvider, useSession } from './session';
import { theme } from './theme';

// the dialog to sign in again loads only when a session ends
const SessionExpiredModal = lazy(() => import('./SessionExpiredModal'));
const SignInPage = lazy(() => import('../pages/SignInPage'));
const MyOkrsPage = lazy(() => import('../pages/MyOkrsPage'));
const PlanPage = lazy(() => import('../pages/PlanPage'));
const ScoringPage = lazy(() => import('../pages/ScoringPage'));
const ReviewQueuePage = lazy(() => import('../pages/ReviewQueuePage'));
const CheckInPage = lazy(() => import('../pages/CheckInPage'));
const KeyResultPage = lazy(() => import('../pages/KeyResultPage'));
const TimelinePage = lazy(() => import('../pages/TimelinePage'));
const OrganizationPage = lazy(() => import('../pages/OrganizationPage'));
const DashboardPage = lazy(() => import('../pages/DashboardPage'));
const AlignmentPage = lazy(() => import('../pages/AlignmentPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const SettingsPage = lazy(() => import('../pages/SettingsPage'));
const RequestsPage = lazy(() => import('../pages/RequestsPage'));
const UnitSummaryPage = lazy(() => import('../pages/UnitSummaryPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export function App() {
  return (
    <SessionProvider>
      <Themed>
        <BrowserRouter>
          <Suspense fallback={<Loading />}>
            <AppRoutes />
          </Suspense>
        </BrowserRouter>
      </Themed>
    </SessionProvider>
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useSession();
  // people who ask for less motion get none
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const themed = useMemo(
    () => ({ ...theme, token: { ...theme.token, motion: !reducedMotion } }),
    [reducedMotion],
  );
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCN : enUS}
      theme={themed}
      button={{ autoInsertSpace: false }}
    >
      <FeedbackProvider>{children}</FeedbackProvider>
    </ConfigProvider>
  );
}

function AppRoutes() {
  const { status } = useSession();
  if (status === 'loading') return <Loading />;
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/session-expired" element={<SignInPage expired />} />
      <Route
        element={
          <RequireSession>
            <OrgDataProvider>
              <AppShell />
              <ExpiredSession />
            </OrgDataProvider>
          </RequireSession>
        }
      >
        <Route index element={<MyOkrsPage />} />
        <Route path="check-in" element={<CheckInPage />} />
        <Route path="plans/:planId" element={<PlanPage />} />
        <Route path="plans/:planId/timeline" element={<TimelinePage />} />
        <Route path="plans/:planId/scoring" element={<ScoringPage />} />
        <Route path="timeline" element={<TimelinePage />} />
        <Route path="reviews" element={<ReviewQueuePage />} />
        <Route path="key-results/:keyResultId" element={<KeyResultPage />} />
        <Route path="organization" element={<OrganizationPage />} />
        <Route path="organization/:unitId" element={<OrganizationPage />} />
        <Route path="organization/:unitId/summary" element={<UnitSummaryPage />} />
        <Route path="requests" element={<RequestsPage />} />
        <Route path="dashboard" element={<DashboardPage />} />
        <Route path="alignment" element={<AlignmentPage />} />
        <Route path="admin/*" element={<AdminPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** Over the open screen when the session ends: sign in again without losing anything typed. */
function ExpiredSession() {
  const { status } = useSession();
  if (status !== 'expired') return null;
  return (
    <Suspense fallback={null}>
      <SessionExpiredModal />
    </Suspense>
  );
}

/** Screens behind the sign-in: signed-out people go to the sign-in page and come back after. */
function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'signedOut') {
    const from = `${location.pathname}${location.search}`;
    const wasSignedIn = hadSession();
    return <Navigate to={wasSignedIn ? '/session-expired' : '/signin'} replace state={{ from }} />;
  }
  return <>{children}</>;
}

/** Whether this browser was signed in before (then a missing session has expired). */
function hadSession(): boolean {
  try {
    return localStorage.getItem('polaris.signedIn') === '1';
  } catch {
    return false;
  }
}
