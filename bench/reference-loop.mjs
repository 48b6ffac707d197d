// The yardstick for the simulator's speed: model (a), M/M/105+M, as a hand-written plain
// JavaScript loop with nothing but the queueing itself (typed-array heap, an inline Alea
// generator, nothing allocated per caller, no metrics but a wait sum). The benchmark runs
// it beside the simulator on the same machine, so speed is reported as a fraction of it.
// Usage: node bench/reference-loop.mjs [CALLS]; prints one JSON line per run, cold then warm.

import { pathToFileURL } from 'node:url';

/** Simulates `calls` callers of model (a); returns what it measured. */
export function referenceLoop(calls) {
  const agents = 105;
  const arrivalRate = 100 / 60; // per second
  const meanHandle = 60;
  const meanPatience = 120;

  // Alea, stepped inline (any seed will do for a yardstick).
  let s0 = 0.8633289230056107;
  let s1 = 0.15019597578793764;
  let s2 = 0.9176769608166069;
  let c = 1;
  function uniform() {
    const t = 2091639 * s0 + c * 2.3283064365386963e-10;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    return (s2 = t - c);
  }

  // Binary heap of (time, event): event >= 0 is a caller's patience timer, -1 an agent freeing up.
  let heapTime = new Float64Array(1024);
  let heapEvent = new Int32Array(1024);
  let size = 0;
  function push(time, event) {
    if (size === heapTime.length) {
      const t = new Float64Array(size * 2);
      t.set(heapTime);
      heapTime = t;
      const e = new Int32Array(size * 2);
      e.set(heapEvent);
      heapEvent = e;
    }
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTime[parent] <= time) break;
      heapTime[i] = heapTime[parent];
      heapEvent[i] = heapEvent[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapEvent[i] = event;
  }
  function popInto() {
    const time = heapTime[--size];
    const event = heapEvent[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && heapTime[child + 1] < heapTime[child]) child++;
      if (time <= heapTime[child]) break;
      heapTime[i] = heapTime[child];
      heapEvent[i] = heapEvent[child];
      i = child;
    }
    heapTime[i] = time;
    heapEvent[i] = event;
  }

  // Waiting callers: a ring of caller ids; a caller id is reused once its slot comes round.
  const CALLERS = 1 << 20;
  const waitingSince = new Float64Array(CALLERS).fill(-1);
  const ring = new Int32Array(CALLERS);
  let head = 0;
  let tail = 0;
  let waiting = 0;

  let now = 0;
  let busy = 0;
  let nextArrival = -Math.log(1 - uniform()) / arrivalRate;
  let arrived = 0;
  let abandoned = 0;
  let waitSum = 0;
  let events = 0;

  const started = performance.now();
  while (arrived < calls || size > 0) {
    events++;
    if (arrived < calls && (size === 0 || nextArrival < heapTime[0])) {
      now = nextArrival;
      const caller = arrived++ & (CALLERS - 1);
      nextArrival = now - Math.log(1 - uniform()) / arrivalRate;
      const handle = -meanHandle * Math.log(1 - uniform());
      const patience = -meanPatience * Math.log(1 - uniform());
      if (busy < agents && waiting === 0) {
        busy++;
        push(now + handle, -1);
      } else {
        waitingSince[caller] = now;
        ring[tail] = caller;
        tail = (tail + 1) & (CALLERS - 1);
        waiting++;
        push(now + patience, caller);
      }
      continue;
    }
    now = heapTime[0];
    const event = heapEvent[0];
    popInto();
    if (event >= 0) {
      // Patience runs out: the caller leaves if still waiting.
      if (waitingSince[event] >= 0) {
        waitSum += now - waitingSince[event];
        waitingSince[event] = -1;
        waiting--;
        abandoned++;
      }
      continue;
    }
    // An agent frees up and takes the first caller still waiting.
    busy--;
    while (waiting > 0) {
      const caller = ring[head];
      head = (head + 1) & (CALLERS - 1);
      if (waitingSince[caller] < 0) continue;
      waitSum += now - waitingSince[caller];
      waitingSince[caller] = -1;
      waiting--;
      busy++;
      push(now - meanHandle * Math.log(1 - uniform()), -1);
      break;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    calls: arrived,
    events,
    loopSeconds: seconds,
    callsPerSecond: arrived / seconds,
    abandonRate: abandoned / arrived,
    waitMean: waitSum / arrived,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const calls = Number(process.argv[2] ?? 1_000_000);
  for (const run of ['cold', 'warm']) process.stdout.write(`${JSON.stringify({ run, ...referenceLoop(calls) })}\n`);
}
