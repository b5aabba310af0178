/**
 * Every screen, in both languages, passes axe-core without serious or critical violations, and
 * shows its content (no empty page, no script error). Screenshots go to $POLARIS_SHOTS.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  launchChromium,
  newPage,
  PHONE,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { startServer, type TestServer } from './support/server.js';

interface Screen {
  name: string;
  path: string | ((page: Page) => Promise<void>);
  /** text that shows the screen has loaded, per language */
  ready: { 'zh-CN': string | RegExp; en: string | RegExp };
}

const openFirst = (selector: string) => async (page: Page) => {
  await page.locator(selector).first().click();
};

const SCREENS: Screen[] = [
  { name: 'my-okrs', path: '/', ready: { 'zh-CN': '市场部的OKR', en: 'OKRs of 市场部' } },
  {
    name: 'plan',
    path: openFirst('.plan-card .panel-title a'),
    ready: { 'zh-CN': /目标（\d+）/, en: /Objectives \(\d+\)/ },
  },
  {
    name: 'key-result',
    path: openFirst('.due-title'),
    ready: { 'zh-CN': '进展曲线', en: 'Progress over time' },
  },
  {
    name: 'scoring',
    path: async (page: Page) => {
      await page.locator('.plan-card .panel-title a').first().click();
      await page.waitForURL(/\/plans\/[^/]+$/);
      await page.goto(`${page.url()}/scoring`);
    },
    ready: { 'zh-CN': '保存复盘', en: 'Save retrospective' },
  },
  { name: 'check-in', path: '/check-in', ready: { 'zh-CN': '保存签到', en: 'Save check-ins' } },
  {
    name: 'reviews',
    path: '/reviews',
    ready: {
      'zh-CN': '下级部门和成员提交的OKR，等待你的审核。',
      en: 'OKRs of the units and people below you, waiting for your review.',
    },
  },
  {
    name: 'timeline',
    path: '/timeline',
    ready: { 'zh-CN': /行动计划（\d+）/, en: /Actions \(\d+\)/ },
  },
  {
    name: 'organization',
    path: '/organization',
    ready: { 'zh-CN': /成员的OKR（\d+）/, en: /People's OKRs \(\d+\)/ },
  },
  {
    name: 'dashboard',
    path: '/dashboard',
    ready: { 'zh-CN': '部门进度热力图', en: 'Heatmap of units' },
  },
  {
    name: 'unit-summary',
    path: async (page: Page) => {
      await page.goto(new URL('/organization', page.url()).href);
      await page.locator('a[href$="/summary"]').first().click();
    },
    ready: { 'zh-CN': '得分分布', en: 'Score distribution' },
  },
  {
    name: 'requests',
    path: '/requests?state=all',
    ready: { 'zh-CN': '跨部门的协同', en: 'Work across departments' },
  },
  { name: 'alignment', path: '/alignment', ready: { 'zh-CN': /个目标，/, en: /objectives?, / } },
  {
    name: 'alignment-outline',
    path: '/alignment?view=outline',
    ready: { 'zh-CN': /个目标，/, en: /objectives?, / },
  },
  { name: 'settings', path: '/settings', ready: { 'zh-CN': 'API 令牌', en: 'API tokens' } },
  {
    name: 'not-found',
    path: '/no-such-page',
    ready: { 'zh-CN': '页面不存在', en: 'Page not found' },
  },
];

const ADMIN_SCREENS: Screen[] = [
  {
    name: 'admin-people',
    path: '/admin/people',
    ready: { 'zh-CN': 'wangfang@xingchen.test', en: 'wangfang@xingchen.test' },
  },
  {
    name: 'admin-units',
    path: '/admin/units',
    ready: { 'zh-CN': '添加下级部门', en: 'Add a sub-unit' },
  },
  { name: 'admin-cycles', path: '/admin/cycles', ready: { 'zh-CN': /年度战略/, en: /年度战略/ } },
  {
    name: 'admin-settings',
    path: '/admin/settings',
    ready: { 'zh-CN': '健康度阈值', en: 'Health thresholds' },
  },
];

describe.runIf(shouldRunBrowserSuites())('every screen is accessible', () => {
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

  async function visit(page: Page, lang: 'zh-CN' | 'en', screens: Screen[], prefix: string) {
    for (const s of screens) {
      if (typeof s.path === 'string') await page.goto(`${server.url}${s.path}`);
      else {
        await page.goto(`${server.url}/`);
        await page.getByText(SCREENS[0]!.ready[lang]).first().waitFor();
        await s.path(page);
      }
      await page.getByText(s.ready[lang]).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `${s.name} (${lang})`);
      await shot(page, `${prefix}-${s.name}`);
    }
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`a leader's screens (${lang})`, async () => {
      const { context, page, errors } = await newPage(browser, { locale: lang });
      await signIn(page, server.url, 'wangfang@xingchen.test');
      if (lang === 'en') {
        // the demo people chose Chinese: switch for this person
        await page.getByRole('combobox', { name: '切换语言' }).click();
        await page.getByRole('option', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'My OKRs', level: 1 }).waitFor();
      }
      await visit(page, lang, SCREENS, `screens-${lang}`);
      expect(errors).toEqual([]);
      await context.close();
    });

    it(`an admin's screens (${lang})`, async () => {
      const { context, page, errors } = await newPage(browser, { locale: lang });
      await signIn(page, server.url, 'admin@xingchen.test');
      if (lang === 'en') {
        await page.getByRole('combobox', { name: '切换语言' }).click();
        await page.getByRole('option', { name: 'English' }).click();
        await page.getByRole('heading', { name: 'My OKRs', level: 1 }).waitFor();
      }
      await visit(page, lang, ADMIN_SCREENS, `screens-${lang}`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('the alignment map marks and lists the cross-department support link (协同)', async () => {
    const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
    // 刘洋 (销售部): the screens above switched 王芳 to English, and the choice is remembered
    await signIn(page, server.url, 'liuyang@xingchen.test', '/alignment');
    // the demo's one accepted request: 产品部 supports 销售部's channel objective
    const supporting = '为渠道伙伴提供标准演示环境和试用流程';
    const supported = '建立可复制的渠道销售体系';
    const list = page.getByRole('list', { name: '跨部门协同支持' });
    const item = list.getByRole('listitem').filter({ hasText: supporting });
    await item.getByText(supported).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByText('跨部门协同支持（虚线圈）').waitFor();
    // choosing an end focuses it on the map; the outline marks both ends
    await item.getByRole('button', { name: supporting }).click();
    await page.getByRole('status').getByText(supporting).waitFor();
    await page.locator('.ant-segmented-item', { hasText: '大纲' }).click();
    const outline = page.getByRole('list', { name: '大纲' });
    const row = outline.locator('.outline-row', { hasText: supporting });
    await row.getByText('协同 1').waitFor();
    await list.getByRole('button', { name: supported }).click();
    await outline.locator('.outline-row', { hasText: supported }).getByText('协同 1').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, 'alignment support links');
    await shot(page, 'screens-alignment-support');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sign-in and session-expired pages, and phone screens', async () => {
    const { context, page, errors } = await newPage(browser, {
      locale: 'zh-CN',
      viewport: PHONE,
      phone: true,
    });
    await page.goto(`${server.url}/signin`);
    await page.getByRole('heading', { name: '登录 Polaris' }).waitFor();
    await expectAccessible(page, 'sign-in (phone)');
    await shot(page, 'screens-phone-sign-in');

    await signIn(page, server.url, 'lina@xingchen.test');
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    await page.getByText(/待签到的关键结果/).waitFor();
    await expectAccessible(page, 'my OKRs (phone)');
    await shot(page, 'screens-phone-my-okrs', false);
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await page.getByRole('link', { name: '仪表盘' }).waitFor();
    await expectAccessible(page, 'navigation drawer (phone)');
    await shot(page, 'screens-phone-menu', false);
    await page.getByRole('link', { name: '仪表盘' }).click();
    await page.getByText('部门进度热力图').waitFor();
    await expectAccessible(page, 'dashboard (phone)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await shot(page, 'screens-phone-dashboard');

    // the session ends on the server: the next visit explains it and signs in again
    await context.clearCookies();
    await page.goto(`${server.url}/dashboard`);
    await page.getByRole('heading', { name: '重新登录' }).waitFor();
    await page.getByText('登录已过期').first().waitFor();
    await expectAccessible(page, 'session expired');
    await shot(page, 'screens-phone-session-expired');
    expect(errors).toEqual([]);
    await context.close();
  });
});
