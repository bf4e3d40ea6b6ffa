// @vitest-environment node
// Guards the rule that src/core is a pure emulator: it must run unchanged in the worker, in Node
// (CLI, benchmarks) and in unit tests. It scans whatever .ts/.tsx files exist under src/core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const coreDir = path.join(root, 'src', 'core');

const FORBIDDEN_PACKAGES = /^(react|react-dom|d3|d3-[a-z-]+|zustand)(\/.*)?$/;
const FORBIDDEN_GLOBALS: [RegExp, string][] = [
  [/\bdocument\s*\./, 'document.'],
  [/\bwindow\s*\./, 'window.'],
  [/\bself\s*\./, 'self.'],
  [/\bpostMessage\s*\(/, 'postMessage('],
];
// import … from 'x' / export … from 'x' / import 'x' / import('x') / require('x')
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)(['"])([^'"\n]+)\1/g;

function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Removes block and line comments (not `//` inside URLs like `http://`), keeping line numbers. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Returns human-readable violations for one file of src/core (`file` is its absolute path). */
function checkCoreSource(file: string, source: string, dir = coreDir): string[] {
  const problems: string[] = [];
  const rel = path.relative(root, file);
  const code = stripComments(source);
  for (const match of code.matchAll(SPECIFIER)) {
    const spec = match[2];
    if (FORBIDDEN_PACKAGES.test(spec)) {
      problems.push(`${rel}: imports '${spec}'`);
    } else if (spec.startsWith('.') || spec.startsWith('/')) {
      const target = path.resolve(path.dirname(file), spec);
      const inside = path.relative(dir, target);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        problems.push(`${rel}: imports '${spec}', which leaves src/core`);
      }
    }
  }
  code.split('\n').forEach((line, i) => {
    for (const [re, what] of FORBIDDEN_GLOBALS) {
      if (re.test(line)) problems.push(`${rel}:${i + 1}: uses '${what}'`);
    }
  });
  return problems;
}

describe('src/core purity', () => {
  it('no file under src/core imports UI/runtime code or uses browser/worker globals', () => {
    const problems = listSources(coreDir).flatMap((file) =>
      checkCoreSource(file, readFileSync(file, 'utf8')),
    );
    expect(problems).toEqual([]);
  });

  it('the checker itself catches each kind of violation', () => {
    const file = path.join(coreDir, 'sub', 'x.ts');
    const bad = [
      "import { useState } from 'react';",
      "import { createRoot } from 'react-dom/client';",
      "import * as d3 from 'd3';",
      "import { scaleLinear } from 'd3-scale';",
      "import { create } from 'zustand';",
      "import { Store } from '../../ui/store';",
      "export { x } from '../../engine/worker';",
      "const m = await import('../../protocol/messages');",
      'const w = window.innerWidth;',
      'document.title = "x";',
      'self.close();',
      'postMessage({ type: "ready" });',
    ];
    for (const line of bad) {
      expect(checkCoreSource(file, line), line).toHaveLength(1);
    }
    const good = [
      "import { REG_COUNT } from '../registers';",
      "import type { Trace } from './trace/trace';",
      "import { x } from '../../core/sub/y';",
      '// window.foo and document.bar in a comment are fine',
      '/* postMessage( in a block comment */',
      "const url = 'https://example.invalid/'; // itself.fine",
      'const itself = { document: 1 };',
    ];
    for (const line of good) {
      expect(checkCoreSource(file, line), line).toEqual([]);
    }
  });
});
