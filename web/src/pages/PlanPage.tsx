/**
 * A plan: the editor for its writers (objectives, key results, actions, priorities, weights,
 * alignment), submit for review, and the review decision for its approver.
 */
import { FieldTimeOutlined, PlusOutlined, SendOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Space } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { plans as plansApi } from '../api/endpoints';
import { canWritePlan } from '../api/queries';
import type { PlanDetail, Review } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { Cancelled } from '../components/cancelled';
import { HealthTag, PlanStateTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert, useDescribe } from '../components/problems';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { moveItem } from '../lib/reorder';
import { carryOverOpen } from '../lib/carry-over';
import { weightSum } from '../lib/weights';
import {
  emptyCandidates,
  loadAlignmentCandidates,
  type AlignmentCandidates,
} from './plan/alignment-candidates';
import { PlanEditorContext, type PlanEditor } from './plan/context';
import { NewObjectiveForm } from './plan/NewObjectiveForm';
import { ObjectiveCard } from './plan/ObjectiveCard';
import { QualityPanel } from './plan/QualityPanel';
import { CarryOverButton } from './plan/CarryOverDialog';
import { useReasonPrompt } from './plan/ReasonPrompt';
import { ReviewActions, ReviewHistory } from './plan/ReviewPanel';
import { WeightSum } from './plan/WeightSum';
import { useFeedback } from '../components/feedback';

const ChangesPanel = lazy(() => import('./plan/ChangesPanel'));
const VersionsPanel = lazy(() => import('./plan/VersionsPanel'));

/** A change to an approved plan that waits for the approver comes back as a pending adjustment (202). */
function isPendingAdjustment(x: unknown): boolean {
  return (
    typeof x === 'object' &&
    x !== null &&
    (x as { status?: unknown }).status === 'pending' &&
    'kind' in x &&
    'targetType' in x
  );
}

export default function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [plan, reviews] = await Promise.all([plansApi.get(planId), plansApi.reviews(planId)]);
    return { plan, reviews: reviews.items };
  }, [planId]);
  return (
    <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('plan.loadFailed')}>
      {(data) => <PlanEditorView plan={data.plan} reviews={data.reviews} reload={state.reload} />}
    </AsyncView>
  );
}

