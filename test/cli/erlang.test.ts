// `spoc erlang` with a finite queue (Erlang B, M/M/c/K) and targets on ASA, abandonment and
// blocking: figures checked by hand, and the combinations no formula answers refused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/erlang-b.ts';
import { consoleCommands, fencedBlocks } from '../support/doc-blocks.ts';
import { spoc } from '../support/spoc-cli.ts';

const json = async (...args: string[]) => {
  const { code, out, err } = await spoc('erlang', ...args, '--format', 'json');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  return JSON.parse(out) as {
    model: string;
    queueCapacity?: number;
    target?: number;
    maxAsa?: number;
    maxAbandonRate?: number;
    maxBlocking?: number;
    agentsNeeded: number;
    rows: { agents: number; blocking?: number; waitMean: number; serviceLevel: number; occupancy: number; abandonRate: number; asa: number }[];
  };
};

describe('spoc erlang --queue-capacity 0 (Erlang B)', () => {
  it('gives the blocking of the Erlang B table and the trunks for 1% by default', async () => {
    const result = await json('--rate', '120/h', '--handle', '4m', '--queue-capacity', '0');
    expect(result.model).toBe('Erlang B (M/M/c/c)');
    expect(result.maxBlocking).toBe(0.01);
    expect(result.target).toBeUndefined();
    // 8 Erlangs: B(14) = 0.0172, B(15) = 0.0091 (A^c/c! over the sum of A^k/k!, k <= c).
    expect(result.agentsNeeded).toBe(15);
    const at = (c: number) => result.rows.find((r) => r.agents === c)!;
    expect(at(15).blocking).toBeCloseTo(0.0091, 4);
    expect(at(14).blocking).toBeCloseTo(0.0172, 4);
    for (const r of result.rows) {
      expect(r.blocking).toBeCloseTo(erlangB(r.agents, 8), 12);
      // Carried load over agents: A(1 − B)/c.
      expect(r.occupancy).toBeCloseTo((8 * (1 - erlangB(r.agents, 8))) / r.agents, 12);
      expect(r.waitMean).toBe(0);
    }
  });

  it('prints the table of a loss system: occupancy and blocked', async () => {
    const { code, out } = await spoc('erlang', '--rate', '120/h', '--handle', '4m', '--queue-capacity', '0', '--max-blocking', '0.02');
    expect(code).toBe(0);
    expect(out).toBe(
      [
        'Erlang B (M/M/c/c): 120.0 calls/h × 4m00s = 8.00 Erlangs, no waiting place',
        'Agents needed for at most 2% blocked: 14',
        '',
        '    agents occupancy   blocked',
        '        11     66.8%      8.1%',
        '        12     63.2%      5.1%',
        '        13     59.7%      3.1%',
        '        14     56.2%      1.7%  ◀ target met',
        '        15     52.8%      0.9%',
        '        16     49.8%      0.5%',
        '        17     47.0%      0.2%',
        '',
      ].join('\n'),
    );
  });
});

