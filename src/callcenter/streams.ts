// The random streams of one replication, one per purpose.
import { createStream, type RandomStream } from '../engine/random.ts';

/**
 * Caller attributes (arrivals, callers, repeat calls, patience) never share a stream with
 * routing (IVR, misroutes, transfers): that is what keeps designs compared on the same callers.
 */
export interface Streams {
  readonly arrivals: RandomStream;
  readonly callers: RandomStream;
  readonly repeatCalls: RandomStream;
  readonly recontact: RandomStream;
  readonly ivr: RandomStream;
  readonly misroute: RandomStream;
  readonly transfer: RandomStream;
  readonly patience: RandomStream;
  readonly service: RandomStream;
  /** Opening hours: whether a caller who found the line closed calls again, and when after the opening. */
  readonly closedRetry: RandomStream;
  readonly reopenDelay: RandomStream;
}

export function createStreams(seed: number, replication: number): Streams {
  const stream = (name: string): RandomStream => createStream(seed, replication, name);
  return {
    arrivals: stream('arrivals'),
    callers: stream('callers'),
    repeatCalls: stream('repeat-calls'),
    recontact: stream('recontact'),
    ivr: stream('ivr'),
    misroute: stream('misroute'),
    transfer: stream('transfer'),
    patience: stream('patience'),
    service: stream('service'),
    closedRetry: stream('closed-retry'),
    reopenDelay: stream('reopen-delay'),
  };
}
