// A billing team and a field team, and the designs' pieces that reach them, for scenario text
// written in a test: the head, then a designs block made of these pieces.

/** Name, run settings, demand of two intents and the two teams, ready for a designs block. */
export const twoTeamsHead = (run: string, patience = ''): string => `
name: Two teams
run: { ${run} }
demand:
  arrivals: { rate: 300/h }${patience === '' ? '' : `\n  patience: ${patience}`}
  intents:
    billing: { share: 0.6, handle: 4m }
    outage: { share: 0.4, handle: 3m }
teams:
  billing: { agents: 14, skills: [billing] }
  field: { agents: 8, skills: [outage] }
`;

/** A design's two numbers, one per team (indented as a design's fields). */
export const TWO_NUMBERS = `
    numbers:
      - { dial: "0800 100", to: billing, for: [billing] }
      - { dial: "0800 200", to: field, for: [outage] }`;

/** A design's one number reaching an IVR that routes 92% of callers right. */
export const ONE_NUMBER_IVR = `
    numbers: [ { dial: "3631", to: ivr } ]
    ivr: { menu: 40s, accuracy: 0.92 }`;
