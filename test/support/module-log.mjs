// Records every module a child process loads (`node --import`): the URL of each, one a line,
// appended to the file named by SPOC_MODULE_LOG. The hooks run on Node's loader thread.
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url, { data: { log: process.env.SPOC_MODULE_LOG } });
