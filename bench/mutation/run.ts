// `npm run mutate [-- MUTANTS.json]`: plants each bug of a list in a scratch copy of the
// project, one at a time, and runs the type-check and the test suite against it; a mutant
// is killed when a test fails, survives when the whole suite passes, and is invalid when it
// does not compile. Options: --test FILE (repeatable: run only these test files, to check
// that one pin kills its mutant), --only ID (repeatable), --skip-baseline.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMutants, substitute, type Mutant } from './mutants.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 20 * 60_000;

type Verdict =
  | { readonly kind: 'killed'; readonly by: string }
  | { readonly kind: 'survived' }
  | { readonly kind: 'invalid'; readonly why: string };

const args = process.argv.slice(2);
const repeated = (flag: string): string[] => args.flatMap((a, i) => (args[i - 1] === flag ? [a] : []));
const flagged = new Set(args.flatMap((a, i) => (a.startsWith('--') ? [i, ...(a === '--skip-baseline' ? [] : [i + 1])] : [])));
const positional = args.filter((_, i) => !flagged.has(i));
const mutantsFile = positional[0] ?? join(root, 'bench/mutation/planted.json');
const only = repeated('--only');
const testFiles = repeated('--test');

const mutants = readMutants(readFileSync(mutantsFile, 'utf8'), mutantsFile).filter((m) => only.length === 0 || only.includes(m.id));
// Every mutant must apply before any runs: a stale one is reported at once.
for (const mutant of mutants) substitute(readFileSync(join(root, mutant.file), 'utf8'), mutant);
const scratch = copyProject();
try {
  console.log(`mutation run: ${mutants.length} mutants from ${relative(process.cwd(), mutantsFile)}${testFiles.length > 0 ? `, tests ${testFiles.join(' ')}` : ', whole suite'}`);
  if (!args.includes('--skip-baseline')) {
    const baseline = judge(scratch);
    if (baseline.kind !== 'survived') {
      console.error(`the unchanged project does not pass (${describe(baseline)}): no mutant can be judged`);
      process.exit(1);
    }
    console.log('baseline: the unchanged project passes');
  }
  const verdicts = mutants.map((mutant) => {
    const started = Date.now();
    const verdict = withMutant(scratch, mutant, () => judge(scratch));
    console.log(`${mutant.id.padEnd(28)} ${describe(verdict)}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return verdict;
  });
  const count = (kind: Verdict['kind']): number => verdicts.filter((v) => v.kind === kind).length;
  const [killed, survived, invalid] = [count('killed'), count('survived'), count('invalid')];
  const judged = killed + survived;
  const score = judged === 0 ? 'none' : `${((100 * killed) / judged).toFixed(0)}%`;
  console.log(`killed ${killed}, survived ${survived}, invalid ${invalid}: mutation score ${killed}/${judged} = ${score}`);
  for (const [i, v] of verdicts.entries()) if (v.kind === 'survived') console.log(`survived: ${mutants[i]!.id}: ${mutants[i]!.why}`);
  process.exitCode = survived > 0 ? 3 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** The project's files as they stand (committed or not, ignored ones aside) in a new folder, sharing node_modules. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spoc-mutation-'));
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0').filter((f) => f !== '' && f !== 'node_modules')) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    try {
      cpSync(join(root, file), join(dir, file));
    } catch (error) {
      // A file deleted but not yet staged is still listed: nothing to copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  symlinkSync(realpathSync(join(root, 'node_modules')), join(dir, 'node_modules'));
  return dir;
}

/** Runs `body` with the mutant applied in `dir`, then puts the file back. */
function withMutant<T>(dir: string, mutant: Mutant, body: () => T): T {
  const path = join(dir, mutant.file);
  const original = readFileSync(path, 'utf8');
  writeFileSync(path, substitute(original, mutant));
  try {
    return body();
  } finally {
    writeFileSync(path, original);
  }
}

/** Type-check, then the tests, stopping at the first failure. */
function judge(dir: string): Verdict {
  const tsc = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT_MS });
  if (tsc.status !== 0) return { kind: 'invalid', why: firstLine(tsc.stdout || tsc.stderr) };
  const report = join(dir, '.mutation-report.json');
  rmSync(report, { force: true });
  const vitest = spawnSync('npx', ['vitest', 'run', '--bail', '1', '--reporter=json', `--outputFile=${report}`, ...testFiles], {
    cwd: dir,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 28,
  });
  if (vitest.error !== undefined) return { kind: 'killed', by: `no answer within ${TIMEOUT_MS / 60_000} min` };
  if (vitest.status === 0) return { kind: 'survived' };
  return { kind: 'killed', by: firstFailure(report, dir) ?? `vitest exit ${vitest.status}: ${firstLine(vitest.stderr)}` };
}

/** "file > test name" of the first failed test in vitest's JSON report. */
function firstFailure(report: string, dir: string): string | undefined {
  let parsed: { testResults?: { name: string; status: string; message?: string; assertionResults?: { status: string; fullName: string }[] }[] };
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    return undefined;
  }
  for (const file of parsed.testResults ?? []) {
    const name = file.name.startsWith(dir) ? file.name.slice(dir.length + 1) : file.name;
    const failed = file.assertionResults?.find((a) => a.status === 'failed');
    if (failed !== undefined) return `${name} > ${failed.fullName}`;
    if (file.status === 'failed') return `${name} (${firstLine(file.message ?? 'failed to run')})`;
  }
  return undefined;
}

function describe(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'killed':
      return `killed by ${verdict.by}`;
    case 'survived':
      return 'SURVIVED';
    case 'invalid':
      return `invalid (does not compile: ${verdict.why})`;
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}
