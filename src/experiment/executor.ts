// Where replication tasks run: in this thread, or spread over worker threads. Either way a
// task's result depends only on the task, so outputs are the same whatever the count.
import { Worker } from 'node:worker_threads';
import { ScenarioError, type Problem } from '../scenario/index.ts';
import { TaskRunner, type ReplicationTask, type ReplicationTaskResult, type TaskContext } from './replication-task.ts';

export interface Executor {
  /** How many tasks can usefully run at once. */
  readonly parallelism: number;
  run(task: ReplicationTask): Promise<ReplicationTaskResult>;
  close(): Promise<void>;
}

export function createExecutor(context: TaskContext, workers: number): Executor {
  return workers <= 1 ? new InThreadExecutor(context) : new WorkerPoolExecutor(context, workers);
}

class InThreadExecutor implements Executor {
  readonly parallelism = 1;
  private readonly runner: TaskRunner;
  private closed = false;

  constructor(context: TaskContext) {
    this.runner = new TaskRunner(context);
  }

  async run(task: ReplicationTask): Promise<ReplicationTaskResult> {
    // Let timers and signals (progress, Ctrl-C) through between tasks.
    await new Promise((resolve) => setImmediate(resolve));
    // A task sent before an abort closed the executor is dropped, not run: it never settles.
    if (this.closed) return new Promise(() => {});
    return this.runner.run(task);
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

interface Pending {
  readonly id: number;
  readonly task: ReplicationTask;
  readonly resolve: (result: ReplicationTaskResult) => void;
  readonly reject: (error: Error) => void;
}

type WorkerReply =
  | { id: number; result: ReplicationTaskResult }
  | { id: number; error: { name: string; message: string; problems?: readonly Problem[] } };

/**
 * What a worker thread runs: the compiled worker beside this module (dist/), or, when this
 * module runs from the TypeScript sources (tests, benchmarks), an entry that registers the
 * TypeScript loader first.
 */
const WORKER_MODULE = new URL(import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './replication-worker.js', import.meta.url);

class WorkerPoolExecutor implements Executor {
  readonly parallelism: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private failure: Error | undefined;

  constructor(context: TaskContext, size: number) {
    this.parallelism = size;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_MODULE, {
        workerData: context,
        // A worker holds one replication at a time: a modest young generation keeps
        // its garbage (cloned scenarios, finished records) from inflating memory.
        resourceLimits: { maxYoungGenerationSizeMb: 16 },
      });
      worker.on('message', (reply: WorkerReply) => this.settle(worker, reply));
      worker.on('error', (error) => this.fail(error));
      this.idle.push(worker);
    }
  }

  run(task: ReplicationTask): Promise<ReplicationTaskResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const pending = this.queue.shift()!;
      this.busy.set(worker, pending);
      worker.postMessage({ id: pending.id, task: pending.task });
    }
  }

  private settle(worker: Worker, reply: WorkerReply): void {
    const pending = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    if (pending !== undefined) {
      if ('result' in reply) pending.resolve(reply.result);
      else pending.reject(reviveError(reply.error));
    }
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of [...this.busy.values(), ...this.queue]) pending.reject(error);
    this.busy.clear();
    this.queue.length = 0;
  }
}

/** Errors cross threads as plain data; bad input stays bad input (exit code 2). */
function reviveError(error: { name: string; message: string; problems?: readonly Problem[] }): Error {
  if (error.problems !== undefined) return new ScenarioError(error.problems);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}
