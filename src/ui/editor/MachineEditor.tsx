import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { MODELS, parseScenario, POLICIES, PRESETS } from '../../core';
import type { ZoneSpec } from '../../core';
import { LETTER_ROLE } from '../../core/roles';
import { roleStyle } from '../../render';
import { formatCount, pagesToBytes } from '../../render/units';
import {
  docFromDraft,
  draftFromDoc,
  encodeRuns,
  FIXED,
  letterRule,
  lettersOf,
  PAGES_PER_MIB,
  refit,
  totalPages,
  zonesOf,
} from './draft';
import type { Draft, Side, ZoneDraft } from './draft';
import { DEFAULT_MIX, generateLayouts } from './generate';
import type { Mix } from './generate';
import { BootLogImport } from './BootLogImport';
import { useHistory } from './history';
import { LayoutField } from './LayoutField';
import { LayoutPainter } from './LayoutPainter';
import { machineKey, shelf } from './machines';
import type { Shelf } from './machines';
import './editor.css';

export interface MachineEditorProps {
  /** The machine to edit: a saved one (its id) or a new one (id null). */
  initial: { draft: Draft; id: string | null };
  onClose: () => void;
  /** Runs the saved machine (its picker key). */
  onRun: (key: string) => void;
  /** Where machines are kept (the page's local storage by default). */
  store?: Shelf;
}

const BRUSHES: Readonly<Record<Side, string>> = { suspend: 'FSCKNRX', resume: 'FBR' };
const LETTER_NAMES: Readonly<Record<string, string>> = {
  F: 'free',
  S: 'saveable',
  C: 'reclaimable',
  K: 'kernel image',
  N: 'nosave',
  R: 'reserved',
  X: 'hole',
  B: 'boot kernel',
};

function zoneAt(zones: readonly ZoneSpec[], pfn: number): ZoneSpec {
  let s = 0;
  for (const z of zones) {
    if (pfn < s + z.pages) return z;
    s += z.pages;
  }
  return zones[zones.length - 1];
}

function NumberField(props: {
  label: string;
  value: number;
  min?: number;
  step?: number;
  disabled?: boolean;
  onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <span className="editor-number">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min ?? 0}
        step={props.step ?? 1}
        value={Number.isFinite(props.value) ? props.value : ''}
        disabled={props.disabled}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n) && n >= (props.min ?? 0)) props.onChange(n);
        }}
      />
    </span>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="editor-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * The machine editor: zones, constants, allocator, both layouts (painted on a grid or typed as
 * runs, checked as you type), a seeded random machine, undo and redo, and Run. The machine is
 * saved in this browser when it runs (or on Save).
 */
