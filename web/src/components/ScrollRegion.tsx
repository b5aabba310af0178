import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways on narrow screens (wide tables on a phone). It can take the focus,
 * so keyboard users can scroll it too, and it is named for screen readers.
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <div className="scroll-region" role="region" aria-label={label} tabIndex={0}>
      <div style={{ minWidth }}>{children}</div>
    </div>
  );
}
