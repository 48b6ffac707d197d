// The same-time rules of the simulation as a Markdown table, for the README (a test keeps the two equal).
import { SAME_TIME_ORDER, type SameTimeParticipant } from '../callcenter/event-kinds.ts';

export function sameTimeTable(): string {
  const rows = (Object.keys(SAME_TIME_ORDER) as SameTimeParticipant[])
    .map((name) => SAME_TIME_ORDER[name])
    .sort((a, b) => a.rank - b.rank);
  return [
    '| order | event | why |',
    '|---|---|---|',
    ...rows.map((rule) => `| ${rule.rank + 1} | ${rule.event} | ${rule.why} |`),
  ].join('\n');
}
