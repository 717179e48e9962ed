// No crash, no hang: every hostile case is ingested and rendered in a worker thread that is
// stopped if a case runs past its budget (as markdown-it tests pathological input).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { hostileCases, type HostileCase } from './cases.ts';
import type { WorkerCase } from './ingest-worker.ts';

// Generous: the machine is shared, and a hang (a regex gone exponential) takes far longer.
const BUDGET_MS = 20_000;
const CASES = hostileCases().filter((entry) => entry.inbox);

function toWorkerCase(entry: HostileCase): WorkerCase {
  const files = Object.entries(entry.inbox ?? {})
    .filter(([name]) => name.endsWith('.txt'))
    .map(([name, content]) => {
      const value = typeof content === 'function' ? content() : content;
      return { name, bytes: typeof value === 'string' ? new TextEncoder().encode(value) : value };
    });
  return { name: entry.name, files };
}

describe('every hostile case is ingested and rendered within its time budget', () => {
  let worker: Worker | undefined;
  // Workers do not inherit the tsx loader: register it first, as bin/broadsheet.js does.
  const script = new URL('./ingest-worker.ts', import.meta.url).href;
  const startWorker = () =>
    new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`, { eval: true });

  before(() => {
    worker = startWorker();
  });
  after(async () => {
    await worker?.terminate();
  });

  for (const entry of CASES) {
    it(`${entry.name} finishes within ${BUDGET_MS / 1000} s without throwing`, async () => {
      worker ??= startWorker();
      const current = worker;
      const outcome = await new Promise<{ ms?: number; error?: string }>((resolve) => {
        const timer = setTimeout(() => resolve({ error: `still running after ${BUDGET_MS} ms` }), BUDGET_MS);
        const done = (result: { ms?: number; error?: string }) => {
          clearTimeout(timer);
          current.off('message', onMessage);
          current.off('error', onError);
          resolve(result);
        };
        const onMessage = (message: { name: string; ms: number }) => done({ ms: message.ms });
        const onError = (error: Error) => done({ error: `threw ${error.stack ?? error.message}` });
        current.on('message', onMessage);
        current.on('error', onError);
        current.postMessage(toWorkerCase(entry));
      });
      if (outcome.error) {
        // A hung or crashed worker is replaced so the other cases still run.
        await current.terminate();
        worker = undefined;
      }
      assert.equal(outcome.error, undefined);
    });
  }
});
