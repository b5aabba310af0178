/**
 * Email and password; shows the API's answer (wrong password, too many attempts) in place.
 * A plain form (antd's Form and its validator would double the first screen's JavaScript).
 */
import { Alert, Button, Input } from 'antd';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { useSubmit } from '../hooks/useSubmit';
import { useDescribe } from './problems';

export function SignInForm({
  onSignedIn,
  email: initialEmail,
}: {
  onSignedIn: () => void;
  email?: string;
}) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const describe = useDescribe();
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({
    email: false,
    password: false,
  });
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { email: email.trim() === '', password: password === '' };
    setMissing(m);
    if (m.email || m.password) return;
    await run(async () => {
      await signIn(email.trim(), password);
      onSignedIn();
    });
  };

  return (
    <form className="signin-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor="signin-email" className="block-label">
          {t('signIn.email')}
        </label>
        <Input
          id="signin-email"
          type="email"
          autoComplete="username"
          size="large"
          autoFocus={!initialEmail}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          status={missing.email ? 'error' : undefined}
          aria-invalid={missing.email || undefined}
          aria-describedby={missing.email ? 'signin-email-error' : undefined}
        />
        {missing.email ? (
          <div className="field-error" id="signin-email-error">
            {t('signIn.emailRequired')}
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="signin-password" className="block-label">
          {t('signIn.password')}
        </label>
        <Input.Password
          id="signin-password"
          autoComplete="current-password"
          size="large"
          autoFocus={Boolean(initialEmail)}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          status={missing.password ? 'error' : undefined}
          aria-invalid={missing.password || undefined}
          aria-describedby={missing.password ? 'signin-password-error' : undefined}
        />
        {missing.password ? (
          <div className="field-error" id="signin-password-error">
            {t('signIn.passwordRequired')}
          </div>
        ) : null}
      </div>
      {error !== undefined ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={describe(error).message}
          className="form-alert"
        />
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('signIn.submit')}
      </Button>
    </form>
  );
}
