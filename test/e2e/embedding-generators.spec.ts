// The MDX (Docusaurus) and VitePress examples of docs/embedding.md, as written: the site config
// the doc shows is read for the script tag the generator would put in <head>, the MDX snippets
// are compiled as JSX and rendered by React (as Docusaurus renders a page), the VitePress page is
// the Markdown's HTML; each is served from another origin than the app, which sits on a sub-path
// of a host with no CORS headers.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ts from 'typescript';
import { startStaticHost } from './support/staticServer';
import type { StaticHost } from './support/staticServer';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const PATH = '/docs-site/viz/';
const HOST = 'https://HOST/PATH/';

// Each page starts an embed and builds a trace: on a loaded machine that takes a while.
test.describe.configure({ timeout: 120_000 });

let app: StaticHost;
let docs: StaticHost;
test.beforeAll(async () => {
  app = await startStaticHost(dist, PATH);
  docs = await startStaticHost(null);
});
test.afterAll(async () => {
  await Promise.all([app.close(), docs.close()]);
});

/** The fenced blocks of one `### heading` section of the doc, in order. */
function section(heading: string): { lang: string; body: string }[] {
  const md = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');
  const start = md.indexOf(`### ${heading}\n`);
  expect(start).toBeGreaterThan(0);
  const end = md.indexOf('\n#', start + 4);
  const text = md.slice(start, end < 0 ? undefined : end);
  return [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1],
    body: m[2].replaceAll(HOST, `${app.origin}${PATH}`),
  }));
}

/** Runs code from the doc (what a reader copies is the test's input). */
function run<T>(params: string[], code: string, ...args: unknown[]): T {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the doc's own snippet, on purpose
  const fn = new Function(...params, code) as (...a: unknown[]) => T;
  return fn(...args);
}

/** A JSX snippet compiled the way MDX compiles JSX, rendered to the HTML the page gets. */
function renderJsx(jsx: string): string {
  const js = ts
    .transpileModule(`(${jsx.trim()})`, {
      compilerOptions: { jsx: ts.JsxEmit.React, jsxFactory: 'h', target: ts.ScriptTarget.ES2020 },
    })
    .outputText.replace(/^"use strict";\s*/, '');
  // The compiled snippet is one expression of h(…) calls.
  const element = run<ReactElement>(['h'], `return ${js}`, createElement);
  return renderToStaticMarkup(element);
}

/** `<script>` tags as a generator writes them in <head> from [attributes] (true / '' → bare). */
function scriptTags(list: Record<string, unknown>[]): string {
  return list
    .map((attrs) => {
      const parts = Object.entries(attrs).map(([k, v]) =>
        v === true || v === '' ? k : `${k}="${String(v)}"`,
      );
      return `<script ${parts.join(' ')}></script>`;
    })
    .join('\n');
}

function page(head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>Docs</title><link rel="icon" href="data:,">${head}</head><body><main>${body}</main></body></html>`;
}

test('the MDX (Docusaurus) examples work as written', async ({ page: tab }) => {
  const blocks = section('MDX (Docusaurus)');
  expect(blocks.map((b) => b.lang)).toEqual(['js', 'jsx', 'jsx']);
  const [config, tag, iframe] = blocks;
  const site = run<{ scripts: Record<string, unknown>[] }>(
    [],
    `return (${config.body.replace(/^export default /m, '').replace(/;\s*$/, '')});`,
  );
  const head = scriptTags(site.scripts);
  for (const [i, snippet] of [tag, iframe].entries()) {
    const html = renderJsx(snippet.body);
    docs.pages.set(`/mdx-${i}.html`, page(head, html));
    await tab.goto(`${docs.origin}/mdx-${i}.html`);
    const frame = tab.frameLocator('iframe').first();
    await expect(frame.getByText('Step 120 of')).toBeVisible({ timeout: 30_000 });
    const box = await tab.locator('iframe').first().boundingBox();
    expect(box?.height).toBe(620);
  }
  expect(app.requests.filter((r) => r.status !== 200)).toEqual([]);
});

test('the VitePress examples work as written', async ({ page: tab }) => {
  const blocks = section('VitePress');
  expect(blocks.map((b) => b.lang)).toEqual(['ts', 'markdown']);
  const [config, markdown] = blocks;
  const js = ts.transpileModule(config.body, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const site = run<{
    head: [string, Record<string, unknown>][];
    vue: { template: { compilerOptions: { isCustomElement: (tag: string) => boolean } } };
  }>(
    ['defineConfig'],
    js
      .replace(/^.*from 'vitepress';?\s*$/m, '')
      .replace(/^export default /m, 'return ')
      .replace(/^"use strict";/m, ''),
    (c: unknown) => c,
  );
  // Vue leaves the tag to the browser, as a custom element.
  expect(site.vue.template.compilerOptions.isCustomElement('swsusp-viz')).toBe(true);
  expect(site.vue.template.compilerOptions.isCustomElement('div')).toBe(false);
  const head = scriptTags(site.head.filter(([t]) => t === 'script').map(([, attrs]) => attrs));
  docs.pages.set('/vitepress.html', page(head, markdown.body));
  await tab.goto(`${docs.origin}/vitepress.html`);
  await expect(tab.frameLocator('iframe').first().getByText('Step 120 of')).toBeVisible({
    timeout: 30_000,
  });
  expect(app.requests.filter((r) => r.status !== 200)).toEqual([]);
});
