/**
 * When the session ends while a screen is open, sign in again over it: the screen stays as it
 * was, with everything typed, and the failed save can be tried again.
 */
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { SignInForm } from '../components/SignInForm';
import { useSession } from './session';

export default function SessionExpiredModal() {
  const { t } = useTranslation();
  const { status, me } = useSession();
  return (
    <Modal
      open={status === 'expired'}
      title={t('session.expiredTitle')}
      footer={null}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
    >
      <p>{t('session.expiredModal')}</p>
      <SignInForm onSignedIn={() => undefined} {...(me ? { email: me.email } : {})} />
    </Modal>
  );
}
