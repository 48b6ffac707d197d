// The Web Worker of the playground: runs a scenario's text as `spoc run` runs its file (same
// checks, same warnings, same replications in the same order) and posts back the result,
// with the JSON and CSV texts of `spoc run -f json` and `-f csv`.
import { runScenarioData } from '../../experiment/single-run.ts';
import { formatCsv, formatJson } from '../../report/index.ts';
import { InputError, parseScenarioData } from '../../scenario/index.ts';
import { SCENARIO_FILE, type RunRequest, type WorkerReply } from '../protocol.ts';
import { inWorkerExecutor } from './in-worker-executor.ts';

const post = (reply: WorkerReply): void => self.postMessage(reply);

async function run(request: RunRequest): Promise<WorkerReply> {
  const { id } = request;
  try {
    const data = parseScenarioData(request.text, SCENARIO_FILE, { format: 'yaml' });
    const overrides = {
      ...(request.replications === undefined ? {} : { replications: request.replications }),
      ...(request.seed === undefined ? {} : { seed: request.seed }),
    };
    const { outcome } = await runScenarioData(
      data,
      {
        overrides,
        interval: request.interval,
        warn: (message) => post({ kind: 'warning', id, message }),
        onReplication: (done, planned) => post({ kind: 'progress', id, done, planned }),
      },
      (context) => inWorkerExecutor(context),
    );
    const result = outcome.result;
    return { kind: 'done', id, json: formatJson(result), csv: formatCsv(result), result };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'refused', id, lines: error.lines };
    return { kind: 'failed', id, message: error instanceof Error ? error.message : String(error) };
  }
}

self.onmessage = (event: MessageEvent<RunRequest>) => {
  void run(event.data).then(post);
};