export function MachineEditor({ initial, onClose, onRun, store = shelf }: MachineEditorProps) {
  const titleId = useId();
  const nameId = useId();
  const descId = useId();
  const modelId = useId();
  const policyId = useId();
  const unitId = useId();
  const startId = useId();
  const history = useHistory(() => initial.draft);
  const d = history.value;
  const [side, setSide] = useState<Side>('suspend');
  const [brush, setBrush] = useState('S');
  const [unit, setUnit] = useState<'pages' | 'MiB'>('pages');
  const [mix, setMix] = useState<Mix>(DEFAULT_MIX);
  const [genSeed, setGenSeed] = useState(1);
  const [note, setNote] = useState<string | null>(null);
  const [id, setId] = useState(initial.id);
  const nameRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const zones = useMemo(() => zonesOf(d), [d]);
  const suspend = useMemo(() => lettersOf('suspend', d.suspend, zones), [d.suspend, zones]);
  const resume = useMemo(() => lettersOf('resume', d.resume, zones), [d.resume, zones]);
  const whole = useMemo(() => parseScenario(docFromDraft(d)), [d]);
  const frames = totalPages(zones);

  const update = (patch: Partial<Draft>, group: string | null = null) => {
    setNote(null);
    history.set({ ...d, ...patch }, group);
  };

  const setZones = (next: ZoneDraft[]) => {
    const to = zonesOf({ zones: next });
    if (!to.some((z) => z.name === 'Normal')) return;
    const s = refit('suspend', d.suspend, zones, to);
    const r = refit('resume', d.resume, zones, to);
    update(
      { zones: next, ...(s !== null ? { suspend: s } : {}), ...(r !== null ? { resume: r } : {}) },
      'zones',
    );
  };

  const paint = (pfns: number[], stroke: number) => {
    const mine = side === 'suspend' ? suspend : resume;
    if (!mine.ok) return;
    const letters = mine.letters.slice();
    const other = side === 'suspend' && resume.ok ? resume.letters.slice() : null;
    const code = brush.charCodeAt(0);
    let refused: string | null = null;
    for (const pfn of pfns) {
      const zone = zoneAt(zones, pfn);
      const rule = letterRule(brush, zone);
      if (rule) {
        refused = `${rule}; pfn ${pfn} is in ${zone.name}.`;
        continue;
      }
      const was = String.fromCharCode(letters[pfn]);
      if (side === 'resume' && FIXED.includes(was)) {
        refused = `${was} sits at the same pfns on both sides: paint it on the suspend side.`;
        continue;
      }
      letters[pfn] = code;
      // K, N and X are the same on both sides: the resume side follows the suspend side.
      if (other) {
        if (FIXED.includes(brush)) other[pfn] = code;
        else if (FIXED.includes(was)) other[pfn] = 70; // F
      }
    }
    const patch: Partial<Draft> = { [side]: encodeRuns(letters, zones) };
    if (other) patch.resume = encodeRuns(other, zones);
    history.set({ ...d, ...patch }, `paint-${stroke}`);
    setNote(refused);
  };

  const save = (): string | null => {
    if (!whole.ok) {
      setNote(`Not saved: ${whole.error}`);
      return null;
    }
    const machineId = id ?? store.newId();
    setId(machineId);
    const problem = store.save({
      id: machineId,
      savedAt: new Date().toISOString(),
      doc: docFromDraft(d),
    });
    setNote(problem ?? `Saved “${d.name}” in this browser.`);
    return machineKey(machineId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // A modal dialog: the page's own keys (play, step) stay out while it is open.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    const inText =
      e.target instanceof HTMLTextAreaElement ||
      (e.target instanceof HTMLInputElement && ['text', 'number'].includes(e.target.type));
    if (inText || !(e.ctrlKey || e.metaKey)) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) {
      e.preventDefault();
      history.undo();
    } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
      e.preventDefault();
      history.redo();
    }
  };

  const mibOf = (pages: number) => Math.round((pages / PAGES_PER_MIB) * 100) / 100;
  const shares = mix.free + mix.saveable + mix.reclaimable + mix.kernel || 1;
  const current = side === 'suspend' ? suspend : resume;

  return (
    <div className="editor-backdrop">
      <div
        className="editor"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="editor-head">
          <h2 id={titleId}>Machine editor</h2>
          <span className="editor-size">
            {formatCount(frames)} frames ({pagesToBytes(frames)})
          </span>
          <button type="button" className="btn btn-small" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="editor-body">
          <Section title="Machine">
            <div className="editor-row">
              <span className="editor-text">
                <label htmlFor={nameId}>Name</label>
                <input
                  id={nameId}
                  ref={nameRef}
                  type="text"
                  value={d.name}
                  maxLength={200}
                  onChange={(e) => update({ name: e.target.value }, 'name')}
                />
              </span>
              <span className="editor-text">
                <label htmlFor={modelId}>Kernel model</label>
                <select
                  id={modelId}
                  value={d.model}
                  onChange={(e) => update({ model: e.target.value as Draft['model'] })}
                >
                  {MODELS.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </span>
              <span className="editor-text">
                <label htmlFor={startId}>Start from</label>
                <select
                  id={startId}
                  value=""
                  onChange={(e) => {
                    const p = PRESETS.find((x) => x.name === e.target.value);
                    const next = p && draftFromDoc(p.doc);
                    if (next) update({ ...next, name: d.name });
                  }}
                >
                  <option value="">a preset…</option>
                  {PRESETS.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </span>
            </div>
            <span className="editor-text editor-wide">
              <label htmlFor={descId}>Description</label>
              <textarea
                id={descId}
                rows={2}
                value={d.description}
                maxLength={2000}
                onChange={(e) => update({ description: e.target.value }, 'description')}
              />
            </span>
          </Section>

          <BootLogImport
            onMachine={(doc) => {
              const next = draftFromDoc(doc);
              if (next) update(next);
            }}
          />

          <Section title="Zones">
            <div className="editor-row">
              {d.zones.map((z, i) => (
                <span key={z.name} className="editor-zone">
                  <label>
                    <input
                      type="checkbox"
                      checked={z.present}
                      disabled={z.name === 'Normal'}
                      onChange={(e) =>
                        setZones(
                          d.zones.map((x, j) =>
                            j === i ? { ...x, present: e.target.checked } : x,
                          ),
                        )
                      }
                    />{' '}
                    {z.name}
                  </label>
                  <NumberField
                    label={`${z.name} size`}
                    value={unit === 'pages' ? z.pages : mibOf(z.pages)}
                    min={unit === 'pages' ? 1 : 0.01}
                    step={unit === 'pages' ? 1 : 0.25}
                    disabled={!z.present}
                    onChange={(n) => {
                      const pages =
                        unit === 'pages' ? Math.round(n) : Math.round(n * PAGES_PER_MIB);
                      if (pages >= 1)
                        setZones(d.zones.map((x, j) => (j === i ? { ...x, pages } : x)));
                    }}
                  />
                </span>
              ))}
              <span className="editor-text">
                <label htmlFor={unitId}>Size unit</label>
                <select
                  id={unitId}
                  value={unit}
                  onChange={(e) => setUnit(e.target.value as 'pages' | 'MiB')}
                >
                  <option value="pages">pages (4 KiB)</option>
                  <option value="MiB">MiB</option>
                </select>
              </span>
            </div>
          </Section>

          <Section title="Constants and allocator">
            <div className="editor-row">
              <NumberField
                label="PAGES_FOR_IO"
                value={d.pagesForIo}
                onChange={(n) => update({ pagesForIo: Math.round(n) }, 'pagesForIo')}
              />
              <span className="editor-number">
                <NumberField
                  label="image_size (pages)"
                  value={d.imageSize ?? 0}
                  disabled={d.imageSize === null}
                  onChange={(n) => update({ imageSize: Math.round(n) }, 'imageSize')}
                />
                <label>
                  <input
                    type="checkbox"
                    checked={d.imageSize === null}
                    onChange={(e) => update({ imageSize: e.target.checked ? null : 128000 })}
                  />{' '}
                  no limit
                </label>
              </span>
              <span className="editor-number">
                <NumberField
                  label="Free swap (pages)"
                  value={d.swapPages ?? 0}
                  disabled={d.swapPages === null}
                  onChange={(n) => update({ swapPages: Math.round(n) }, 'swapPages')}
                />
                <label>
                  <input
                    type="checkbox"
                    checked={d.swapPages === null}
                    onChange={(e) => update({ swapPages: e.target.checked ? null : frames })}
                  />{' '}
                  unlimited
                </label>
              </span>
              <span className="editor-text">
                <label htmlFor={policyId}>Allocator policy</label>
                <select
                  id={policyId}
                  value={d.policy}
                  onChange={(e) => update({ policy: e.target.value as Draft['policy'] })}
                >
                  {POLICIES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </span>
              {d.policy === 'random' && (
                <NumberField
                  label="Allocator seed"
                  value={d.seed}
                  onChange={(n) => update({ seed: Math.min(0xffffffff, Math.round(n)) }, 'seed')}
                />
              )}
            </div>
          </Section>

          <Section title="Layouts">
            <div className="editor-row" role="group" aria-label="Side to paint">
              {(['suspend', 'resume'] as const).map((s) => (
                <label key={s} className="editor-radio">
                  <input
                    type="radio"
                    name={`${titleId}-side`}
                    checked={side === s}
                    onChange={() => {
                      setSide(s);
                      if (!BRUSHES[s].includes(brush)) setBrush(BRUSHES[s][0]);
                    }}
                  />{' '}
                  Paint the {s} side
                </label>
              ))}
            </div>
            <div className="editor-brushes" role="radiogroup" aria-label="Brush">
              {BRUSHES[side].split('').map((l) => {
                const st = roleStyle(LETTER_ROLE[l] ?? 0);
                return (
                  <label
                    key={l}
                    className={brush === l ? 'editor-brush editor-brush-on' : 'editor-brush'}
                  >
                    <input
                      type="radio"
                      name={`${titleId}-brush`}
                      checked={brush === l}
                      onChange={() => setBrush(l)}
                      aria-label={`Brush ${l} (${LETTER_NAMES[l]})`}
                    />
                    <span className="editor-swatch" style={{ background: st.fill, color: st.ink }}>
                      {l}
                    </span>{' '}
                    {LETTER_NAMES[l]}
                  </label>
                );
              })}
            </div>
            <LayoutPainter
              label={`${side === 'suspend' ? 'Suspend' : 'Resume'} layout grid`}
              zones={zones}
              letters={current.ok ? current.letters : null}
              onPaint={paint}
            />
            {!current.ok && (
              <p className="editor-note">Fix the {side} layout text below to paint again.</p>
            )}
            <LayoutField
              label="Suspend layout"
              value={d.suspend}
              problem={suspend.ok ? null : suspend.problem}
              onChange={(t) => update({ suspend: t }, 'suspend')}
            />
            <LayoutField
              label="Resume layout"
              value={d.resume}
              problem={resume.ok ? null : resume.problem}
              onChange={(t) => update({ resume: t }, 'resume')}
            />
          </Section>

          <details className="editor-section editor-random">
            <summary>Random machine</summary>
            <p className="editor-note">
              Writes both layouts for the zones above, in clumps, with these shares (kernel: of
              lowmem). The same seed and shares give the same machine.
            </p>
            <div className="editor-row">
              {(['free', 'saveable', 'reclaimable', 'kernel'] as const).map((k) => (
                <span key={k} className="editor-slider">
                  <label>
                    {k[0].toUpperCase() + k.slice(1)}{' '}
                    <input
                      type="range"
                      min={0}
                      max={100}
                      value={mix[k]}
                      onChange={(e) => setMix({ ...mix, [k]: e.target.valueAsNumber })}
                    />
                  </label>
                  <output>{Math.round((mix[k] / shares) * 100)}%</output>
                </span>
              ))}
              <span className="editor-slider">
                <label>
                  Boot kernel (resume){' '}
                  <input
                    type="range"
                    min={0}
                    max={100}
                    value={mix.boot}
                    onChange={(e) => setMix({ ...mix, boot: e.target.valueAsNumber })}
                  />
                </label>
                <output>{mix.boot}%</output>
              </span>
              <NumberField
                label="Seed"
                value={genSeed}
                onChange={(n) => setGenSeed(Math.round(n))}
              />
              <button
                type="button"
                className="btn"
                onClick={() => update(generateLayouts(zones, mix, genSeed))}
              >
                Generate layouts
              </button>
            </div>
          </details>
        </div>
        <footer className="editor-foot">
          <button type="button" className="btn" onClick={history.undo} disabled={!history.canUndo}>
            Undo
          </button>
          <button type="button" className="btn" onClick={history.redo} disabled={!history.canRedo}>
            Redo
          </button>
          <p className="editor-status" role="status">
            {note ?? (whole.ok ? 'Ready to run.' : whole.error)}
          </p>
          <button type="button" className="btn" onClick={() => save()}>
            Save
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              const key = save();
              if (key) onRun(key);
            }}
          >
            Run
          </button>
        </footer>
      </div>
    </div>
  );
}
