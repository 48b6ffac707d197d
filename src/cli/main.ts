// Process entry point of the `spoc` command.
import { hideBin } from 'yargs/helpers';
import { EXIT_INTERNAL, runCli } from './cli.ts';
import { codeOf } from './environment-error.ts';
import { tuneV8 } from '../experiment/tune-v8.ts';

tuneV8();

// A reader that stops early (`spoc sweep … | head`) closes the pipe: that ends the output,
// it is not an error. Any other failure (a full disk, an I/O error) is the machine's: one
// line and exit code 1, no stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`spoc: cannot write to standard output (${codeOf(error)})\n`);
  process.exit(EXIT_INTERNAL);
});

process.exitCode = await runCli(hideBin(process.argv));
