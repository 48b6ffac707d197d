// `spoc erlang` as a panel: the form's fields are the command's options, and the output is
// the command's own text (the same code prints it), refusals included.
import { erlangCommand, type ErlangArgs } from '../../cli/commands/erlang.ts';
import { InputError } from '../../scenario/index.ts';

/** The option of each field, as typed on the command line. */
const OPTIONS: Readonly<Record<string, string>> = {
  rate: '--rate',
  handle: '--handle',
  agents: '--agents',
  patience: '--patience',
  queueCapacity: '--queue-capacity',
  serviceLevel: '--service-level',
  target: '--target',
  maxAsa: '--max-asa',
  maxAbandonRate: '--max-abandon-rate',
  maxBlocking: '--max-blocking',
};

export interface ErlangAnswer {
  /** The command line the fields make. */
  readonly command: string;
  /** What it prints: the figures, or its refusal (`spoc: …`). */
  readonly output: string;
}

/** The answer of `spoc erlang` to the fields' values (empty ones left out). */
export function erlangAnswer(fields: Readonly<Record<string, string>>): ErlangAnswer {
  const given = (name: string): string | undefined => {
    const value = fields[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const args: ErlangArgs = {
    rate: given('rate') ?? '',
    handle: given('handle') ?? '',
    agents: given('agents'),
    patience: given('patience'),
    queueCapacity: given('queueCapacity'),
    serviceLevel: given('serviceLevel') ?? '20s',
    target: given('target'),
    maxAsa: given('maxAsa'),
    maxAbandonRate: given('maxAbandonRate'),
    maxBlocking: given('maxBlocking'),
    format: 'table',
  };
  const command = ['spoc erlang', ...Object.entries(OPTIONS).flatMap(([name, option]) => (given(name) === undefined ? [] : [`${option} ${given(name)}`]))].join(' ');
  let output = '';
  try {
    erlangCommand(args, { stdout: (text) => (output += text), stderr: (text) => (output += text) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    output = error.lines.map((line) => `spoc: ${line}\n`).join('');
  }
  return { command, output };
}
