// The yargs layer: commands, help with examples, and the mapping of errors to exit codes
// (0 success, 2 invalid input with one clear line per problem, 1 internal error or a failure
// of the machine such as a full disk).
import yargs, { type Argv } from 'yargs';
// The error classes alone, not the scenario barrel: building the parser (all that --help and
// --version need) loads no command's machinery; each command's module loads when it runs.
import { ScenarioError } from '../scenario/errors.ts';
import { InputError } from '../scenario/input-error.ts';
import { EnvironmentError } from './environment-error.ts';
import { processIo, type CliIo } from './io.ts';
import { SPOC_VERSION } from '../experiment/provenance.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;

/** Runs the command line on `args` (without `node` and the script); returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const parser = buildParser(yargs(), io).fail((message, error) => {
    // yargs reports usage problems (unknown option, missing file...) with a message and no
    // error; errors thrown by a command handler come through here too and keep their type.
    if (error) throw error;
    throw new UsageError(message);
  });
  try {
    // A parse callback makes yargs hand over --help and --version text instead of printing it.
    let shown = '';
    await parser.parseAsync([...args], {}, (_error, _argv, output) => {
      shown = output;
    });
    if (shown !== '') io.stdout(`${shown}\n`);
    return EXIT_OK;
  } catch (error) {
    return reportError(error, io);
  }
}

class UsageError extends InputError {}

function buildParser(parser: Argv, io: CliIo): Argv {
  return parser
    .scriptName('spoc')
    .usage('$0 <command> [options]\n\nCompare contact-centre routing designs on the same demand.')
    .command(
      'run <file>',
      'simulate every design of a scenario and compare them',
      async (y) => (await import('./commands/run.ts')).runOptions(y),
      async (argv) => (await import('./commands/run.ts')).runCommand(argv, io),
    )
    .command(
      'validate <file>',
      'check a scenario file and exit',
      async (y) => (await import('./commands/validate.ts')).validateOptions(y),
      async (argv) => (await import('./commands/validate.ts')).validateCommand(argv.file, io, { allowOutsideFiles: argv.allowOutsideFiles }),
    )
    .command('schema', 'print the JSON Schema of the scenario format (for editors)', (y) => y, async () =>
      (await import('./commands/schema.ts')).schemaCommand(io),
    )
    .command(
      'sweep <file>',
      'run a grid of scenario variants, one row per point and design',
      async (y) => (await import('./commands/sweep.ts')).sweepOptions(y),
      async (argv) => (await import('./commands/sweep.ts')).sweepCommand(argv, io),
    )
    .command(
      'merge <files..>',
      'combine the outputs of sweep shards',
      async (y) => (await import('./commands/merge.ts')).mergeOptions(y),
      async (argv) => (await import('./commands/merge.ts')).mergeCommand(argv, io),
    )
    .command(
      'trace <file>',
      'follow sampled callers through one replication of a design',
      async (y) => (await import('./commands/trace.ts')).traceOptions(y),
      async (argv) => (await import('./commands/trace.ts')).traceCommand(argv, io),
    )
    .command(
      'staff <file>',
      'the fewest agents (lowest cost) each design needs to meet service targets',
      async (y) => (await import('./commands/staff.ts')).staffOptions(y),
      async (argv) => (await import('./commands/staff.ts')).staffCommand(argv, io),
    )
    .command(
      'erlang',
      'Erlang C, A, B and M/M/c/K figures and staffing for a given load',
      async (y) => (await import('./commands/erlang.ts')).erlangOptions(y),
      async (argv) => (await import('./commands/erlang.ts')).erlangCommand(argv, io),
    )
    .command(
      'playground',
      'serve the browser playground on localhost (edit, run and compare in a page)',
      async (y) => (await import('./commands/playground.ts')).playgroundOptions(y),
      async (argv) => (await import('./commands/playground.ts')).playgroundCommand(argv, io),
    )
    .completion('completion', 'print a bash completion script (spoc completion >> ~/.bashrc)')
    .example('$0 run scenarios/utility-numbers.yaml', 'compare the designs of the default scenario')
    .example('$0 run scenarios/utility-numbers.yaml -f json -o out/result.json', 'machine-readable output to a file')
    .example('$0 run FILE --design one-number-ivr four-numbers -r 50', 'two designs, 50 replications')
    .example('$0 sweep FILE --set teams.billing.agents=8..16 -o out/agents.csv', 'a parameter sweep, one row per point and design')
    .example('$0 sweep FILE --shard 2/4 -o part2.csv && $0 merge part*.csv', 'one slice of a sweep per machine, then merged')
    .example('$0 trace FILE --design four-numbers --issues 3', 'the story of three callers, step by step')
    .example('$0 staff FILE --target serviceLevel>=0.8 --target abandonRate<=5%', 'agents each design needs for the targets')
    .example('$0 validate FILE', 'check a file without running it')
    .example('$0 erlang --rate 600/h --handle 4m --agents 45 --patience 3m', 'queueing theory for one team')
    .example('$0 playground --port 8019', 'the simulator in a browser page, on localhost')
    .demandCommand(1, 'Name a command: run, sweep, merge, trace, staff, validate, schema, erlang or playground.')
    .strict()
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(SPOC_VERSION)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false);
}

/**
 * Bad input (any InputError) exits with 2 and its lines; a failure of the machine (a full
 * disk) with 1 and its line; anything else is a bug: exit 1.
 */
function reportError(error: unknown, io: CliIo): number {
  if (error instanceof InputError) {
    io.stderr(inputErrorText(error));
    return EXIT_INVALID;
  }
  if (error instanceof EnvironmentError) {
    io.stderr(`spoc: ${error.message}\n`);
    return EXIT_INTERNAL;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`spoc: internal error: ${message}\n`);
  if (process.env.SPOC_DEBUG && error instanceof Error) io.stderr(`${error.stack}\n`);
  return EXIT_INTERNAL;
}

/** A scenario's problems name their file already; the others are the command's own. */
function inputErrorText(error: InputError): string {
  if (error instanceof ScenarioError) return `${error.lines.join('\n')}\n`;
  const text = error.lines.map((line) => `spoc: ${line}\n`).join('');
  return error instanceof UsageError ? `${text}Run "spoc --help" for usage.\n` : text;
}
