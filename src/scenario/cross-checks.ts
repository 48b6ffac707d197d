// Checks across fields that a schema of shapes cannot express: shares summing to 1, names
// that refer to intents and teams, every intent reachable and handled in every design, team
// roles, overflow rules between teams that share a skill, redials that need a retry block.
// They run once the file has the right shape.
import { didYouMean, formatPath, found, listNames, type PathSegments } from './errors.ts';
import type { DesignInput, ScenarioInput, TeamInput } from './schema.ts';
import { checkNotOnlyTriage, checkTeamRole } from './team-role-checks.ts';
import { formatDuration } from './units.ts';

export interface CrossProblem {
  readonly path: PathSegments;
  readonly message: string;
}

/** Shares may differ from 1 by this much (floating-point sums of decimal shares). */
export const SHARE_TOLERANCE = 1e-9;

/** The name `to` uses for the IVR, so no team may have it. */
export const IVR = 'ivr';

/**
 * @param input the file as the schema returned it
 * @param rawAt the value written in the file at a path, to show what was found
 */
export function crossCheck(input: ScenarioInput, rawAt: (path: PathSegments) => unknown): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const add = (path: PathSegments, message: string): void => {
    problems.push({ path, message });
  };
  const intentNames = Object.keys(input.demand.intents);

  // Run settings.
  if (input.run.warmup >= input.run.horizon) {
    add(
      ['run', 'warmup'],
      `${found(rawAt(['run', 'warmup']))}, expected less than run.horizon (${formatDuration(input.run.horizon)})`,
    );
  }

  if (input.run.maxReplications !== undefined && input.run.maxReplications < input.run.replications) {
    add(
      ['run', 'maxReplications'],
      `${found(rawAt(['run', 'maxReplications']))}, expected at least run.replications (${input.run.replications})`,
    );
  }

  // Shares.
  const shareSum = Object.values(input.demand.intents).reduce((sum, intent) => sum + intent.share, 0);
  if (Math.abs(shareSum - 1) > SHARE_TOLERANCE) {
    add(
      ['demand', 'intents'],
      `found shares summing to ${+shareSum.toPrecision(12)}, expected shares summing to 1`,
    );
  }

  // Teams: top level, then each design's own.
  const designs = Object.entries(input.designs);
  const usesTopLevel = designs.filter(([, d]) => d.teams === undefined).map(([name]) => name);
  if (input.teams === undefined && usesTopLevel.length > 0) {
    add(
      ['teams'],
      `missing, expected a teams block (designs without their own teams: ${usesTopLevel.join(', ')})`,
    );
  }
  if (input.teams !== undefined) {
    checkTeams(input.teams, ['teams'], intentNames, rawAt, add, usesTopLevel.length > 0);
  }

  const redialWithoutRetry = (path: PathSegments): void =>
    add(
      path,
      `${found(rawAt(path))}, expected "transfer", or a demand.retry block (a caller told to redial calls the right number after retry.after)`,
    );
  for (const [designName, design] of designs) {
    const at = ['designs', designName];
    if (design.teams !== undefined) {
      checkTeams(design.teams, [...at, 'teams'], intentNames, rawAt, add, true);
    }
    const teams = design.teams ?? input.teams;
    checkNumbers(design, at, teams, intentNames, rawAt, add);
    if (teams !== undefined) checkOverflow(design, at, teams, rawAt, add);
    if (design.advisorWait !== undefined && design.continuity !== 'advisor') {
      add(
        [...at, 'advisorWait'],
        `${found(rawAt([...at, 'advisorWait']))}, expected no advisorWait unless continuity is advisor (continuity: ${JSON.stringify(design.continuity)})`,
      );
    }
    // A top-level redial is said once, at the path written, below.
    if (design.misroute?.action === 'redial' && input.demand.retry === undefined) redialWithoutRetry([...at, 'misroute', 'action']);
  }
  if (input.misroute?.action === 'redial' && input.demand.retry === undefined) {
    const overridden = designs.every(([, d]) => d.misroute?.action !== undefined);
    if (!overridden) redialWithoutRetry(['misroute', 'action']);
  }
  return problems;
}

function expectedIntent(name: string, intentNames: readonly string[]): string {
  return `expected an intent of demand.intents${didYouMean(name, intentNames) || ` (${listNames(intentNames)})`}`;
}

type Add = (path: PathSegments, message: string) => void;

function checkTeams(
  teams: Readonly<Record<string, TeamInput>>,
  at: PathSegments,
  intentNames: readonly string[],
  rawAt: (path: PathSegments) => unknown,
  add: Add,
  used: boolean,
): void {
  const skilled = new Set<string>();
  for (const [teamName, team] of Object.entries(teams)) {
    if (teamName === IVR) {
      add([...at, teamName], `found a team named "${IVR}", expected another name ("${IVR}" in a number's "to" means the IVR)`);
    }
    checkTeamRole(team, [...at, teamName], rawAt, add);
    (team.skills ?? []).forEach((skill, i) => {
      skilled.add(skill);
      if (!intentNames.includes(skill)) {
        const path = [...at, teamName, 'skills', i];
        add(path, `${found(rawAt(path))}, ${expectedIntent(skill, intentNames)}`);
      }
    });
  }
  if (!used || checkNotOnlyTriage(teams, at, add)) return;
  const unhandled = intentNames.filter((intent) => !skilled.has(intent));
  if (unhandled.length > 0) {
    add(
      at,
      `found no team with the skill${unhandled.length > 1 ? 's' : ''} ${unhandled.map((i) => JSON.stringify(i)).join(', ')}, ` +
        'expected every intent in the skills of at least one team',
    );
  }
}

