import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { ShareLink } from './link';
import './share.css';

type Said =
  { kind: 'copied' } | { kind: 'manual'; url: string } | { kind: 'error'; text: string } | null;

/** How long "Copied" and a refusal stay up (the fallback field stays until closed). */
const COPIED_MS = 4000;
const ERROR_MS = 10_000;

/**
 * "Copy link": the address of exactly what is on screen (machine, model, step, view, overlays;
 * a machine of one's own travels inside the link). The Clipboard API first; where the page may
 * not use it (permissions, an insecure origin, a sandboxed frame), the link appears in a field,
 * selected, ready for Ctrl+C. What happened is said in a polite live region.
 */
export function CopyLinkButton({ link }: { link: () => ShareLink }) {
  const [said, setSaid] = useState<Said>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const field = useRef<HTMLInputElement | null>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const [place, setPlace] = useState<CSSProperties>({});
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const show = (next: Said) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setSaid(next);
    if (next?.kind === 'copied' || next?.kind === 'error')
      timer.current = setTimeout(
        () => setSaid(null),
        next.kind === 'copied' ? COPIED_MS : ERROR_MS,
      );
    // Fixed beside the button (above it in the playback bar, below it in a header): the bar may
    // be a strip that scrolls sideways, which would clip a message positioned inside it.
    const box = button.current?.getBoundingClientRect();
    if (box) {
      const w = window.innerWidth;
      const h = window.innerHeight;
      const vertical: CSSProperties =
        box.top > h / 2 ? { bottom: h - box.top + 4 } : { top: box.bottom + 4 };
      if (box.left + box.width / 2 > w / 2) {
        const right = Math.max(8, w - box.right);
        setPlace({ ...vertical, right, maxWidth: Math.min(w - right - 8, 544) });
      } else {
        const left = Math.max(8, box.left);
        setPlace({ ...vertical, left, maxWidth: Math.min(w - left - 8, 544) });
      }
    }
  };
  // The fallback field takes the focus with its text selected, so Ctrl+C copies it.
  useEffect(() => {
    if (said?.kind !== 'manual') return;
    field.current?.focus();
    field.current?.select();
  }, [said]);

  const onClick = async () => {
    const made = link();
    if (!made.ok) return show({ kind: 'error', text: made.error });
    try {
      if (!navigator.clipboard) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(made.url);
      show({ kind: 'copied' });
    } catch {
      show({ kind: 'manual', url: made.url });
    }
  };

  return (
    <div className="copy-link">
      <button ref={button} type="button" className="btn" onClick={() => void onClick()}>
        Copy link
      </button>
      <span className="copy-link-status" role="status" style={place}>
        {said?.kind === 'copied' && 'Copied'}
        {said?.kind === 'error' && said.text}
        {said?.kind === 'manual' && (
          <>
            <span>Copying was not allowed: the link is selected, press Ctrl+C.</span>
            <input
              ref={field}
              className="copy-link-url"
              readOnly
              aria-label="Link to this view"
              value={said.url}
              onFocus={(e) => e.target.select()}
              onKeyDown={(e) => {
                if (e.key === 'Escape') show(null);
              }}
            />
            <button
              type="button"
              className="btn btn-small"
              aria-label="Close the link"
              onClick={() => show(null)}
            >
              ×
            </button>
          </>
        )}
      </span>
    </div>
  );
}
