// `spoc` run in this process, its standard output and errors captured.
import { runCli } from '../../src/cli/cli.ts';

export async function spoc(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
