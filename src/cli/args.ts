/** Command-line arguments of the simulate CLI, parsed without a library. */
export interface SimulateArgs {
  source: { kind: 'file'; path: string } | { kind: 'preset'; name: string };
  pairs: boolean;
  /** Print the step trace (one JSON object per line) instead of the report. */
  steps: boolean;
  model?: string;
}

export type ArgsResult = { ok: true; value: SimulateArgs } | { ok: false; error: string };

const USAGE =
  'usage: simulate <scenario.json | -> [--pairs | --steps] [--model ID]  or  simulate --preset <name> [--pairs | --steps] [--model ID]';

export function parseArgs(argv: readonly string[]): ArgsResult {
  let path: string | undefined;
  let preset: string | undefined;
  let pairs = false;
  let steps = false;
  let model: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pairs') pairs = true;
    else if (a === '--steps') steps = true;
    else if (a === '--preset' || a === '--model') {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v.length > 2))
        return { ok: false, error: `${a} needs a value; ${USAGE}` };
      if (a === '--preset') preset = v;
      else model = v;
      i++;
    } else if (a.startsWith('--preset=')) preset = a.slice(9);
    else if (a.startsWith('--model=')) model = a.slice(8);
    else if (a.startsWith('-') && a !== '-')
      return { ok: false, error: `unknown option ${a}; ${USAGE}` };
    else if (path !== undefined)
      return { ok: false, error: `more than one scenario given (${path}, ${a}); ${USAGE}` };
    else path = a;
  }
  if (preset !== undefined && path !== undefined)
    return { ok: false, error: `give a scenario file or --preset, not both; ${USAGE}` };
  if (pairs && steps)
    return { ok: false, error: `--pairs and --steps print different things: give one; ${USAGE}` };
  if (preset === undefined && path === undefined)
    return { ok: false, error: `no scenario given; ${USAGE}` };
  const source =
    preset !== undefined
      ? { kind: 'preset' as const, name: preset }
      : { kind: 'file' as const, path: path ?? '-' };
  return { ok: true, value: { source, pairs, steps, model } };
}
