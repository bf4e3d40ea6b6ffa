// @vitest-environment node
// The layer rules of eslint.config.js (written in eslint.layers.js): for each layer, the real
// config's import restrictions are run on a small in-memory file that breaks them and on one that
// keeps them. `npm run lint` applies the same rules to the real sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it were `file` (relative to the repository) under the real config's rule. */
async function importErrors(file: string, code: string): Promise<string[]> {
  const config = (await eslint.calculateConfigForFile(path.join(root, file))) as Linter.Config;
  const rule = config.rules?.['no-restricted-imports'];
  if (!rule) return ['no import rule applies to ' + file];
  const linter = new Linter({ cwd: root });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser },
        rules: { 'no-restricted-imports': rule },
      },
    ],
    { filename: path.join(root, file) },
  );
  return messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

/** Per layer: a file, an import it must not make, and one it may. */
const CASES: { layer: string; file: string; bad: string; good: string }[] = [
  {
    layer: 'core',
    file: 'src/core/kernel/probe.ts',
    bad: "import type { ToEngine } from '../../protocol/messages';",
    good: "import { PAGE_SIZE } from '../constants';",
  },
  {
    layer: 'protocol',
    file: 'src/protocol/probe.ts',
    bad: "import { Engine } from '../engine/engine';",
    good: "import type { ModelId } from '../core';",
  },
  {
    layer: 'engine',
    file: 'src/engine/panels/probe.ts',
    bad: "import { connectEngine } from '../../store/connect';",
    good: "import type { Transport } from '../../protocol/transport';",
  },
  {
    layer: 'store',
    file: 'src/store/probe.ts',
    bad: "import { formatCount } from '../render/units';",
    good: "import { createEngineTransport } from '../engine/transport';",
  },
  {
    layer: 'embed',
    file: 'src/embed/probe.ts',
    bad: "import { StepPage } from '../ui';",
    good: "import { moveTarget } from '../store/moves';",
  },
  {
    layer: 'render',
    file: 'src/render/probe.ts',
    bad: "import type { Arrow } from '../protocol/messages';",
    good: "import { ROLE_NAMES } from '../core';",
  },
  {
    layer: 'ui',
    file: 'src/ui/compare/probe.ts',
    bad: "import { createEngineTransport } from '../../engine/transport';",
    good: "import { useHostBridge } from '../../embed/useHostBridge';",
  },
  {
    layer: 'app',
    file: 'src/app/probe.tsx',
    bad: "import { useHostBridge } from '../embed/useHostBridge';",
    good: "import { StepPage } from '../ui';",
  },
  {
    layer: 'cli',
    file: 'src/cli/probe.ts',
    bad: "import { Visualiser } from '../ui';",
    good: "import { simulate } from '../core';",
  },
];

describe('layer rules', () => {
  it.each(CASES)('$layer: a forbidden import is an error, an allowed one is not', async (c) => {
    const bad = await importErrors(c.file, c.bad);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(
      new RegExp(`^no-restricted-imports: .* src/${c.layer} may import only `),
    );
    expect(await importErrors(c.file, c.good)).toEqual([]);
  });

  it('the app reaches the page only through src/ui/index.ts', async () => {
    const errors = await importErrors(
      'src/app/probe.tsx',
      "import { CompareView } from '../ui/compare/CompareView';",
    );
    expect(errors).toEqual([expect.stringMatching(/src\/app imports the page through src\/ui/)]);
  });

  it('counts the folders: a room named like a layer is not that layer', async () => {
    const file = 'src/ui/frames/probe.tsx';
    expect(
      await importErrors(file, "import { CompactLegend } from '../embed/CompactLegend';"),
    ).toEqual([]);
    expect(await importErrors(file, "import { Engine } from '../../engine/engine';")).toHaveLength(
      1,
    );
  });

  it('the lower layers keep UI libraries out and render keeps React out', async () => {
    for (const file of ['src/core/probe.ts', 'src/engine/probe.ts', 'src/protocol/probe.ts'])
      expect(await importErrors(file, "import { create } from 'zustand';")).toHaveLength(1);
    expect(
      await importErrors('src/render/probe.ts', "import { useState } from 'react';"),
    ).toHaveLength(1);
    expect(await importErrors('src/render/probe.ts', "import * as d3 from 'd3';")).toEqual([]);
  });
});
