/** Loading, empty and error states every list and screen uses. */
import { Empty, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problems';

export function Loading({ rows = 4, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" aria-busy="true" className="loading-block">
      <span className="sr-only">{label ?? t('common.loading')}</span>
      <Skeleton active paragraph={{ rows }} title />
    </div>
  );
}

export function EmptyState({
  description,
  children,
}: {
  description: ReactNode;
  children?: ReactNode;
}) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}

export interface AsyncViewProps<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload?: () => void;
  /** true when the loaded data has nothing to show */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  errorTitle?: string;
  rows?: number;
  children: (data: T) => ReactNode;
}

/** Renders the loading skeleton, the error with a retry, the empty state, or the data. */
export function AsyncView<T>({
  data,
  error,
  loading,
  reload,
  isEmpty,
  empty,
  errorTitle,
  rows,
  children,
}: AsyncViewProps<T>) {
  if (error !== undefined && data === undefined) {
    return (
      <ProblemAlert
        error={error}
        {...(errorTitle ? { title: errorTitle } : {})}
        {...(reload ? { onRetry: reload } : {})}
      />
    );
  }
  if (data === undefined) return loading ? <Loading {...(rows ? { rows } : {})} /> : null;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
