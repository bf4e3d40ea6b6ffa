// The host API's message parser: every command shape, the one-line messages for malformed ones,
// messages that are not commands ignored, the origins parameter; fuzzed with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  COMMAND_TYPE,
  parseHostMessage,
  parseOrigins,
} from '../../../src/embed/hostProtocol';

const cmd = (command: string, rest: Record<string, unknown> = {}) => ({
  type: COMMAND_TYPE,
  command,
  ...rest,
});

describe('parseHostMessage', () => {
  it('accepts every command in its documented shape', () => {
    const good = [
      cmd('load', { preset: 'teaching' }),
      cmd('load', { preset: 'i386-1g', model: 'linux-2.6.17', step: 40 }),
      cmd('load', { scenario: { format: 'swsusp-viz/scenario@1' } }),
      cmd('seek', { step: 0 }),
      cmd('step', { delta: -3 }),
      cmd('phase', { delta: 2 }),
      cmd('play'),
      cmd('pause'),
      cmd('speed', { stepsPerSecond: 2.5 }),
    ];
    const parsed = good.map(parseHostMessage);
    expect(parsed.map((p) => p.kind)).toEqual(good.map(() => 'command'));
    expect(parsed.map((p) => (p.kind === 'command' ? p.command.command : null))).toEqual(
      good.map((g) => g.command),
    );
    expect(new Set(good.map((g) => g.command))).toEqual(new Set(COMMANDS));
  });

  it('ignores messages that are not commands', () => {
    for (const data of [null, 1, 'x', [], {}, { type: 'other' }, { command: 'play' }])
      expect(parseHostMessage(data)).toEqual({ kind: 'ignore' });
  });

  it.each([
    [cmd('jump'), /“jump” is not one of load, seek, step, phase, play, pause, speed/],
    [cmd('seek', { step: -5 }), /Command “seek”: “step” must be 0 or more \(got “-5”\)/],
    [cmd('seek', { step: '40' }), /“step” must be a number/],
    [cmd('seek'), /Command “seek” needs “step”; it takes “step”/],
    [cmd('step', { delta: 1.5 }), /“delta” must be a whole number/],
    [cmd('speed', { stepsPerSecond: 0 }), /“stepsPerSecond” must be more than 0/],
    [cmd('speed', { stepsPerSecond: Infinity }), /must be a finite number/],
    [cmd('play', { fast: true }), /Command “play” has no field “fast”; it takes no fields/],
    [cmd('seek', { stepp: 4, step: 4 }), /has no field “stepp”; it takes “step”/],
    [cmd('load'), /load needs either “preset” or “scenario”/],
    [cmd('load', { preset: 'teaching', scenario: {} }), /not both/],
    [cmd('load', { preset: 'x', model: 'linux-9' }), /“model” must be one of linux-2.6.20/],
    [cmd('load', { scenario: [] }), /“scenario” must be a scenario object/],
  ])('rejects %j with one line', (data, message) => {
    const parsed = parseHostMessage(data);
    expect(parsed.kind).toBe('error');
    const text = parsed.kind === 'error' ? parsed.message : '';
    expect(text).toMatch(message);
    expect(text).not.toMatch(/[\n\r]/);
  });

  it('never echoes a huge value whole', () => {
    const parsed = parseHostMessage(cmd('seek', { step: 'x'.repeat(2_000_000) }));
    expect(parsed.kind === 'error' && parsed.message.length).toBeLessThan(200);
  });

  // Generous timeout: 10,000 cases on a loaded CI machine; speed is not what this checks.
  it('fuzz: 10,000 arbitrary messages never throw; every rejection is one short line', () => {
    const field = fc.oneof(
      fc.constantFrom(...COMMANDS, 'jump', ''),
      fc.anything(),
      fc.integer(),
      fc.double(),
      fc.string(),
    );
    const message = fc.oneof(
      fc.anything(),
      fc.record(
        {
          type: fc.constantFrom(COMMAND_TYPE, 'other'),
          command: field,
          step: field,
          delta: field,
          preset: field,
          scenario: field,
          model: fc.oneof(fc.constantFrom('linux-2.6.20', 'linux-2.6.17'), field),
          stepsPerSecond: field,
          extra: field,
        },
        { requiredKeys: ['type', 'command'] },
      ),
    );
    let errors = 0;
    fc.assert(
      fc.property(message, (data) => {
        const parsed = parseHostMessage(data);
        if (parsed.kind === 'error') {
          errors++;
          expect(parsed.message.length).toBeGreaterThan(10);
          expect(parsed.message.length).toBeLessThan(400);
          expect([...parsed.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
        }
      }),
      { numRuns: 10_000 },
    );
    expect(errors).toBeGreaterThan(1000);
  }, 120_000);
});

describe('parseOrigins', () => {
  it('reads a comma-separated list of origins', () => {
    expect(parseOrigins('https://docs.example.org, http://127.0.0.1:3000/')).toEqual({
      origins: ['https://docs.example.org', 'http://127.0.0.1:3000'],
      problems: [],
    });
    expect(parseOrigins(null)).toEqual({ origins: [], problems: [] });
  });

  it('refuses * and anything that is not an origin, with a message each', () => {
    const r = parseOrigins('*,https://a.org/path,javascript:alert(1),https://ok.org');
    expect(r.origins).toEqual(['https://ok.org']);
    expect(r.problems).toHaveLength(3);
    expect(r.problems[0]).toMatch(/The link’s origin “\*” is not an origin/);
  });
});