function PlanEditorView({
  plan,
  reviews,
  reload,
}: {
  plan: PlanDetail;
  reviews: Review[];
  reload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const { message } = useFeedback();
  const describe = useDescribe();
  const [askReason, reasonDialog] = useReasonPrompt();
  const [alignment, setAlignment] = useState<AlignmentCandidates>(emptyCandidates);
  const [submitError, setSubmitError] = useState<unknown>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [order, setOrder] = useState<string[] | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);

  const cycle = org.cycles.find((c) => c.id === plan.cycleId);
  const title = t('plan.title', { owner: plan.ownerName ?? '', cycle: cycle?.name ?? '' });
  usePageTitle(title);

  const writer = canWritePlan(plan, me);
  const editable =
    writer &&
    (plan.state === 'draft' || plan.state === 'changes_requested' || plan.state === 'approved');
  const canSubmit = writer && (plan.state === 'draft' || plan.state === 'changes_requested');
  const canReview =
    plan.state === 'in_review' && (plan.approverId === me.id || me.role === 'admin');

  useEffect(() => {
    let live = true;
    if (org.loading) return;
    loadAlignmentCandidates(plan, org.units, org.users, org.cycles)
      .then((c) => live && setAlignment(c))
      .catch(() => live && setAlignment({ ...emptyCandidates, loading: false }));
    return () => {
      live = false;
    };
  }, [
    plan.id,
    plan.ownerId,
    plan.ownerType,
    plan.cycleId,
    org.loading,
    org.units,
    org.users,
    org.cycles,
  ]);

  const nameOf = useCallback(
    (id: string) => {
      for (const o of plan.objectives) {
        if (o.id === id) return o.title;
        for (const kr of o.keyResults ?? []) if (kr.id === id) return kr.title;
      }
      return undefined;
    },
    [plan],
  );

  const change = useCallback(
    async <T,>(fn: (reason: string | undefined) => Promise<T>): Promise<T> => {
      let reason: string | undefined;
      if (plan.state === 'approved') {
        const r = await askReason();
        if (r === null) throw new Cancelled();
        reason = r;
      }
      const result = await fn(reason);
      setSubmitError(undefined);
      if (isPendingAdjustment(result)) void message.info(t('plan.adjustmentPending'));
      await reload();
      return result;
    },
    [plan.state, askReason, reload, message, t],
  );

  const editor = useMemo<PlanEditor>(
    () => ({ plan, editable, me, users: org.users, change, nameOf, alignment }),
    [plan, editable, me, org.users, change, nameOf, alignment],
  );

  const objectives = useMemo(() => {
    const sorted = [...plan.objectives].sort((a, b) => a.priority - b.priority);
    if (!order) return sorted;
    return order
      .map((id) => sorted.find((o) => o.id === id))
      .filter((o): o is (typeof sorted)[number] => o !== undefined);
  }, [plan.objectives, order]);

  useEffect(() => setOrder(null), [plan]);

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= objectives.length || from === to) return;
    const next = moveItem(objectives, from, to).map((o) => o.id);
    setOrder(next);
    try {
      await change((reason) => plansApi.reorder(plan.id, next, reason));
      void message.success(t('plan.reordered'));
    } catch (e) {
      setOrder(null);
      if (!(e instanceof Cancelled)) void message.error(describe(e, nameOf).message);
    }
  };

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(undefined);
    try {
      await plansApi.submit(plan.id, plan.version);
      void message.success(t('plan.submitted'));
      await reload();
    } catch (e) {
      setSubmitError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const lastReview = reviews[0];
  const approverName = plan.approverId ? org.userName(plan.approverId) : t('plan.anAdmin');
  const objectiveSum = weightSum(plan.objectives);

  return (
    <PlanEditorContext.Provider value={editor}>
      <PageHeader
        title={title}
        tags={
          <Space size={4}>
            <PlanStateTag state={plan.state} />
            <HealthTag health={plan.health} />
          </Space>
        }
        subtitle={
          <div className="plan-subtitle">
            <ProgressBar
              progress={plan.progress}
              expected={plan.expectedProgress}
              health={plan.health}
              label={t('plan.progressLabel')}
            />
            <span className="muted">{t('plan.approver', { name: approverName })}</span>
          </div>
        }
        extra={
          <Space wrap>
            <Link to={`/plans/${plan.id}/timeline`} className="link-button">
              <FieldTimeOutlined aria-hidden /> {t('nav.timeline')}
            </Link>
            {cycle?.state === 'reviewing' ||
            cycle?.state === 'closed' ||
            plan.state === 'closed' ? (
              <Link to={`/plans/${plan.id}/scoring`} className="link-button">
                <TrophyOutlined aria-hidden /> {t('scoring.open')}
              </Link>
            ) : null}
            {writer && carryOverOpen(plan, cycle) ? <CarryOverButton plan={plan} /> : null}
            {canSubmit ? (
              <Button
                type="primary"
                icon={<SendOutlined aria-hidden />}
                loading={submitting}
                onClick={() => void submit()}
              >
                {t('plan.submit')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {plan.state === 'changes_requested' && lastReview?.decision === 'changes_requested' ? (
        <Alert
          className="page-alert"
          type="warning"
          showIcon
          title={t('plan.sentBack', { name: lastReview.reviewerName ?? '' })}
          description={lastReview.comment}
        />
      ) : null}
      {plan.state === 'in_review' && !canReview ? (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          title={t('plan.waitingReview', { name: approverName })}
        />
      ) : null}
      {plan.state === 'approved' && writer ? (
        <Alert className="page-alert" type="info" showIcon title={t('plan.approvedEditHint')} />
      ) : null}
      {submitError !== undefined ? (
        <div className="page-alert">
          <ProblemAlert
            error={submitError}
            title={t('plan.submitRefused')}
            nameOf={nameOf}
            onClose={() => setSubmitError(undefined)}
          />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canReview ? 16 : 18}>
          <div className="objectives-head">
            <h2 className="section-title">
              {t('plan.objectives', { count: plan.objectives.length })}
            </h2>
            {plan.objectives.length > 0 ? (
              <WeightSum sum={objectiveSum} label={t('plan.objectiveWeightSum')} />
            ) : null}
          </div>
          {objectives.length === 0 && !adding ? (
            <Card>
              <EmptyState description={editable ? t('plan.emptyEditable') : t('plan.empty')}>
                {editable ? (
                  <Button
                    type="primary"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => setAdding(true)}
                  >
                    {t('objective.add')}
                  </Button>
                ) : null}
              </EmptyState>
            </Card>
          ) : null}
          <div className="objective-list">
            {objectives.map((o, i) => (
              <ObjectiveCard
                key={o.id}
                objective={o}
                index={i}
                count={objectives.length}
                onMove={(from, to) => void move(from, to)}
                dragging={dragFrom === i}
                onDragStart={setDragFrom}
                onDragEnd={() => setDragFrom(null)}
                onDropAt={(to, draggedId) => {
                  const from = objectives.findIndex((x) => x.id === draggedId);
                  const source = from >= 0 ? from : dragFrom;
                  if (source !== null) void move(source, to);
                  setDragFrom(null);
                }}
              />
            ))}
          </div>
          {editable ? (
            adding ? (
              <Card
                title={<h3 className="card-title">{t('objective.new')}</h3>}
                className="new-objective-card"
              >
                <NewObjectiveForm onDone={() => setAdding(false)} />
              </Card>
            ) : objectives.length > 0 ? (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setAdding(true)}
                className="add-objective"
                block
              >
                {t('objective.add')}
              </Button>
            ) : null
          ) : null}
        </Col>
        <Col xs={24} xl={canReview ? 8 : 6}>
          <Space vertical size={16} className="full-width">
            {canReview ? (
              <ReviewActions
                onApprove={async (comment) => {
                  await plansApi.approve(plan.id, plan.version, comment || undefined);
                  void message.success(t('review.approved'));
                  await reload();
                }}
                onRequestChanges={async (comment) => {
                  await plansApi.requestChanges(plan.id, plan.version, comment);
                  void message.success(t('review.sentBack'));
                  await reload();
                }}
              />
            ) : null}
            {plan.objectives.length > 0 ? <QualityPanel plan={plan} nameOf={nameOf} /> : null}
            <Card title={<h2 className="card-title">{t('review.history')}</h2>}>
              <ReviewHistory reviews={reviews} />
            </Card>
            {plan.state !== 'draft' ? (
              <Suspense fallback={null}>
                <ChangesPanel
                  plan={plan}
                  canDecide={plan.approverId === me.id || me.role === 'admin'}
                  onDecided={reload}
                />
              </Suspense>
            ) : null}
            {plan.state !== 'draft' ? (
              <Suspense fallback={null}>
                <VersionsPanel plan={plan} />
              </Suspense>
            ) : null}
          </Space>
        </Col>
      </Row>
      {reasonDialog}
    </PlanEditorContext.Provider>
  );
}
