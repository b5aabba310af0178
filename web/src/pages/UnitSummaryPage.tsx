/**
 * 复盘总结: a unit's cycle summary — completion (plans that ran, retrospectives written, check-in
 * discipline), the score distribution (a lazily loaded chart plus the same numbers as a table),
 * committed misses, the biggest adjustments, and the retrospectives (复盘) of the unit's plans
 * and its people's plans. `/organization/:unitId/summary?cycle=<id>` (default: the header's cycle).
 */
import { LeftOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  plans as plansApi,
  retrospectives as retroApi,
  review as reviewApi,
} from '../api/endpoints';
import { mapLimit } from '../api/queries';
import type { Plan, Retrospective, UnitCycleSummary } from '../api/types';
import { useOrgData } from '../app/org-data';
import { PlanStateTag } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { ToneTag } from '../components/ToneTag';
import { AsyncView, EmptyState, Loading } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { formatScore } from '../lib/scores';
import {
  BAND_COLOR,
  BANDS,
  distributionOption,
  hasScores,
  percent,
  plansInScope,
} from '../lib/unit-summary';

const EChart = lazy(() => import('../charts/EChart'));

const LEVELS = ['plans', 'objectives', 'keyResults'] as const;
const RETRO_FIELDS = ['wentWell', 'wentBadly', 'lessons', 'carryOver'] as const;

export default function UnitSummaryPage() {
  const { t } = useTranslation();
  const { unitId = '' } = useParams();
  const [params] = useSearchParams();
  const org = useOrgData();
  const cycleId = params.get('cycle') ?? org.cycle?.id ?? null;
  const unit = org.units.find((u) => u.id === unitId);
  const cycle = org.cycles.find((c) => c.id === cycleId);
  const title = t('summary.title', { unit: unit?.name ?? '', cycle: cycle?.name ?? '' });
  usePageTitle(title);

  const state = useAsync(async () => {
    if (!cycleId) return null;
    return reviewApi.unitSummary(unitId, cycleId);
  }, [unitId, cycleId]);

  return (
    <>
      <PageHeader
        title={title}
        tags={
          state.data?.provisional ? (
            <ToneTag tone="orange">{t('summary.provisional')}</ToneTag>
          ) : null
        }
        subtitle={
          state.data?.provisional ? (
            <span className="muted">{t('summary.provisionalHelp')}</span>
          ) : null
        }
        extra={
          <Link to={`/organization/${unitId}`} className="link-button">
            <LeftOutlined aria-hidden /> {t('summary.backToUnit')}
          </Link>
        }
      />
      <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('summary.loadFailed')}>
        {(s) =>
          s === null ? <EmptyState description={t('cycle.noneYet')} /> : <SummaryView summary={s} />
        }
      </AsyncView>
    </>
  );
}

