import type { ReactNode } from 'react';
import './panels.css';

interface PanelProps {
  /** The region's accessible name and visible heading. */
  title: string;
  className?: string;
  /** A short note after the heading (e.g. a count). */
  note?: ReactNode;
  live?: boolean;
  children: ReactNode;
}

/** A named region of the page with a small heading. */
export function Panel({ title, className, note, live, children }: PanelProps) {
  return (
    <section
      className={`panel${className ? ` ${className}` : ''}`}
      aria-label={title}
      aria-live={live ? 'polite' : undefined}
    >
      <header className="panel-head">
        <h2>{title}</h2>
        {note !== undefined && <span className="panel-note">{note}</span>}
      </header>
      {/* Focusable, so a keyboard can scroll a panel whose content overflows. */}
      <div className="panel-body" tabIndex={0}>
        {children}
      </div>
    </section>
  );
}
