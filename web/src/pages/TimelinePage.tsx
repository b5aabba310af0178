/**
 * 时间线: the actions of a plan as a Gantt chart, grouped by objective and key result, with
 * today's line and overdue actions marked. Opens on my plan; any plan of the cycle can be chosen.
 */
import { Select, Tag } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { plans as plansApi } from '../api/endpoints';
import type { Action, PlanDetail } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { ScrollRegion } from '../components/ScrollRegion';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import {
  barDays,
  barGeometry,
  isOverdue,
  timelineSpan,
  timelineTicks,
  todayOffset,
  type Span,
} from '../lib/timeline';

export default function TimelinePage() {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  usePageTitle(t('timeline.title'));

  // without a plan in the address: the plan of the unit I lead (where actions are planned), else mine
  const list = useAsync(
    async () => (org.cycle ? plansApi.list({ cycleId: org.cycle.id }) : []),
    [org.cycle?.id],
  );
  const planId =
    params.planId ??
    search.get('plan') ??
    list.data?.find((p) => p.ownerType === 'unit' && me.leadsUnitIds.includes(p.ownerId))?.id ??
    list.data?.find((p) => p.ownerType === 'user' && p.ownerId === me.id)?.id ??
    list.data?.[0]?.id ??
    null;

  const plan = useAsync(async () => (planId ? plansApi.get(planId) : null), [planId]);

  const options = useMemo(() => {
    const items = list.data ?? [];
    const sorted = [...items].sort(
      (a, b) =>
        Number(b.ownerId === me.id) - Number(a.ownerId === me.id) ||
        (a.ownerName ?? '').localeCompare(b.ownerName ?? ''),
    );
    return sorted.map((p) => ({ value: p.id, label: p.ownerName ?? p.id }));
  }, [list.data, me.id]);

  return (
    <>
      <PageHeader
        title={t('timeline.title')}
        subtitle={
          plan.data ? (
            <Link to={`/plans/${plan.data.id}`}>
              {t('plan.title', {
                owner: plan.data.ownerName ?? '',
                cycle: org.cycles.find((c) => c.id === plan.data?.cycleId)?.name ?? '',
              })}
            </Link>
          ) : null
        }
        extra={
          <Select
            className="plan-picker"
            aria-label={t('timeline.pickPlan')}
            value={planId ?? undefined}
            placeholder={t('timeline.pickPlan')}
            showSearch={{ optionFilterProp: 'label' }}
            options={options}
            loading={list.loading}
            popupMatchSelectWidth={false}
            onChange={(id: string) => void navigate(`/plans/${id}/timeline`)}
          />
        }
      />
      {!planId && !list.loading ? (
        <Panel>
          <EmptyState description={t('timeline.noPlan')} />
        </Panel>
      ) : (
        <AsyncView {...plan} reload={() => void plan.reload()} errorTitle={t('plan.loadFailed')}>
          {(p) => (p ? <Gantt plan={p} /> : null)}
        </AsyncView>
      )}
    </>
  );
}

/** A row's time track with today's line (`today`: its offset in %, null outside the span). */
function TodayTrack({ today, children }: { today: number | null; children?: ReactNode }) {
  return (
    <div className="gantt-track">
      {today !== null ? <span className="gantt-today" style={{ left: `${today}%` }} /> : null}
      {children}
    </div>
  );
}

