import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export default function AlignmentPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('common.loading')} />;
}
