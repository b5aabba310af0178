/**
 * 每周签到: every key result of mine on one screen — new value, confidence, note, blockers —
 * saved in one action. Drafts survive failures and reloads (kept in this browser until saved).
 */
import { SaveOutlined } from '@ant-design/icons';
import { Button, Card, Input, Segmented, Slider } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { keyResults as krApi } from '../api/endpoints';
import type { CheckInResult, OwnedKeyResult } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { HealthTag, ProgressBar } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { ProblemAlert } from '../components/problems';
import { AsyncView, EmptyState } from '../components/states';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import {
  checkInBody,
  checkInLists,
  emptyDraft,
  isDraftTouched,
  type CheckInDraft,
} from '../lib/checkin';
import { randomKey } from '../lib/ids';
import {
  clamp01,
  formatMetric,
  formatPercent,
  parseNumberInput,
  progressAt,
} from '../lib/progress';
import { useFeedback } from '../components/feedback';

type Drafts = Record<string, CheckInDraft>;

const draftsKey = (userId: string) => `polaris.checkIn.${userId}`;

function loadDrafts(userId: string): Drafts {
  try {
    const raw = localStorage.getItem(draftsKey(userId));
    return raw ? (JSON.parse(raw) as Drafts) : {};
  } catch {
    return {};
  }
}

function saveDrafts(userId: string, drafts: Drafts): void {
  try {
    const touched = Object.fromEntries(Object.entries(drafts).filter(([, d]) => isDraftTouched(d)));
    if (Object.keys(touched).length === 0) localStorage.removeItem(draftsKey(userId));
    else localStorage.setItem(draftsKey(userId), JSON.stringify(touched));
  } catch {
    // the drafts stay on the screen
  }
}

export default function CheckInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  usePageTitle(t('checkIn.title'));
  const activeCycleIds = org.cycles.filter((c) => c.state === 'active').map((c) => c.id);
  // one request per active cycle (usually one): every KR I answer for, on any plan
  const state = useAsync(async () => {
    const lists = await Promise.all(activeCycleIds.map((id) => krApi.ownedBy('me', id)));
    return checkInLists(lists.flat(), (i) => i.checkInDue);
  }, [activeCycleIds.join(','), me.id]);

  return (
    <>
      <PageHeader
        title={t('checkIn.title')}
        subtitle={t('checkIn.subtitle', { date: org.today })}
      />
      {org.loading ? null : (
        <AsyncView
          {...state}
          reload={() => void state.reload()}
          errorTitle={t('checkIn.loadFailed')}
          isEmpty={(lists) => lists.manual.length + lists.automatic.length === 0}
          empty={
            <Card>
              <EmptyState description={t('checkIn.empty')}>
                <Link to="/">{t('nav.myOkrs')}</Link>
              </EmptyState>
            </Card>
          }
        >
          {(lists) => (
            <CheckInForm
              items={[...lists.manual, ...lists.automatic]}
              onSaved={(result) =>
                state.setData(
                  (old) =>
                    old && {
                      manual: old.manual.map((x) => withCheckIn(x, result)),
                      automatic: old.automatic,
                    },
                )
              }
            />
          )}
        </AsyncView>
      )}
    </>
  );
}

/** `text` cut to `max` characters (the last check-in's note is a reminder, not the record). */
const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** The item after its check-in was saved: new values, the check-in as the last one, not due. */
function withCheckIn(item: OwnedKeyResult, result: CheckInResult): OwnedKeyResult {
  if (item.keyResult.id !== result.keyResult.id) return item;
  const { checkIn } = result;
  return {
    ...item,
    keyResult: { ...item.keyResult, ...result.keyResult },
    lastCheckIn: {
      id: checkIn.id,
      value: checkIn.value,
      confidence: checkIn.confidence,
      note: checkIn.note,
      blockers: checkIn.blockers,
      authorId: checkIn.authorId,
      createdAt: checkIn.createdAt,
    },
    checkInDue: false,
  };
}

