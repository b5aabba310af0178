/** Showing what went wrong: the API's problem in the person's language. */
import { Alert, Button } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeProblem, type DescribedProblem, type Problem } from '../lib/problem';

/** The problem inside an error (an ApiError, or anything else as an unknown problem). */
export function problemOf(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem;
  return {
    status: 0,
    code: 'client',
    detail: error instanceof Error ? error.message : String(error),
  };
}

/** A function that turns an error into a translated message and per-field lines. */
export function useDescribe(): (
  error: unknown,
  nameOf?: (id: string) => string | undefined,
) => DescribedProblem {
  const { t, i18n } = useTranslation();
  return useCallback(
    (error, nameOf) =>
      describeProblem(
        problemOf(error),
        { t: (k, v) => t(k, v ?? {}), has: (k) => i18n.exists(k) },
        i18n.language,
        nameOf,
      ),
    [t, i18n],
  );
}

export interface ProblemAlertProps {
  error: unknown;
  /** what failed, e.g. "Could not load the plan" */
  title?: string;
  onRetry?: () => void;
  nameOf?: (id: string) => string | undefined;
  onClose?: () => void;
}

/** An error box with the translated problem, its field lines and an optional retry. */
export function ProblemAlert({ error, title, onRetry, nameOf, onClose }: ProblemAlertProps) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const d = describe(error, nameOf);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? d.message}
      description={
        <div>
          {title ? <div>{d.message}</div> : null}
          {d.items.length > 0 ? (
            <ul className="problem-items">
              {d.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
        </div>
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
      {...(onClose ? { closable: { onClose } } : {})}
    />
  );
}
