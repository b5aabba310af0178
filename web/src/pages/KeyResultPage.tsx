/** A key result: where it stands, its history chart (check-ins, target, expected, forecast), its check-ins and actions. */
import { CheckSquareOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { keyResults as krApi, plans as plansApi } from '../api/endpoints';
import type { Action, CheckIn } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { Comments } from '../components/Comments';
import { HealthTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { ScrollRegion } from '../components/ScrollRegion';
import { AsyncView, EmptyState, Loading } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { formatMetric, formatPercent, progressAt } from '../lib/progress';

const KeyResultChart = lazy(() => import('../charts/KeyResultChart'));

export default function KeyResultPage() {
  const { keyResultId = '' } = useParams();
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const kr = await krApi.get(keyResultId);
    const [checkIns, plan] = await Promise.all([
      krApi.checkIns(keyResultId),
      plansApi.get(kr.planId),
    ]);
    return { kr, checkIns, plan };
  }, [keyResultId]);
  usePageTitle(state.data?.kr.title ?? t('krDetail.title'));
  return (
    <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('krDetail.loadFailed')}>
      {(d) => <KeyResultView {...d} />}
    </AsyncView>
  );
}

function KeyResultView({
  kr,
  checkIns,
  plan,
}: {
  kr: Awaited<ReturnType<typeof krApi.get>>;
  checkIns: CheckIn[];
  plan: Awaited<ReturnType<typeof plansApi.get>>;
}) {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const me = useMe();
  const cycle = org.cycles.find((c) => c.id === plan.cycleId);
  const objective = plan.objectives.find((o) => o.id === kr.objectiveId);
  const labels = { done: t('metric.done'), notDone: t('metric.notDone') };
  const fmt = (v: number) => formatMetric(v, kr, i18n.language, labels);
  const forecastProgress =
    kr.forecast === null || kr.forecast === undefined ? null : progressAt(kr, kr.forecast);
  const mine = kr.ownerId === me.id;
  const actions = [...(kr.actions ?? [])].sort((a, b) => a.position - b.position);

  return (
    <>
      <PageHeader
        title={kr.title}
        tags={<HealthTag health={kr.health} />}
        subtitle={
          <span>
            <Link to={`/plans/${plan.id}`}>
              {t('plan.title', { owner: plan.ownerName ?? '', cycle: cycle?.name ?? '' })}
            </Link>
            {objective ? ` · O${objective.priority} ${objective.title}` : ''}
          </span>
        }
        extra={
          mine && plan.state === 'approved' ? (
            <Link to="/check-in" className="link-button">
              <CheckSquareOutlined aria-hidden /> {t('krDetail.checkIn')}
            </Link>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 className="card-title">{t('krDetail.history')}</h2>}>
            <div className="kr-progress-line">
              <ProgressBar
                progress={kr.progress}
                expected={plan.expectedProgress}
                health={kr.health}
                label={t('kr.progressOf', { title: kr.title })}
              />
            </div>
            {cycle ? (
              <Suspense fallback={<Loading rows={6} />}>
                <KeyResultChart
                  keyResult={kr}
                  checkIns={checkIns}
                  cycle={cycle}
                  today={org.today}
                  label={t('krDetail.chartLabel', { count: checkIns.length })}
                />
              </Suspense>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={<h2 className="card-title">{t('krDetail.facts')}</h2>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('krDetail.current')}>
                <strong>{fmt(kr.currentValue)}</strong> (
                {formatPercent(kr.progressRaw, i18n.language)})
              </Descriptions.Item>
              <Descriptions.Item label={t('kr.startValue')}>{fmt(kr.startValue)}</Descriptions.Item>
              <Descriptions.Item label={t('kr.targetValue')}>
                {fmt(kr.targetValue)}
              </Descriptions.Item>
              <Descriptions.Item label={t('krDetail.forecast')}>
                {kr.forecast === null || kr.forecast === undefined
                  ? t('krDetail.noForecast')
                  : `${fmt(kr.forecast)}${forecastProgress !== null ? ` (${formatPercent(forecastProgress, i18n.language)})` : ''}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('krDetail.confidence')}>
                {kr.confidence === null ? '–' : `${kr.confidence}/10`}
              </Descriptions.Item>
              <Descriptions.Item label={t('kr.owner')}>
                {org.userName(kr.ownerId) || t('kr.noOwner')}
              </Descriptions.Item>
              <Descriptions.Item label={t('kr.weight')}>{kr.weight}%</Descriptions.Item>
              <Descriptions.Item label={t('kr.dueDate')}>{kr.dueDate ?? '–'}</Descriptions.Item>
              <Descriptions.Item label={t('krDetail.source')}>
                {t(`progressSource.${kr.progressSource}`)}
              </Descriptions.Item>
              {kr.score !== null ? (
                <Descriptions.Item label={t('krDetail.score')}>
                  {kr.score.toFixed(1)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title={
              <h2 className="card-title">{t('krDetail.checkIns', { count: checkIns.length })}</h2>
            }
          >
            <ScrollRegion label={t('krDetail.checkIns', { count: checkIns.length })} minWidth={640}>
              <Table<CheckIn>
                rowKey="id"
                size="small"
                dataSource={checkIns}
                pagination={checkIns.length > 10 ? { pageSize: 10 } : false}
                locale={{ emptyText: t('krDetail.noCheckIns') }}
                columns={[
                  {
                    title: t('krDetail.col.date'),
                    width: 120,
                    render: (_: unknown, c) =>
                      new Date(c.createdAt).toLocaleDateString(i18n.language),
                  },
                  {
                    title: t('krDetail.col.value'),
                    width: 120,
                    render: (_: unknown, c) => fmt(c.value),
                  },
                  {
                    title: t('krDetail.col.confidence'),
                    width: 80,
                    render: (_: unknown, c) => (c.confidence === null ? '–' : `${c.confidence}/10`),
                  },
                  { title: t('krDetail.col.note'), render: (_: unknown, c) => c.note ?? '' },
                  {
                    title: t('krDetail.col.blockers'),
                    render: (_: unknown, c) =>
                      c.blockers ? <span className="blockers">{c.blockers}</span> : '',
                  },
                  {
                    title: t('krDetail.col.author'),
                    width: 100,
                    render: (_: unknown, c) => org.userName(c.authorId),
                  },
                ]}
              />
            </ScrollRegion>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card
            title={<h2 className="card-title">{t('action.heading', { count: actions.length })}</h2>}
            extra={<Link to={`/plans/${plan.id}/timeline`}>{t('nav.timeline')}</Link>}
          >
            {actions.length === 0 ? (
              <EmptyState description={t('action.none')} />
            ) : (
              <ul className="plain-list">
                {actions.map((a: Action) => (
                  <li key={a.id} className="kr-action">
                    <Tag>{t(`actionState.${a.state}`)}</Tag>
                    <span className={a.overdue ? 'overdue-text' : undefined}>{a.title}</span>
                    <span className="muted small">
                      {a.dueDate ? t('kr.due', { date: a.dueDate }) : ''}
                      {a.overdue ? ` · ${t('action.overdue')}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Comments targetType="keyResult" targetId={kr.id} />
        </Col>
      </Row>
    </>
  );
}
