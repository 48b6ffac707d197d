// Every file of the bad corpus is refused with a ScenarioError naming the field and saying
// what is wrong, one line per problem, no stack trace.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { loadScenario, ScenarioError } from '../../src/scenario/index.ts';
import { refusal } from '../support/refusal.ts';
import { nodeFileSource } from '../../src/cli/file-source.ts';

const DIR = 'test/fixtures/scenarios/bad';
/** Scenario files only: the data files some of them read are in a subfolder. */
const scenarioFiles = (): string[] =>
  readdirSync(DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);

/** file -> [field path ('' for the file as a whole), phrase the problem's line contains]. */
const EXPECTED: Readonly<Record<string, readonly [string, string]>> = {
  // Wrong values and types.
  'agents-wrong-type.yaml': ['teams.billing.agents', 'found "ten", expected a whole number of agents'],
  'agents-zero.yaml': ['teams.billing.agents', 'found 0, expected a whole number of agents from 1 to 1000000'],
  'agents-negative.yaml': ['teams.field.agents', 'found -3'],
  'agents-fractional.yaml': ['teams.field.agents', 'found 7.5'],
  'json-wrong-type.json': ['teams.billing.agents', 'found "10", expected a whole number'],
  'run-wrong-type.yaml': ['run', 'found "8h", expected a run block'],
  'horizon-missing.yaml': ['run.horizon', 'missing, expected a duration'],
  'start-hour-25.yaml': ['run.start', 'found "Tue 25:00", expected a time of day from 00:00 to 23:59 after the day'],
  'start-unknown-day.yaml': ['run.start', 'found "Funday 08:00", expected a day and a time of day such as "Mon 08:00"'],
  'calendar-hour-25.yaml': ['calendar.open.mon-fri', 'found "25:00", expected a time of day from 00:00 to 23:59'],
  'calendar-overlap.yaml': ['calendar.open.mon-fri', 'found overlapping ranges in "08:00-12:00, 11:00-18:00", expected ranges of one day that do not overlap'],
  'calendar-unknown-day.yaml': ['calendar.open.sam', 'found the days "sam", expected a day (mon, tue, wed, thu, fri, sat, sun)'],
  'calendar-at-closing-typo.yaml': ['calendar.atClosing', 'found "hangup", expected serve or disconnect'],
  'calendar-closed-retry-above-one.yaml': ['calendar.closedRetry', 'found 1.5, expected a probability: a number in [0, 1]'],
  'number-open-overnight-overlap.yaml': ['designs.two-numbers.numbers[1].open.mon', 'found mon 22:00-09:00 running into tue 08:00-18:00'],
  'shares-not-one.yaml': ['demand.intents', 'found shares summing to 0.9, expected shares summing to 1'],
  'probability-above-one.yaml': ['designs.one-number.ivr.accuracy', 'found 1.2, expected a probability: a number in [0, 1]'],
  'probability-percent.yaml': ['designs.one-number.dialing.right', 'write 0.7 rather than "70%"'],
  'unknown-key.yaml': ['teams.billing', 'found unknown key "agnets"; did you mean "agents"?'],
  'unknown-top-level-key.yaml': ['', 'found unknown key "nmae"; did you mean "name"?'],
  'patience-typo.yaml': ['demand.patience', 'found "nnoe", expected "none" or a duration'],
  'dial-unquoted.yaml': ['designs.one-number.numbers[0].dial', 'found 3631, expected a quoted string'],
  'warmup-after-horizon.yaml': ['run.warmup', 'found "9h", expected less than run.horizon (8h)'],
  'type-list-for-teams.yaml': ['teams', 'found [{agents: 10, skills: […]}, {agents: 8, skills: […]}], expected a mapping of teams by name'],
  'type-list-for-ivr-block.yaml': ['designs.one-number.ivr', 'found [40s, 0.9], expected an ivr block {menu, accuracy, selfService}'],
  'type-mapping-for-numbers.yaml': ['designs.two-numbers.numbers', 'found a mapping with the keys billing, field, expected a list of numbers'],
  'type-mapping-for-skills.yaml': ['teams.field.skills', 'found {outage: true}, expected a list of intent names'],
  'type-boolean-for-duration.yaml': ['designs.one-number.ivr.menu', 'found true, expected a duration (e.g. 3m) or a distribution'],
  'type-boolean-for-horizon.yaml': ['run.horizon', 'found false, expected a duration: a number of seconds, or a string with units'],
  'type-string-for-cv.yaml': ['demand.intents.billing.handle.cv', 'found "high", expected a coefficient of variation (sd / mean) from 0 to 100'],
  'type-string-for-max-hops.yaml': ['designs.two-numbers.transfer.maxHops', 'found "three", expected a whole number of transfers from 1 to 100'],
  'type-quoted-probability.yaml': ['designs.one-number.ivr.accuracy', 'found "0.9", expected a probability: a number in [0, 1]'],

  // Agent groups.
  'group-factor-zero.yaml': ['teams.billing.agents[0].handleFactor', 'found 0, expected a factor greater than 0 and at most 100'],
  'group-resolve-factor-negative.yaml': ['teams.billing.agents[0].resolveFactor', 'found -1.1, expected a factor greater than 0'],
  'group-name-twice.yaml': ['teams.billing.agents[1].name', 'found "senior" twice, expected each group named once in its team'],
  'group-schedules-differ.yaml': ['teams.billing.agents[1].count.every', "found a schedule every 1h, expected the 30m of group senior's schedule"],
  'group-no-agents.yaml': ['teams.billing.agents', 'found no agent in any group, expected at least one group with agents on duty'],
  'select-without-groups.yaml': ['teams.billing.select', 'found "fastest-first", expected no select on a team without agent groups'],
  'select-typo.yaml': ['teams.billing.select', 'found "quickest", expected "longest-idle" or "fastest-first"'],

  // Probabilities.
  'resolve-above-one.yaml': ['demand.intents.billing.resolve', 'found 1.3, expected a probability: a number in [0, 1]'],
  'dialing-right-negative.yaml': ['designs.two-numbers.dialing.right', 'found -0.2, expected a probability: a number in [0, 1]'],
  'transfer-drop-above-one.yaml': ['designs.two-numbers.transfer.drop', 'found 5, expected a probability: a number in [0, 1]'],
  'top-level-transfer-drop-above-one.yaml': ['transfer.drop', 'found 1.5, expected a probability: a number in [0, 1]'],

  // Unknown keys at every level, each with a "did you mean".
  'unknown-key-run.yaml': ['run', 'found unknown key "sede"; did you mean "seed"?'],
  'unknown-key-demand.yaml': ['demand', 'found unknown key "arrivls"; did you mean "arrivals"?'],
  'unknown-key-intent.yaml': ['demand.intents.billing', 'found unknown key "reslove"; did you mean "resolve"?'],
  'unknown-key-design.yaml': ['designs.two-numbers', 'found unknown key "dailing"; did you mean "dialing"?'],
  'unknown-key-ivr.yaml': ['designs.one-number.ivr', 'found unknown key "selfservice"; did you mean "selfService"?'],
  'unknown-key-transfer.yaml': ['designs.two-numbers.transfer', 'found unknown key "dorp"; did you mean "drop"?'],
  'unknown-key-misroute.yaml': ['designs.two-numbers.misroute', 'found unknown key "identfy"; did you mean "identify"?'],
  'unknown-key-top-level-misroute.yaml': ['misroute', 'found unknown key "identfy"; did you mean "identify"?'],
  'unknown-key-number.yaml': ['designs.two-numbers.numbers[0]', 'found unknown key "fro"; did you mean "for"?'],

  // Enormous and non-finite numbers: refused with the range allowed.
  'agents-huge.yaml': ['teams.billing.agents', 'found 1e300, expected a whole number of agents from 1 to 1000000'],
  'replications-huge.yaml': ['run.replications', 'found 1000000000000, expected a whole number of replications from 1 to 100000'],
  'horizon-huge.yaml': ['run.horizon', 'found "1e300s", expected a duration of at most 100 years (36500d)'],
  'rate-huge.yaml': ['demand.arrivals.rate', 'found "1e300/h", expected a rate of at most 1e9/s (a billion calls a second)'],
  'seed-huge.yaml': ['run.seed', 'found 1e30, expected a whole number from 0 to 9007199254740991'],
  'seed-beyond-2-53.yaml': ['run.seed', 'found 9007199254740993, a whole number beyond 9007199254740991 (2^53 - 1) that cannot be read exactly, expected a whole number from 0 to 9007199254740991'],
  'agents-beyond-2-53.json': ['teams.billing.agents', 'found 18014398509481985, a whole number beyond 9007199254740991 (2^53 - 1) that cannot be read exactly'],
  'number-inf.yaml': ['teams.field.agents', 'found .inf, expected a whole number of agents from 1 to 1000000'],
  'number-nan.yaml': ['demand.intents.billing.share', 'found .nan, expected a probability: a number in [0, 1]'],
  'number-infinity-word.yaml': ['run.horizon', 'found "Infinity", expected a duration'],
  'rate-negative-infinity.yaml': ['demand.arrivals.rate', 'found -.inf, expected a rate of 0 or more'],
  'json-nan.json': ['', 'JSON error at line 12, column 18: found NaN, which JSON does not allow, expected a number'],
  'json-number-too-large.json': ['', 'JSON error at line 29, column 17: found the number 1e400, too large for a number'],

  // Units.
  'duration-missing-unit.yaml': ['demand.intents.billing.handle', 'found "240", expected a unit after the number'],
  'duration-unknown-unit.yaml': ['demand.intents.billing.handle', 'not "hours" (use h)'],
  'duration-out-of-range.yaml': ['demand.intents.outage.handle', 'found "3m70s", expected each part to be less than the unit before it'],
  'duration-negative.yaml': ['designs.one-number.ivr.menu', 'found -40, expected a duration of 0 or more'],
  'advisor-wait-without-advisor.yaml': ['designs.two-numbers.advisorWait', 'found "2m", expected no advisorWait unless continuity is advisor (continuity: "team")'],
  'reexplain-on-repeat-negative.yaml': ['demand.reexplainOnRepeat', 'found "-1m", expected a duration of 0 or more'],
  'callback-offer-accept-above-one.yaml': ['designs.two-numbers.callbackOffer.accept', 'found 1.5, expected a probability: a number in [0, 1]'],
  'callback-offer-reach-negative.yaml': ['designs.two-numbers.callbackOffer.reach', 'found -0.1, expected a probability: a number in [0, 1]'],
  'callback-offer-after-negative.yaml': ['designs.two-numbers.callbackOffer.after', 'found "-30s", expected a duration of 0 or more'],
  'rate-unknown-unit.yaml': ['demand.arrivals.rate', 'use /min for per minute'],
  'duration-unit-mins.yaml': ['demand.intents.billing.handle', 'found "4 mins", expected a duration unit s, m or min, h or d, not "mins" (use min)'],
  'duration-unit-hrs.yaml': ['run.horizon', 'found "3 hrs", expected a duration unit s, m or min, h or d, not "hrs" (use h)'],
  'duration-part-out-of-range.yaml': ['run.horizon', 'found "1h75m", expected each part to be less than the unit before it (75m is a whole hour or more); write "2h15m"'],
  'duration-negative-string.yaml': ['designs.two-numbers.misroute.identify', 'found "-45s", expected a duration of 0 or more'],
  'rate-unit-hour.yaml': ['demand.arrivals.rate', 'found "600/hour", expected a rate unit /s, /min, /h, /d or /y, not "/hour" (use /h)'],
  'rate-unit-week.yaml': ['demand.arrivals.rate', 'found "50000/week", expected a rate unit /s, /min, /h, /d or /y, not "/week"'],

  // Distributions.
  'dist-unknown.yaml': ['demand.intents.billing.handle.dist', 'found "weibull", expected "dist" to be one of: exponential'],
  'dist-lognormal-cv-and-sd.yaml': ['demand.intents.billing.handle.sd', 'either cv or sd, not both'],
  'dist-lognormal-no-spread.yaml': ['demand.intents.billing.handle', 'expected a cv or an sd'],
  'dist-uniform-min-above-max.yaml': ['demand.intents.billing.handle.max', 'found "3m", expected a max at least as large as min'],
  'dist-triangular-mode-outside.yaml': ['demand.intents.billing.handle.mode', 'expected a mode at most max'],
  'dist-erlang-fractional-k.yaml': ['demand.intents.billing.handle.k', 'found 2.5, expected a whole number of phases'],
  'dist-empirical-empty.yaml': ['demand.intents.billing.handle.values', 'found [], expected a list of at least one duration'],
  'dist-missing-parameter.yaml': ['demand.intents.billing.handle.cv', 'missing, expected a coefficient of variation'],

  // Cross-references.
  'team-missing.yaml': ['designs.two-numbers.numbers[0].to', 'found "bilng", expected a team of the top-level teams or "ivr"; did you mean "billing"?'],
  'intent-without-team.yaml': ['teams', 'found no team with the skill "outage"'],
  'design-teams-missing-skill.yaml': ['designs.one-number.teams', 'found no team with the skill "outage", expected every intent in the skills of at least one team'],
  'team-duplicate.yaml': ['teams', 'found the key "billing" twice in the same mapping, expected each key once (line 12, column 3)'],
  'ivr-without-block.yaml': ['designs.one-number.ivr', 'missing, expected an ivr block'],
  'intent-unknown-in-for.yaml': ['designs.two-numbers.numbers[1].for[1]', 'found "outgae", expected an intent of demand.intents; did you mean "outage"?'],
  'skill-unknown.yaml': ['teams.billing.skills[0]', 'did you mean "billing"?'],
  'intent-unreachable.yaml': ['designs.two-numbers.numbers', 'found no number for "outage"'],
  'dial-duplicate.yaml': ['designs.two-numbers.numbers[1].dial', 'expected each number once per design'],
  'teams-missing.yaml': ['teams', 'missing, expected a teams block'],
  'designs-empty.yaml': ['designs', 'found {}, expected at least one of designs'],
  'numbers-empty.yaml': ['designs.one-number.numbers', 'found [], expected a list of at least one number'],
  'team-named-ivr.yaml': ['teams.ivr', 'found a team named "ivr"'],
  'key-proto.yaml': ['teams.__proto__', 'found the key "__proto__", expected another name'],
  'many-problems.yaml': ['designs.one-number.ivr.accuracy', 'found 2, expected a probability'],

  // The file as a whole.
  'empty.yaml': ['', 'the file is empty'],
  'comments-only.yaml': ['', 'the file is empty (it has only comments)'],
  'whitespace-only.yaml': ['', 'the file is empty (only blank space)'],
  'binary.yaml': ['', 'found binary data (a zero byte at offset 8): this is not a text file, expected YAML text in UTF-8'],
  'not-utf8.yaml': ['', 'found a byte that is not valid UTF-8 (0xE9 at line 2, column 10), expected YAML text in UTF-8'],
  'utf16.yaml': ['', 'found UTF-16 text (it starts with a UTF-16 byte order mark), expected YAML text in UTF-8'],
  'deep-nesting.yaml': ['', 'YAML error at line 2, column 70: found lists or mappings nested more than 64 levels deep'],
  'deep-nesting.json': ['', 'JSON error at line 1, column 74: found arrays or objects nested more than 64 levels deep'],
  'yaml-multiple-documents.yaml': ['', 'YAML error at line 24, column 1: found a second YAML document'],
  'yaml-list-as-key.yaml': ['', 'YAML error at line 11, column 3: found a list as a key, expected a name'],
  'yaml-tag.yaml': ['', 'found the tag !!python/object, expected plain values without tags'],
  'top-level-list.yaml': ['', 'found a list at the top level, expected a mapping'],
  'yaml-syntax.yaml': ['', 'YAML error at line 5, column 1'],
  'yaml-duplicate-design.yaml': ['designs', 'found the key "two-numbers" twice in the same mapping'],
  'yaml-unknown-alias.yaml': ['', 'found the alias *billingHandle, expected an anchor'],
  'billion-laughs.yaml': ['', '"billion laughs"'],
  'json-trailing-comma.json': ['', 'JSON error at line 35, column 3: found a comma before "}"'],
  'json-single-quotes.json': ['', 'JSON error at line 2, column 3'],
  'json-duplicate-key.json': ['', 'found the key "name" twice'],
  'json-comment.json': ['', 'found a comment, which JSON does not allow, expected JSON without comments'],
  'json-truncated.json': ['', 'JSON error at line 24'],
  'wrong-extension.txt': ['', 'expected .yaml, .yml or .json'],

  // Arrival profiles, schedules, queue capacities, costs.
  'profile-negative-rate.yaml': ['demand.arrivals.profile.rates[1]', 'found "-300/h", expected a rate of 0 or more'],
  'profile-and-rate.yaml': ['demand.arrivals.profile', 'found both rate and profile, expected either rate or profile, not both'],
  'profile-all-zero.yaml': ['demand.arrivals.profile.rates', 'expected at least one rate greater than 0'],
  'byday-unknown-day.yaml': ['demand.arrivals.profile.byDay.sunday', 'found the days "sunday", expected a day (mon, tue, wed, thu, fri, sat, sun)'],
  'byday-day-twice.yaml': ['demand.arrivals.profile.byDay.fri-sat', 'found fri again (already in mon-fri), expected each day in one entry'],
  'byday-with-rates.yaml': ['demand.arrivals.profile.byDay', 'found both rates and byDay, expected either rates (repeating from the start) or byDay'],
  'byday-longer-than-a-day.yaml': ['demand.arrivals.profile.byDay.sat', 'found 25 rates, expected at most 24 (one day of periods of 1h from 00:00)'],
  'byday-every-not-dividing-day.yaml': ['demand.arrivals.profile.every', 'found 7m, expected with byDay a length that divides a day'],
  'byday-all-zero.yaml': ['demand.arrivals.profile.byDay', 'found {mon-fri: [0, 0], sat: [0]}, expected at least one rate greater than 0'],
  'daily-volume-cv-negative.yaml': ['demand.arrivals.dailyVolume.cv', "found -0.1, expected a coefficient of variation (sd / mean) of the day's volume from 0 to 1"],
  'daily-volume-cv-absurd.yaml': ['demand.arrivals.dailyVolume.cv', 'found 1.5, expected a coefficient of variation'],
  'schedule-negative-count.yaml': ['teams.field.agents.counts[1]', 'found -2, expected a whole number of agents from 0 to 1000000'],
  'schedule-fractional-count.yaml': ['teams.field.agents.counts[0]', 'found 4.5, expected a whole number of agents from 0 to 1000000'],
  'schedule-all-zero.yaml': ['teams.field.agents.counts', 'found [0, 0, 0], expected at least one count greater than 0'],
  'queue-capacity-negative.yaml': ['teams.field.queueCapacity', 'found -1, expected a whole number of waiting places from 0 to 10000000'],
  'cost-per-hour-negative.yaml': ['teams.field.costPerHour', 'found -32, expected a cost per agent-hour from 0 to 1000000'],

  // Retry, redial, transfers, overflow, handle cap.
  'retry-probability-above-one.yaml': ['demand.retry.probability', 'found 1.5, expected a probability: a number in [0, 1]'],
  'redial-without-retry.yaml': ['designs.one-number.misroute.action', 'found "redial", expected "transfer", or a demand.retry block'],
  'top-level-redial-without-retry.yaml': ['misroute.action', 'found "redial", expected "transfer", or a demand.retry block'],
  'max-hops-zero.yaml': ['designs.one-number.transfer.maxHops', 'found 0, expected a whole number of transfers from 1 to 100'],
  'handle-cap-zero.yaml': ['designs.one-number.handleCap', 'found 0, expected a duration greater than 0'],
  'overflow-unknown-team.yaml': ['designs.two-numbers.overflow[0].to', 'found "feild", expected a team of the top-level teams; did you mean "field"?'],
  'overflow-top-level-team.yaml': ['designs.one-number.overflow[0].to', "found \"field\", expected a team of this design's teams (teams: pool)"],
  'overflow-to-itself.yaml': ['designs.two-numbers.overflow[0].to', 'found "billing", expected a team other than "billing"'],
  'overflow-no-shared-skill.yaml': ['designs.two-numbers.overflow[0].to', 'so overflow could never take anyone'],

  // Triage teams (role: triage): a triage time, no skills, and teams with skills to hand over to.
  'triage-without-time.yaml': ['teams.frontdesk.triage', 'missing, expected the time a triage agent spends before handing the caller over'],
  'triage-with-skills.yaml': ['teams.frontdesk.skills', 'found [billing], expected no skills on a team with role "triage"'],
  'triage-on-skilled-team.yaml': ['teams.frontdesk.triage', 'found "30s", expected no triage on a team whose role is not "triage" (add role: triage, or remove triage)'],
  'triage-accuracy-on-skilled-team.yaml': ['teams.billing.accuracy', 'found 0.9, expected no accuracy on a team whose role is not "triage"'],
  'triage-accuracy-above-one.yaml': ['teams.frontdesk.accuracy', 'found 1.2, expected a probability: a number in [0, 1]'],
  'triage-teams-only.yaml': ['teams', 'found only teams with role "triage" (frontdesk, backdesk), expected at least one team with skills'],
  'team-without-skills.yaml': ['teams.frontdesk.skills', 'missing, expected a list of intent names (or role: triage'],
  'role-unknown.yaml': ['teams.frontdesk.role', 'found "triag", expected "skilled" or "triage"'],
  'overflow-triage-team.yaml': ['designs.front-desk.overflow[0].to', 'found "frontdesk", expected two teams with skills: "frontdesk" has role "triage"'],

  // Empirical distributions read from files (the CSV files are in data/).
  'dist-empirical-file-missing.yaml': [
    'demand.intents.outage.handle.file',
    'cannot read "data/no-such-file.csv" (relative to the scenario file): no such file',
  ],
  'dist-empirical-file-malformed.yaml': [
    'demand.intents.outage.handle.file',
    'data/handle-malformed.csv line 7: found "abc", expected a number of seconds from 0 to 3153600000 (100 years)',
  ],
  'dist-empirical-file-nan-first.yaml': ['demand.intents.outage.handle.file', 'data/nan-first.csv line 1: found "NaN", a notation the file does not take'],
  'dist-empirical-file-hex-first.yaml': ['demand.intents.outage.handle.file', 'data/hex-first.csv line 1: found "0x10", a notation the file does not take'],
  'dist-empirical-file-too-long.yaml': ['demand.intents.outage.handle.file', 'data/too-long.csv line 3: found 4e9, expected a number of seconds from 0 to 3153600000 (100 years)'],
  'dist-empirical-file-utf16.yaml': ['demand.intents.outage.handle.file', 'data/utf16.csv: found UTF-16 text (every other byte is zero), expected CSV text in UTF-8: save the file as UTF-8'],
  'dist-empirical-file-outside.yaml': [
    'demand.intents.outage.handle.file',
    'found "../good/data/patience.csv", outside the folder of the scenario file, expected a file in that folder or below it',
  ],
  'dist-empirical-file-empty.yaml': ['demand.intents.outage.handle.file', 'found no values in "data/header-only.csv"'],
  'dist-empirical-values-and-file.yaml': ['demand.intents.outage.handle.file', 'found both values and file, expected either values or file, not both'],

  // Names with characters a terminal or a spreadsheet would obey rather than show.
  'name-bidi-override.yaml': ['teams["fi<U+202E>eld"]', 'found U+202E (right-to-left override) in the key, expected a name without control or bidirectional formatting characters'],
  'name-control-character.yaml': ['name', 'found U+001B (escape, a control character) in the text'],
  'name-nul.json': ['designs["one\\u0000number"]', 'found U+0000 (NUL, a control character) in the key'],

  // Sweeps and precision targets.
  'sweep-unknown-path.yaml': ['sweep["teams.biling.agents"]', 'found no "biling" in teams, expected a path to a field written in the file; did you mean "billing"?'],
  'sweep-unknown-key.yaml': ['sweep["teams.billing.agnets"]', 'found unknown key "agnets" in teams.billing; did you mean "agents"?'],
  'sweep-range-backwards.yaml': ['sweep["teams.billing.agents"]', 'found "16..8", expected an end at least the start, e.g. "8..16"'],
  'precision-metric-name.yaml': ['run.precision.wait-mean', 'found the metric name "wait-mean", expected a design metric name'],
  'max-replications-below.yaml': ['run.maxReplications', 'found 10, expected at least run.replications (20)'],
};

