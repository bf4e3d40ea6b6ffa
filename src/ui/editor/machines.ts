/**
 * The user's machines, kept in the browser's local storage under one key as
 * `{ format: 'swsusp-viz/machines@1', machines: [{ id, savedAt, doc }] }`, where `doc` is a
 * `swsusp-viz/scenario@1` document. What is read back is checked (valibot) before use: a corrupt
 * or foreign value is set aside with a message, never thrown. When the browser refuses storage
 * (private modes, sandboxed frames, a full quota) the machines live for the page's lifetime and
 * the page says they will not be kept.
 */
import { useSyncExternalStore } from 'react';
import * as v from 'valibot';

export const STORAGE_KEY = 'swsusp-viz/machines';
const FORMAT = 'swsusp-viz/machines@1';
/** Picker values and link names of saved machines start with this; presets never do. */
export const MACHINE_PREFIX = 'mine-';

const StoredSchema = v.object({
  format: v.literal(FORMAT),
  machines: v.array(
    v.object({
      id: v.pipe(v.string(), v.regex(/^[a-z0-9]{1,24}$/)),
      savedAt: v.string(),
      doc: v.record(v.string(), v.unknown()),
    }),
  ),
});

export type SavedMachine = v.InferOutput<typeof StoredSchema>['machines'][number];

export function machineKey(id: string): string {
  return `${MACHINE_PREFIX}${id}`;
}

export function isMachineKey(key: string): boolean {
  return key.startsWith(MACHINE_PREFIX);
}

export function machineName(m: SavedMachine): string {
  const name = m.doc.name;
  return typeof name === 'string' && name.trim() !== '' ? name : 'Untitled machine';
}

export interface Shelf {
  list: () => readonly SavedMachine[];
  get: (key: string) => SavedMachine | undefined;
  /** Adds or replaces; returns a sentence when the machine could not be kept. */
  save: (m: SavedMachine) => string | null;
  rename: (key: string, name: string) => string | null;
  remove: (key: string) => string | null;
  /** Why the machines are not (all) kept, if so. */
  problem: () => string | null;
  subscribe: (fn: () => void) => () => void;
  newId: () => string;
}

function storageOf(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createShelf(storage: Storage | null = storageOf()): Shelf {
  let machines: readonly SavedMachine[] = [];
  let problem: string | null = null;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  const read = () => {
    problem = null;
    if (!storage) {
      problem = 'This browser refuses local storage, so your machines last until the page closes.';
      return;
    }
    let text: string | null;
    try {
      text = storage.getItem(STORAGE_KEY);
    } catch {
      problem = 'This browser refuses local storage, so your machines last until the page closes.';
      return;
    }
    if (text === null) {
      machines = [];
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = v.safeParse(StoredSchema, json);
    if (!parsed.success) {
      machines = [];
      problem = `The saved machines in this browser could not be read (${parsed.issues[0].message}); they are left untouched until you save a machine.`;
      return;
    }
    machines = parsed.output.machines;
  };

  const write = (next: readonly SavedMachine[]): string | null => {
    machines = next;
    notify();
    if (!storage) return problem;
    try {
      storage.setItem(STORAGE_KEY, JSON.stringify({ format: FORMAT, machines: next }));
      problem = null;
      return null;
    } catch (e) {
      const quota = e instanceof DOMException && e.name === 'QuotaExceededError';
      problem = quota
        ? 'The browser’s storage for this page is full: the machine is kept until the page closes. Delete a machine to make room.'
        : 'This browser refuses local storage, so your machines last until the page closes.';
      notify();
      return problem;
    }
  };

  read();
  if (typeof window !== 'undefined')
    window.addEventListener('storage', (e) => {
      if (e.key !== STORAGE_KEY && e.key !== null) return;
      read();
      notify();
    });

  const find = (key: string) => machines.find((m) => machineKey(m.id) === key);
  const save = (m: SavedMachine) => {
    const i = machines.findIndex((x) => x.id === m.id);
    const next = [...machines];
    if (i >= 0) next[i] = m;
    else next.push(m);
    return write(next);
  };
  return {
    list: () => machines,
    get: find,
    save,
    rename: (key, name) => {
      const m = find(key);
      if (!m) return 'That machine no longer exists.';
      return save({ ...m, doc: { ...m.doc, name }, savedAt: new Date().toISOString() });
    },
    remove: (key) => write(machines.filter((m) => machineKey(m.id) !== key)),
    problem: () => problem,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    newId: () => {
      for (;;) {
        const id = Math.floor(Math.random() * 36 ** 8)
          .toString(36)
          .padStart(8, '0');
        if (!machines.some((m) => m.id === id)) return id;
      }
    },
  };
}

/** The page's shelf, on this browser's local storage. */
export const shelf: Shelf = createShelf();

/** The saved machines; re-renders when they change (in this tab or another). */
export function useMachines(s: Shelf = shelf): readonly SavedMachine[] {
  return useSyncExternalStore(s.subscribe, s.list, s.list);
}
