/* global HTMLElement, customElements, document */
/**
 * <swsusp-viz>: the tag doc writers put in a page to embed the visualiser at a scenario and step.
 *
 *   <script type="module" src="https://HOST/PATH/embed.js"></script>
 *   <swsusp-viz preset="teaching" step="120" height="620"></swsusp-viz>
 *
 * It renders an iframe of the app served next to this file (index.html in embed mode, all state
 * in the URL hash), so the host page needs no build step, no cross-origin isolation and no worker
 * permissions of its own. Attributes: preset, step, model (optional), height (px, default 620),
 * title (for screen readers).
 */
const base = new URL('./', import.meta.url);

class SwsuspViz extends HTMLElement {
  static get observedAttributes() {
    return ['preset', 'step', 'model', 'height', 'title'];
  }

  connectedCallback() {
    this.render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  src() {
    const params = new URLSearchParams();
    params.set('preset', this.getAttribute('preset') || 'teaching');
    const step = this.getAttribute('step');
    if (step !== null && /^\d+$/.test(step)) params.set('step', step);
    const model = this.getAttribute('model');
    if (model) params.set('model', model);
    params.set('embed', '1');
    return `${new URL('index.html', base).href}#${params.toString()}`;
  }

  render() {
    let frame = this.querySelector('iframe');
    if (!frame) {
      frame = document.createElement('iframe');
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
      frame.style.width = '100%';
      frame.style.border = '1px solid #d0d4da';
      frame.style.borderRadius = '6px';
      this.appendChild(frame);
    }
    const height = Number(this.getAttribute('height')) || 620;
    frame.style.height = `${height}px`;
    frame.title =
      this.getAttribute('title') || 'swsusp-viz: the Linux hibernation snapshot, step by step';
    const src = this.src();
    if (frame.src !== src) frame.src = src;
  }
}

if (!customElements.get('swsusp-viz')) customElements.define('swsusp-viz', SwsuspViz);