/** The error refusing `file`. */
const refusalOf = (file: string): ScenarioError => refusal(() => loadScenario(file, nodeFileSource), `${file} was accepted`);

describe('bad scenario files', () => {
  it('has an expectation for every file of the corpus, and a corpus of at least 60 files', () => {
    const files = scenarioFiles().sort();
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is refused', (name, [path, phrase]) => {
    const file = join(DIR, name);
    const error = refusalOf(file);
    expect(error.problems.length).toBeGreaterThan(0);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(error.problems.length);
    const prefix = path === '' ? `${file}: ` : `${file}: ${path}: `;
    const matching = lines.filter((line) => line.startsWith(prefix) && line.includes(phrase));
    expect(matching, `no line "${prefix}...${phrase}..." in:\n${error.message}`).not.toHaveLength(0);
    // Control and bidirectional formatting characters are shown as code points, never raw.
    expect(error.message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    for (const problem of error.problems) {
      expect(problem.file).toBe(file);
      expect(problem.message).not.toMatch(/\n|\bat .*:\d+:\d+|Error:/);
    }
  });

  it('reports every problem of a file, not just the first', () => {
    const error = refusalOf(join(DIR, 'many-problems.yaml'));
    expect(error.problems.map((p) => p.path)).toEqual([
      'demand.intents.billing.handle',
      'teams.billing.agents',
      'designs.one-number.ivr.accuracy',
    ]);
  });

  it('reports a problem with an empirical file together with the rest of the file', () => {
    const error = refusalOf(join(DIR, 'dist-empirical-file-malformed.yaml'));
    expect(error.problems.map((p) => [p.path, p.line])).toEqual([['demand.intents.outage.handle.file', 8]]);
  });

  it('reports a misspelt optional key together with the checks across fields', () => {
    const error = refusalOf(join(DIR, 'unknown-key-transfer.yaml'));
    expect(error.problems.map((p) => [p.path, p.message])).toEqual([
      ['demand.intents', 'found shares summing to 0.9, expected shares summing to 1'],
      ['designs.two-numbers.transfer', 'found unknown key "dorp"; did you mean "drop"?'],
    ]);
  });

  it('reports a misspelt key once, not also as a missing key', () => {
    const error = refusalOf(join(DIR, 'unknown-key.yaml'));
    expect(error.problems.map((p) => p.path)).toEqual(['teams.billing']);
  });

  it('gives YAML problems a line and a column', () => {
    const error = refusalOf(join(DIR, 'many-problems.yaml'));
    expect(error.problems.map((p) => p.line)).toEqual([7, 10, 20]);
    expect(refusalOf(join(DIR, 'unknown-key.yaml')).problems[0]).toMatchObject({ line: 10, column: 14 });
  });
});

describe('validate and run', () => {
  const spoc = async (args: readonly string[]): Promise<{ code: number; err: string }> => {
    let err = '';
    const code = await runCli(args, { stdout: () => {}, stderr: (t) => (err += t) });
    return { code, err };
  };

  it.each(scenarioFiles())('give the same refusal of %s', async (name) => {
    const file = join(DIR, name);
    const validate = await spoc(['validate', file]);
    expect(validate.code).toBe(2);
    expect(await spoc(['run', file, '--no-progress'])).toEqual(validate);
  });
});
