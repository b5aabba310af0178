/** 管理后台: people, the unit tree and its leaders, cycles, organization settings (admins only). */
import { Result, Tabs } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { Loading } from '../../components/states';
import { usePageTitle } from '../../hooks/usePageTitle';

const PeopleTab = lazy(() => import('./PeopleTab'));
const UnitsTab = lazy(() => import('./UnitsTab'));
const CyclesTab = lazy(() => import('./CyclesTab'));
const OrganizationTab = lazy(() => import('./OrganizationTab'));

const TABS = ['people', 'units', 'cycles', 'settings'] as const;
type Tab = (typeof TABS)[number];

export default function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const segment = location.pathname.split('/')[2] ?? 'people';
  const tab: Tab = (TABS as readonly string[]).includes(segment) ? (segment as Tab) : 'people';
  usePageTitle(`${t('nav.admin')} · ${t(`admin.tab.${tab}`)}`);
  if (me.role !== 'admin') {
    return (
      <Result
        status="403"
        title={<h1 className="page-title">{t('admin.forbidden')}</h1>}
        subTitle={t('admin.forbiddenDetail')}
      />
    );
  }
  const content = (k: Tab) => (
    <Suspense fallback={<Loading />}>
      {k === 'people' ? (
        <PeopleTab />
      ) : k === 'units' ? (
        <UnitsTab />
      ) : k === 'cycles' ? (
        <CyclesTab />
      ) : (
        <OrganizationTab />
      )}
    </Suspense>
  );
  return (
    <>
      <PageHeader title={t('nav.admin')} subtitle={t('admin.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => void navigate(`/admin/${k}`)}
        destroyOnHidden
        items={TABS.map((k) => ({ key: k, label: t(`admin.tab.${k}`), children: content(k) }))}
      />
    </>
  );
}
