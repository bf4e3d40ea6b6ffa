/**
 * <swsusp-viz>: the tag doc writers put in a page (built to dist/embed.js, a classic script, so a
 * host on another origin needs no CORS headers to load it):
 *
 *   <script src="https://HOST/PATH/embed.js" defer></script>
 *   <swsusp-viz preset="teaching" step="120" height="620"></swsusp-viz>
 *
 * It renders an iframe of embed.html (next to embed.js), sandboxed with `allow-scripts` alone.
 * The host API's commands are its methods (load, seek, step, phase, play, pause, speed) and the
 * embed's events are DOM events on the element (ready, step, outcome, error; `detail` holds the
 * event's fields). Commands sent before the frame first answers wait for it.
 */
import { COMMAND_TYPE, EVENT_TYPE } from './messageTypes';
import { frameUrl, readTagAttributes } from './tagAttributes';

/** Where this script came from: embed.html is beside it. */
const scriptBase =
  (document.currentScript instanceof HTMLScriptElement && document.currentScript.src) ||
  document.baseURI;

type Fields = Record<string, unknown>;

export class SwsuspVizElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return ['preset', 'model', 'step', 'height', 'title', 'origins'];
  }

  private frame: HTMLIFrameElement | null = null;
  private note: HTMLParagraphElement | null = null;
  /** Commands waiting for the frame's first event. */
  private queue: Fields[] = [];
  private answered = false;
  private readonly onMessage = (e: MessageEvent) => {
    if (!this.frame || e.source !== this.frame.contentWindow) return;
    const data: unknown = e.data;
    if (typeof data !== 'object' || data === null) return;
    const msg = data as Fields;
    if (msg.type !== EVENT_TYPE || typeof msg.event !== 'string') return;
    if (!this.answered) {
      this.answered = true;
      for (const command of this.queue.splice(0)) this.post(command);
    }
    this.dispatchEvent(new CustomEvent(msg.event, { detail: msg }));
  };

  connectedCallback(): void {
    window.addEventListener('message', this.onMessage);
    this.render();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.render();
  }

  load(options: { preset?: string; scenario?: object; model?: string; step?: number }): void {
    this.command('load', options);
  }
  seek(step: number): void {
    this.command('seek', { step });
  }
  step(delta: number): void {
    this.command('step', { delta });
  }
  phase(delta: number): void {
    this.command('phase', { delta });
  }
  play(): void {
    this.command('play');
  }
  pause(): void {
    this.command('pause');
  }
  speed(stepsPerSecond: number): void {
    this.command('speed', { stepsPerSecond });
  }

  private command(command: string, fields: Fields = {}): void {
    const message = { ...fields, type: COMMAND_TYPE, command };
    if (this.answered) this.post(message);
    else this.queue.push(message);
  }

  private post(message: Fields): void {
    // The frame's origin is opaque (sandboxed), which no target origin can name; commands carry
    // nothing secret, and the embed itself only answers this page's origin.
    this.frame?.contentWindow?.postMessage(message, '*');
  }

  private render(): void {
    const { attrs, problems } = readTagAttributes((name) => this.getAttribute(name));
    let frame = this.frame;
    if (!frame) {
      frame = document.createElement('iframe');
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.style.display = 'block';
      frame.style.width = '100%';
      frame.style.border = '1px solid #d0d4da';
      frame.style.borderRadius = '6px';
      frame.style.boxSizing = 'border-box';
      this.appendChild(frame);
      this.frame = frame;
    }
    frame.style.height = `${attrs.height}px`;
    frame.title = attrs.title ?? 'swsusp-viz: the Linux hibernation snapshot, step by step';
    const src = frameUrl(scriptBase, attrs);
    if (frame.src !== src) {
      this.answered = false;
      frame.src = src;
    }
    this.showProblems(problems);
  }

  private showProblems(problems: string[]): void {
    if (problems.length === 0) {
      this.note?.remove();
      this.note = null;
      return;
    }
    const text = `swsusp-viz: ${problems.join(' ')}`;
    if (!this.note) {
      this.note = document.createElement('p');
      this.note.setAttribute('role', 'status');
      this.note.style.font = '0.85em/1.4 system-ui, sans-serif';
      this.note.style.margin = '0.25em 0';
      this.note.style.color = '#8a4b00';
      this.appendChild(this.note);
    }
    if (this.note.textContent === text) return;
    this.note.textContent = text;
    console.warn(text);
    this.dispatchEvent(new CustomEvent('error', { detail: { event: 'error', message: text } }));
  }
}

if (!customElements.get('swsusp-viz')) customElements.define('swsusp-viz', SwsuspVizElement);
