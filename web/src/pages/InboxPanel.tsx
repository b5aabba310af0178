/**
 * My inbox on My OKRs (issue 5 screen 2): reviews waiting, plans sent back, key results due for
 * a check-in, unread mentions, open requests to my units, adjustments waiting for my decision.
 * Loaded lazily so the first screen stays small.
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inbox as inboxApi } from '../api/endpoints';
import { Panel } from '../components/Panel';
import { AsyncView } from '../components/states';
import { useAsync } from '../hooks/useAsync';

function Section({
  title,
  count,
  children,
}: {
  title: string;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <section className="inbox-section" aria-label={title}>
      <h3 className="inbox-title">
        {title} <Tag>{count}</Tag>
      </h3>
      <ul className="plain-list inbox-list">{children}</ul>
    </section>
  );
}

export default function InboxPanel() {
  const { t, i18n } = useTranslation();
  const state = useAsync(() => inboxApi.get(), []);
  const when = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  return (
    <Panel title={<h2 className="card-title">{t('inbox.title')}</h2>} className="inbox-panel">
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('inbox.loadFailed')}
        rows={2}
        isEmpty={(d) =>
          d.reviewsWaiting.length +
            d.sentBack.length +
            d.dueCheckIns.length +
            d.mentions.length +
            d.requests.length +
            d.pendingAdjustments.length ===
          0
        }
        empty={<p className="muted">{t('inbox.empty')}</p>}
      >
        {(d) => (
          <div className="inbox-sections">
            <Section title={t('inbox.reviews')} count={d.reviewsWaiting.length}>
              {d.reviewsWaiting.map((p) => (
                <li key={p.planId}>
                  <Link to={`/plans/${p.planId}`}>
                    {t('plan.title', { owner: p.ownerName ?? '', cycle: p.cycleName })}
                  </Link>
                  {p.submittedAt ? (
                    <span className="muted small"> · {when(p.submittedAt)}</span>
                  ) : null}
                </li>
              ))}
            </Section>
            <Section title={t('inbox.sentBack')} count={d.sentBack.length}>
              {d.sentBack.map((p) => (
                <li key={p.planId}>
                  <Link to={`/plans/${p.planId}`}>
                    {t('plan.title', { owner: p.ownerName ?? '', cycle: p.cycleName })}
                  </Link>
                  {p.comment ? <div className="muted small pre-line">{p.comment}</div> : null}
                </li>
              ))}
            </Section>
            <Section title={t('inbox.due')} count={d.dueCheckIns.length}>
              {d.dueCheckIns.map((k) => (
                <li key={k.keyResultId}>
                  <Link to={`/key-results/${k.keyResultId}`}>{k.title}</Link>
                  <span className="muted small"> · {k.objectiveTitle}</span>
                </li>
              ))}
            </Section>
            <Section title={t('inbox.mentions')} count={d.mentions.length}>
              {d.mentions.map((n) => {
                const targetType = n.data['commentTargetType'];
                const targetId = n.data['commentTargetId'];
                const to =
                  targetType === 'keyResult' && typeof targetId === 'string'
                    ? `/key-results/${targetId}`
                    : n.planId
                      ? `/plans/${n.planId}`
                      : '/';
                return (
                  <li key={n.id}>
                    <Link to={to}>
                      {t('inbox.mentionBy', { name: n.actorName ?? '', title: n.title ?? '' })}
                    </Link>
                    <span className="muted small"> · {when(n.createdAt)}</span>
                  </li>
                );
              })}
            </Section>
            <Section title={t('inbox.requests')} count={d.requests.length}>
              {d.requests.map((r) => (
                <li key={r.id}>
                  <Link to={`/requests?direction=incoming&id=${r.id}`}>{r.fromObjectiveTitle}</Link>
                  <span className="muted small">
                    {' '}
                    · {t('inbox.requestFrom', { name: r.requesterName ?? '', unit: r.toUnitName })}
                  </span>
                  {r.message ? <div className="muted small pre-line">{r.message}</div> : null}
                </li>
              ))}
            </Section>
            <Section title={t('inbox.adjustments')} count={d.pendingAdjustments.length}>
              {d.pendingAdjustments.map((a) => (
                <li key={a.adjustmentId}>
                  <Link to={`/plans/${a.planId}`}>{a.reason}</Link>
                  <span className="muted small"> · {when(a.createdAt)}</span>
                </li>
              ))}
            </Section>
          </div>
        )}
      </AsyncView>
    </Panel>
  );
}
