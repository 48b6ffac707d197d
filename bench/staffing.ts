// The staffing part of `npm run bench`: `spoc staff` on the default scenario's three designs
// per day, against the time of 25 plain runs of it (the goal: less), and with --staff-week
// La Poste's week per hour, both designs (minutes: every candidate simulates the week, and
// each design takes some 700); candidates simulated and wall time, every core, each in a
// fresh process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const spoc = fileURLToPath(new URL('../bin/spoc.js', import.meta.url));
const TARGETS = ['-t', 'serviceLevel>=0.8', '-t', 'abandonRate<=5%'];
const PLAIN_RUNS = 25;

/** Wall seconds of one `spoc` process and what it printed. */
function timed(args: readonly string[]): { seconds: number; stdout: string } {
  const started = performance.now();
  const stdout = execFileSync(process.execPath, [spoc, ...args, '--no-progress'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { seconds: (performance.now() - started) / 1000, stdout };
}

const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[xs.length >> 1]!;

function staff(file: string, extra: readonly string[]): { seconds: number; candidates: number; agentHours: string } {
  const { seconds, stdout } = timed(['staff', file, ...TARGETS, ...extra, '-f', 'json']);
  const result = JSON.parse(stdout) as { candidates: number; designs: Record<string, { staffing: { agentHours: number; candidates: number } }> };
  const agentHours = Object.entries(result.designs)
    .map(([design, d]) => `${design} ${d.staffing.agentHours.toFixed(0)} (${d.staffing.candidates} candidates)`)
    .join(', ');
  return { seconds, candidates: result.candidates, agentHours };
}

export function benchStaffing(week: boolean): void {
  const file = 'scenarios/utility-numbers.yaml';
  const plain = median([0, 1, 2].map(() => timed(['run', file, '-f', 'json']).seconds));
  const perDay = staff(file, []);
  console.log('');
  console.log(`staffing (${TARGETS.filter((t) => t !== '-t').join(', ')}, every team), every core`);
  console.log(
    `  ${file} per day: ${perDay.seconds.toFixed(1)} s, ${perDay.candidates} candidates; ${PLAIN_RUNS} plain runs take ${(PLAIN_RUNS * plain).toFixed(1)} s (${plain.toFixed(2)} s each): ${(perDay.seconds / plain).toFixed(1)} plain runs' time`,
  );
  console.log(`    agent-hours: ${perDay.agentHours}`);
  if (!week) {
    console.log('  scenarios/la-poste-3631.yaml per hour of the week: --staff-week runs it');
    return;
  }
  const perHour = staff('scenarios/la-poste-3631.yaml', ['--per', 'interval', '--scope', 'design', '-r', '2']);
  console.log(`  scenarios/la-poste-3631.yaml per hour of the week, 2 replications: ${perHour.seconds.toFixed(1)} s, ${perHour.candidates} candidates`);
  console.log(`    agent-hours: ${perHour.agentHours}`);
}