function SummaryView({ summary: s }: { summary: UnitCycleSummary }) {
  const { t } = useTranslation();
  const discipline = s.checkInDiscipline.share;
  return (
    <Row gutter={[16, 16]} className="unit-summary">
      <Col xs={24} md={12} xl={6}>
        <Panel className="stat-card" title={<h2 className="card-title">{t('summary.average')}</h2>}>
          <div className="stat-big">
            {s.averageScore === null ? t('common.none') : formatScore(s.averageScore)}
          </div>
        </Panel>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Panel className="stat-card" title={<h2 className="card-title">{t('summary.plans')}</h2>}>
          <div className="stat-big">
            {s.plans.counted} / {s.plans.total}
          </div>
          <p className="muted small">{t('summary.plansHelp')}</p>
        </Panel>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Panel
          className="stat-card"
          title={<h2 className="card-title">{t('summary.retrospectives')}</h2>}
        >
          <div className="stat-big">
            {s.plans.withRetrospective} / {s.plans.counted}
          </div>
          <p className="muted small">
            {t('summary.retroShare', {
              p: percent(s.plans.withRetrospective, s.plans.counted) ?? 0,
            })}
          </p>
        </Panel>
      </Col>
      <Col xs={24} md={12} xl={6}>
        <Panel
          className="stat-card"
          title={<h2 className="card-title">{t('summary.discipline')}</h2>}
        >
          <div className="stat-big">
            {discipline === null ? t('common.none') : `${Math.round(discipline * 100)}%`}
          </div>
          <p className="muted small">
            {t('summary.disciplineHelp', {
              done: s.checkInDiscipline.withCheckIn,
              total: s.checkInDiscipline.keyResultWeeks,
            })}
          </p>
        </Panel>
      </Col>
      <Col xs={24} xl={14}>
        <Distribution summary={s} />
      </Col>
      <Col xs={24} xl={10}>
        <Panel
          title={
            <h2 className="card-title">
              {t('summary.misses', { count: s.committedMisses.length })}
            </h2>
          }
        >
          {s.committedMisses.length === 0 ? (
            <EmptyState description={t('summary.noMisses')} />
          ) : (
            <ul className="plain-list inbox-list">
              {s.committedMisses.map((m) => (
                <li key={m.objectiveId}>
                  <Link to={`/plans/${m.planId}/scoring`}>{m.title}</Link>
                  <span className="muted small">
                    {' '}
                    · {m.ownerName ?? ''} · {t('scoring.scoreTag', { score: formatScore(m.score) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </Col>
      <Col xs={24}>
        <Adjustments summary={s} />
      </Col>
      <Col xs={24}>
        <Retrospectives summary={s} />
      </Col>
    </Row>
  );
}

function Distribution({ summary: s }: { summary: UnitCycleSummary }) {
  const { t } = useTranslation();
  const dist = s.scoreDistribution;
  const labels = useMemo(
    () => ({
      levels: {
        plans: t('summary.level.plans'),
        objectives: t('summary.level.objectives'),
        keyResults: t('summary.level.keyResults'),
      },
      bands: {
        green: t('scoring.band.green'),
        yellow: t('scoring.band.yellow'),
        red: t('scoring.band.red'),
      },
    }),
    [t],
  );
  const option = useMemo(() => distributionOption(dist, labels), [dist, labels]);
  const any = LEVELS.some((l) => hasScores(dist[l]));
  return (
    <Panel title={<h2 className="card-title">{t('summary.distribution')}</h2>}>
      {!any ? (
        <EmptyState description={t('summary.noScores')} />
      ) : (
        <>
          <Suspense fallback={<Loading rows={3} />}>
            <EChart option={option} height={200} label={t('summary.chartLabel')} />
          </Suspense>
          <div className="summary-chart-captions" aria-hidden>
            {LEVELS.map((l) => (
              <span key={l}>{labels.levels[l]}</span>
            ))}
          </div>
          <table className="summary-table">
            <caption className="sr-only">{t('summary.distribution')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('summary.level.title')}</th>
                {BANDS.map((b) => (
                  <th scope="col" key={b}>
                    <span
                      className="legend-dot"
                      style={{ background: BAND_COLOR[b] }}
                      aria-hidden
                    />{' '}
                    {labels.bands[b]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {LEVELS.map((l) => (
                <tr key={l}>
                  <th scope="row">{labels.levels[l]}</th>
                  {BANDS.map((b) => (
                    <td key={b}>{dist[l][b]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}

function Adjustments({ summary: s }: { summary: UnitCycleSummary }) {
  const { t } = useTranslation();
  const { byCount, byTargetChange } = s.biggestAdjustments;
  return (
    <Panel title={<h2 className="card-title">{t('summary.adjustments')}</h2>}>
      {byCount.length === 0 && byTargetChange.length === 0 ? (
        <EmptyState description={t('summary.noAdjustments')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={10}>
            <h3 className="inbox-title">{t('summary.mostAdjusted')}</h3>
            {byCount.length === 0 ? <p className="muted small">{t('common.none')}</p> : null}
            <ul className="plain-list inbox-list">
              {byCount.map((p) => (
                <li key={p.planId}>
                  <Link to={`/plans/${p.planId}`}>{p.ownerName ?? ''}</Link>
                  <span className="muted small"> · {t('summary.times', { count: p.count })}</span>
                </li>
              ))}
            </ul>
          </Col>
          <Col xs={24} md={14}>
            <h3 className="inbox-title">{t('summary.biggestTargets')}</h3>
            {byTargetChange.length === 0 ? <p className="muted small">{t('common.none')}</p> : null}
            <ul className="plain-list inbox-list">
              {byTargetChange.map((a) => (
                <li key={a.adjustmentId}>
                  {a.keyResultId ? (
                    <Link to={`/key-results/${a.keyResultId}`}>{a.title}</Link>
                  ) : (
                    a.title
                  )}
                  <span className="muted small">
                    {' '}
                    · {a.ownerName ?? ''} · {a.before} → {a.after} (
                    {a.relativeChange >= 0 ? '+' : ''}
                    {Math.round(a.relativeChange * 100)}%)
                  </span>
                  {a.reason ? <div className="muted small pre-line">{a.reason}</div> : null}
                </li>
              ))}
            </ul>
          </Col>
        </Row>
      )}
    </Panel>
  );
}

function Retrospectives({ summary: s }: { summary: UnitCycleSummary }) {
  const { t } = useTranslation();
  const org = useOrgData();
  const state = useAsync(async () => {
    const all = await plansApi.list({ cycleId: s.cycle.id });
    const scoped = plansInScope(all, s.unit.id, org.units).filter(
      (p) => p.state === 'approved' || p.state === 'closed',
    );
    // the retrospective and the plan's score (shown once the cycle is reviewed)
    const rows = await mapLimit(scoped, 4, async (p) => {
      const [retro, detail] = await Promise.all([retroApi.get(p.id), plansApi.get(p.id)]);
      return { plan: p, retro, score: detail.score ?? null };
    });
    return rows;
  }, [s.cycle.id, s.unit.id, org.units]);
  return (
    <Panel title={<h2 className="card-title">{t('summary.retroTitle')}</h2>}>
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('summary.retroFailed')}
        isEmpty={(list) => list.length === 0}
        empty={<EmptyState description={t('summary.noPlans')} />}
        rows={3}
      >
        {(list) => (
          <ul className="plain-list summary-retros">
            {list.map(({ plan, retro, score }) => (
              <RetroItem key={plan.id} plan={plan} retro={retro} score={score} />
            ))}
          </ul>
        )}
      </AsyncView>
    </Panel>
  );
}

function RetroItem({
  plan,
  retro,
  score,
}: {
  plan: Plan;
  retro: Retrospective | null;
  score: number | null;
}) {
  const { t } = useTranslation();
  const headingId = `retro-of-${plan.id}`;
  return (
    <li>
      <section aria-labelledby={headingId} className="summary-retro">
        <div className="request-head">
          <h3 className="inbox-title" id={headingId}>
            {plan.ownerName ?? ''}
          </h3>
          <PlanStateTag state={plan.state} />
          <span className="muted small">
            {t('summary.completion', { p: Math.round(plan.progress * 100) })}
            {score !== null ? ` · ${t('scoring.scoreTag', { score: formatScore(score) })}` : ''}
          </span>
          <Link
            to={`/plans/${plan.id}/scoring`}
            aria-label={t('summary.openScoringOf', { name: plan.ownerName ?? '' })}
          >
            {t('scoring.open')}
          </Link>
        </div>
        {retro ? (
          <dl className="retro-view">
            {RETRO_FIELDS.filter((f) => retro[f].trim() !== '').map((f) => (
              <div key={f}>
                <dt>{t(`retro.${f}`)}</dt>
                <dd className="pre-line">{retro[f]}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted small">{t('retro.none')}</p>
        )}
      </section>
    </li>
  );
}
