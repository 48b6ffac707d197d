// The version the command reports is the package's own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/cli/package-version.ts';
import { spocProcess } from '../support/spoc-process.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('the package version', () => {
  it('is read from package.json', () => {
    expect(packageVersion()).toBe(version);
  });

  it('is what spoc --version prints, and nothing else', async () => {
    const { code, out, err } = await spocProcess(['--version']);
    expect({ code, out, err }).toEqual({ code: 0, out: `${version}\n`, err: '' });
  }, 30_000);
});
