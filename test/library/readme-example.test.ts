import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## ', readme.indexOf('\n## Library\n') + 1));
const block = (fence: string): string => {
  const start = section.indexOf(`\`\`\`${fence}\n`) + fence.length + 4;
  return section.slice(start, section.indexOf('```\n', start));
};

describe("the README's Library example", () => {
  it('prints what the README says it prints, importing spoc-sim as written', () => {
    const code = block('js');
    expect(code).toContain("from 'spoc-sim';");
    const folder = mkdtempSync(join(tmpdir(), 'spoc-library-'));
    try {
      // The package is these sources: the same import, resolved to them.
      const script = join(folder, 'example.mjs');
      writeFileSync(script, code.replace("from 'spoc-sim';", `from ${JSON.stringify(resolve('src/index.ts'))};`));
      const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(block('text'));
      expect(run.stderr).toContain('5/5 replications');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
