/** A key result's history: check-ins, the target, the expected path and the forecast. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn, Cycle, KeyResult } from '../api/types';
import { expectedLine, forecastLine, historyPoints } from '../lib/kr-chart';
import { formatMetric } from '../lib/progress';
import { EChart } from './EChart';

export interface KeyResultChartProps {
  keyResult: KeyResult;
  checkIns: CheckIn[];
  cycle: Pick<Cycle, 'startDate' | 'endDate'>;
  today: string;
  label: string;
}

export default function KeyResultChart({
  keyResult: kr,
  checkIns,
  cycle,
  today,
  label,
}: KeyResultChartProps) {
  const { t, i18n } = useTranslation();
  const option = useMemo(() => {
    const labels = { done: t('metric.done'), notDone: t('metric.notDone') };
    const fmt = (v: number) => formatMetric(v, kr, i18n.language, labels);
    const history = historyPoints({ date: cycle.startDate, value: kr.startValue }, checkIns);
    const forecast = forecastLine(cycle, history.slice(1), kr.forecast);
    const dateFmt = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
    return {
      color: ['#245bdb', '#8f959e', '#ff8800'],
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => fmt(v),
      },
      legend: {
        bottom: 0,
        data: [
          t('krDetail.seriesActual'),
          t('krDetail.seriesExpected'),
          t('krDetail.seriesForecast'),
        ],
      },
      grid: { left: 8, right: 24, top: 24, bottom: 40, containLabel: true },
      xAxis: {
        type: 'time',
        min: Date.parse(`${cycle.startDate}T00:00:00Z`),
        max: Date.parse(`${cycle.endDate}T23:59:59Z`),
        axisLabel: { formatter: (v: number) => dateFmt.format(new Date(v)), hideOverlap: true },
        splitNumber: 4,
      },
      yAxis: {
        type: 'value',
        scale: true,
        axisLabel: { formatter: (v: number) => fmt(v), hideOverlap: true },
      },
      series: [
        {
          name: t('krDetail.seriesActual'),
          type: 'line',
          data: history,
          symbolSize: 7,
          lineStyle: { width: 2.5 },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [
              {
                yAxis: kr.targetValue,
                name: t('krDetail.target'),
                lineStyle: { color: '#1a7f0e', type: 'solid' },
                label: {
                  formatter: `${t('krDetail.target')} ${fmt(kr.targetValue)}`,
                  position: 'insideEndTop',
                },
              },
              {
                xAxis: Date.parse(`${today}T12:00:00Z`),
                lineStyle: { color: '#1f2329', type: 'dashed' },
                label: { formatter: t('krDetail.today'), position: 'end' },
              },
            ],
          },
        },
        {
          name: t('krDetail.seriesExpected'),
          type: 'line',
          data: expectedLine(cycle, kr.startValue, kr.targetValue),
          symbol: 'none',
          lineStyle: { type: 'dashed', width: 1.5 },
        },
        {
          name: t('krDetail.seriesForecast'),
          type: 'line',
          data: forecast,
          symbol: 'none',
          lineStyle: { type: 'dotted', width: 2 },
        },
      ],
    };
  }, [kr, checkIns, cycle, today, t, i18n.language]);
  return <EChart option={option} height={320} label={label} notMerge />;
}
