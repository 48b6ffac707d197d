// Runs in the page's Web Worker: one run at a time per client, with progress and warnings
// as they come; stopping terminates the worker (a fresh one takes the next run), so a long
// replication stops at once.
import type { RunRequest, WorkerReply } from '../protocol.ts';

export type RunEnd = Extract<WorkerReply, { kind: 'done' | 'refused' | 'failed' }> | { readonly kind: 'stopped' };

export interface RunHandlers {
  readonly onProgress?: (done: number, planned: number) => void;
  readonly onWarning?: (message: string) => void;
}

export class RunClient {
  private worker: Worker | undefined;
  private nextId = 0;
  private current: { readonly id: number; readonly settle: (end: RunEnd) => void; readonly handlers: RunHandlers } | undefined;

  constructor(private readonly workerUrl: string) {}

  /** Starts the worker ahead of the first run, so that it is ready when asked. */
  warmUp(): void {
    this.workerOf();
  }

  /** Runs `request`, stopping a run in progress first. */
  run(request: Omit<RunRequest, 'id'>, handlers: RunHandlers = {}): Promise<RunEnd> {
    this.stop();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.current = { id, settle: resolve, handlers };
      this.workerOf().postMessage({ ...request, id } satisfies RunRequest);
    });
  }

  get running(): boolean {
    return this.current !== undefined;
  }

  stop(): void {
    const current = this.current;
    if (current === undefined) return;
    this.current = undefined;
    this.worker?.terminate();
    this.worker = undefined;
    current.settle({ kind: 'stopped' });
  }

  private workerOf(): Worker {
    if (this.worker !== undefined) return this.worker;
    const worker = new Worker(this.workerUrl);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.finish({ kind: 'failed', id: this.current?.id ?? -1, message: event.message || 'the worker could not start' });
      this.worker?.terminate();
      this.worker = undefined;
    };
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    const current = this.current;
    if (current === undefined || reply.id !== current.id) return;
    if (reply.kind === 'progress') current.handlers.onProgress?.(reply.done, reply.planned);
    else if (reply.kind === 'warning') current.handlers.onWarning?.(reply.message);
    else this.finish(reply);
  }

  private finish(end: RunEnd): void {
    const current = this.current;
    this.current = undefined;
    current?.settle(end);
  }
}
