import { useId, useState, useSyncExternalStore } from 'react';
import { DEFAULT_PRESET } from '../shell/presets';
import { draftFromDoc, newDraft } from './draft';
import type { Draft } from './draft';
import { MachineEditor } from './MachineEditor';
import { isMachineKey, machineName, shelf, useMachines } from './machines';
import type { Shelf } from './machines';

interface Props {
  /** The picker's value: a preset name or a saved machine's key. */
  scenario: string;
  onScenarioChange: (key: string) => void;
  store?: Shelf;
}

type Editing = { draft: Draft; id: string | null } | null;

/** Which machine the editor is open on (one editor per page). */
const editorState = (() => {
  let value: Editing = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (v: Editing) => {
      value = v;
      listeners.forEach((l) => l());
    },
    subscribe: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
})();

/** Beside the picker: "New machine", and the machine editor when it is open. */
export function MachineTools({
  onScenarioChange,
  store = shelf,
}: Omit<Props, 'scenario'> & { scenario?: string }) {
  const editing = useSyncExternalStore(editorState.subscribe, editorState.get, editorState.get);
  return (
    <div className="machine-tools">
      <button
        type="button"
        className="btn btn-small"
        onClick={() => editorState.set({ draft: newDraft(), id: null })}
      >
        New machine
      </button>
      {editing && (
        <MachineEditor
          initial={editing}
          store={store}
          onClose={() => editorState.set(null)}
          onRun={(key) => {
            editorState.set(null);
            onScenarioChange(key);
          }}
        />
      )}
    </div>
  );
}

/** For a saved machine on screen (in its "About" box): Edit, Rename and Delete. */
export function MachineActions({ scenario, onScenarioChange, store = shelf }: Props) {
  useMachines(store);
  const renameId = useId();
  const setEditing = editorState.set;
  const [mode, setMode] = useState<'idle' | 'rename' | 'delete'>('idle');
  const [newName, setNewName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const current = isMachineKey(scenario) ? store.get(scenario) : undefined;
  const problem = store.problem();

  const edit = () => {
    if (!current) return;
    const draft = draftFromDoc(current.doc);
    if (draft) setEditing({ draft, id: current.id });
    else setMessage('This machine is no longer valid and cannot be edited; delete it.');
  };

  if (!current && !problem && !message) return null;
  return (
    <div className="machine-actions">
      {current && (
        <>
          <button type="button" className="btn btn-small" onClick={edit}>
            Edit machine
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setNewName(machineName(current));
              setMode('rename');
            }}
          >
            Rename
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('delete')}>
            Delete
          </button>
        </>
      )}
      {current && mode === 'rename' && (
        <form
          className="machine-tools-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName.trim();
            if (!name) return;
            setMessage(store.rename(scenario, name));
            setMode('idle');
          }}
        >
          <label htmlFor={renameId}>New name</label>
          <input
            id={renameId}
            type="text"
            value={newName}
            maxLength={200}
            autoFocus
            onChange={(e) => setNewName(e.target.value)}
          />
          <button type="submit" className="btn btn-small">
            Save name
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
            Cancel
          </button>
        </form>
      )}
      {current && mode === 'delete' && (
        <span className="machine-tools-form" role="alert">
          Delete “{machineName(current)}” from this browser?{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              setMessage(store.remove(scenario));
              setMode('idle');
              onScenarioChange(DEFAULT_PRESET);
            }}
          >
            Delete machine
          </button>
          <button type="button" className="btn btn-small" onClick={() => setMode('idle')}>
            Keep it
          </button>
        </span>
      )}
      {(message ?? problem) && <p className="machine-tools-note">{message ?? problem}</p>}
    </div>
  );
}
