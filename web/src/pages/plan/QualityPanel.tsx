/**
 * The quality coach on a plan (the seed's 具体、可衡量、可行、挑战、一致): a score out of 100 and
 * what to improve, each finding next to the objective or key result it is about.
 */
import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
  CloseCircleFilled,
} from '@ant-design/icons';
import { Card, Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { quality } from '../../api/endpoints';
import type { PlanDetail } from '../../api/types';
import { AsyncView } from '../../components/states';
import { useAsync } from '../../hooks/useAsync';
import { HEALTH_COLORS } from '../../lib/health';

const ICONS = {
  error: CloseCircleFilled,
  warning: ExclamationCircleFilled,
  info: InfoCircleFilled,
} as const;
const COLORS = {
  error: HEALTH_COLORS.off_track.text,
  warning: HEALTH_COLORS.at_risk.text,
  info: '#245bdb',
} as const;

export function QualityPanel({
  plan,
  nameOf,
}: {
  plan: PlanDetail;
  nameOf: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const state = useAsync(
    () => quality.plan(plan.id, i18n.language),
    [plan.id, plan.updatedAt, plan.version, plan.objectives, i18n.language],
  );
  return (
    <Card title={<h2 className="card-title">{t('quality.title')}</h2>}>
      <AsyncView
        {...state}
        reload={() => void state.reload()}
        errorTitle={t('quality.loadFailed')}
        rows={3}
      >
        {(r) => (
          <div>
            <div className="quality-score">
              <Progress
                type="circle"
                size={64}
                percent={r.score}
                format={(p) => `${p ?? 0}`}
                strokeColor={
                  r.score >= 80
                    ? HEALTH_COLORS.on_track.fill
                    : r.score >= 60
                      ? HEALTH_COLORS.at_risk.fill
                      : HEALTH_COLORS.off_track.fill
                }
                aria-label={t('quality.score', { score: r.score })}
              />
              <p className="muted small">{t('quality.help')}</p>
            </div>
            {r.findings.length === 0 ? (
              <p className="quality-ok">
                <CheckCircleFilled aria-hidden style={{ color: HEALTH_COLORS.on_track.text }} />{' '}
                {t('quality.none')}
              </p>
            ) : (
              <ul className="plain-list quality-findings">
                {r.findings.map((f, i) => {
                  const Icon = ICONS[f.severity];
                  const about = f.target.type === 'plan' ? null : nameOf(f.target.id);
                  return (
                    <li key={`${f.rule}-${f.target.id}-${i}`}>
                      <Icon aria-hidden style={{ color: COLORS[f.severity] }} />
                      <div>
                        <span className="sr-only">{t(`quality.severity.${f.severity}`)}: </span>
                        {about ? <div className="muted small quality-about">{about}</div> : null}
                        <div>{f.message}</div>
                        {f.suggestion ? <div className="muted small">{f.suggestion}</div> : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        )}
      </AsyncView>
    </Card>
  );
}
