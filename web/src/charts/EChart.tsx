/**
 * An ECharts chart. Only the chart types the screens use are registered, and this module is
 * imported by lazily loaded screens only, so the first screen never loads ECharts.
 */
import { LineChart, PieChart, TreeChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  PieChart,
  TreeChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type EChartsOption = echarts.EChartsCoreOption;
export type EChartsInstance = echarts.ECharts;

export interface EChartProps {
  option: EChartsOption;
  height: number | string;
  /** what the chart shows, for screen readers (the chart itself is a picture) */
  label: string;
  /** replace the whole option on change (trees), instead of merging */
  notMerge?: boolean;
  onReady?: (chart: EChartsInstance) => void;
  onClick?: (params: { data?: unknown; name?: string }) => void;
  className?: string;
}

export function EChart({
  option,
  height,
  label,
  notMerge = false,
  onReady,
  onClick,
  className,
}: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) =>
      clickRef.current?.(params as { data?: unknown; name?: string }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    onReady?.(instance);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
    // the instance lives as long as the element
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge });
  }, [option, notMerge]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      className={className}
      style={{ height, width: '100%' }}
    />
  );
}

export default EChart;
