/**
 * 版本: the versions of a plan (one at each approval and each applied adjustment, with who and
 * when). Picking one opens it in a drawer: its objectives and key results as they were, and the
 * diff against the current plan or another version. Loaded lazily by the plan page.
 */
import { HistoryOutlined } from '@ant-design/icons';
import { Button, Drawer, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versions as versionsApi } from '../../api/endpoints';
import type { KeyResultSnapshot, MetricType, PlanDetail, PlanVersion } from '../../api/types';
import { formatMetric } from '../../lib/progress';
import { Panel } from '../../components/Panel';
import { ToneTag } from '../../components/ToneTag';
import { AsyncView } from '../../components/states';
import { useAsync } from '../../hooks/useAsync';
import { useIsMobile } from '../../hooks/useMediaQuery';
import {
  changeCounts,
  changeTitle,
  diffRange,
  newestFirst,
  showValue,
  snapshotSize,
  titlesById,
  type CompareWith,
} from '../../lib/versions';

export default function VersionsPanel({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const state = useAsync(
    async () => newestFirst(await versionsApi.list(plan.id)),
    [plan.id, plan.version],
  );
  const [picked, setPicked] = useState<PlanVersion | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Panel title={<h2 className="card-title">{t('versions.title')}</h2>}>
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('versions.loadFailed')}
        rows={2}
        isEmpty={(list) => list.length === 0}
        empty={<p className="muted small">{t('versions.empty')}</p>}
      >
        {(list) => (
          <>
            <ul className="plain-list inbox-list" aria-label={t('versions.title')}>
              {list.map((v) => (
                <li key={v.number} className="small">
                  <Button
                    type="link"
                    size="small"
                    className="version-link"
                    icon={<HistoryOutlined aria-hidden />}
                    onClick={() => setPicked(v)}
                    aria-label={t('versions.openOf', { n: v.number })}
                  >
                    {t('versions.label', { n: v.number })}
                  </Button>{' '}
                  <Tag>{t(`versions.cause.${v.cause}`)}</Tag>
                  <span className="muted">
                    {v.actor?.name ?? ''} · {when(v.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
            {picked ? (
              <VersionDrawer
                plan={plan}
                version={picked}
                versions={list}
                onClose={() => setPicked(null)}
              />
            ) : null}
          </>
        )}
      </AsyncView>
    </Panel>
  );
}

function VersionDrawer({
  plan,
  version,
  versions,
  onClose,
}: {
  plan: PlanDetail;
  version: PlanVersion;
  versions: PlanVersion[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const mobile = useIsMobile();
  const [other, setOther] = useState<CompareWith>('current');
  const range = diffRange(version.number, other);
  const detail = useAsync(
    () => versionsApi.get(plan.id, version.number),
    [plan.id, version.number],
  );
  const diff = useAsync(
    async () => (range ? versionsApi.diff(plan.id, range.from, range.to) : null),
    [plan.id, range?.from, range?.to, plan.version],
  );
  const compareId = `version-compare-${version.number}`;
  const fmt = (value: number, kr: KeyResultSnapshot) =>
    formatMetric(value, { metricType: kr.metricType as MetricType, unit: kr.unit }, i18n.language, {
      done: t('metric.done'),
      notDone: t('metric.notDone'),
    });
  const titles = useMemo(() => titlesById([plan, detail.data]), [plan, detail.data]);
  const options = useMemo(
    () => [
      { value: 'current', label: t('versions.current') },
      ...versions
        .filter((v) => v.number !== version.number)
        .map((v) => ({ value: String(v.number), label: t('versions.label', { n: v.number }) })),
    ],
    [versions, version.number, t],
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={mobile ? '100%' : 640}
      title={t('versions.drawerTitle', {
        n: version.number,
        cause: t(`versions.cause.${version.cause}`),
      })}
      closable={{ 'aria-label': t('common.close') }}
    >
      <p className="muted">
        {t('versions.by', {
          name: version.actor?.name ?? '',
          when: new Date(version.createdAt).toLocaleString(i18n.language),
        })}
      </p>
      <section aria-labelledby={`${compareId}-h`} className="version-section">
        <h3 className="inbox-title" id={`${compareId}-h`}>
          {t('versions.diffTitle')}
        </h3>
        <div className="score-form">
          <label htmlFor={compareId}>{t('versions.compareWith')}</label>
          <Select
            id={compareId}
            value={other === 'current' ? 'current' : String(other)}
            onChange={(v: string) => setOther(v === 'current' ? 'current' : Number(v))}
            options={options}
            popupMatchSelectWidth={false}
          />
        </div>
        <AsyncView
          {...diff}
          reload={() => void diff.reload()}
          errorTitle={t('versions.diffFailed')}
          rows={2}
        >
          {(d) =>
            d === null ? null : d.changes.length === 0 ? (
              <p className="muted small">{t('versions.noDiff')}</p>
            ) : (
              <>
                <p className="small">
                  {t('versions.diffSummary', {
                    from: d.from,
                    to: d.to === null ? t('versions.current') : t('versions.label', { n: d.to }),
                    ...changeCounts(d.changes),
                  })}
                </p>
                <ul className="plain-list inbox-list diff-list">
                  {d.changes.map((c, i) => (
                    <li key={i} className="small">
                      <ToneTag
                        tone={
                          c.change === 'added' ? 'green' : c.change === 'removed' ? 'red' : 'blue'
                        }
                      >
                        {t(`changes.change.${c.change}`)}
                      </ToneTag>
                      <span className="muted">{t(`versions.target.${c.targetType}`)}</span>{' '}
                      {changeTitle(c, titles)}
                      {c.change === 'changed' && c.field ? (
                        <span className="muted">
                          {' '}
                          · {i18n.exists(`field.${c.field}`) ? t(`field.${c.field}`) : c.field}
                          {': '}
                          {showValue(c.before)} → {showValue(c.after)}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </AsyncView>
      </section>
      <section aria-labelledby={`${compareId}-s`} className="version-section">
        <h3 className="inbox-title" id={`${compareId}-s`}>
          {t('versions.snapshotTitle', { n: version.number })}
        </h3>
        <AsyncView
          {...detail}
          reload={() => void detail.reload()}
          errorTitle={t('versions.versionFailed')}
          rows={3}
        >
          {(v) => {
            const size = snapshotSize(v);
            return (
              <>
                <p className="muted small">{t('versions.size', size)}</p>
                <ol className="plain-list version-tree">
                  {[...v.objectives]
                    .sort((a, b) => a.priority - b.priority)
                    .map((o) => (
                      <li key={o.id}>
                        <strong>
                          O{o.priority} {o.title}
                        </strong>{' '}
                        <span className="muted small">
                          {t('versions.weight', { weight: o.weight })} ·{' '}
                          {t(`kind.${o.kind === 'aspirational' ? 'aspirational' : 'committed'}`)}
                        </span>
                        <ul className="plain-list version-krs">
                          {[...o.keyResults]
                            .sort((a, b) => a.priority - b.priority)
                            .map((kr) => (
                              <li key={kr.id} className="small">
                                KR{kr.priority} {kr.title}{' '}
                                <span className="muted">
                                  {t('versions.krFacts', {
                                    start: fmt(kr.startValue, kr),
                                    target: fmt(kr.targetValue, kr),
                                    weight: kr.weight,
                                  })}
                                </span>
                              </li>
                            ))}
                        </ul>
                      </li>
                    ))}
                </ol>
              </>
            );
          }}
        </AsyncView>
      </section>
    </Drawer>
  );
}
