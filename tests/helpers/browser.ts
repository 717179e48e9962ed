// Debian's Chromium through playwright-core. Without it, browser tests skip with a message saying
// how to install it; with BROADSHEET_REQUIRE_BROWSER=1 (set by .ci/run) a missing browser fails.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM_PATH)) return false;
  const message = `Chromium not found at ${CHROMIUM_PATH}; browser tests skipped. Install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`;
  if (process.env.BROADSHEET_REQUIRE_BROWSER === '1') throw new Error(`${message} BROADSHEET_REQUIRE_BROWSER=1 makes this a failure.`);
  return message;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A built site served on localhost (under `pathPrefix`) and a browser to open it in: the set-up of most browser tests. */
export async function serveInBrowser(outDir: string, pathPrefix = '/'): Promise<{ server: StaticServer; browser: Browser }> {
  const server = await serveStatic(outDir, pathPrefix);
  return { server, browser: await launchBrowser() };
}

/** Closes what `serveInBrowser` opened (either may be missing when the set-up failed). */
export async function closeServed(browser: Browser | undefined, server: StaticServer | undefined): Promise<void> {
  await browser?.close();
  await server?.close();
}

export interface WatchedPage {
  page: Page;
  /** Console errors and warnings, page errors, dialogs and requests that left the test server. */
  consoleMessages: string[];
  /**
   * Pagefind's notices that its web worker did not start within its fixed 5 s and it searches on
   * the main thread instead: the same results, a matter of the machine's load (CI runs two test
   * files and Chromium on two cores), so kept apart from `consoleMessages`.
   */
  workerFallbacks: string[];
  dialogs: string[];
  foreignRequests: string[];
}

// Pagefind 1.5's own wording (pagefind.js, `init`), timed out after 5 s: nothing else matches it.
const PAGEFIND_WORKER_FALLBACK = /^Failed to initialize Pagefind in the web worker, falling back to main thread: Error: Worker initialization timeout\b/;

/** A page that records everything a test must assert is absent. */
export async function openWatchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watched: WatchedPage = { page, consoleMessages: [], workerFallbacks: [], dialogs: [], foreignRequests: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (message.type() === 'warning' && PAGEFIND_WORKER_FALLBACK.test(message.text())) watched.workerFallbacks.push(message.text());
    else watched.consoleMessages.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.consoleMessages.push(`pageerror: ${error.message}`));
  page.on('dialog', async (dialog) => {
    watched.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreignRequests.push(url);
  });
  return watched;
}
