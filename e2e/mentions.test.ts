/**
 * @mentions in a key result comment, in Chinese: 张伟 opens his key result from the weekly
 * check-in, types `@` in the comment box, narrows the list of people by email, picks 李娜 with the
 * keyboard and 王芳 with the mouse, closes the list once with Escape, and posts; the comment shows
 * the mentions and the API stored both people. 李娜 then finds the mention in her inbox and her
 * notification bell, and it leads her to the comment. Every screen passes axe-core.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newPage,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const AUTHOR = 'zhangwei@xingchen.test'; // 张伟
const COLLEAGUE = 'lina@xingchen.test'; // 李娜
const KR = '市场合格线索从1500条提升到2400条'; // 张伟's key result
const TEXT = '看看这周的线索数据';

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await page.evaluate(async (u) => {
    const r = await fetch(`/api/v1${u}`);
    return { status: r.status, body: (await r.json()) as unknown };
  }, url);
  expect(res.status, `GET ${url}`).toBe(200);
  return res.body as T;
}

describe.runIf(shouldRunBrowserSuites())('评论中的 @提及（中文）', () => {
  const suite = useBrowserSuite();
  let krPath = '';

  it('张伟 在关键结果评论里用 @ 选人：键盘、鼠标、Esc 都可以', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, AUTHOR, '/check-in');
    const card = page.locator('li', { has: page.getByRole('heading', { name: KR }) });
    await card.getByRole('link', { name: KR }).click();
    await page.getByRole('heading', { name: KR, level: 1 }).waitFor();
    krPath = new URL(page.url()).pathname;

    const comments = page.locator('.ant-card', {
      has: page.getByRole('heading', { name: /^评论（/ }),
    });
    const box = comments.getByRole('textbox', { name: '写评论' });
    await comments.getByText('输入 @ 可提及同事，对方会收到通知').waitFor();
    await box.click();
    await page.keyboard.type('请 @');
    const popup = page.locator('.mention-popup');
    const options = popup.getByRole('menuitem');
    await popup.waitFor();
    // everyone active but me, by name and email
    await options.filter({ hasText: '李娜' }).waitFor();
    expect(await options.filter({ hasText: '张伟' }).count()).toBe(0);
    expect(await options.count()).toBeGreaterThan(3);
    await expectAccessible(page, '评论：@提及列表');
    await shot(page, 'zh-mentions-01-picker', false);

    // narrowed by email; the keyboard moves and chooses
    await page.keyboard.type('lina');
    await expect.poll(() => options.count()).toBe(1);
    await options.filter({ hasText: 'lina@xingchen.test' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await popup.waitFor({ state: 'hidden' });
    await expect.poll(() => box.inputValue()).toBe('请 @李娜 ');
    await page.keyboard.type(TEXT);

    // Escape closes the list and keeps what was typed
    await page.keyboard.type(' @');
    await popup.waitFor();
    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'hidden' });
    await expect.poll(() => box.inputValue()).toBe(`请 @李娜 ${TEXT} @`);

    // the mouse chooses too (narrowed by the email's start)
    await page.keyboard.type('wangf');
    await popup.waitFor();
    await options.filter({ hasText: '王芳' }).click();
    await expect.poll(() => box.inputValue()).toBe(`请 @李娜 ${TEXT} @王芳 `);

    await comments.getByRole('button', { name: '发表评论' }).click();
    const item = comments.locator('li.comment-item', { hasText: TEXT });
    await item.waitFor();
    await expect.poll(() => box.inputValue()).toBe('');
    expect(await item.locator('strong.comment-mention').allInnerTexts()).toEqual([
      '@李娜',
      '@王芳',
    ]);
    await expectAccessible(page, '关键结果详情：带 @提及的评论');
    await shot(page, 'zh-mentions-02-posted');

    // the API stored the two people as mentions, the text as typed
    const krId = krPath.split('/').pop() ?? '';
    const users = await getJson<{ items: Array<{ id: string; email: string }> }>(
      page,
      '/users?limit=1000',
    );
    const idOf = (email: string) => users.items.find((u) => u.email === email)?.id;
    const stored = await getJson<{ items: Array<{ body: string; mentions: string[] }> }>(
      page,
      `/comments?targetType=keyResult&targetId=${krId}`,
    );
    const mine = stored.items.find((c) => c.body.includes(TEXT));
    expect(mine?.body).toBe(`请 @李娜 ${TEXT} @王芳`);
    expect(mine?.mentions).toEqual([idOf(COLLEAGUE), idOf('wangfang@xingchen.test')]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('李娜 在收件箱和通知铃里看到提及，并能打开评论', async () => {
    expect(krPath).not.toBe('');
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, COLLEAGUE);
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    const mention = `张伟 在「${KR}」中提到了你`;

    // the bell lists it among the unread notifications
    const bell = page.getByRole('button', { name: /^通知：/ });
    await bell.click();
    const menu = page.locator('.ant-dropdown').getByRole('menu');
    await menu.getByRole('menuitem', { name: mention }).waitFor();
    await expectAccessible(page, '通知铃：提及');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });

    // the inbox lists it too and opens the key result with the comment
    const inboxLink = page.locator('main').getByRole('link', { name: mention });
    await inboxLink.waitFor();
    await expectAccessible(page, '我的OKR：收件箱中的提及');
    await shot(page, 'zh-mentions-03-inbox');
    await inboxLink.click();
    await page.waitForURL((u) => u.pathname === krPath);
    await page.getByRole('heading', { name: KR, level: 1 }).waitFor();
    const item = page.locator('li.comment-item', { hasText: TEXT });
    await item.locator('strong.comment-mention', { hasText: '@李娜' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
