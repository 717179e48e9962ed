// Whether Node's heap limit leaves room for a build of an inbox's size. Node caps its JavaScript
// heap at about 4 GiB whatever the machine has, and a build from scratch holds every article's
// text and page data at once in places (the end of ingest, the render): 200,000 articles need
// more than that (7.4 GB), and a build over the cap dies with V8's "JavaScript heap out of memory" and a
// stack dump, minutes into the work and with no word of what to do. `npm run build`, `npm start`
// and `npm run bench` start Node with a larger limit (package.json, HEAP_LIMIT_FLAG); run any
// other way, a large inbox gets this warning at once, before the work that would fail.

import { getHeapStatistics } from 'node:v8';
import type { ProblemInput } from '../problems.ts';

/** The flag the npm scripts give Node (keep package.json's scripts in step; a test checks). */
export const HEAP_LIMIT_FLAG = '--max-old-space-size=16384';

/**
 * Memory a build from scratch needs per source, with room to spare: the 200,000-article synthetic
 * archive's build peaked at 7.4 GB, about 37 KB a source (docs/measurements.md, "Two hundred thousand
 * articles"), and 100,000 build within the default heap.
 */
export const HEAP_BYTES_PER_SOURCE = 40 * 1024;

/** The warning for `sources` sources when the heap limit is below what they need, else undefined. */
export function heapRoomProblem(sources: number, inbox: string, limitBytes = getHeapStatistics().heap_size_limit): ProblemInput | undefined {
  const needed = sources * HEAP_BYTES_PER_SOURCE;
  if (needed <= limitBytes) return undefined;
  const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  return {
    code: 'HEAP_LIMIT_LOW',
    file: inbox,
    message:
      `holds ${sources.toLocaleString('en')} sources; a build of that many from scratch needs about ${gib(needed)} of JavaScript heap, ` +
      `more than Node's limit here (${gib(limitBytes)}), and may stop with "JavaScript heap out of memory"`,
    hint: `Build with npm run build (which raises the limit), or start Node with a larger one: node ${HEAP_LIMIT_FLAG} bin/broadsheet.js build …, or NODE_OPTIONS=${HEAP_LIMIT_FLAG}.`,
  };
}
