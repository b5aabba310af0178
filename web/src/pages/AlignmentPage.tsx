/**
 * 对齐地图: company → departments → people, every objective under the one it aligns to, coloured
 * by health. A zoomable, collapsible tree (ECharts) and the same tree as an outline for keyboards
 * and screen readers; search opens the path to an objective. Built for thousands of objectives:
 * the map arrives in columns (?format=compact), only the first levels start open, and the outline
 * renders children when opened. Cross-department support links (协同) are marked on both ends
 * (a dashed ring in the tree, a tag in the outline) and listed under the map.
 */
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Segmented, Space, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { cycles as cyclesApi } from '../api/endpoints';
import type { SupportLink } from '../api/types';
import { useOrgData } from '../app/org-data';
import { useMe } from '../app/session';
import { HealthTag } from '../components/health';
import { PageHeader } from '../components/PageHeader';
import { AsyncView, EmptyState, Loading } from '../components/states';
import { UnitScopeSelect } from '../components/UnitScopeSelect';
import { useAsync } from '../hooks/useAsync';
import { usePageTitle } from '../hooks/usePageTitle';
import {
  buildAlignmentForest,
  fromCompact,
  indexSupportLinks,
  initialDepth,
  pathTo,
  searchNodes,
  type AlignmentEdge,
  type AlignmentNode,
  type MapSupportLink,
  type ObjectiveTreeNode,
  type SupportIndex,
} from '../lib/alignment-tree';
import { HEALTH_COLORS } from '../lib/health';
import { formatPercent } from '../lib/progress';
import { ancestorIds } from '../lib/units';

const AlignmentChart = lazy(() => import('../charts/AlignmentChart'));

type View = 'chart' | 'outline';

interface LoadedMap {
  nodes: AlignmentNode[];
  edges: AlignmentEdge[];
  /** null when the support links could not be loaded (the map still shows) */
  supportLinks: SupportLink[] | null;
}

/** the ring that marks an objective with cross-department support, in the tree and the legend */
const SUPPORT_COLOR = '#7a4fd6';

/** at most this many support links are listed under the map */
const SUPPORT_LIST_LIMIT = 100;

async function loadMap(cycleId: string, unitId: string | undefined): Promise<LoadedMap> {
  const [compact, supportLinks] = await Promise.all([
    cyclesApi.alignmentCompact(cycleId, unitId),
    cyclesApi.supportLinks(cycleId).catch(() => null),
  ]);
  return { ...fromCompact(compact), supportLinks };
}

export default function AlignmentPage() {
  const { t } = useTranslation();
  const org = useOrgData();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  const view: View = params.get('view') === 'outline' ? 'outline' : 'chart';
  usePageTitle(t('alignment.title'));
  const cycle = org.cycle;
  const state = useAsync(
    () => (cycle ? loadMap(cycle.id, unitId) : Promise.resolve(null)),
    [cycle?.id, unitId],
  );

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('alignment.title')}
        subtitle={cycle ? t('alignment.subtitle', { cycle: cycle.name }) : null}
        extra={
          <Space wrap>
            <UnitScopeSelect value={unitId} onChange={(u) => setParam('unit', u)} />
            <Segmented
              aria-label={t('alignment.view')}
              value={view}
              onChange={(v) => setParam('view', v === 'outline' ? 'outline' : undefined)}
              options={[
                { value: 'chart', label: t('alignment.chart') },
                { value: 'outline', label: t('alignment.outline') },
              ]}
            />
          </Space>
        }
      />
      {!cycle && !org.loading ? <EmptyState description={t('cycle.noneYet')} /> : null}
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('alignment.loadFailed')}
        isEmpty={(m) => m !== null && m.nodes.length === 0}
        empty={
          <Card>
            <EmptyState description={t('alignment.empty')} />
          </Card>
        }
      >
        {(map) => (map ? <AlignmentView map={map} view={view} /> : null)}
      </AsyncView>
    </>
  );
}

