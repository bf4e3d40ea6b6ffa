/** The benchmark's human-readable output. */
import type { MachineResult } from './measure';

const MiB = 2 ** 20;

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

export function humanReport(results: MachineResult[], gc: boolean): string {
  const lines: string[] = [];
  lines.push('Trace: one load per machine (simulate with keyframes); CPU ms of this process');
  lines.push(
    `${'machine'.padEnd(18)}${pad('frames', 10)}${pad('steps', 10)}${pad('1st step', 10)}` +
      `${pad('full', 9)}${pad('wall', 9)}${pad('B/step', 8)}${pad('steps MiB', 11)}` +
      `${pad('keyframes', 11)}${pad('kf MiB', 8)}${pad('heap MiB', 10)}${pad('pass ms', 9)}` +
      `${pad('ratio', 8)}`,
  );
  for (const { trace: t, stats: s } of results) {
    lines.push(
      `${t.preset.padEnd(18)}${pad(t.frames, 10)}${pad(t.steps, 10)}` +
        `${pad(t.firstStepCpuMs.toFixed(0), 10)}${pad(t.fullTraceCpuMs.toFixed(0), 9)}` +
        `${pad(t.ms.toFixed(0), 9)}${pad(t.bytesPerStep.toFixed(1), 8)}` +
        `${pad((s.traceBytes / MiB).toFixed(1), 11)}${pad(s.keyframes, 11)}` +
        `${pad((s.keyframeBytes / MiB).toFixed(1), 8)}${pad(t.heapMiB.toFixed(1), 10)}` +
        `${pad(t.baselinePassCpuMs.toFixed(2), 9)}${pad(t.fullTraceRatio.toFixed(0), 8)}`,
    );
  }
  lines.push('');
  lines.push(
    'Seek: 1,000 random seeks and 1,000 ±1 steps through Engine.handle(), ms (wall / CPU)',
  );
  lines.push(
    `${'machine'.padEnd(18)}${pad('seek p50', 14)}${pad('seek p95', 14)}${pad('step p50', 10)}` +
      `${pad('step p95', 16)}${pad('p95/pass', 10)}`,
  );
  for (const { seek: k, stepP50Ms } of results) {
    lines.push(
      `${k.preset.padEnd(18)}${pad(`${k.p50Ms.toFixed(2)} / ${k.p50CpuMs.toFixed(2)}`, 14)}` +
        `${pad(`${k.p95Ms.toFixed(2)} / ${k.p95CpuMs.toFixed(2)}`, 14)}${pad(stepP50Ms.toFixed(3), 10)}` +
        `${pad(`${k.stepMs.toFixed(3)} / ${k.stepCpuMs.toFixed(3)}`, 16)}${pad(k.p95CpuRatio.toFixed(2), 10)}`,
    );
  }
  lines.push('');
  lines.push(
    'Goals: i386-4g full trace ≤ 1/3 of before, heap ≤ 256 MiB; i386-16g-pae seek p95 ≤ 16 ms,',
  );
  lines.push(
    '±1 step ≤ 2 ms (CPU). ratio = full-trace CPU / one plain pass over the frame table (CPU).',
  );
  lines.push('steps MiB = the core trace (traceBytes); heap = JS heap + ArrayBuffers after a GC.');
  if (!gc) lines.push('(heap figures need node --expose-gc; without it they include garbage)');
  return lines.join('\n');
}
