#!/usr/bin/env node
// Runs Broadsheet's CLI compiled from its TypeScript sources (compile.js, compiled again when a
// source changes), or, when it cannot be compiled, the sources themselves through tsx.
// BROADSHEET_RUN_SOURCES=1 runs the sources even so. For stack traces that name the sources'
// lines, run `node --enable-source-maps bin/broadsheet.js` (off by default: it costs start-up).
import { compiledBuild, discardCompiled } from './compile.js';

const compiled = process.env.BROADSHEET_RUN_SOURCES ? undefined : await compiledBuild();
let main;
if (compiled) {
  globalThis.broadsheetCompiledBuild = { eleventyConfig: compiled.eleventyConfig, parseWorker: compiled.parseWorker };
  try {
    ({ main } = await import(compiled.main));
  } catch {
    // The compiled folder was damaged (a chunk removed by hand): it is made again next run, and
    // this one runs the sources.
    await discardCompiled(compiled.folder);
    delete globalThis.broadsheetCompiledBuild;
  }
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
