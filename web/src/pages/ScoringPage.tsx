/**
 * Cycle close and retrospective (screen 10): each key result's default, self and final score
 * (0–1 with a note) while the cycle is `reviewing`, the objective and plan scores with their
 * bands, committed misses, the retrospective (复盘), and the approver's close.
 */
import { BarChartOutlined, CheckCircleOutlined, LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  plans as plansApi,
  retrospectives as retroApi,
  scoring as scoringApi,
  type RetrospectiveInput,
} from '../api/endpoints';
import { canWritePlan } from '../api/queries';
import type { KeyResult, PlanDetail, Retrospective, ScoreBand } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { useFeedback } from '../components/feedback';
import { PlanStateTag } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { ProblemAlert, useDescribe } from '../components/problems';
import { AsyncView } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import { useSubmit } from '../hooks/useSubmit';
import { carryOverOpen } from '../lib/carry-over';
import { defaultScore, formatScore } from '../lib/scores';
import { CarryOverButton } from './plan/CarryOverDialog';

const BAND_COLORS: Record<ScoreBand, { color: string; background: string }> = {
  green: { color: '#1a7f0e', background: '#eafae6' },
  yellow: { color: '#a85400', background: '#fff3e0' },
  red: { color: '#b3261e', background: '#fdecec' },
};

function ScoreTag({ score, band }: { score: number | null | undefined; band?: ScoreBand | null }) {
  const { t } = useTranslation();
  if (score === null || score === undefined) return null;
  const c = band ? BAND_COLORS[band] : BAND_COLORS.yellow;
  return (
    <Tag style={{ ...c, borderColor: 'transparent' }}>
      {t('scoring.scoreTag', { score: formatScore(score) })}
      {band ? ` · ${t(`scoring.band.${band}`)}` : ''}
    </Tag>
  );
}

export default function ScoringPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const state = useAsync(async () => {
    const [plan, retro] = await Promise.all([plansApi.get(planId), retroApi.get(planId)]);
    return { plan, retro };
  }, [planId]);
  return (
    <AsyncView {...state} reload={() => void state.reload()} errorTitle={t('plan.loadFailed')}>
      {(data) => (
        <ScoringView
          plan={data.plan}
          retro={data.retro}
          reload={state.reload}
          onRetroSaved={(retro) => state.setData((old) => (old ? { ...old, retro } : old))}
        />
      )}
    </AsyncView>
  );
}

