import type { ReactNode } from 'react';
import classes from './StatusPill.module.css';

export type PillColor = 'teal' | 'blue' | 'orange' | 'red' | 'gray';

/**
 * A status as a small light badge, for rows of a virtualized table: a plain span with a class,
 * where Mantine's Badge resolves props and sets inline variables on every mount.
 */
export function StatusPill({ color, plainCase = false, children, ...data }: { color: PillColor; plainCase?: boolean; children: ReactNode } & { [attribute: `data-${string}`]: string }) {
  return (
    <span className={classes.pill} data-color={color} data-plain-case={plainCase || undefined} {...data}>
      {children}
    </span>
  );
}
