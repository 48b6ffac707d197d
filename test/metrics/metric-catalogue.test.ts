// Metric names are types: a misspelt name does not compile (the @ts-expect-error lines
// below fail `tsc` if it ever does), and the catalogue lists each metric once.
import { describe, expect, it } from 'vitest';
import { OUTCOME_LIST } from '../../src/callcenter/outcomes.ts';
import {
  COMPARED_METRICS,
  DESIGN_METRICS,
  INTENT_METRICS,
  INTERVAL_METRICS,
  isDesignMetric,
  TEAM_METRICS,
  type DesignMetric,
  type IntentMetric,
  type IntervalMetric,
  type TeamMetric,
} from '../../src/metrics/metric-catalogue.ts';
import type { DesignResult } from '../../src/metrics/results.ts';
import type { ReplicationMetrics } from '../../src/metrics/replication-accumulator.ts';

describe('metric names as types', () => {
  it('refuses a misspelt metric name at every level', () => {
    const design: DesignMetric = 'pingPongShare';
    // @ts-expect-error: no such design metric
    const misspelt: DesignMetric = 'pingpongShare';
    const team: TeamMetric = 'occupancy';
    // @ts-expect-error: occupancy is a team metric, not a design metric
    const notDesign: DesignMetric = 'occupancy';
    const interval: IntervalMetric = 'agents';
    // @ts-expect-error: staffing metrics are not given per intent
    const notIntent: IntentMetric = 'agentHours';
    expect([design, misspelt, team, notDesign, interval, notIntent]).toHaveLength(6);
  });

  it('refuses a misspelt name when reading results', () => {
    const read = (result: DesignResult, replication: ReplicationMetrics): unknown[] => [
      result.metrics.waitMean,
      // @ts-expect-error: no such design metric
      result.metrics.waitMaen,
      // @ts-expect-error: serviceLevel is a team metric; servicelevel is not
      result.byTeam.billing?.servicelevel,
      replication.metrics.asa,
      // @ts-expect-error: no such design metric
      replication.metrics.ASA,
    ];
    expect(read).toBeTypeOf('function');
  });
});

describe('metric catalogue', () => {
  it('lists each metric once per level', () => {
    for (const list of [DESIGN_METRICS, INTENT_METRICS, TEAM_METRICS, INTERVAL_METRICS]) {
      const names = list.map((info) => info.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('gives per intent the design metrics but those of staffing, in the same order', () => {
    const intent = INTENT_METRICS.map((info) => info.name);
    const design = DESIGN_METRICS.map((info) => info.name);
    expect(intent).toEqual(design.filter((name) => intent.includes(name as IntentMetric)));
    expect(design.filter((name) => !intent.includes(name as IntentMetric))).toEqual([
      'agentTimeOnMisroutes',
      'costPerResolved',
      'staffedCost',
      'agentHours',
      'overtimeHours',
    ]);
  });

  it('lists the share metric of every outcome that has one, as a share', () => {
    for (const outcome of OUTCOME_LIST) {
      if (outcome.shareMetric === undefined) continue;
      expect(DESIGN_METRICS.find((info) => info.name === outcome.shareMetric)?.unit, outcome.key).toBe('share');
    }
  });

  it('compares every design metric, in catalogue order', () => {
    expect(COMPARED_METRICS).toEqual(DESIGN_METRICS.map((info) => info.name));
  });

  it('tells design metric names from other strings', () => {
    expect(isDesignMetric('pingPongShare')).toBe(true);
    expect(isDesignMetric('occupancy')).toBe(false);
    expect(isDesignMetric('toString')).toBe(false);
  });
});
