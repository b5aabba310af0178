import type { ReactNode } from 'react';

/** The screen's heading (the page's one h1), a line under it and actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
  tags,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  tags?: ReactNode;
}) {
  return (
    <div className="page-header">
      <div className="page-header-main">
        <div className="page-header-title">
          <h1 className="page-title">{title}</h1>
          {tags}
        </div>
        {subtitle ? <div className="page-subtitle">{subtitle}</div> : null}
      </div>
      {extra ? <div className="page-header-extra">{extra}</div> : null}
    </div>
  );
}
