import type { ReactNode } from 'react';
import type { ListWindow } from '../../protocol/messages';
import { formatCount } from '../../render/units';

interface LinkedListProps<T> {
  /** The list head's name, as in the kernel: restore_pblist. */
  head: string;
  list: ListWindow<T>;
  node: (item: T, index: number) => ReactNode;
  done?: (item: T) => boolean;
  unit: [string, string];
}

/** A singly linked list drawn as nodes joined by `next` arrows, windowed with totals. */
export function LinkedList<T>({ head, list, node, done, unit }: LinkedListProps<T>) {
  const before = list.offset;
  const after = list.total - list.offset - list.items.length;
  const nodes = list.items.map((item, i) => (
    <li key={before + i} className={done?.(item) ? 'node node-done' : 'node'}>
      {node(item, before + i)}
    </li>
  ));
  return (
    <div className="linked-list">
      <p className="list-head">
        <code>{head}</code>{' '}
        <span className="muted">
          {formatCount(list.total)} {list.total === 1 ? unit[0] : unit[1]}
        </span>
      </p>
      {list.total === 0 ? (
        <p className="list-empty">
          <code>{head}</code> = NULL
        </p>
      ) : (
        <ol className="nodes" aria-label={`${head}, ${list.total} entries`}>
          {before > 0 && <li className="node-more">… {formatCount(before)} before</li>}
          {nodes}
          {after > 0 && <li className="node-more">… {formatCount(after)} more</li>}
          <li className="node-null">NULL</li>
        </ol>
      )}
    </div>
  );
}