function AlignmentView({ map, view }: { map: LoadedMap; view: View }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const org = useOrgData();
  const forest = useMemo(() => {
    const depth = new Map(org.units.map((u) => [u.id, ancestorIds(u.id, org.units).length]));
    const rank = (n: { ownerType: 'unit' | 'user'; ownerId: string }) =>
      n.ownerType === 'unit' ? (depth.get(n.ownerId) ?? 50) : 100;
    return buildAlignmentForest(map.nodes, map.edges, new Intl.Collator(i18n.language), rank);
  }, [map, i18n.language, org.units]);
  const support = useMemo(
    () => indexSupportLinks(map.nodes, map.supportLinks ?? [], new Intl.Collator(i18n.language)),
    [map, i18n.language],
  );
  const [query, setQuery] = useState('');
  const [focusId, setFocusId] = useState<string | null>(null);
  const focusPath = useMemo(() => (focusId ? pathTo(forest, focusId) : []), [forest, focusId]);
  const matches = useMemo(() => searchNodes(map.nodes, query, 20), [map.nodes, query]);
  const depth = initialDepth(map.nodes.length);
  const focused = focusId ? map.nodes.find((n) => n.id === focusId) : undefined;
  const supportCounts = useMemo(
    () => new Map([...support.byNode].map(([id, links]) => [id, links.length])),
    [support],
  );

  return (
    <>
      <Card>
        <div className="alignment-toolbar">
          <AutoComplete
            className="alignment-search"
            value={query}
            onChange={setQuery}
            onSelect={(id: string) => {
              setFocusId(id);
              setQuery(map.nodes.find((n) => n.id === id)?.title ?? '');
            }}
            options={matches.map((n) => ({
              value: n.id,
              label: `${n.title} · ${n.ownerName ?? ''}`,
            }))}
            placeholder={t('alignment.search')}
            aria-label={t('alignment.search')}
            allowClear
          />
          <span className="muted small">
            {t('alignment.count', { count: map.nodes.length, edges: map.edges.length })}
          </span>
          <ul className="plain-list health-legend horizontal" aria-label={t('alignment.legend')}>
            {(['on_track', 'at_risk', 'off_track', 'not_started'] as const).map((h) => (
              <li key={h}>
                <span
                  className="legend-dot"
                  style={{ background: HEALTH_COLORS[h].fill }}
                  aria-hidden
                />
                {t(`health.${h}`)}
              </li>
            ))}
            <li>
              <span
                className="legend-dot"
                style={{
                  background: 'transparent',
                  border: `2px dashed ${SUPPORT_COLOR}`,
                  boxSizing: 'border-box',
                }}
                aria-hidden
              />
              {t('alignment.supportLegend')}
            </li>
          </ul>
        </div>
        {focused ? (
          <div className="alignment-focus" role="status">
            <HealthTag health={focused.health} /> <strong>{focused.title}</strong> ·{' '}
            {focused.ownerName} · {formatPercent(focused.progress, i18n.language)}{' '}
            <Link to={`/plans/${focused.planId}`}>{t('alignment.openPlan')}</Link>
          </div>
        ) : null}
        {view === 'chart' ? (
          <Suspense fallback={<Loading rows={8} />}>
            <AlignmentChart
              forest={forest}
              rootName={me.organization.name}
              depth={depth}
              focusPath={focusPath}
              label={t('alignment.chartLabel', { count: map.nodes.length })}
              onSelect={setFocusId}
              supportCounts={supportCounts}
              supportColor={SUPPORT_COLOR}
            />
          </Suspense>
        ) : (
          <ul className="outline" aria-label={t('alignment.outline')}>
            {forest.map((n) => (
              <OutlineNode
                key={n.node.id}
                n={n}
                level={1}
                depth={depth}
                focusPath={focusPath}
                supportCounts={supportCounts}
              />
            ))}
          </ul>
        )}
      </Card>
      <SupportLinkList
        support={support}
        failed={map.supportLinks === null}
        onFocus={(id) => setFocusId(id)}
      />
    </>
  );
}

