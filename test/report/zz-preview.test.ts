import { it } from 'vitest';
import { formatTable } from '../../src/report/table.ts';
import { formatMarkdown } from '../../src/report/markdown.ts';
import { formatCsv } from '../../src/report/csv.ts';
import { DESIGNS_3, DESIGNS_4, EIGHT_HOURS, THREE_DAYS, makeResult, withIntervals } from './fixture.ts';
const tail = (t: string) => t.slice(t.indexOf('Per interval —')).replace(/\n/g, '¶\n');
it('preview', () => {
  console.log(tail(formatTable(withIntervals(makeResult(['four-numbers', 'one-number']), ...EIGHT_HOURS))));
  console.log(tail(formatTable(withIntervals(makeResult(DESIGNS_3), ...EIGHT_HOURS))).slice(0, 3000));
  console.log(tail(formatTable(withIntervals(makeResult(['a']), ...THREE_DAYS))).slice(0, 1500));
  console.log(tail(formatTable(withIntervals(makeResult(['four-numbers', 'one-number']), ...EIGHT_HOURS), { width: 60 })).slice(0, 2500));
});
