// @vitest-environment node
// Moving by unit and the play clock, on a made-up run of 100 steps.
import { describe, expect, it } from 'vitest';
import { PlayClock } from '../../src/engine/player';
import { Boundaries } from '../../src/engine/units';

// Calls start at steps 0, 10, 40 and 41; phases at 0 and 50. State k+1 shows step k.
const bounds = new Boundaries(100, Int32Array.from([0, 10, 40, 41]), [0, 50]);

describe('Boundaries.move', () => {
  it('moves by steps within the run', () => {
    expect(bounds.move(5, 'step', 1)).toBe(6);
    expect(bounds.move(0, 'step', -1)).toBe(0);
    expect(bounds.move(100, 'step', 1)).toBe(100);
    expect(bounds.move(5, 'step', 1, 1000)).toBe(100);
  });

  it('moves to the state showing the next or previous call start', () => {
    expect(bounds.move(0, 'call', 1)).toBe(1);
    expect(bounds.move(1, 'call', 1)).toBe(11);
    expect(bounds.move(11, 'call', 1, 2)).toBe(42);
    expect(bounds.move(42, 'call', 1)).toBe(100);
    expect(bounds.move(30, 'call', -1)).toBe(11);
    expect(bounds.move(11, 'call', -1)).toBe(1);
    expect(bounds.move(1, 'call', -1)).toBe(0);
  });

  it('moves by phase', () => {
    // A fresh run (state 0) is at the start of the first phase: ] goes to the second.
    expect(bounds.move(0, 'phase', 1)).toBe(51);
    expect(bounds.move(1, 'phase', 1)).toBe(51);
    expect(bounds.move(51, 'phase', 1)).toBe(100);
    expect(bounds.move(70, 'phase', -1)).toBe(51);
    expect(bounds.move(51, 'phase', -1)).toBe(1);
  });
});

describe('PlayClock', () => {
  it('derives the position from elapsed time', () => {
    const clock = new PlayClock(bounds, 'step', 20);
    clock.start(10, 1000);
    expect(clock.targetAt(1000)).toBe(10);
    expect(clock.targetAt(1049)).toBe(10);
    expect(clock.targetAt(1050)).toBe(11);
    expect(clock.targetAt(1500)).toBe(20);
    expect(clock.targetAt(9999)).toBe(100);
    expect(clock.delayAfter(1010)).toBe(40);
  });

  it('counts calls per second when playing by call', () => {
    const clock = new PlayClock(bounds, 'call', 2);
    clock.start(1, 0);
    expect(clock.targetAt(499)).toBe(1);
    expect(clock.targetAt(500)).toBe(11);
    expect(clock.targetAt(1000)).toBe(41);
    expect(clock.targetAt(2000)).toBe(100);
  });
});
