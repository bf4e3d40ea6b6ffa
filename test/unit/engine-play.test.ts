// @vitest-environment node
// Playback on a hand-driven clock: the engine sends the next snapshot only after the page acks
// the previous one, skips ahead to where the clock is, and stops at the end.
import { describe, expect, it } from 'vitest';
import type { FromEngine } from '../../src/protocol/messages';
import { only, snapshots, TestHarness } from './engine-fixtures';

function playing(unit = 'step', rate = 10): { h: TestHarness; total: number; calls: Int32Array } {
  const h = new TestHarness();
  const msgs = h.send({
    v: 1,
    type: 'load',
    loadId: 1,
    source: { kind: 'preset', name: 'teaching' },
  });
  const info = only(msgs, 'ready')[0].info;
  h.send({ v: 1, type: 'play', unit, rate });
  return { h, total: info.totalSteps, calls: info.callStarts };
}

const lastSnap = (msgs: FromEngine[]) => snapshots(msgs).at(-1)!;
const ack = (h: TestHarness, msgs: FromEngine[]) =>
  h.send({ v: 1, type: 'ack', seq: lastSnap(msgs).seq });

describe('play', () => {
  it('announces playing and advances one step per 1/rate seconds once acked', () => {
    const { h } = playing('step', 10);
    expect(only(h.messages, 'playing')).toEqual([{ v: 1, type: 'playing', playing: true }]);
    expect(snapshots(h.messages)).toHaveLength(1); // the load's; nothing due yet
    const first = h.advance(100);
    expect(snapshots(first).map((s) => s.step)).toEqual([1]);
    // Unacked: time passes, nothing is sent.
    expect(snapshots(h.advance(1000))).toEqual([]);
    // The ack comes late: the engine skips to where the clock is (1.1 s → step 11).
    expect(snapshots(ack(h, first)).map((s) => s.step)).toEqual([11]);
  });

  it('waits for the next unit when the page acks early', () => {
    const { h } = playing('step', 4);
    const first = h.advance(250);
    expect(lastSnap(first).step).toBe(1);
    expect(snapshots(ack(h, first))).toEqual([]);
    expect(h.pendingTimers).toBe(1);
    expect(lastSnap(h.advance(250)).step).toBe(2);
  });

  it('plays by function call', () => {
    const { h, calls } = playing('call', 2);
    // From state 0 the first call's first step is state 1, then each next call's.
    const msgs = h.advance(500);
    expect(lastSnap(msgs).step).toBe(calls[0] + 1);
    ack(h, msgs);
    expect(lastSnap(h.advance(500)).step).toBe(calls[1] + 1);
  });

  it('stops at the end of the run and restarts from 0 when played again', () => {
    const { h, total } = playing('step', 1e6);
    const msgs = h.advance(1000);
    expect(lastSnap(msgs).step).toBe(total);
    expect(only(h.messages, 'playing').map((p) => p.playing)).toEqual([true, false]);
    expect(h.pendingTimers).toBe(0);
    const again = h.send({ v: 1, type: 'play', unit: 'step', rate: 1 });
    expect(lastSnap(again).step).toBe(0);
  });

  it('pauses: no more snapshots, playing false', () => {
    const { h } = playing('step', 10);
    const msgs = h.advance(100);
    h.send({ v: 1, type: 'pause' });
    expect(only(h.messages, 'playing').at(-1)!.playing).toBe(false);
    ack(h, msgs);
    expect(snapshots(h.advance(5000))).toEqual([]);
    expect(h.pendingTimers).toBe(0);
  });

  it('a seek while playing carries on from the new place; a move pauses', () => {
    const { h } = playing('step', 10);
    const seek = h.send({ v: 1, type: 'seek', step: 200 });
    expect(lastSnap(seek).step).toBe(200);
    ack(h, seek);
    expect(lastSnap(h.advance(100)).step).toBe(201);
    const moved = h.send({ v: 1, type: 'move', unit: 'step', dir: -1 });
    expect(lastSnap(moved).step).toBe(200);
    expect(only(moved, 'playing')).toEqual([{ v: 1, type: 'playing', playing: false }]);
  });

  it('ignores acks of older snapshots', () => {
    const { h } = playing('step', 10);
    const first = h.advance(100);
    h.send({ v: 1, type: 'ack', seq: lastSnap(first).seq - 1 });
    expect(snapshots(h.advance(1000))).toEqual([]);
  });
});
