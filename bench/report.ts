/** The benchmark's human-readable output. */
import type { MachineResult } from './measure';

const MiB = 2 ** 20;

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

export function humanReport(results: MachineResult[], gc: boolean): string {
  const lines: string[] = [];
  lines.push('Trace: simulate + keyframes, one load per machine');
  lines.push(
    `${'machine'.padEnd(18)}${pad('frames', 10)}${pad('steps', 10)}${pad('load ms', 10)}` +
      `${pad('steps MiB', 11)}${pad('keyframes', 11)}${pad('kf MiB', 8)}${pad('heap MiB', 10)}` +
      `${pad('pass ms', 9)}${pad('ratio', 9)}`,
  );
  for (const { trace: t, stats: s } of results) {
    lines.push(
      `${t.preset.padEnd(18)}${pad(t.frames, 10)}${pad(t.steps, 10)}${pad(t.ms.toFixed(0), 10)}` +
        `${pad((s.traceBytes / MiB).toFixed(1), 11)}${pad(s.keyframes, 11)}` +
        `${pad((s.keyframeBytes / MiB).toFixed(1), 8)}${pad(t.heapMiB.toFixed(1), 10)}` +
        `${pad(t.baselinePassMs.toFixed(2), 9)}${pad(t.ratio.toFixed(0), 9)}`,
    );
  }
  lines.push('');
  lines.push('Seek: 1,000 random seeks and 1,000 ±1 steps through Engine.handle()');
  lines.push(
    `${'machine'.padEnd(18)}${pad('seek p50', 10)}${pad('seek p95', 10)}${pad('step p50', 10)}${pad('step p95', 10)}`,
  );
  for (const { seek: k, stepP50Ms } of results) {
    lines.push(
      `${k.preset.padEnd(18)}${pad(k.p50Ms.toFixed(2), 10)}${pad(k.p95Ms.toFixed(2), 10)}` +
        `${pad(stepP50Ms.toFixed(3), 10)}${pad(k.stepMs.toFixed(3), 10)}`,
    );
  }
  lines.push('');
  lines.push('Goals: i386-4g seek p95 ≤ 16 ms, ±1 step ≤ 2 ms, heap ≤ 256 MiB.');
  lines.push(
    'ratio = load ms / one plain pass over the frame table (read role + content, write a byte).',
  );
  lines.push('steps MiB = the core trace (traceBytes); heap = JS heap + ArrayBuffers after a GC.');
  if (!gc) lines.push('(heap figures need node --expose-gc; without it they include garbage)');
  return lines.join('\n');
}
