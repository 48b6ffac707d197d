// A sweep's figures read back from its CSV output are those it wrote, whatever the names.
import { describe, expect, it } from 'vitest';
import { SweepPlan } from '../../../src/experiment/sweep-plan.ts';
import { addOutputRows, SweepReportCollector } from '../../../src/report/html/index.ts';
import { sweepHeader, sweepRows } from '../../../src/report/sweep-rows.ts';
import type { SweepParameter } from '../../../src/scenario/index.ts';
import { makeResult } from '../fixture.ts';

describe('addOutputRows', () => {
  it('reads back designs and values whose names a spreadsheet would run as formulas', () => {
    const parameters: SweepParameter[] = [{ path: 'designs.=1+1.ivr.menu', values: ['=cmd', '-5s'] }];
    const plan = new SweepPlan(parameters);
    const written = new SweepReportCollector(parameters);
    let text = sweepHeader(parameters, 'csv');
    for (let i = 0; i < plan.size; i++) {
      const result = makeResult(['=1+1', '@two', 'plain']);
      written.add(plan.point(i), result);
      text += sweepRows(plan.point(i), result, plan, 'csv');
    }
    expect(text).toContain(`"'=1+1"`);
    const readBack = new SweepReportCollector(parameters);
    expect(addOutputRows(readBack, text, 'csv')).toBe(2);
    expect(readBack.designs()).toEqual(['=1+1', '@two', 'plain']);
    expect(readBack.entries()).toEqual(written.entries());
  });
});
