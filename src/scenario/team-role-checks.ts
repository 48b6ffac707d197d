// Checks of a team's role that a schema of shapes cannot express: a triage team has a triage
// time and no skills, a team of skilled agents has skills and no triage fields, and the teams
// of a design are not all triage teams (someone must take the handed-over callers), and a
// selection rule belongs to a team of agent groups.
import { found, type PathSegments } from './errors.ts';
import type { TeamInput } from './schema.ts';

type Add = (path: PathSegments, message: string) => void;

/** The role fields of one team, `at` being its path. */
export function checkTeamRole(team: TeamInput, at: PathSegments, rawAt: (path: PathSegments) => unknown, add: Add): void {
  const field = (key: string): PathSegments => [...at, key];
  if (team.role === 'triage') {
    if (team.triage === undefined) {
      add(
        field('triage'),
        'missing, expected the time a triage agent spends before handing the caller over (a distribution, e.g. 30s), since role is "triage"',
      );
    }
    if (team.skills !== undefined) {
      add(
        field('skills'),
        `${found(rawAt(field('skills')))}, expected no skills on a team with role "triage" (its agents never resolve: they hand callers over to the teams with the skills)`,
      );
    }
    return;
  }
  if (rawAt(field('select')) !== undefined && !Array.isArray(team.agents)) {
    add(
      field('select'),
      `${found(rawAt(field('select')))}, expected no select on a team without agent groups (its agents are alike; give agents: [{count, name, handleFactor}, ...], or remove select)`,
    );
  }
  if (team.skills === undefined) {
    add(field('skills'), 'missing, expected a list of intent names (or role: triage for a front desk that hands every caller over)');
  }
  for (const key of ['triage', 'accuracy'] as const) {
    if (team[key] !== undefined) {
      add(field(key), `${found(rawAt(field(key)))}, expected no ${key} on a team whose role is not "triage" (add role: triage, or remove ${key})`);
    }
  }
}

/**
 * Whether the teams (used by some design) are all triage teams: then nobody could take a
 * handed-over caller, which is said once at `at` instead of one missing skill per intent.
 */
export function checkNotOnlyTriage(teams: Readonly<Record<string, TeamInput>>, at: PathSegments, add: Add): boolean {
  const all = Object.values(teams);
  if (!all.every((team) => team.role === 'triage')) return false;
  add(
    at,
    `found only teams with role "triage" (${Object.keys(teams).join(', ')}), expected at least one team with skills to take the callers they hand over`,
  );
  return true;
}
