#!/usr/bin/env node
// Runs Broadsheet's TypeScript sources directly through tsx, so there is no compile step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
