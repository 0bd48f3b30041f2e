/** A friendly placeholder that says what to do next. */
import type { ReactNode } from 'react';

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      {children && <div className="empty-body">{children}</div>}
      {action}
    </section>
  );
}
