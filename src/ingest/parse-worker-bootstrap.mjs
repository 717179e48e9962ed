// Entry point of a parse worker thread. The CLI registers tsx on the main thread only, and
// Node 20 does not pass module hooks on to workers, so each worker registers its own before it
// loads the TypeScript worker module. Plain JavaScript because nothing can compile it yet.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