describe('spoc erlang --queue-capacity K (M/M/c/K)', () => {
  it('gives M/M/1/K as computed by hand (ρ = 1/2, two waiting places)', async () => {
    const result = await json('--rate', '60/h', '--handle', '30s', '--queue-capacity', '2', '--agents', '1');
    expect(result.queueCapacity).toBe(2);
    const one = result.rows.find((r) => r.agents === 1)!;
    // π_n ∝ ρ^n for n = 0..3: 8/15, 4/15, 2/15, 1/15; Wq = Lq/λ(1 − π_3) = 3600/210 s.
    expect(one.blocking).toBeCloseTo(1 / 15, 12);
    expect(one.waitMean).toBeCloseTo(3600 / 210, 9);
    expect(one.serviceLevel).toBeCloseTo(1 - Math.exp(-2 / 3) * (4 / 14 + (2 / 14) * (5 / 3)), 9);
  });

  it('staffs for a service level, a blocking and an ASA target together', async () => {
    const sl = await json('--rate', '600/h', '--handle', '4m', '--queue-capacity', '10');
    const blocking = await json('--rate', '600/h', '--handle', '4m', '--queue-capacity', '10', '--max-blocking', '0.001');
    const asa = await json('--rate', '600/h', '--handle', '4m', '--queue-capacity', '10', '--max-asa', '5s');
    const all = await json('--rate', '600/h', '--handle', '4m', '--queue-capacity', '10', '--target', '0.8', '--max-blocking', '0.001', '--max-asa', '5s');
    expect(all.agentsNeeded).toBe(Math.max(sl.agentsNeeded, blocking.agentsNeeded, asa.agentsNeeded));
    const met = all.rows.find((r) => r.agents === all.agentsNeeded)!;
    expect(met.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(met.blocking).toBeLessThanOrEqual(0.001);
    expect(met.asa).toBeLessThanOrEqual(5);
    const below = all.rows.find((r) => r.agents === all.agentsNeeded - 1)!;
    expect(below.serviceLevel < 0.8 || below.blocking! > 0.001 || below.asa > 5).toBe(true);
  });
});

describe('spoc erlang targets on abandonment and ASA', () => {
  it('staffs Erlang A for abandonment: 6.0% at 10 agents, 3.5% at 11', async () => {
    const { code, out } = await spoc('erlang', '--rate', '120/h', '--handle', '4m', '--patience', '3m', '--max-abandon-rate', '0.05');
    expect(code).toBe(0);
    expect(out.split('\n')[1]).toBe('Agents needed for at most 5% abandoned: 11');
    expect(out).toMatch(/\n {8}11 {5}70\.2%.* {6}3\.5% {2}◀ target met\n/);
  });

  it('staffs Erlang C for ASA, and leaves the service level out once another target is given', async () => {
    const result = await json('--rate', '120/h', '--handle', '4m', '--max-asa', '10s');
    expect(result.target).toBeUndefined();
    expect(result.maxAsa).toBe(10);
    // Erlang C at 8 Erlangs: ASA 20 s with 11 agents, 8 s with 12.
    expect(result.agentsNeeded).toBe(12);
  });
});

describe('spoc erlang refusals', () => {
  const cases: Record<string, { readonly args: readonly string[]; readonly says: string }> = {
    'a finite queue with patience': {
      args: ['--queue-capacity', '5', '--patience', '3m'],
      says: 'spoc: --queue-capacity: found 5 with --patience 3m, expected one or the other: spoc erlang has no formula for a finite queue whose callers abandon (M/M/c/K+M)\n',
    },
    'a waiting target in a loss system': {
      args: ['--queue-capacity', '0', '--target', '0.8'],
      says: 'spoc: --target: found 0.8 with --queue-capacity 0, expected no waiting target: nobody waits in a loss system (Erlang B); use --max-blocking\n',
    },
    'an ASA target in a loss system': {
      args: ['--queue-capacity', '0', '--max-asa', '10s'],
      says: 'spoc: --max-asa: found 10s with --queue-capacity 0, expected no waiting target: nobody waits in a loss system (Erlang B); use --max-blocking\n',
    },
    'an abandonment target without patience': {
      args: ['--max-abandon-rate', '0.05'],
      says: 'spoc: --max-abandon-rate: found 0.05 without --patience, expected it with --patience: callers who never hang up never abandon\n',
    },
    'a blocking target without a queue capacity': {
      args: ['--max-blocking', '0.01', '--patience', '3m'],
      says: 'spoc: --max-blocking: found 0.01 without --queue-capacity, expected it with --queue-capacity: a queue without a limit turns nobody away\n',
    },
    'a negative queue capacity': {
      args: ['--queue-capacity', '-1'],
      says: 'spoc: --queue-capacity: found -1, expected a whole number of 0 or more\n',
    },
    'too many waiting places': {
      args: ['--queue-capacity', '100001'],
      says: 'spoc: --queue-capacity: found 100001, expected a whole number of waiting places from 0 to 100000\n',
    },
    'a blocking target that is not a share': {
      args: ['--queue-capacity', '3', '--max-blocking', '1'],
      says: 'spoc: --max-blocking: found 1, expected a share in (0, 1)\n',
    },
    'an ASA target of zero': {
      args: ['--max-asa', '0'],
      says: 'spoc: --max-asa: found 0, expected a duration above 0\n',
    },
  };
  for (const [name, { args, says }] of Object.entries(cases)) {
    it(`refuses ${name} with exit code 2, naming the option`, async () => {
      const { code, out, err } = await spoc('erlang', '--rate', '120/h', '--handle', '4m', ...args);
      expect({ code, out, err }).toEqual({ code: 2, out: '', err: says });
    });
  }
});

describe('spoc erlang as the guides show it', () => {
  /** Every `$ spoc erlang …` of a console block, with the output pasted under it. */
  const pasted = (file: string): [string, string][] =>
    fencedBlocks(readFileSync(file, 'utf8'))
      .filter((b) => b.lang === 'console')
      .flatMap((b) => consoleCommands(b.body))
      .filter((c) => c.line.startsWith('spoc erlang '))
      .map((c): [string, string] => [c.line, c.pasted.map((l) => `${l}\n`).join('')]);
  const examples = ['README.md', 'docs/guide-students.md', 'docs/guide-consultants.md'].flatMap(pasted);

  it('finds the pasted examples, Erlang B and M/M/c/K among them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.some(([command]) => command.includes('--queue-capacity 0'))).toBe(true);
  });

  for (const [command, output] of examples) {
    it(`prints what is pasted under "${command}"`, async () => {
      const { code, out } = await spoc(...command.split(' ').slice(1));
      expect(code).toBe(0);
      expect(out).toBe(output);
    });
  }
});
