// Hand-made issues and calls for the metrics tallies: a small compiled design and records
// whose fields a test sets, so that callbacks can be fed one by one at chosen times.
import { compileDesign, type CompiledDesign } from '../../src/callcenter/compile.ts';
import { Call, Issue } from '../../src/callcenter/records.ts';
import { parseScenario, type Scenario } from '../../src/scenario/index.ts';

/**
 * Two intents, two teams (billing at 30 an agent-hour, field without a cost), and one
 * design: number "01" to billing (index 0), number "02" to the IVR (index 1).
 */
export const HAND_MADE_YAML = `
name: Hand-made
run: { horizon: 1h, warmup: 0s, replications: 1, seed: 1, serviceLevel: 20s }
demand:
  arrivals: { rate: 60/h }
  intents:
    billing: { share: 0.5, handle: 5m, resolve: 1 }
    outage:  { share: 0.5, handle: 5m, resolve: 1 }
teams:
  billing: { agents: 2, skills: [billing], costPerHour: 30 }
  field:   { agents: 1, skills: [outage] }
designs:
  two-ways:
    numbers:
      - { dial: "01", to: billing, for: [billing] }
      - { dial: "02", to: ivr }
    ivr: { menu: 30s, accuracy: 1 }
`;

export const BILLING = 0;
export const FIELD = 1;
export const TO_BILLING = 0;
export const TO_IVR_NUMBER = 1;

export function handMadeScenario(): Scenario {
  return parseScenario(HAND_MADE_YAML, 'hand-made.yaml');
}

export function handMadeDesign(scenario: Scenario = handMadeScenario()): CompiledDesign {
  return compileDesign(scenario, scenario.designs[0]!);
}

/** A new issue of intent `intent` (0 billing, 1 outage) arriving at `now`. */
export function issueOf(intent: number, now: number, counted = true): Issue {
  const issue = new Issue();
  issue.begin(intent, now, counted);
  return issue;
}

/** The issue's next call, dialled at `now`, with the fields given. */
export function callOf(issue: Issue, now: number, fields: Partial<Call> = {}): Call {
  const call = new Call();
  call.begin(issue, now);
  return Object.assign(call, fields);
}