function Gantt({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const org = useOrgData();
  const cycle = org.cycles.find((c) => c.id === plan.cycleId);
  const objectives = [...plan.objectives].sort((a, b) => a.priority - b.priority);
  const all: Action[] = objectives.flatMap((o) =>
    (o.keyResults ?? []).flatMap((k) => k.actions ?? []),
  );
  const span: Span | null = cycle ? timelineSpan(cycle, all) : null;
  if (!span) return null;
  const ticks = timelineTicks(span);
  const today = todayOffset(span, org.today);
  const overdue = all.filter((a) => isOverdue(a, org.today)).length;
  const monthFmt = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    day: ticks.length > 6 ? 'numeric' : undefined,
  });

  if (all.length === 0) {
    return (
      <Panel>
        <EmptyState description={t('timeline.noActions')}>
          <Link to={`/plans/${plan.id}`}>{t('timeline.addActions')}</Link>
        </EmptyState>
      </Panel>
    );
  }

  return (
    <Panel
      title={<h2 className="card-title">{t('timeline.actions', { count: all.length })}</h2>}
      extra={
        overdue > 0 ? (
          <Tag className="tag-overdue">{t('timeline.overdueCount', { count: overdue })}</Tag>
        ) : null
      }
    >
      <ScrollRegion label={t('timeline.chart')} minWidth={760}>
        <div className="gantt">
          <div className="gantt-row gantt-axis" aria-hidden>
            <div className="gantt-label" />
            <div className="gantt-track">
              {ticks.map((tk) => (
                <span key={tk.day} className="gantt-tick" style={{ left: `${tk.offset}%` }}>
                  {monthFmt.format(new Date(`${tk.date}T00:00:00Z`))}
                </span>
              ))}
              {today !== null ? (
                <span className="gantt-today-label" style={{ left: `${today}%` }}>
                  {t('timeline.today')}
                </span>
              ) : null}
            </div>
          </div>
          {objectives.map((o) => (
            <div key={o.id} className="gantt-group">
              <div className="gantt-row gantt-objective">
                <div className="gantt-label">
                  <span className="okr-badge">O{o.priority}</span> {o.title}
                </div>
                <TodayTrack today={today} />
              </div>
              {(o.keyResults ?? []).map((kr) => (
                <div key={kr.id}>
                  <div className="gantt-row gantt-kr">
                    <div className="gantt-label">
                      <span className="okr-badge okr-badge-kr">KR{kr.priority}</span>{' '}
                      <Link to={`/key-results/${kr.id}`}>{kr.title}</Link>
                    </div>
                    <TodayTrack today={today} />
                  </div>
                  {(kr.actions ?? []).length === 0 ? (
                    <div className="gantt-row">
                      <div className="gantt-label muted small gantt-action-label">
                        {t('action.none')}
                      </div>
                      <TodayTrack today={today} />
                    </div>
                  ) : (
                    [...(kr.actions ?? [])]
                      .sort((a, b) => a.position - b.position)
                      .map((a) => {
                        const days = barDays(a);
                        const geo = days ? barGeometry(span, days) : null;
                        const late = isOverdue(a, org.today);
                        const owner = org.userName(a.ownerId);
                        const description = t('timeline.bar', {
                          title: a.title,
                          start: a.startDate ?? '…',
                          due: a.dueDate ?? '…',
                          state: t(`actionState.${a.state}`),
                        });
                        return (
                          <div
                            key={a.id}
                            className={`gantt-row gantt-action ${late ? 'is-overdue' : ''}`}
                          >
                            <div className="gantt-label gantt-action-label">
                              <span>{a.title}</span>
                              <span className="muted small">
                                {owner ? `${owner} · ` : ''}
                                {t(`actionState.${a.state}`)}
                                {late ? ` · ${t('action.overdue')}` : ''}
                              </span>
                            </div>
                            <TodayTrack today={today}>
                              {geo ? (
                                <span
                                  className={`gantt-bar state-${a.state} ${late ? 'overdue' : ''}`}
                                  style={{ left: `${geo.left}%`, width: `max(${geo.width}%, 6px)` }}
                                  role="img"
                                  aria-label={
                                    late ? `${description} ${t('action.overdue')}` : description
                                  }
                                  title={description}
                                />
                              ) : (
                                <span className="muted small gantt-nodates">
                                  {t('timeline.noDates')}
                                </span>
                              )}
                            </TodayTrack>
                          </div>
                        );
                      })
                  )}
                </div>
              ))}
            </div>
          ))}
        </div>
      </ScrollRegion>
      <ul
        className="plain-list health-legend horizontal gantt-legend"
        aria-label={t('alignment.legend')}
      >
        {(['todo', 'in_progress', 'done', 'blocked', 'cancelled'] as const).map((s) => (
          <li key={s}>
            <span className={`legend-bar state-${s}`} aria-hidden />
            {t(`actionState.${s}`)}
          </li>
        ))}
        <li>
          <span className="legend-bar overdue" aria-hidden />
          {t('action.overdue')}
        </li>
      </ul>
    </Panel>
  );
}
