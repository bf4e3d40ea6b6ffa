import { useSelection } from '../shell/SelectionContext';
import './panels.css';

/** A pfn that opens the frame in the inspector. */
export function PfnLink({ pfn, label }: { pfn: number; label?: string }) {
  const { select, selected } = useSelection();
  if (pfn < 0) return <span className="pfn pfn-none">none</span>;
  return (
    <button
      type="button"
      className={selected === pfn ? 'pfn pfn-selected' : 'pfn'}
      aria-label={`pfn ${pfn}`}
      title={`Inspect pfn ${pfn}`}
      onClick={() => select(pfn)}
    >
      {label ?? pfn}
    </button>
  );
}
