// Process entry point of the `spoc` command.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';
import { tuneV8 } from './tune-v8.ts';

tuneV8();

// A reader that stops early (`spoc sweep … | head`) closes the pipe: that ends the output,
// it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(hideBin(process.argv));
