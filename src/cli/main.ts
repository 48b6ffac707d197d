// Process entry point of the `spoc` command.
import { hideBin } from 'yargs/helpers';
import { runCli } from './cli.ts';

process.exitCode = await runCli(hideBin(process.argv));
