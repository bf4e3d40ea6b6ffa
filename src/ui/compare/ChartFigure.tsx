import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ChartHandle } from '../../render/charts';

export interface ChartFigureProps {
  title: string;
  /** Creates the d3 chart in `host`; `describedBy` is the caption's id. Keep it stable. */
  create: (host: HTMLElement, describedBy: string) => ChartHandle;
  caption: ReactNode;
  className?: string;
}

/** A titled figure around a framework-free chart: React creates it once and destroys it. */
export function ChartFigure({ title, create, caption, className }: ChartFigureProps) {
  const host = useRef<HTMLDivElement>(null);
  const captionId = useId();
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const chart = create(el, captionId);
    return () => chart.destroy();
  }, [create, captionId]);
  return (
    <figure className={`chart-figure${className ? ` ${className}` : ''}`}>
      <h3>{title}</h3>
      <div ref={host} className="chart-host" />
      <figcaption id={captionId}>{caption}</figcaption>
    </figure>
  );
}
