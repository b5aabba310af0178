/** Email and password; shows the API's answer (wrong password, too many attempts) in place. */
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';
import { useDescribe } from './problems';

export function SignInForm({ onSignedIn, email }: { onSignedIn: () => void; email?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const describe = useDescribe();
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  return (
    <Form
      layout="vertical"
      requiredMark={false}
      initialValues={{ email: email ?? '' }}
      onFinish={async (values: { email: string; password: string }) => {
        setBusy(true);
        setError(undefined);
        try {
          await signIn(values.email.trim(), values.password);
          onSignedIn();
        } catch (e) {
          setError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form.Item
        label={t('signIn.email')}
        name="email"
        rules={[{ required: true, message: t('signIn.emailRequired') }]}
      >
        <Input type="email" autoComplete="username" size="large" autoFocus={!email} />
      </Form.Item>
      <Form.Item
        label={t('signIn.password')}
        name="password"
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" size="large" autoFocus={Boolean(email)} />
      </Form.Item>
      {error !== undefined ? (
        <Alert type="error" showIcon role="alert" title={describe(error).message} className="form-alert" />
      ) : null}
      <Button type="primary" htmlType="submit" size="large" block loading={busy}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
