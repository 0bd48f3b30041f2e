/** A friendly placeholder that says what to do next. */
import type { ReactNode } from 'react';

/** `level` 1 when the empty state is all the view shows, so the view still has its main heading. */
export function EmptyState({ title, children, action, level = 2 }: { title: string; children?: ReactNode; action?: ReactNode; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className="empty-state" aria-label={title}>
      <Heading>{title}</Heading>
      {children && <div className="empty-body">{children}</div>}
      {action}
    </section>
  );
}
