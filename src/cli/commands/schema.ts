// `spoc schema`: the JSON Schema of the scenario format, for editor completion.
import { scenarioJsonSchema } from '../../scenario/index.ts';
import type { CliIo } from '../io.ts';

export function schemaCommand(io: CliIo): void {
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
}
