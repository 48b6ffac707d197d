// A worker thread: runs replication tasks for the pool and posts their results back.
import { parentPort, workerData } from 'node:worker_threads';
import { TaskRunner, type ReplicationTask, type TaskContext } from './replication-task.ts';

const runner = new TaskRunner(workerData as TaskContext);
parentPort!.on('message', (message: { id: number; task: ReplicationTask }) => {
  try {
    parentPort!.postMessage({ id: message.id, result: runner.run(message.task) });
  } catch (error) {
    parentPort!.postMessage({ id: message.id, error: serializeError(error) });
  }
});

function serializeError(error: unknown): { name: string; message: string; problems?: unknown } {
  if (error instanceof Error) {
    const problems = (error as { problems?: unknown }).problems;
    return { name: error.name, message: error.message, ...(problems === undefined ? {} : { problems }) };
  }
  return { name: 'Error', message: String(error) };
}
