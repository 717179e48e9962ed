// Hands the loaded archive from the CLI's build to the Eleventy configuration, which Eleventy
// imports itself. One build at a time per process (the CLI holds a lock per output folder).

import type { SiteContext } from './site-context.ts';

let current: SiteContext | undefined;

export function setBuildContext(context: SiteContext | undefined): void {
  current = context;
}

export function getBuildContext(): SiteContext {
  if (!current) {
    throw new Error(
      'Broadsheet: no archive loaded. Build with "npm run build" (broadsheet build), which ingests the inbox and runs Eleventy with .eleventy.ts.',
    );
  }
  return current;
}
