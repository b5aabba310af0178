/** Sign in, and the clear page shown when a session has expired. */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../app/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { SignInForm } from '../components/SignInForm';
import { usePageTitle } from '../hooks/usePageTitle';

export default function SignInPage({ expired = false }: { expired?: boolean }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  usePageTitle(expired ? t('session.expiredTitle') : t('signIn.title'));

  useEffect(() => {
    if (expired) {
      try {
        localStorage.removeItem('polaris.signedIn');
      } catch {
        // nothing to forget
      }
    }
  }, [expired]);

  if (status === 'signedIn')
    return <Navigate to={from.startsWith('/signin') ? '/' : from} replace />;

  return (
    <div className="signin-page">
      <header className="signin-top">
        <span className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main className="signin-main">
        <div className="signin-card">
          {expired ? (
            <Alert
              type="warning"
              showIcon
              icon={<ClockCircleOutlined aria-hidden />}
              title={t('session.expiredTitle')}
              description={t('session.expiredPage')}
              className="form-alert"
            />
          ) : null}
          <h1 className="signin-title">{expired ? t('session.signInAgain') : t('signIn.title')}</h1>
          <p className="muted">{t('signIn.subtitle')}</p>
          <SignInForm onSignedIn={() => void navigate(from, { replace: true })} />
        </div>
      </main>
    </div>
  );
}
