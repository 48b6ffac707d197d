// The random streams of one replication, one per purpose.
import { createStream, type RandomStream } from '../engine/random.ts';

/**
 * Caller attributes (arrivals, callers, repeat calls, patience) never share a stream with
 * routing (IVR, misroutes, transfers, triage): that is what keeps designs compared on the same callers.
 */
export interface Streams {
  readonly arrivals: RandomStream;
  readonly callers: RandomStream;
  readonly repeatCalls: RandomStream;
  readonly recontact: RandomStream;
  readonly ivr: RandomStream;
  readonly misroute: RandomStream;
  readonly transfer: RandomStream;
  /** A triage agent's time and where they hand the caller over. */
  readonly triage: RandomStream;
  readonly patience: RandomStream;
  readonly service: RandomStream;
  /** Re-explaining on a repeat call: its own stream, so a run without it draws as before. */
  readonly reexplainOnRepeat: RandomStream;
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
    triage: stream('triage'),
    patience: stream('patience'),
    service: stream('service'),
    reexplainOnRepeat: stream('reexplain-on-repeat'),
    closedRetry: stream('closed-retry'),
    reopenDelay: stream('reopen-delay'),
  };
}

/**
 * Whether a caller accepts the callback offer, and whether the agent calling back reaches
 * them: a stream of its own, made only for a design with an offer, so other designs draw as before.
 */
export const callbackOfferStream = (seed: number, replication: number): RandomStream => createStream(seed, replication, 'callback-offer');

/**
 * The day factors of `demand.arrivals.dailyVolume`: a stream of their own, made only for a
 * run that draws them, so every other run keeps its streams and its speed.
 */
export const dailyVolumeStream = (seed: number, replication: number): RandomStream => createStream(seed, replication, 'daily-volume');
