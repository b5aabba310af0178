/**
 * 仪表盘: progress against the cycle's expected progress, health of objectives and key results,
 * a heatmap of the units, the lagging key results and check-in discipline, for a unit scope.
 */
import { Card, Col, Progress, Row, Statistic, Table, Tooltip } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cycles as cyclesApi } from '../api/endpoints';
import type { AtRiskKeyResult, Dashboard, HealthCounts } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { HealthTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { ScrollRegion } from '../components/ScrollRegion';
import { AsyncView, EmptyState, Loading } from '../components/states';
import { UnitScopeSelect } from '../components/UnitScopeSelect';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { HEALTH_COLORS, HEALTHS, healthOf } from '../lib/health';
import { formatPercent, gapPoints } from '../lib/progress';

const EChart = lazy(() => import('../charts/EChart'));

export default function DashboardPage() {
  const { t } = useTranslation();
  const org = useOrgData();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  usePageTitle(t('dashboard.title'));
  const cycle = org.cycle;
  const state = useAsync(
    () => (cycle ? cyclesApi.dashboard(cycle.id, unitId) : Promise.resolve(null)),
    [cycle?.id, unitId],
  );

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        subtitle={cycle ? t('dashboard.subtitle', { cycle: cycle.name }) : null}
        extra={
          <UnitScopeSelect
            value={unitId}
            onChange={(u) => {
              const next = new URLSearchParams(params);
              if (u) next.set('unit', u);
              else next.delete('unit');
              setParams(next, { replace: true });
            }}
          />
        }
      />
      {!cycle && !org.loading ? <EmptyState description={t('cycle.noneYet')} /> : null}
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('dashboard.loadFailed')}
      >
        {(d) => (d ? <DashboardView d={d} /> : null)}
      </AsyncView>
    </>
  );
}

function DashboardView({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const overallHealth = healthOf(
    d.progress,
    d.expectedProgress,
    d.progress > 0,
    me.organization.settings.healthThresholds,
  );
  const gap = gapPoints(d.progress, d.expectedProgress);
  const totalPlans = Object.values(d.plansByState).reduce((a, b) => a + b, 0);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={12} xl={6}>
        <Card className="stat-card">
          <h2 className="card-title">{t('dashboard.progress')}</h2>
          <div className="stat-big">{formatPercent(d.progress, i18n.language)}</div>
          <ProgressBar
            progress={d.progress}
            expected={d.expectedProgress}
            health={overallHealth}
            showLabel={false}
            label={t('dashboard.progress')}
          />
          <p className="muted small stat-note">
            {t('dashboard.expected', {
              expected: formatPercent(d.expectedProgress, i18n.language),
            })}{' '}
            ·{' '}
            {gap >= 0
              ? t('dashboard.ahead', { points: gap })
              : t('dashboard.behind', { points: -gap })}
          </p>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card className="stat-card">
          <h2 className="card-title">{t('dashboard.checkInRate')}</h2>
          <div className="stat-row">
            <Progress
              type="circle"
              size={88}
              percent={Math.round(d.checkInRate * 100)}
              strokeColor={
                d.checkInRate >= 0.8
                  ? HEALTH_COLORS.on_track.fill
                  : d.checkInRate >= 0.5
                    ? HEALTH_COLORS.at_risk.fill
                    : HEALTH_COLORS.off_track.fill
              }
              aria-label={t('dashboard.checkInRate')}
            />
            <p className="muted small">{t('dashboard.checkInRateHelp')}</p>
          </div>
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card className="stat-card">
          <h2 className="card-title">{t('dashboard.health')}</h2>
          <HealthDistribution counts={d.health} label={t('dashboard.healthChart')} />
        </Card>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Card className="stat-card">
          <h2 className="card-title">{t('dashboard.plans', { count: totalPlans })}</h2>
          <ul className="plain-list state-counts">
            {(['draft', 'in_review', 'changes_requested', 'approved', 'closed'] as const).map(
              (s) => (
                <li key={s}>
                  <span>{t(`planState.${s}`)}</span>
                  <Statistic value={d.plansByState[s]} styles={{ content: { fontSize: 16 } }} />
                </li>
              ),
            )}
          </ul>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={<h2 className="card-title">{t('dashboard.heatmap')}</h2>}>
          <UnitHeatmap d={d} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={<h2 className="card-title">{t('dashboard.krHealth')}</h2>}>
          <HealthBars counts={d.keyResultHealth} />
        </Card>
      </Col>
      <Col xs={24}>
        <Card
          title={
            <h2 className="card-title">{t('dashboard.atRisk', { count: d.atRisk.length })}</h2>
          }
        >
          <AtRiskTable rows={d.atRisk} />
        </Card>
      </Col>
    </Row>
  );
}

