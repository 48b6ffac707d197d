// The executor of a run in the page's Web Worker: every replication in this thread, one
// after the other, as `spoc run --workers 1` does (results do not depend on where tasks run).
// Stopping a run terminates the worker, so no task needs to look out for it.
import type { Executor } from '../../experiment/executor.ts';
import { TaskRunner, type ReplicationTask, type ReplicationTaskResult, type TaskContext } from '../../experiment/replication-task.ts';

export function inWorkerExecutor(context: TaskContext): Executor {
  const runner = new TaskRunner(context);
  return {
    parallelism: 1,
    run: async (task: ReplicationTask): Promise<ReplicationTaskResult> => runner.run(task),
    close: async () => {},
  };
}
