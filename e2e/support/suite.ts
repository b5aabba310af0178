/** The fixture every browser suite shares: one demo server and one Chromium for the file. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startServer, type TestServer } from './server.js';

export interface BrowserSuite {
  /** the demo server (a fresh SQLite database), once `beforeAll` has run */
  readonly server: TestServer;
  readonly browser: Browser;
}

/** Starts a server and Chromium before the suite's tests and stops both after them. */
export function useBrowserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the browser suite has not started');
    return x;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
