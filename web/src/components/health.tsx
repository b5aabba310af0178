/** Health and progress shown as a tag, a bar with the expected marker, and a plan state tag. */
import {
  CheckCircleFilled,
  ClockCircleOutlined,
  CloseCircleFilled,
  ExclamationCircleFilled,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanState } from '../api/types';
import { HEALTH_COLORS, PLAN_STATE_COLORS, type Health } from '../lib/health';
import { clamp01, formatPercent } from '../lib/progress';

const ICONS: Record<Health, typeof CheckCircleFilled> = {
  on_track: CheckCircleFilled,
  at_risk: ExclamationCircleFilled,
  off_track: CloseCircleFilled,
  not_started: ClockCircleOutlined,
};

export function HealthTag({ health }: { health: Health }) {
  const { t } = useTranslation();
  const Icon = ICONS[health];
  const c = HEALTH_COLORS[health];
  return (
    <Tag
      className="health-tag"
      style={{ color: c.text, background: c.background, borderColor: 'transparent' }}
      icon={<Icon aria-hidden />}
    >
      {t(`health.${health}`)}
    </Tag>
  );
}

export interface ProgressBarProps {
  progress: number;
  expected?: number | null;
  health: Health;
  /** show the numbers next to the bar */
  showLabel?: boolean;
  size?: 'small' | 'default';
  /** what the bar measures, for screen readers */
  label?: string;
}

/** A progress bar coloured by health with a tick at the expected progress. */
export function ProgressBar({
  progress,
  expected,
  health,
  showLabel = true,
  size = 'default',
  label,
}: ProgressBarProps) {
  const { t, i18n } = useTranslation();
  const pct = clamp01(progress) * 100;
  const exp = expected === null || expected === undefined ? null : clamp01(expected) * 100;
  const text = formatPercent(progress, i18n.language);
  const expText = exp === null ? null : formatPercent(expected ?? 0, i18n.language);
  const aria = exp === null ? text : t('progress.aria', { progress: text, expected: expText });
  return (
    <div className={`progress ${size === 'small' ? 'progress-small' : ''}`}>
      <div
        className="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-valuetext={aria}
        aria-label={label ?? t('progress.label')}
      >
        <div
          className="progress-fill"
          style={{ width: `${pct}%`, background: HEALTH_COLORS[health].fill }}
        />
        {exp !== null ? (
          <Tooltip title={t('progress.expected', { expected: expText })}>
            <div className="progress-expected" style={{ left: `${exp}%` }} aria-hidden />
          </Tooltip>
        ) : null}
      </div>
      {showLabel ? (
        <span className="progress-label">
          <strong>{text}</strong>
          {expText !== null ? (
            <span className="muted"> / {t('progress.expectedShort', { expected: expText })}</span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

export function PlanStateTag({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  const c = PLAN_STATE_COLORS[state];
  return (
    <Tag style={{ color: c.text, background: c.background, borderColor: 'transparent' }}>
      {t(`planState.${state}`)}
    </Tag>
  );
}
