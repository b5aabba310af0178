/** 我的OKR: my plans in the cycle, the plans of units I lead, key results due a check-in. */
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { keyResults as krApi, plans as plansApi } from '../api/endpoints';
import { mapLimit } from '../api/queries';
import type { OwnedKeyResult, Plan, PlanDetail } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { HealthTag, PlanStateTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { useDescribe } from '../components/problems';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { formatPercent } from '../lib/progress';
import { useFeedback } from '../components/feedback';

const InboxPanel = lazy(() => import('./InboxPanel'));

interface Owner {
  ownerType: 'user' | 'unit';
  ownerId: string;
  name: string;
}

export default function MyOkrsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const cycle = org.cycle;
  usePageTitle(t('myOkrs.title'));

  const owners: Owner[] = [
    { ownerType: 'user', ownerId: me.id, name: me.name },
    ...me.leadsUnitIds.map((id) => ({
      ownerType: 'unit' as const,
      ownerId: id,
      name: org.unitName(id),
    })),
  ];

  const state = useAsync(async () => {
    if (!cycle) return { plans: [] as PlanDetail[], due: [] as OwnedKeyResult[], reviews: 0 };
    const [all, reviews] = await Promise.all([
      plansApi.list({ cycleId: cycle.id }),
      plansApi.list({ approverId: 'me', state: 'in_review' }),
    ]);
    const mine = all.filter((p) =>
      owners.some((o) => o.ownerType === p.ownerType && o.ownerId === p.ownerId),
    );
    const [details, owned] = await Promise.all([
      mapLimit(mine, 6, (p) => plansApi.get(p.id)),
      // every KR I answer for in the cycle, on any plan, in one request
      krApi.ownedBy('me', cycle.id),
    ]);
    const due = owned.filter((k) => k.checkInDue);
    return { plans: details, due, reviews: reviews.length };
  }, [cycle?.id, me.id]);

  if (!cycle) {
    return (
      <>
        <PageHeader title={t('myOkrs.title')} />
        {org.loading ? null : <EmptyState description={t('cycle.noneYet')} />}
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('myOkrs.title')}
        subtitle={t('myOkrs.cycleLine', {
          cycle: cycle.name,
          start: cycle.startDate,
          end: cycle.endDate,
        })}
      />
      <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('myOkrs.loadFailed')}>
        {({ plans, due, reviews }) => (
          <>
            {reviews > 0 ? (
              <div className="review-banner" role="status">
                <span>{t('myOkrs.reviewsWaiting', { count: reviews })}</span>
                <Link to="/reviews" className="link-button">
                  {t('reviews.review')} <RightOutlined aria-hidden />
                </Link>
              </div>
            ) : null}
            <Suspense fallback={null}>
              <InboxPanel />
            </Suspense>
            <div className="two-columns">
              <div className="column-main stack">
                {owners.map((o) => {
                  const plan = plans.find(
                    (p) => p.ownerType === o.ownerType && p.ownerId === o.ownerId,
                  );
                  return plan ? (
                    <PlanCard key={`${o.ownerType}:${o.ownerId}`} plan={plan} />
                  ) : (
                    <NoPlanCard
                      key={`${o.ownerType}:${o.ownerId}`}
                      owner={o}
                      cycleId={cycle.id}
                      onCreated={() => void state.reload()}
                    />
                  );
                })}
              </div>
              <div className="column-side">
                <Panel
                  title={
                    <h2 className="card-title">{t('myOkrs.dueTitle', { count: due.length })}</h2>
                  }
                  extra={
                    due.length > 0 ? (
                      <Link to="/check-in">
                        {t('myOkrs.checkInNow')} <RightOutlined aria-hidden />
                      </Link>
                    ) : null
                  }
                >
                  {due.length === 0 ? (
                    <EmptyState description={t('myOkrs.nothingDue')} />
                  ) : (
                    <ul className="plain-list">
                      {due.map(({ keyResult: kr }) => (
                        <li key={kr.id} className="due-item">
                          <Link to={`/key-results/${kr.id}`} className="due-title">
                            {kr.title}
                          </Link>
                          <div className="due-meta">
                            <HealthTag health={kr.health} />
                            <span className="muted">
                              {kr.lastCheckInAt
                                ? t('myOkrs.lastCheckIn', {
                                    date: new Date(kr.lastCheckInAt).toLocaleDateString(
                                      i18n.language,
                                    ),
                                  })
                                : t('myOkrs.neverCheckedIn')}
                            </span>
                          </div>
                        </li>
                      ))}
                    </ul>
                  )}
                </Panel>
              </div>
            </div>
          </>
        )}
      </AsyncView>
    </>
  );
}

function PlanCard({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const title =
    plan.ownerType === 'user'
      ? t('myOkrs.myPlan')
      : t('myOkrs.unitPlan', { unit: plan.ownerName ?? '' });
  return (
    <Panel
      className="plan-card"
      title={
        <h2 className="card-title">
          <Link to={`/plans/${plan.id}`}>{title}</Link>
        </h2>
      }
      extra={<PlanStateTag state={plan.state} />}
    >
      <div className="plan-card-progress">
        <ProgressBar
          progress={plan.progress}
          expected={plan.expectedProgress}
          health={plan.health}
          label={t('myOkrs.planProgress', { name: title })}
        />
        <HealthTag health={plan.health} />
      </div>
      {plan.objectives.length === 0 ? (
        <EmptyState description={t('myOkrs.noObjectives')}>
          <Link to={`/plans/${plan.id}`}>{t('myOkrs.writeObjectives')}</Link>
        </EmptyState>
      ) : (
        <ol className="objective-summary">
          {plan.objectives.map((o) => (
            <li key={o.id}>
              <span className="okr-badge" aria-hidden>
                O{o.priority}
              </span>
              <span className="objective-summary-title" title={o.title}>
                {o.title}
              </span>
              <span className="objective-summary-pct">
                {formatPercent(o.progress, i18n.language)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <div className="card-actions">
        <Link to={`/plans/${plan.id}`} className="link-button">
          {plan.state === 'draft' || plan.state === 'changes_requested'
            ? t('myOkrs.editPlan')
            : t('myOkrs.openPlan')}
        </Link>
      </div>
    </Panel>
  );
}

function NoPlanCard({
  owner,
  cycleId,
  onCreated,
}: {
  owner: Owner;
  cycleId: string;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [busy, setBusy] = useState(false);
  const title =
    owner.ownerType === 'user' ? t('myOkrs.myPlan') : t('myOkrs.unitPlan', { unit: owner.name });
  return (
    <Panel title={<h2 className="card-title">{title}</h2>}>
      <EmptyState description={t('myOkrs.noPlan')}>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              const plan: Plan = await plansApi.create({
                cycleId,
                ownerType: owner.ownerType,
                ownerId: owner.ownerId,
              });
              onCreated();
              void navigate(`/plans/${plan.id}`);
            } catch (e) {
              void message.error(describe(e).message);
            } finally {
              setBusy(false);
            }
          }}
        >
          {owner.ownerType === 'user'
            ? t('myOkrs.createMine')
            : t('myOkrs.createUnit', { unit: owner.name })}
        </Button>
      </EmptyState>
    </Panel>
  );
}