/** The support links as a list: supporting objective → supported objective, each focusable. */
function SupportLinkList({
  support,
  failed,
  onFocus,
}: {
  support: SupportIndex;
  failed: boolean;
  onFocus: (id: string) => void;
}) {
  const { t } = useTranslation();
  const shown = support.links.slice(0, SUPPORT_LIST_LIMIT);
  const end = (node: MapSupportLink['from']) =>
    node ? (
      <Button
        type="text"
        size="small"
        className="support-end"
        title={t('alignment.focus', { title: node.title })}
        onClick={() => onFocus(node.id)}
      >
        {node.title}
        {node.ownerName ? <span className="muted small"> · {node.ownerName}</span> : null}
      </Button>
    ) : (
      <span className="muted">{t('alignment.outsideMap')}</span>
    );
  return (
    <Card
      className="support-links"
      title={
        <h2 className="card-title-h" style={{ fontSize: 'inherit', margin: 0 }}>
          {t('alignment.supportTitle')}{' '}
          <span className="muted small">
            {t('alignment.supportCount', { count: support.links.length })}
          </span>
        </h2>
      }
      style={{ marginTop: 16 }}
    >
      {failed ? <Alert type="warning" showIcon message={t('alignment.supportFailed')} /> : null}
      {!failed && support.links.length === 0 ? (
        <p className="muted">{t('alignment.supportNone')}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="plain-list" aria-label={t('alignment.supportTitle')}>
          {shown.map((l) => (
            <li key={l.id} data-support-link={l.id}>
              <span
                className="legend-dot"
                style={{
                  background: 'transparent',
                  border: `2px dashed ${SUPPORT_COLOR}`,
                  boxSizing: 'border-box',
                }}
                aria-hidden
              />
              {end(l.from)} <span className="muted">→ {t('alignment.supports')} →</span> {end(l.to)}
            </li>
          ))}
        </ul>
      ) : null}
      {support.links.length > shown.length ? (
        <p className="muted small">
          {t('alignment.supportMore', { count: support.links.length - shown.length })}
        </p>
      ) : null}
    </Card>
  );
}

function OutlineNode({
  n,
  level,
  depth,
  focusPath,
  supportCounts,
}: {
  n: ObjectiveTreeNode;
  level: number;
  depth: number;
  focusPath: string[];
  supportCounts: ReadonlyMap<string, number>;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<boolean | null>(null);
  const expanded = open ?? (level < depth || focusPath.includes(n.node.id));
  const hasChildren = n.children.length > 0;
  const focused = focusPath.at(-1) === n.node.id;
  const supports = supportCounts.get(n.node.id) ?? 0;
  return (
    <li
      className={focused ? 'outline-focused' : undefined}
      aria-current={focused ? 'true' : undefined}
    >
      <div className="outline-row">
        {hasChildren ? (
          <button
            type="button"
            className="outline-toggle"
            aria-expanded={expanded}
            aria-label={
              expanded
                ? t('alignment.collapse', { title: n.node.title })
                : t('alignment.expand', { title: n.node.title })
            }
            onClick={() => setOpen(!expanded)}
          >
            {expanded ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />}
          </button>
        ) : (
          <span className="outline-toggle-space" aria-hidden />
        )}
        <span
          className="outline-dot"
          style={{ background: HEALTH_COLORS[n.node.health].fill }}
          aria-hidden
        />
        <Link to={`/plans/${n.node.planId}`} className="outline-title">
          {n.node.title}
        </Link>
        <span className="muted small">{n.node.ownerName}</span>
        <span className="outline-pct">{formatPercent(n.node.progress, i18n.language)}</span>
        <HealthTag health={n.node.health} />
        {supports > 0 ? (
          <Tag
            color={SUPPORT_COLOR}
            title={t('alignment.supportTagLabel', { title: n.node.title, count: supports })}
          >
            {t('alignment.supportTag', { count: supports })}
          </Tag>
        ) : null}
        {hasChildren && !expanded ? (
          <span className="muted small">{t('alignment.below', { count: n.descendants })}</span>
        ) : null}
      </div>
      {hasChildren && expanded ? (
        <ul className="outline-children">
          {n.children.map((c) => (
            <OutlineNode
              key={c.node.id}
              n={c}
              level={level + 1}
              depth={depth}
              focusPath={focusPath}
              supportCounts={supportCounts}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
