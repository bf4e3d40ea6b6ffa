/**
 * Writes the page's colours (src/render/tokens.ts) as CSS custom properties: a `:root` rule in a
 * style element at the head of the document, before every stylesheet, so it cascades exactly like
 * a `:root` rule in the first stylesheet would (themes override it with `:root[data-theme]`).
 */
import { colourRule } from '../../render/tokens';

const ID = 'swsusp-viz-colours';

export function installColours(doc: Document = document): void {
  if (doc.getElementById(ID)) return;
  const style = doc.createElement('style');
  style.id = ID;
  style.textContent = colourRule();
  doc.head.prepend(style);
}
