/**
 * The alignment map as an ECharts tree: zoom and pan, click to open or close a branch. Objectives
 * with cross-department support links wear a dashed ring (the tree cannot draw extra edges).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_COLORS, type Health } from '../lib/health';
import type { ObjectiveTreeNode } from '../lib/alignment-tree';
import { formatPercent } from '../lib/progress';
import { EChart } from './EChart';

interface ChartNode {
  name: string;
  id: string;
  value: number;
  health?: Health;
  owner?: string;
  title?: string;
  collapsed?: boolean;
  /** cross-department support links of this objective (协同) */
  supports?: number;
  symbolSize?: number;
  itemStyle?: { color: string; borderColor: string; borderType?: 'dashed'; borderWidth?: number };
  children?: ChartNode[];
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const short = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface AlignmentChartProps {
  forest: ObjectiveTreeNode[];
  rootName: string;
  depth: number;
  focusPath: string[];
  label: string;
  onSelect: (id: string) => void;
  /** objective id → its number of cross-department support links: drawn as a dashed ring */
  supportCounts?: ReadonlyMap<string, number>;
  supportColor?: string;
}

export default function AlignmentChart({
  forest,
  rootName,
  depth,
  focusPath,
  label,
  onSelect,
  supportCounts,
  supportColor = '#7a4fd6',
}: AlignmentChartProps) {
  const { t, i18n } = useTranslation();
  const { option, leaves } = useMemo(() => {
    const onPath = new Set(focusPath);
    let leafCount = 0;
    const toNode = (n: ObjectiveTreeNode, level: number): ChartNode => {
      const c = HEALTH_COLORS[n.node.health];
      if (n.children.length === 0 || (level >= depth && !onPath.has(n.node.id))) leafCount += 1;
      const supports = supportCounts?.get(n.node.id) ?? 0;
      return {
        name: `${short(n.node.title, 16)} ${formatPercent(n.node.progress, i18n.language)}`,
        id: n.node.id,
        value: n.node.progress,
        health: n.node.health,
        owner: n.node.ownerName ?? '',
        title: n.node.title,
        collapsed: level >= depth && !onPath.has(n.node.id),
        itemStyle:
          supports > 0
            ? { color: c.fill, borderColor: supportColor, borderType: 'dashed', borderWidth: 3 }
            : { color: c.fill, borderColor: c.fill },
        ...(supports > 0 ? { supports, symbolSize: 17 } : {}),
        children: n.children.map((k) => toNode(k, level + 1)),
      };
    };
    const root: ChartNode = {
      name: rootName,
      id: '__root__',
      value: 0,
      itemStyle: { color: '#245bdb', borderColor: '#245bdb' },
      children: forest.map((n) => toNode(n, 1)),
    };
    return {
      leaves: leafCount,
      option: {
        tooltip: {
          trigger: 'item',
          confine: true,
          formatter: (p: { data: ChartNode }) => {
            const d = p.data;
            if (!d.title) return escapeHtml(d.name);
            const support = d.supports
              ? `<br/>${escapeHtml(t('alignment.supportTooltip', { count: d.supports }))}`
              : '';
            return `<strong>${escapeHtml(d.title)}</strong><br/>${escapeHtml(d.owner ?? '')} · ${formatPercent(d.value, i18n.language)} · ${escapeHtml(t(`health.${d.health ?? 'not_started'}`))}${support}`;
          },
        },
        series: [
          {
            type: 'tree',
            data: [root],
            top: 16,
            bottom: 16,
            left: 120,
            right: 240,
            orient: 'LR',
            roam: true,
            symbol: 'circle',
            symbolSize: 11,
            expandAndCollapse: true,
            initialTreeDepth: -1,
            animationDuration: 300,
            animationDurationUpdate: 300,
            label: {
              position: 'left',
              verticalAlign: 'middle',
              align: 'right',
              fontSize: 12,
              color: '#1f2329',
            },
            leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
            emphasis: { focus: 'descendant' },
            lineStyle: { color: '#c9cdd4', width: 1.2, curveness: 0.5 },
          },
        ],
      },
    };
  }, [forest, rootName, depth, focusPath, i18n.language, t, supportCounts, supportColor]);

  // room for every open leaf, within reason; zoom and pan do the rest
  const height = Math.min(2400, Math.max(480, leaves * 40));
  return (
    <EChart
      option={option}
      notMerge
      height={height}
      label={label}
      className="alignment-chart"
      onClick={(p) => {
        const d = p.data as ChartNode | undefined;
        if (d && d.id !== '__root__') onSelect(d.id);
      }}
    />
  );
}