function checkNumbers(
  design: DesignInput,
  at: PathSegments,
  teams: Readonly<Record<string, TeamInput>> | undefined,
  intentNames: readonly string[],
  rawAt: (path: PathSegments) => unknown,
  add: Add,
): void {
  const teamNames = teams === undefined ? undefined : Object.keys(teams);
  const reached = new Set<string>();
  const dialled = new Map<string, number>();
  let toIvr: number | undefined;

  design.numbers.forEach((number, i) => {
    const path = [...at, 'numbers', i];

    const key = number.dial.replace(/[\s.\-()]/g, '');
    const first = dialled.get(key);
    if (first !== undefined) {
      add(
        [...path, 'dial'],
        `${found(rawAt([...path, 'dial']))}, expected each number once per design (the same as ${formatPath(['numbers', first])})`,
      );
    } else {
      dialled.set(key, i);
    }

    if (number.to === IVR) {
      toIvr ??= i;
    } else if (teamNames !== undefined && !teamNames.includes(number.to)) {
      const where = design.teams === undefined ? 'a team of the top-level teams' : "a team of this design's teams";
      const hint = didYouMean(number.to, [...teamNames, IVR]) || ` (teams: ${listNames(teamNames)})`;
      add([...path, 'to'], `${found(rawAt([...path, 'to']))}, expected ${where} or "${IVR}"${hint}`);
    }

    if (number.for === undefined) {
      for (const intent of intentNames) reached.add(intent);
    } else {
      number.for.forEach((intent, j) => {
        reached.add(intent);
        if (!intentNames.includes(intent)) {
          const forPath = [...path, 'for', j];
          add(forPath, `${found(rawAt(forPath))}, ${expectedIntent(intent, intentNames)}`);
        }
      });
    }
  });

  if (toIvr !== undefined && design.ivr === undefined) {
    add(
      [...at, 'ivr'],
      `missing, expected an ivr block {menu, accuracy, selfService} since ${formatPath(['numbers', toIvr])} goes to "${IVR}"`,
    );
  }

  const unreachable = intentNames.filter((intent) => !reached.has(intent));
  if (unreachable.length > 0) {
    add(
      [...at, 'numbers'],
      `found no number for ${unreachable.map((i) => JSON.stringify(i)).join(', ')}, ` +
        'expected every intent in the "for" of at least one number (or a number without "for")',
    );
  }
}

/**
 * Overflow rules name two different teams of the design (its own teams when it has them),
 * the second sharing a skill with the first; each pair once.
 */
function checkOverflow(
  design: DesignInput,
  at: PathSegments,
  teams: Readonly<Record<string, TeamInput>>,
  rawAt: (path: PathSegments) => unknown,
  add: Add,
): void {
  const teamNames = Object.keys(teams);
  const where = design.teams === undefined ? 'a team of the top-level teams' : "a team of this design's teams";
  const pairs = new Map<string, number>();
  (design.overflow ?? []).forEach((rule, i) => {
    const path = [...at, 'overflow', i];
    let known = true;
    for (const end of ['from', 'to'] as const) {
      if (!Object.hasOwn(teams, rule[end])) {
        known = false;
        const hint = didYouMean(rule[end], teamNames) || ` (teams: ${listNames(teamNames)})`;
        add([...path, end], `${found(rawAt([...path, end]))}, expected ${where}${hint}`);
      }
    }
    if (!known) return;
    const to = [...path, 'to'];
    if (rule.from === rule.to) {
      add(to, `${found(rawAt(to))}, expected a team other than "${rule.from}" (a team's agents already take its own callers)`);
      return;
    }
    const triage = [rule.from, rule.to].find((end) => teams[end]?.role === 'triage');
    if (triage !== undefined) {
      add(
        to,
        `${found(rawAt(to))}, expected two teams with skills: "${triage}" has role "triage" (its agents hand callers over instead of taking other teams' callers, and no one else takes its callers)`,
      );
      return;
    }
    const fromSkills = teams[rule.from]?.skills ?? [];
    const toSkills = teams[rule.to]?.skills ?? [];
    if (!fromSkills.some((skill) => toSkills.includes(skill))) {
      add(
        to,
        `${found(rawAt(to))}, expected a team sharing at least one skill with "${rule.from}" (${listNames(fromSkills)}): ` +
          `"${rule.to}" has none of them (${listNames(toSkills)}), so overflow could never take anyone`,
      );
      return;
    }
    const key = JSON.stringify([rule.from, rule.to]);
    const first = pairs.get(key);
    if (first !== undefined) {
      add(
        to,
        `found a second rule from "${rule.from}" to "${rule.to}", expected each from/to pair once per design (the same as ${formatPath(['overflow', first])})`,
      );
    } else {
      pairs.set(key, i);
    }
  });
}
