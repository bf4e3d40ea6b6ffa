import { useEffect, useRef, useState } from 'react';
import './share.css';

/** Puts `text` on the clipboard; where the Clipboard API is refused, through a selected field. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.appendChild(field);
    field.select();
    // The old way; the only one left where the page may not use the Clipboard API.
    const ok = document.execCommand('copy');
    field.remove();
    return ok;
  }
}

/**
 * "Copy link": the address of exactly what is on screen (machine, model, step, overlays; a
 * machine of one's own travels inside the link). Says what happened in a live region.
 */
export function CopyLinkButton({ link }: { link: () => string }) {
  const [said, setSaid] = useState<{ text: string; url: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const onClick = async () => {
    const url = link();
    const ok = await copyText(url);
    setSaid(
      ok
        ? { text: 'Link copied', url: null }
        : { text: 'Copying was refused; the link is here:', url },
    );
    if (timer.current) clearTimeout(timer.current);
    if (ok) timer.current = setTimeout(() => setSaid(null), 4000);
  };
  return (
    <div className="copy-link">
      <button type="button" className="btn" onClick={() => void onClick()}>
        Copy link
      </button>
      <span className="copy-link-status" role="status">
        {said?.text}
        {said?.url && (
          <input
            className="copy-link-url"
            readOnly
            aria-label="Link to this view"
            value={said.url}
            onFocus={(e) => e.target.select()}
          />
        )}
      </span>
    </div>
  );
}
