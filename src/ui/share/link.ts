/**
 * The link "Copy link" copies: the view on screen, readable in any browser. A machine saved in
 * this browser (`mine-<id>`, in local storage) is put in the link itself as `scenario=`, since
 * another browser has no copy of it; the embed's own parameters (`embed`, `origins`) stay
 * behind, and the embed page's link opens the full page beside it.
 */
import { LINK_MAX_CHARS } from '../../core';
import { isMachineKey, shelf } from '../editor/machines';
import type { Shelf } from '../editor/machines';
import { formatView, scenarioParam } from '../shell/url';
import type { ViewState } from '../shell/url';

export type ShareLink = { ok: true; url: string } | { ok: false; error: string };

/** The page's address without its hash; the embed page's becomes the full page's. */
export function pageAddress(href: string): string {
  const url = new URL(href);
  url.hash = '';
  if (url.pathname.endsWith('/embed.html'))
    url.pathname = `${url.pathname.slice(0, -'embed.html'.length)}index.html`;
  return url.href.replace(/#$/, '');
}

export function shareLink(
  state: ViewState,
  href: string = window.location.href,
  saved: Shelf = shelf,
): ShareLink {
  let view: ViewState = { ...state, embed: false, origins: null };
  if (view.scenario === null && isMachineKey(view.preset)) {
    const machine = saved.get(view.preset);
    if (!machine)
      return {
        ok: false,
        error: 'This machine is no longer saved in this browser, so it cannot go in a link.',
      };
    view = { ...view, scenario: machine.doc };
  }
  if (view.scenario !== null) {
    const length = scenarioParam(view.scenario).length;
    if (length > LINK_MAX_CHARS)
      return {
        ok: false,
        error: `This machine is too big for a link (${length.toLocaleString('en-US')} characters packed; a link holds ${LINK_MAX_CHARS.toLocaleString('en-US')}).`,
      };
  }
  return { ok: true, url: `${pageAddress(href)}${formatView(view)}` };
}
