/** The frame around every signed-in screen: navigation, cycle picker, language and account. */
import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DownOutlined,
  FieldTimeOutlined,
  MenuOutlined,
  NodeIndexOutlined,
  SettingOutlined,
  ShareAltOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Layout, Menu, Select, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { plans as plansApi, requests as requestsApi } from '../api/endpoints';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../components/NotificationBell';
import { ProblemAlert } from '../components/problems';
import { Loading } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { useIsMobile } from '../hooks/useMediaQuery';
import { useOrgData } from './org-data';
import { useMe, useSession } from './session';

const { Header, Sider, Content } = Layout;

/** A menu entry's link with the number of things waiting there, when there are any. */
function CountedLink(props: { to: string; label: string; count: number; countLabel: string }) {
  return (
    <Link to={props.to}>
      {props.label}{' '}
      {props.count > 0 ? (
        <Badge count={props.count} size="small" aria-label={props.countLabel} />
      ) : null}
    </Link>
  );
}

export function AppShell() {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const org = useOrgData();
  const location = useLocation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const queue = useAsync(
    () => plansApi.list({ approverId: 'me', state: 'in_review' }),
    [location.pathname === '/reviews', me.id],
  );
  const queueCount = queue.data?.length ?? 0;
  // open requests to the units I lead, as the 协同 page lists them: counted again when it is left
  const incoming = useAsync(
    () => requestsApi.list('incoming', 'open'),
    [location.pathname === '/requests', me.id],
  );
  const incomingCount = incoming.data?.length ?? 0;

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  const selected = useMemo(() => {
    const p = location.pathname;
    if (p === '/') return '/';
    const first = `/${p.split('/')[1] ?? ''}`;
    return first === '/plans' || first === '/key-results' ? '/' : first;
  }, [location.pathname]);

  const items: MenuProps['items'] = [
    { key: '/', icon: <AimOutlined aria-hidden />, label: <Link to="/">{t('nav.myOkrs')}</Link> },
    {
      key: '/check-in',
      icon: <CheckSquareOutlined aria-hidden />,
      label: <Link to="/check-in">{t('nav.checkIn')}</Link>,
    },
    {
      key: '/reviews',
      icon: <AuditOutlined aria-hidden />,
      label: (
        <CountedLink
          to="/reviews"
          label={t('nav.reviews')}
          count={queueCount}
          countLabel={t('nav.reviewsWaiting', { count: queueCount })}
        />
      ),
    },
    {
      key: '/requests',
      icon: <ShareAltOutlined aria-hidden />,
      label: (
        <CountedLink
          to="/requests"
          label={t('nav.requests')}
          count={incomingCount}
          countLabel={t('nav.requestsWaiting', { count: incomingCount })}
        />
      ),
    },
    {
      key: '/timeline',
      icon: <FieldTimeOutlined aria-hidden />,
      label: <Link to="/timeline">{t('nav.timeline')}</Link>,
    },
    {
      key: '/organization',
      icon: <TeamOutlined aria-hidden />,
      label: <Link to="/organization">{t('nav.organization')}</Link>,
    },
    {
      key: '/dashboard',
      icon: <DashboardOutlined aria-hidden />,
      label: <Link to="/dashboard">{t('nav.dashboard')}</Link>,
    },
    {
      key: '/alignment',
      icon: <NodeIndexOutlined aria-hidden />,
      label: <Link to="/alignment">{t('nav.alignment')}</Link>,
    },
    ...(me.role === 'admin'
      ? [
          {
            key: '/admin',
            icon: <ApartmentOutlined aria-hidden />,
            label: <Link to="/admin">{t('nav.admin')}</Link>,
          },
        ]
      : []),
  ];

  const nav = (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" selectedKeys={[selected]} items={items} className="main-menu" />
    </nav>
  );

  const brand = (
    <Link to="/" className="brand" aria-label={t('app.home')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      <span className="brand-name">{t('app.name')}</span>
    </Link>
  );

  const accountItems: MenuProps['items'] = [
    { key: 'settings', icon: <SettingOutlined aria-hidden />, label: t('nav.settings') },
    { type: 'divider' },
    { key: 'signOut', label: t('nav.signOut') },
  ];

  return (
    <Layout className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      {mobile ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={260}
          title={brand}
          styles={{ body: { padding: 0 } }}
        >
          {nav}
        </Drawer>
      ) : (
        <Sider width={220} className="shell-sider" theme="light">
          <div className="sider-brand">{brand}</div>
          {nav}
        </Sider>
      )}
      <Layout>
        <Header className="shell-header">
          {mobile ? (
            <Button
              type="text"
              icon={<MenuOutlined aria-hidden />}
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <Select
            className="cycle-select"
            aria-label={t('cycle.pick')}
            value={org.cycle?.id}
            placeholder={t('cycle.none')}
            onChange={(id: string) => org.setCycleId(id)}
            options={org.cycles.map((c) => ({
              value: c.id,
              label: `${c.name} · ${t(`cycleState.${c.state}`)}`,
            }))}
            popupMatchSelectWidth={false}
            showSearch={{ optionFilterProp: 'label' }}
            loading={org.loading}
          />
          <div className="header-spacer" />
          <NotificationBell />
          <LanguageSwitch compact={mobile} />
          <Dropdown
            menu={{
              items: accountItems,
              onClick: ({ key }) => {
                if (key === 'settings') void navigate('/settings');
                if (key === 'signOut') void signOut().then(() => navigate('/signin'));
              },
            }}
            trigger={['click']}
          >
            <Button
              type="text"
              {...(mobile ? { 'aria-label': t('nav.account', { name: me.name }) } : {})}
            >
              <span className="avatar" aria-hidden>
                {me.name.slice(0, 1)}
              </span>
              {mobile ? null : <span className="account-name">{me.name}</span>}
              <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
        </Header>
        <Content id="main" tabIndex={-1} className="shell-content">
          {org.error !== undefined ? (
            <div className="page-alert">
              <ProblemAlert
                error={org.error}
                title={t('app.orgLoadFailed')}
                onRetry={() => void org.reload()}
              />
            </div>
          ) : null}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
