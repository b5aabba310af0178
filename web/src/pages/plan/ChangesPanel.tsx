/**
 * For a plan under review or after approval: the adjustments waiting for the approver (accept,
 * or reject with a comment), what changed since the last approval (GET /plans/:id/diff) and the
 * history of decisions and adjustments. Loaded lazily by the plan page.
 */
import { Button, Card, Input, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adjustments as adjustmentsApi } from '../../api/endpoints';
import type { Adjustment, PlanDetail } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { AsyncView } from '../../components/states';
import { useAsync } from '../../hooks/useAsync';
import { useSubmit } from '../../hooks/useSubmit';

const show = (v: unknown): string =>
  v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);

export default function ChangesPanel({
  plan,
  canDecide,
  onDecided,
}: {
  plan: PlanDetail;
  canDecide: boolean;
  onDecided: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const state = useAsync(async () => {
    const [pending, diff, history] = await Promise.all([
      adjustmentsApi.pending(plan.id),
      adjustmentsApi.diff(plan.id),
      adjustmentsApi.history(plan.id),
    ]);
    // review decisions are on the review history card next to this one
    const adjusted = history.items.filter((h) => h.type === 'adjustment');
    return { pending: pending.items, diff, history: adjusted };
  }, [plan.id, plan.version]);
  // a change waiting for approval leaves the plan's version as it was: whenever the page loads
  // the plan again, load again too (what shows stays meanwhile)
  const { reload } = state;
  const shown = useRef(plan);
  useEffect(() => {
    if (shown.current === plan) return;
    shown.current = plan;
    void reload();
  }, [plan, reload]);

  return (
    <Card title={<h2 className="card-title">{t('changes.title')}</h2>}>
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('changes.loadFailed')}
        rows={2}
      >
        {({ pending, diff, history }) => (
          <Space vertical size={12} className="full-width">
            {pending.length > 0 ? (
              <section aria-label={t('changes.pending')}>
                <h3 className="inbox-title">{t('changes.pending')}</h3>
                <ul className="plain-list inbox-list">
                  {pending.map((a) => (
                    <PendingAdjustment
                      key={a.id}
                      adjustment={a}
                      canDecide={canDecide}
                      onDecided={async () => {
                        await onDecided();
                        await state.reload();
                      }}
                    />
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-label={t('changes.diff')}>
              <h3 className="inbox-title">{t('changes.diff')}</h3>
              {diff === null ? (
                <p className="muted small">{t('changes.noApproval')}</p>
              ) : diff.changes.length === 0 ? (
                <p className="muted small">{t('changes.noChanges')}</p>
              ) : (
                <ul className="plain-list inbox-list">
                  {diff.changes.map((c, i) => (
                    <li key={i} className="small">
                      <Tag>{t(`changes.change.${c.change}`)}</Tag>
                      {c.path}
                      {c.change === 'changed' && c.field ? (
                        <span className="muted">
                          {' '}
                          · {c.field}: {show(c.before)} → {show(c.after)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-label={t('changes.history')}>
              <h3 className="inbox-title">{t('changes.history')}</h3>
              {history.length === 0 ? (
                <p className="muted small">{t('changes.noAdjustments')}</p>
              ) : (
                <ul className="plain-list inbox-list">
                  {history.map((h) => (
                    <li key={`${h.type}:${h.id}`} className="small">
                      <strong>{h.actor.name ?? ''}</strong>{' '}
                      {h.type === 'review' && h.decision
                        ? t(`review.decision.${h.decision}`)
                        : t('changes.adjusted', {
                            status: t(`changes.status.${h.status ?? 'applied'}`),
                          })}
                      <span className="muted">
                        {' '}
                        · {new Date(h.at).toLocaleString(i18n.language)}
                      </span>
                      {h.reason || h.comment ? (
                        <div className="muted pre-line">{h.reason ?? h.comment}</div>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </Space>
        )}
      </AsyncView>
    </Card>
  );
}

function PendingAdjustment({
  adjustment: a,
  canDecide,
  onDecided,
}: {
  adjustment: Adjustment;
  canDecide: boolean;
  onDecided: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const { busy, error, run } = useSubmit();
  const decide = (accept: boolean) =>
    run(async () => {
      if (accept) await adjustmentsApi.accept(a.id, a.version);
      else await adjustmentsApi.reject(a.id, a.version, comment.trim());
      await onDecided();
    });
  const inputId = `adjustment-comment-${a.id}`;
  return (
    <li>
      <div>
        <Tag>{t(`changes.kind.${a.kind}`)}</Tag>
        {a.reason}
        <span className="muted small"> · {a.actor.name ?? ''}</span>
      </div>
      {canDecide ? (
        <div className="score-form">
          <label htmlFor={inputId} className="small">
            {t('changes.rejectComment')}
          </label>
          <Input
            id={inputId}
            size="small"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button size="small" type="primary" loading={busy} onClick={() => void decide(true)}>
            {t('changes.accept')}
          </Button>
          <Button
            size="small"
            disabled={comment.trim() === ''}
            loading={busy}
            onClick={() => void decide(false)}
          >
            {t('changes.reject')}
          </Button>
        </div>
      ) : null}
      {error !== undefined ? <ProblemAlert error={error} /> : null}
    </li>
  );
}
