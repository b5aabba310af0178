/**
 * 部门与公司: a unit's own plan, its sub-units' plans and its people's plans in the cycle, with
 * the unit tree to move around the company.
 */
import { BarChartOutlined, TeamOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useParams } from 'react-router';
import { plans as plansApi, units as unitsApi } from '../api/endpoints';
import type { Plan, Unit } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { HealthTag, PlanStateTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { unitTree, type UnitNode } from '../lib/units';

export default function OrganizationPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const params = useParams();
  const root = org.units.find((u) => u.parentId === null);
  const unitId = params.unitId ?? me.unitIds[0] ?? root?.id;
  const unit = org.units.find((u) => u.id === unitId);
  usePageTitle(unit?.name ?? t('org.title'));

  const state = useAsync(async () => {
    if (!unitId || !org.cycle) return null;
    const [detail, plans] = await Promise.all([
      unitsApi.get(unitId),
      plansApi.list({ cycleId: org.cycle.id }),
    ]);
    return { detail, plans };
  }, [unitId, org.cycle?.id]);

  const tree = useMemo(
    () => unitTree(org.units, new Intl.Collator(i18n.language)),
    [org.units, i18n.language],
  );

  return (
    <>
      <PageHeader
        title={unit?.name ?? t('org.title')}
        subtitle={
          unit
            ? t('org.subtitle', {
                leader: org.userName(unit.leaderId) || t('org.noLeader'),
                count: unit.memberCount,
                cycle: org.cycle?.name ?? '',
              })
            : null
        }
        extra={
          unitId && org.cycle ? (
            <Link to={`/organization/${unitId}/summary`} className="link-button">
              <BarChartOutlined aria-hidden /> {t('summary.open')}
            </Link>
          ) : null
        }
      />
      <div className="org-layout">
        <nav className="org-tree panel" aria-label={t('org.tree')}>
          <UnitList nodes={tree} />
        </nav>
        <div className="stack">
          <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('org.loadFailed')}>
            {(d) =>
              d ? (
                <UnitPlans unit={d.detail} plans={d.plans} />
              ) : (
                <EmptyState description={t('cycle.noneYet')} />
              )
            }
          </AsyncView>
        </div>
      </div>
    </>
  );
}

function UnitList({ nodes }: { nodes: UnitNode<Unit>[] }) {
  return (
    <ul className="unit-list">
      {nodes.map((n) => (
        <li key={n.unit.id}>
          <NavLink
            to={`/organization/${n.unit.id}`}
            className={({ isActive }) => (isActive ? 'unit-link active' : 'unit-link')}
          >
            {n.unit.name}
          </NavLink>
          {n.children.length > 0 ? <UnitList nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

function UnitPlans({
  unit,
  plans,
}: {
  unit: Awaited<ReturnType<typeof unitsApi.get>>;
  plans: Plan[];
}) {
  const { t } = useTranslation();
  const org = useOrgData();
  const unitPlan = plans.find((p) => p.ownerType === 'unit' && p.ownerId === unit.id);
  const children = org.units.filter((u) => u.parentId === unit.id);
  const members = [...unit.members].sort(
    (a, b) => Number(b.id === unit.leaderId) - Number(a.id === unit.leaderId),
  );
  return (
    <>
      <Panel title={<h2 className="card-title">{t('org.unitPlan', { unit: unit.name })}</h2>}>
        {unitPlan ? (
          <PlanRow plan={unitPlan} name={unit.name} />
        ) : (
          <EmptyState description={t('org.noUnitPlan')} />
        )}
      </Panel>
      {children.length > 0 ? (
        <Panel
          title={<h2 className="card-title">{t('org.subUnits', { count: children.length })}</h2>}
        >
          <ul className="plain-list org-rows">
            {children.map((c) => {
              const p = plans.find((x) => x.ownerType === 'unit' && x.ownerId === c.id);
              return (
                <li key={c.id}>
                  {p ? (
                    <PlanRow plan={p} name={c.name} link={`/organization/${c.id}`} />
                  ) : (
                    <NoPlanRow name={c.name} link={`/organization/${c.id}`} />
                  )}
                </li>
              );
            })}
          </ul>
        </Panel>
      ) : null}
      <Panel title={<h2 className="card-title">{t('org.people', { count: members.length })}</h2>}>
        {members.length === 0 ? (
          <EmptyState description={t('org.noPeople')} />
        ) : (
          <ul className="plain-list org-rows">
            {members.map((m) => {
              const p = plans.find((x) => x.ownerType === 'user' && x.ownerId === m.id);
              const name = m.id === unit.leaderId ? t('org.leaderName', { name: m.name }) : m.name;
              return (
                <li key={m.id}>
                  {p ? <PlanRow plan={p} name={name} /> : <NoPlanRow name={name} />}
                </li>
              );
            })}
          </ul>
        )}
      </Panel>
    </>
  );
}

function PlanRow({ plan, name, link }: { plan: Plan; name: string; link?: string }) {
  const { t } = useTranslation();
  return (
    <div className="org-row">
      <span className="org-row-name">
        {link ? (
          <Link to={link}>
            <TeamOutlined aria-hidden /> {name}
          </Link>
        ) : (
          name
        )}
      </span>
      <span className="org-row-progress">
        <ProgressBar
          progress={plan.progress}
          expected={plan.expectedProgress}
          health={plan.health}
          size="small"
          label={t('myOkrs.planProgress', { name })}
        />
      </span>
      <HealthTag health={plan.health} />
      <PlanStateTag state={plan.state} />
      <Link to={`/plans/${plan.id}`} aria-label={t('org.openPlanOf', { name })}>
        {t('org.openPlan')}
      </Link>
    </div>
  );
}

function NoPlanRow({ name, link }: { name: string; link?: string }) {
  const { t } = useTranslation();
  return (
    <div className="org-row">
      <span className="org-row-name">{link ? <Link to={link}>{name}</Link> : name}</span>
      <span className="muted small">{t('org.noPlan')}</span>
    </div>
  );
}
