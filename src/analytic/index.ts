// Public API of the analytic queueing formulas (Erlang B/C/A, M/M/c/K, Jackson, staffing).
export { erlangB, logInverseErlangB } from './erlang-b.ts';
export {
  erlangC,
  erlangCProbability,
  erlangCServiceLevel,
  erlangCWaitExceedance,
  erlangCWaitQuantile,
  type ErlangCResult,
} from './erlang-c.ts';
export { erlangA, erlangAServiceLevel, type ErlangAInput, type ErlangAResult } from './erlang-a.ts';
export { mmck, type MmckInput, type MmckResult } from './mmck.ts';
export {
  jacksonNetwork,
  solveTrafficEquations,
  UnstableNodeError,
  type JacksonInput,
  type JacksonNode,
  type JacksonResult,
} from './jackson.ts';
export {
  agentsForAbandonRate,
  agentsForAsa,
  agentsForBlocking,
  agentsForServiceLevel,
  agentsForTargets,
  agentsForWait,
  queueMetrics,
  type StaffingInput,
  type StaffingResult,
  type StaffingTargets,
} from './staffing.ts';
export type { QueueInput, QueueMetrics } from './types.ts';
