import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.detail')}
      extra={<Link to="/">{t('notFound.home')}</Link>}
    />
  );
}
