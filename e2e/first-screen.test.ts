/**
 * The first screen after sign-in loads at most 350 KB of gzipped JavaScript, and no charts: the
 * JS the browser actually fetches from sign-in to My OKRs, and the build manifest's count.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, firstScreenJs } from '../web/scripts/bundle-size.js';
import { launchChromium, newPage, shouldRunBrowserSuites, signIn } from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

const BUDGET = 350 * 1024;

const gzipped = (file: string): number => {
  const gz = join(DIST, `${file}.gz`);
  return existsSync(gz)
    ? statSync(gz).size
    : gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
};

describe('the first screen stays light', () => {
  it('counts at most 350 KB of gzipped JS in the build for sign-in → My OKRs', () => {
    const report = firstScreenJs();
    console.log(
      `[first screen] ${(report.total / 1024).toFixed(1)} KB gzipped JS in ${report.files.length} files (build manifest)`,
    );
    expect(report.total).toBeLessThanOrEqual(BUDGET);
    expect(report.files.some((f) => /EChart|echarts/i.test(f.file))).toBe(false);
  });

  describe.runIf(shouldRunBrowserSuites())('in the browser', () => {
    let server: TestServer;
    let browser: Browser;
    beforeAll(async () => {
      server = await startServer();
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('fetches at most 350 KB of gzipped JS from sign-in to My OKRs, and no chart code', async () => {
      const { context, page } = await newPage(browser, { locale: 'zh-CN' });
      const scripts = new Set<string>();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/assets/') && path.endsWith('.js')) scripts.add(path.slice(1));
      });
      await signIn(page, server.url, 'wangfang@xingchen.test');
      await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
      await page.getByText('市场部的OKR').first().waitFor();
      await page.waitForLoadState('networkidle');
      const files = [...scripts];
      const total = files.reduce((sum, f) => sum + gzipped(f), 0);
      console.log(
        `[first screen] ${(total / 1024).toFixed(1)} KB gzipped JS in ${files.length} files (fetched by Chromium)`,
      );
      expect(total).toBeLessThanOrEqual(BUDGET);
      expect(files.filter((f) => /EChart|Chart/.test(f))).toEqual([]);
      await context.close();
    });
  });
});