function ScoringView({
  plan,
  retro,
  reload,
  onRetroSaved,
}: {
  plan: PlanDetail;
  retro: Retrospective | null;
  reload: () => Promise<void>;
  onRetroSaved: (r: Retrospective) => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const { message } = useFeedback();
  const [closeError, setCloseError] = useState<unknown>(undefined);
  const cycle = org.cycles.find((c) => c.id === plan.cycleId);
  const planTitle = t('plan.title', { owner: plan.ownerName ?? '', cycle: cycle?.name ?? '' });
  const title = t('scoring.title', { plan: planTitle });
  usePageTitle(title);

  const writer = canWritePlan(plan, me);
  // the unit whose summary this plan counts in: its own unit, or its owner's first unit
  const summaryUnitId =
    plan.ownerType === 'unit'
      ? plan.ownerId
      : org.units.find((u) => u.memberIds.includes(plan.ownerId))?.id;
  const approver = me.role === 'admin' || (plan.approverId !== null && plan.approverId === me.id);
  const open = cycle?.state === 'reviewing' && plan.state === 'approved';
  const objectives = [...plan.objectives].sort((a, b) => a.priority - b.priority);

  const close = async () => {
    setCloseError(undefined);
    try {
      await scoringApi.close(plan.id, plan.version);
      void message.success(t('scoring.closed'));
      await reload();
    } catch (e) {
      setCloseError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={title}
        tags={
          <Space size={4}>
            <PlanStateTag state={plan.state} />
            <ScoreTag score={plan.score} band={plan.scoreBand ?? null} />
          </Space>
        }
        subtitle={
          <span className="muted">
            {plan.score !== null && plan.score !== undefined
              ? t('scoring.planScore', { score: formatScore(plan.score) })
              : t('scoring.noScoreYet')}
          </span>
        }
        extra={
          <Space wrap>
            <Link to={`/plans/${plan.id}`} className="link-button">
              <LeftOutlined aria-hidden /> {t('scoring.backToPlan')}
            </Link>
            {summaryUnitId ? (
              <Link
                to={`/organization/${summaryUnitId}/summary?cycle=${plan.cycleId}`}
                className="link-button"
              >
                <BarChartOutlined aria-hidden /> {t('summary.open')}
              </Link>
            ) : null}
            {writer && carryOverOpen(plan, cycle) ? <CarryOverButton plan={plan} /> : null}
            {open && approver ? (
              <Popconfirm
                title={t('scoring.closeConfirm')}
                description={t('scoring.closeHelp')}
                okText={t('scoring.close')}
                cancelText={t('common.cancel')}
                onConfirm={close}
              >
                <Button type="primary" icon={<CheckCircleOutlined aria-hidden />}>
                  {t('scoring.close')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
      {plan.state === 'closed' ? (
        <Alert
          className="page-alert"
          type="success"
          showIcon
          title={t('scoring.isClosed', {
            date: plan.closedAt ? new Date(plan.closedAt).toLocaleString(i18n.language) : '',
          })}
        />
      ) : !open ? (
        <Alert className="page-alert" type="info" showIcon title={t('scoring.notOpen')} />
      ) : null}
      {closeError !== undefined ? (
        <div className="page-alert">
          <ProblemAlert
            error={closeError}
            title={t('scoring.closeFailed')}
            onClose={() => setCloseError(undefined)}
          />
        </div>
      ) : null}
      <Space vertical size={16} className="full-width">
        {objectives.map((o, i) => (
          <Panel
            key={o.id}
            title={
              <h2 className="card-title">
                O{i + 1} {o.title}
              </h2>
            }
            extra={
              <Space size={4} wrap>
                <Tag>{t(`kind.${o.kind}`)}</Tag>
                <ScoreTag score={o.score} band={o.scoreBand ?? null} />
                {o.miss && o.kind === 'committed' ? (
                  <Tag style={{ ...BAND_COLORS.red, borderColor: 'transparent' }}>
                    {t('scoring.committedMiss')}
                  </Tag>
                ) : null}
              </Space>
            }
          >
            <ul className="plain-list score-list">
              {[...(o.keyResults ?? [])]
                .sort((a, b) => a.priority - b.priority)
                .map((kr, j) => (
                  <KeyResultScore
                    key={kr.id}
                    kr={kr}
                    label={`KR${j + 1}`}
                    kind={approver ? 'final' : 'self'}
                    editable={open && (approver || writer || kr.ownerId === me.id)}
                    onSaved={reload}
                  />
                ))}
            </ul>
          </Panel>
        ))}
        <RetrospectiveForm
          plan={plan}
          retro={retro}
          editable={writer && (plan.state === 'approved' || plan.state === 'closed')}
          onSaved={onRetroSaved}
        />
      </Space>
    </>
  );
}

function KeyResultScore({
  kr,
  label,
  kind,
  editable,
  onSaved,
}: {
  kr: KeyResult;
  label: string;
  kind: 'self' | 'final';
  editable: boolean;
  onSaved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const describe = useDescribe();
  const current = kind === 'final' ? kr.finalScore : kr.selfScore;
  const currentNote = kind === 'final' ? kr.finalScoreNote : kr.selfScoreNote;
  const fallback = defaultScore(kr.progress);
  const [score, setScore] = useState<number | null>(current ?? fallback);
  const [note, setNote] = useState(currentNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const scoreId = `score-${kr.id}`;
  const noteId = `score-note-${kr.id}`;

  const save = async () => {
    if (score === null) return;
    setSaving(true);
    setError(null);
    try {
      await scoringApi.score(kr.id, { score, kind, ...(note.trim() ? { note: note.trim() } : {}) });
      void message.success(t('scoring.saved'));
      await onSaved();
    } catch (e) {
      setError(describe(e).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <li className="score-item">
      <h3 className="score-kr-title">
        <Link to={`/key-results/${kr.id}`}>
          {label} {kr.title}
        </Link>
      </h3>
      <dl className="score-facts">
        <div>
          <dt>{t('scoring.progress')}</dt>
          <dd>{Math.round(kr.progress * 100)}%</dd>
        </div>
        <div>
          <dt>{t('scoring.default')}</dt>
          <dd>{formatScore(fallback)}</dd>
        </div>
        <div>
          <dt>{t('scoring.self')}</dt>
          <dd>
            {kr.selfScore !== null && kr.selfScore !== undefined
              ? formatScore(kr.selfScore)
              : t('common.none')}
            {kr.selfScoreNote ? <span className="muted"> · {kr.selfScoreNote}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('scoring.final')}</dt>
          <dd>
            {kr.finalScore !== null && kr.finalScore !== undefined
              ? formatScore(kr.finalScore)
              : t('common.none')}
            {kr.finalScoreNote ? <span className="muted"> · {kr.finalScoreNote}</span> : null}
          </dd>
        </div>
      </dl>
      {editable ? (
        <form
          className="score-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={scoreId}>{t(`scoring.your.${kind}`)}</label>
          <InputNumber
            id={scoreId}
            min={0}
            max={1}
            step={0.1}
            precision={1}
            value={score}
            onChange={(v) => setScore(typeof v === 'number' ? v : null)}
            aria-label={t('scoring.scoreOf', { kind: t(`scoring.${kind}`), title: kr.title })}
            status={error ? 'error' : undefined}
          />
          <label htmlFor={noteId}>{t('scoring.note')}</label>
          <Input
            id={noteId}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            aria-label={t('scoring.noteOf', { title: kr.title })}
          />
          <Button htmlType="submit" loading={saving} disabled={score === null}>
            {t('scoring.save')}
          </Button>
          {error ? (
            <div role="alert" className="field-error">
              {error}
            </div>
          ) : null}
        </form>
      ) : null}
    </li>
  );
}

const RETRO_FIELDS = ['wentWell', 'wentBadly', 'lessons', 'carryOver'] as const;

function RetrospectiveForm({
  plan,
  retro,
  editable,
  onSaved,
}: {
  plan: PlanDetail;
  retro: Retrospective | null;
  editable: boolean;
  onSaved: (r: Retrospective) => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [draft, setDraft] = useState<RetrospectiveInput>({
    wentWell: retro?.wentWell ?? '',
    wentBadly: retro?.wentBadly ?? '',
    lessons: retro?.lessons ?? '',
    carryOver: retro?.carryOver ?? '',
  });
  const { busy: saving, error, run } = useSubmit();

  const save = () =>
    run(async () => {
      const saved = await retroApi.put(plan.id, draft, retro?.version);
      onSaved(saved);
      void message.success(t('retro.saved'));
    });

  return (
    <Panel title={<h2 className="card-title">{t('retro.title')}</h2>}>
      {editable ? (
        <form
          className="retro-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {RETRO_FIELDS.map((f) => (
            <div key={f} className="retro-field">
              <label htmlFor={`retro-${f}`}>{t(`retro.${f}`)}</label>
              <Input.TextArea
                id={`retro-${f}`}
                value={draft[f]}
                maxLength={10_000}
                autoSize={{ minRows: 2, maxRows: 8 }}
                onChange={(e) => setDraft((d) => ({ ...d, [f]: e.target.value }))}
              />
            </div>
          ))}
          {error !== undefined ? (
            <ProblemAlert error={error} title={t('retro.saveFailed')} />
          ) : null}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('retro.save')}
          </Button>
        </form>
      ) : retro ? (
        <dl className="retro-view">
          {RETRO_FIELDS.map((f) => (
            <div key={f}>
              <dt>{t(`retro.${f}`)}</dt>
              <dd className="pre-line">{retro[f] || t('common.none')}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{t('retro.none')}</p>
      )}
    </Panel>
  );
}
