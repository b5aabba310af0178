import type { ReactNode } from 'react';

/**
 * A white box with an optional header (title on the left, actions on the right). Lighter than
 * antd's Card, which brings Tabs along: the first screen uses this one.
 */
export function Panel({
  title,
  extra,
  children,
  className,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={`panel ${className ?? ''}`}>
      {title || extra ? (
        <div className="panel-head">
          <div className="panel-title">{title}</div>
          {extra ? <div className="panel-extra">{extra}</div> : null}
        </div>
      ) : null}
      <div className="panel-body">{children}</div>
    </div>
  );
}