function CheckInForm({
  items,
  onSaved,
}: {
  items: OwnedKeyResult[];
  onSaved: (result: CheckInResult) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const { message } = useFeedback();
  const [drafts, setDrafts] = useState<Drafts>(() => loadDrafts(me.id));
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [invalid, setInvalid] = useState<Record<string, 'value' | 'confidence'>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => saveDrafts(me.id, drafts), [drafts, me.id]);

  // due first, then by plan and priority
  const { manual: ordered, automatic } = checkInLists(items, (i) => i.checkInDue);
  const touched = ordered.filter((i) => isDraftTouched(drafts[i.keyResult.id]));

  const update = (krId: string, patch: Partial<CheckInDraft>) => {
    setDrafts((old) => ({ ...old, [krId]: { ...(old[krId] ?? emptyDraft(randomKey)), ...patch } }));
    setInvalid((old) => {
      const { [krId]: _, ...rest } = old;
      return rest;
    });
  };

  const saveAll = async () => {
    const bad: Record<string, 'value' | 'confidence'> = {};
    const ready: Array<{
      item: OwnedKeyResult;
      body: Exclude<
        ReturnType<typeof checkInBody>,
        { kind: 'empty' } | { kind: 'invalid' }
      >['body'];
      key: string;
    }> = [];
    for (const item of touched) {
      const d = drafts[item.keyResult.id];
      const r = checkInBody(d, item.keyResult.confidence);
      if (r.kind === 'invalid') bad[item.keyResult.id] = r.reason;
      else if (r.kind === 'ready' && d) ready.push({ item, body: r.body, key: d.idempotencyKey });
    }
    setInvalid(bad);
    if (Object.keys(bad).length > 0) {
      void message.error(t('checkIn.fixFields'));
      return;
    }
    if (ready.length === 0) {
      void message.info(t('checkIn.nothingToSave'));
      return;
    }
    setSaving(true);
    const results = await Promise.allSettled(
      ready.map((r) => krApi.checkIn(r.item.keyResult.id, r.body, r.key)),
    );
    setSaving(false);
    const nextErrors: Record<string, unknown> = {};
    const saved: string[] = [];
    results.forEach((res, i) => {
      const r = ready[i];
      if (!r) return;
      if (res.status === 'fulfilled') {
        saved.push(r.item.keyResult.id);
        onSaved(res.value);
      } else nextErrors[r.item.keyResult.id] = res.reason;
    });
    setErrors(nextErrors);
    setDrafts((old) => {
      const next = { ...old };
      for (const id of saved) delete next[id];
      // a refused check-in gets a new key: its next attempt is a new request
      for (const id of Object.keys(nextErrors)) {
        const e = nextErrors[id];
        if (next[id] && !(e instanceof ApiError && e.status === 0))
          next[id] = { ...next[id], idempotencyKey: randomKey() };
      }
      return next;
    });
    if (saved.length > 0 && Object.keys(nextErrors).length === 0)
      void message.success(t('checkIn.saved', { count: saved.length }));
    else if (saved.length > 0)
      void message.warning(
        t('checkIn.partlySaved', { saved: saved.length, failed: Object.keys(nextErrors).length }),
      );
    else void message.error(t('checkIn.notSaved'));
  };

  return (
    <form
      className="checkin-form"
      onSubmit={(e) => {
        e.preventDefault();
        void saveAll();
      }}
      aria-label={t('checkIn.title')}
    >
      <ul className="plain-list checkin-list">
        {ordered.map((item) => (
          <CheckInCard
            key={item.keyResult.id}
            item={item}
            draft={drafts[item.keyResult.id]}
            error={errors[item.keyResult.id]}
            invalid={invalid[item.keyResult.id]}
            onChange={(patch) => update(item.keyResult.id, patch)}
            cycleName={org.cycles.find((c) => c.id === item.plan.cycleId)?.name ?? ''}
          />
        ))}
      </ul>
      {automatic.length > 0 ? (
        <Card size="small" className="auto-progress">
          <p className="muted small">{t('checkIn.automatic', { count: automatic.length })}</p>
          <ul className="plain-list">
            {automatic.map((i) => (
              <li key={i.keyResult.id}>
                <Link to={`/key-results/${i.keyResult.id}`}>{i.keyResult.title}</Link>{' '}
                <span className="muted small">
                  {t(`progressSource.${i.keyResult.progressSource}`)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <div className="checkin-bar">
        <span aria-live="polite">
          {t('checkIn.filled', { count: touched.length, total: ordered.length })}
        </span>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SaveOutlined aria-hidden />}
          loading={saving}
          size="large"
          disabled={touched.length === 0 && !saving}
        >
          {t('checkIn.saveAll')}
        </Button>
      </div>
    </form>
  );
}

interface CheckInCardProps {
  item: OwnedKeyResult;
  draft: CheckInDraft | undefined;
  error: unknown;
  invalid: 'value' | 'confidence' | undefined;
  onChange: (patch: Partial<CheckInDraft>) => void;
  cycleName: string;
}

function CheckInCard({ item, draft, error, invalid, onChange, cycleName }: CheckInCardProps) {
  const { t, i18n } = useTranslation();
  const kr = item.keyResult;
  const id = `ci-${kr.id}`;
  const labels = { done: t('metric.done'), notDone: t('metric.notDone') };
  const fmt = (v: number) => formatMetric(v, kr, i18n.language, labels);
  const typed = draft ? parseNumberInput(draft.value) : null;
  const preview = typed !== null ? progressAt(kr, typed) : null;
  const confidence = draft?.confidence ?? kr.confidence ?? 5;
  const due = item.checkInDue;
  const last = item.lastCheckIn;
  return (
    <li>
      <Card className={`checkin-card ${due ? 'is-due' : ''}`} size="small">
        <div className="checkin-head">
          <h2 className="checkin-title" id={`${id}-title`}>
            <Link to={`/key-results/${kr.id}`}>{kr.title}</Link>
          </h2>
          <div className="muted small">
            {item.plan.ownerName} · {cycleName} · O{item.objective.priority} {item.objective.title}
          </div>
          <div className="checkin-status">
            <ProgressBar
              progress={kr.progress}
              expected={item.plan.expectedProgress}
              health={kr.health}
              size="small"
              label={t('kr.progressOf', { title: kr.title })}
            />
            <HealthTag health={kr.health} />
            {due ? (
              <span className="due-flag">{t('checkIn.due')}</span>
            ) : (
              <span className="muted small">{t('checkIn.upToDate')}</span>
            )}
          </div>
          {last ? (
            <div className="muted small checkin-last">
              {t('checkIn.last', {
                date: new Date(last.createdAt).toLocaleDateString(i18n.language),
                value: fmt(last.value),
              })}
              {last.note ? <> · {shorten(last.note, 80)}</> : null}
            </div>
          ) : null}
        </div>
        <div className="checkin-fields" role="group" aria-labelledby={`${id}-title`}>
          <div className="checkin-field">
            <label htmlFor={`${id}-value`} className="block-label">
              {t('checkIn.newValue')}
            </label>
            {kr.metricType === 'boolean' ? (
              <Segmented
                id={`${id}-value`}
                aria-label={t('checkIn.newValue')}
                value={draft?.value === '1' ? '1' : draft?.value === '0' ? '0' : ''}
                onChange={(v) => onChange({ value: String(v) })}
                options={[
                  { value: '0', label: labels.notDone },
                  { value: '1', label: labels.done },
                ]}
              />
            ) : (
              <Input
                id={`${id}-value`}
                inputMode="decimal"
                autoComplete="off"
                value={draft?.value ?? ''}
                placeholder={t('checkIn.valuePlaceholder', { current: fmt(kr.currentValue) })}
                onChange={(e) => onChange({ value: e.target.value })}
                status={invalid === 'value' ? 'error' : undefined}
                aria-invalid={invalid === 'value' || undefined}
                aria-describedby={`${id}-hint`}
                suffix={
                  kr.unit && kr.metricType !== 'currency'
                    ? kr.unit
                    : kr.metricType === 'percent'
                      ? '%'
                      : undefined
                }
              />
            )}
            <div
              id={`${id}-hint`}
              className={invalid === 'value' ? 'field-error' : 'muted small'}
              role={invalid === 'value' ? 'alert' : undefined}
            >
              {invalid === 'value'
                ? t('checkIn.valueInvalid')
                : preview !== null
                  ? t('checkIn.preview', {
                      progress: formatPercent(clamp01(preview), i18n.language),
                    })
                  : t('checkIn.currentTarget', {
                      current: fmt(kr.currentValue),
                      target: fmt(kr.targetValue),
                    })}
            </div>
          </div>
          <div className="checkin-field">
            <div id={`${id}-confidence-label`} className="block-label">
              {t('checkIn.confidence')}: <strong>{confidence}</strong>/10
              {draft?.confidence === null || draft?.confidence === undefined ? (
                <span className="muted small"> {t('checkIn.confidenceUnchanged')}</span>
              ) : null}
            </div>
            <Slider
              min={0}
              max={10}
              step={1}
              value={confidence}
              onChange={(v: number) => onChange({ confidence: v })}
              marks={{ 0: '0', 5: '5', 10: '10' }}
              ariaLabelForHandle={t('checkIn.confidenceOf', { title: kr.title })}
              className="confidence-slider"
            />
          </div>
          <div className="checkin-field">
            <label htmlFor={`${id}-note`} className="block-label">
              {t('checkIn.note')}
            </label>
            <Input.TextArea
              id={`${id}-note`}
              value={draft?.note ?? ''}
              onChange={(e) => onChange({ note: e.target.value })}
              autoSize={{ minRows: 1, maxRows: 5 }}
              maxLength={5000}
              placeholder={t('checkIn.notePlaceholder')}
            />
          </div>
          <div className="checkin-field">
            <label htmlFor={`${id}-blockers`} className="block-label">
              {t('checkIn.blockers')}
            </label>
            <Input.TextArea
              id={`${id}-blockers`}
              value={draft?.blockers ?? ''}
              onChange={(e) => onChange({ blockers: e.target.value })}
              autoSize={{ minRows: 1, maxRows: 5 }}
              maxLength={5000}
              placeholder={t('checkIn.blockersPlaceholder')}
            />
          </div>
        </div>
        {error !== undefined ? <ProblemAlert error={error} title={t('checkIn.failedOne')} /> : null}
      </Card>
    </li>
  );
}
