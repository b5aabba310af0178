/** The live sum of a set of weights, which must reach 100 before the plan can be submitted. */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { weightRemaining, weightStatus } from '../../lib/weights';

export function WeightSum({ sum, label }: { sum: number; label: string }) {
  const { t } = useTranslation();
  const status = weightStatus(sum);
  const remaining = weightRemaining(sum);
  return (
    <span className={`weight-sum weight-${status}`} role="status" aria-live="polite">
      {status === 'complete' ? (
        <CheckCircleFilled aria-hidden />
      ) : (
        <ExclamationCircleFilled aria-hidden />
      )}
      <span>
        {label}: <strong>{sum}</strong> / 100
      </span>
      {status === 'under' ? <span>· {t('weights.under', { remaining })}</span> : null}
      {status === 'over' ? <span>· {t('weights.over', { excess: -remaining })}</span> : null}
    </span>
  );
}
