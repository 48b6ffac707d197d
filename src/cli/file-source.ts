// The scenario loader's files, read from the file system: what the command line (and a test
// or benchmark loading a scenario from a path) gives it.
import { readFileSync, realpathSync } from 'node:fs';
import type { FileSource } from '../scenario/index.ts';

export const nodeFileSource: FileSource = {
  readBytes: (path) => readFileSync(path),
  readText: (path) => readFileSync(path, 'utf8'),
  realPath: (path) => realpathSync(path),
};
