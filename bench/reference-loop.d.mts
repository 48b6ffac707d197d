/** What one run of the hand-written loop measured. */
export interface ReferenceRun {
  calls: number;
  events: number;
  loopSeconds: number;
  callsPerSecond: number;
  abandonRate: number;
  waitMean: number;
}

/** Simulates `calls` callers of benchmark model (a) in a hand-written loop. */
export function referenceLoop(calls: number): ReferenceRun;