function HealthDistribution({ counts, label }: { counts: HealthCounts; label: string }) {
  const { t } = useTranslation();
  const total = HEALTHS.reduce((a, h) => a + counts[h], 0);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['55%', '85%'],
          label: { show: false },
          data: HEALTHS.map((h) => ({
            name: t(`health.${h}`),
            value: counts[h],
            itemStyle: { color: HEALTH_COLORS[h].fill },
          })),
        },
      ],
    }),
    [counts, t],
  );
  if (total === 0) return <EmptyState description={t('dashboard.noApproved')} />;
  return (
    <div className="health-dist">
      <Suspense fallback={<Loading rows={2} />}>
        <EChart option={option} height={110} label={label} className="health-pie" />
      </Suspense>
      <ul className="plain-list health-legend">
        {HEALTHS.map((h) => (
          <li key={h}>
            <span
              className="legend-dot"
              style={{ background: HEALTH_COLORS[h].fill }}
              aria-hidden
            />
            {t(`health.${h}`)} <strong>{counts[h]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HealthBars({ counts }: { counts: HealthCounts }) {
  const { t } = useTranslation();
  const total = HEALTHS.reduce((a, h) => a + counts[h], 0);
  if (total === 0) return <EmptyState description={t('dashboard.noApproved')} />;
  return (
    <div>
      <div
        className="stacked-bar"
        role="img"
        aria-label={HEALTHS.map((h) => `${t(`health.${h}`)} ${counts[h]}`).join(', ')}
      >
        {HEALTHS.filter((h) => counts[h] > 0).map((h) => (
          <div key={h} style={{ flex: counts[h], background: HEALTH_COLORS[h].fill }} />
        ))}
      </div>
      <ul className="plain-list health-legend horizontal">
        {HEALTHS.map((h) => (
          <li key={h}>
            <span
              className="legend-dot"
              style={{ background: HEALTH_COLORS[h].fill }}
              aria-hidden
            />
            {t(`health.${h}`)} <strong>{counts[h]}</strong> ({formatShare(counts[h], total)})
          </li>
        ))}
      </ul>
    </div>
  );
}

const formatShare = (n: number, total: number) => `${Math.round((n / Math.max(1, total)) * 100)}%`;

function UnitHeatmap({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  if (d.units.length === 0) return <EmptyState description={t('dashboard.noUnits')} />;
  return (
    <ul className="plain-list heatmap" aria-label={t('dashboard.heatmap')}>
      {d.units.map((u) => {
        const health = u.health ?? 'not_started';
        const c = HEALTH_COLORS[health];
        return (
          <li
            key={u.unitId}
            className="heat-tile"
            style={{
              background: c.background,
              borderColor: c.fill,
              marginLeft: `${Math.min(u.depth, 4) * 12}px`,
            }}
          >
            <Tooltip title={u.planId ? t(`health.${health}`) : t('dashboard.noPlan')}>
              <span className="heat-name">
                {u.planId ? <Link to={`/plans/${u.planId}`}>{u.name}</Link> : u.name}
              </span>
            </Tooltip>
            <span className="heat-bar" aria-hidden>
              <span
                style={{ width: `${Math.round((u.progress ?? 0) * 100)}%`, background: c.fill }}
              />
            </span>
            <span className="heat-value" style={{ color: c.text }}>
              {u.planId
                ? `${formatPercent(u.progress, i18n.language)} · ${t(`health.${health}`)}`
                : t('dashboard.noPlan')}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function AtRiskTable({ rows }: { rows: AtRiskKeyResult[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('dashboard.atRisk', { count: rows.length })} minWidth={720}>
      <Table<AtRiskKeyResult>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('dashboard.noneAtRisk') }}
        columns={[
          {
            title: t('dashboard.col.keyResult'),
            dataIndex: 'title',
            render: (_: unknown, r) => <Link to={`/key-results/${r.id}`}>{r.title}</Link>,
          },
          { title: t('dashboard.col.owner'), dataIndex: 'ownerName', width: 140 },
          {
            title: t('dashboard.col.progress'),
            width: 240,
            render: (_: unknown, r) => (
              <ProgressBar
                progress={r.progress}
                expected={r.expectedProgress}
                health={r.health}
                size="small"
                label={t('kr.progressOf', { title: r.title })}
              />
            ),
          },
          {
            title: t('dashboard.col.gap'),
            width: 100,
            render: (_: unknown, r) =>
              t('dashboard.points', { points: gapPoints(r.progress, r.expectedProgress) }),
          },
          {
            title: t('dashboard.col.health'),
            width: 110,
            render: (_: unknown, r) => <HealthTag health={r.health} />,
          },
          {
            title: t('dashboard.col.confidence'),
            width: 90,
            render: (_: unknown, r) => (r.confidence === null ? '–' : `${r.confidence}/10`),
          },
        ]}
      />
    </ScrollRegion>
  );
}
