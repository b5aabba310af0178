/**
 * After approval, in Chinese: with 调整需要审批 switched on in the admin settings, a plan owner's
 * change to an approved key result's target waits for the approver, who accepts it on the plan's
 * 变更与历史 card (the new target is in force) and rejects a second one (the old value stays); the
 * notification bell counts, marks one and all read, by mouse and by keyboard; a key result comment
 * is written, edited (marked 已编辑) and deleted by its author, and nobody else gets its controls
 * (the API answers 403 when forced). Every dialog opened passes axe-core.
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

const OWNER = 'lina@xingchen.test'; // 李娜, 市场部: her quarter plan is approved by 王芳
const APPROVER = 'wangfang@xingchen.test'; // 王芳, 市场部负责人
const OTHER = 'zhangwei@xingchen.test'; // 张伟, a member of 市场部 (not an admin)
const KR = '案例页面平均停留时长从40秒提升到90秒';
const A = '峰会后案例页改版，停留时长有望翻倍';
const B = '想再冲一冲';

interface ApiAnswer {
  status: number;
  body: unknown;
}

/** Calls the API from the page with its session cookie and CSRF token (what a forced client does). */
function callApi(page: Page, method: string, url: string, body?: unknown): Promise<ApiAnswer> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/v1/me')).json()) as { csrfToken: string | null };
      const res = await fetch(`/api/v1${url}`, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, url, body },
  );
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  const res = await callApi(page, 'GET', url);
  expect(res.status, `GET ${url}`).toBe(200);
  return res.body as T;
}

interface PlanItem {
  id: string;
  objectives?: Array<{ keyResults?: Array<{ id: string; title: string }> }>;
}

/** 李娜's approved quarter plan and the key result KR in it (read as 李娜). */
async function ownerPlan(page: Page): Promise<{ planId: string; krId: string }> {
  const me = await getJson<{ id: string }>(page, '/me');
  const plans = await getJson<{ items: PlanItem[] }>(
    page,
    `/plans?ownerType=user&ownerId=${me.id}`,
  );
  for (const p of plans.items) {
    const full = await getJson<PlanItem>(page, `/plans/${p.id}`);
    for (const o of full.objectives ?? []) {
      const kr = (o.keyResults ?? []).find((k) => k.title === KR);
      if (kr) return { planId: p.id, krId: kr.id };
    }
  }
  throw new Error(`no plan of ${OWNER} has the key result ${KR}`);
}

/** The row of KR on the plan page. */
const krRow = (page: Page) => page.locator('li.kr-row', { hasText: KR });

/** The owner proposes a new target for KR with a reason; the change waits for the approver. */
async function proposeTarget(page: Page, target: string, reason: string): Promise<void> {
  // the pencil button (the title itself is an inline editor of the same name)
  await krRow(page)
    .locator('.kr-buttons')
    .getByRole('button', { name: `编辑关键结果：${KR}` })
    .click();
  const form = page.getByRole('dialog', { name: '编辑关键结果' });
  await form.getByLabel('目标值').fill(target);
  await form.getByRole('button', { name: '保存' }).click();
  const ask = page.getByRole('dialog', { name: '调整原因' });
  const reasonField = ask.getByRole('textbox', { name: '调整原因' });
  await reasonField.waitFor();
  // a new adjustment starts with an empty reason (not the previous one's)
  expect(await reasonField.inputValue()).toBe('');
  await reasonField.fill(reason);
  await expectAccessible(page, '调整原因对话框');
  await ask.getByRole('button', { name: '保存' }).click();
  await page
    .locator('.ant-message-notice', { hasText: '调整已提交，等待审核人批准后生效' })
    .last()
    .waitFor();
  await form.waitFor({ state: 'hidden' });
}

/** The 变更与历史 card of the plan page. */
const changesCard = (page: Page) =>
  page.locator('.ant-card', { has: page.getByRole('heading', { name: '变更与历史' }) });

describe.runIf(shouldRunBrowserSuites())('通过之后：调整审批、通知与评论（中文）', () => {
  const suite = useBrowserSuite();
  let planId = '';
  let krId = '';

  it('审核人在变更与历史中接受一次调整、拒绝另一次', async () => {
    // the admin switches on 调整需要审批 in the organization settings
    const admin = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(admin.page, suite.server.url, 'admin@xingchen.test', '/admin/settings');
    const toggle = admin.page.getByRole('switch', { name: '调整已通过的OKR需要审核人批准' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await admin.page.getByRole('button', { name: '保存', exact: true }).click();
    await admin.page.getByText('已保存', { exact: true }).waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // the owner changes the approved KR's target from 90 to 120, with a reason
    const owner = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(owner.page, suite.server.url, OWNER);
    ({ planId, krId } = await ownerPlan(owner.page));
    await owner.page.goto(`${suite.server.url}/plans/${planId}`);
    await krRow(owner.page).waitFor();
    await expect
      .poll(() => krRow(owner.page).locator('.kr-meta strong').innerText())
      .toMatch(/^90/);
    await proposeTarget(owner.page, '120', A);
    // pending: the target in force is still 90, the change waits on the card
    expect(await krRow(owner.page).locator('.kr-meta strong').innerText()).toMatch(/^90/);
    const pendingForOwner = changesCard(owner.page).getByRole('region', { name: '待审批的调整' });
    await pendingForOwner.getByText(A).waitFor();
    // right away a second one (90 → 150), whose reason starts empty again
    await proposeTarget(owner.page, '150', B);
    await pendingForOwner.getByText(B).waitFor();
    expect(await krRow(owner.page).locator('.kr-meta strong').innerText()).toMatch(/^90/);
    // the owner may not decide them
    expect(await pendingForOwner.getByRole('button', { name: '接受' }).count()).toBe(0);
    await shot(owner.page, 'zh-after-01-adjustment-pending');

    // the approver accepts the first on the plan's 变更与历史 card …
    const approver = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(approver.page, suite.server.url, APPROVER, `/plans/${planId}`);
    const card = changesCard(approver.page);
    const pending = card.getByRole('region', { name: '待审批的调整' });
    const first = pending.locator('li', { hasText: A });
    const second = pending.locator('li', { hasText: B });
    await first.waitFor();
    await second.waitFor();
    await approver.page.waitForLoadState('networkidle');
    await expectAccessible(approver.page, '计划页：待审批的调整');
    await shot(approver.page, 'zh-after-02-adjustment-to-decide');
    await first.getByRole('button', { name: '接受' }).click();
    await first.waitFor({ state: 'detached' });
    await expect
      .poll(() => krRow(approver.page).locator('.kr-meta strong').innerText())
      .toMatch(/^120/);
    const history = card.getByRole('region', { name: '调整历史' });
    await history.locator('li', { hasText: A }).getByText('调整了计划（已接受）').waitFor();
    await card
      .getByRole('region', { name: '自上次通过以来的变更' })
      .getByText(/90 → 120/)
      .waitFor();

    // … and rejects the second with a reason: 120 stays
    const reject = second.getByRole('button', { name: '拒绝' });
    expect(await reject.isDisabled()).toBe(true); // a rejection needs a reason
    await second.getByLabel('拒绝原因').fill('本季度先守住120秒');
    await reject.click();
    await pending.waitFor({ state: 'detached' });
    await history.locator('li', { hasText: B }).getByText('调整了计划（已拒绝）').waitFor();
    expect(await krRow(approver.page).locator('.kr-meta strong').innerText()).toMatch(/^120/);
    await approver.page.reload();
    await history.locator('li', { hasText: B }).getByText('调整了计划（已拒绝）').waitFor();
    expect(await krRow(approver.page).locator('.kr-meta strong').innerText()).toMatch(/^120/);
    await shot(approver.page, 'zh-after-03-adjustment-history');

    // the owner sees the same: 120 in force, nothing pending
    await owner.page.reload();
    await changesCard(owner.page).getByText('调整了计划（已拒绝）').waitFor();
    expect(await krRow(owner.page).locator('.kr-meta strong').innerText()).toMatch(/^120/);
    expect(
      await changesCard(owner.page).getByRole('region', { name: '待审批的调整' }).count(),
    ).toBe(0);
    expect(owner.errors).toEqual([]);
    expect(approver.errors).toEqual([]);
    await owner.context.close();
    await approver.context.close();
  });

  it('通知铃：显示未读数，标记一条已读、全部已读，也能只用键盘', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, APPROVER);
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    const bell = page.getByRole('button', { name: /^通知：/ });
    const unread = async (): Promise<number> => {
      const label = (await bell.getAttribute('aria-label')) ?? '';
      const m = /(\d+) 条未读/.exec(label);
      return m ? Number(m[1]) : Number.NaN;
    };
    // her members' plans were submitted to her and her unit's plan approved: all unread
    await expect.poll(unread).toBeGreaterThanOrEqual(3);
    const before = await unread();
    expect(await bell.locator('.ant-badge-count').innerText()).toBe(String(before));

    // mouse: open the bell, choose one → it opens the plan and is read
    await bell.click();
    const menu = page.locator('.ant-dropdown').getByRole('menu');
    await menu.waitFor();
    const items = menu.getByRole('menuitem');
    expect(await items.count()).toBe(before + 1); // each notification + 全部标为已读
    await expectAccessible(page, '通知菜单');
    await shot(page, 'zh-after-04-bell', false);
    await items.first().click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    await expect.poll(unread).toBe(before - 1);
    await menu.waitFor({ state: 'hidden' });

    // keyboard: focus the bell, Enter opens it, arrows move, Enter reads one
    await bell.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/plans\/[^/]+$/);
    await expect.poll(unread).toBe(before - 2);

    // keyboard: 全部标为已读 (the last item) → the count is gone
    await bell.focus();
    await page.keyboard.press('Enter');
    await menu.waitFor();
    await page.keyboard.press('ArrowUp');
    // the focused element must be that item itself (the menu around it holds the text too)
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = document.activeElement;
          return el?.getAttribute('role') === 'menuitem' ? (el.textContent ?? '') : '';
        }),
      )
      .toContain('全部标为已读');
    await page.keyboard.press('Enter');
    await expect.poll(unread).toBe(0);
    expect(await bell.locator('.ant-badge-count').count()).toBe(0);
    // the bell, opened again, says there is nothing unread; Escape closes it
    await bell.focus();
    await page.keyboard.press('Enter');
    await menu.getByText('没有未读通知').waitFor();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    // and the API agrees
    const left = await getJson<{ items: unknown[] }>(page, '/notifications?unread=true');
    expect(left.items).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('评论：作者写、改（显示已编辑）、删；别人没有操作按钮，强行调用 API 得到 403', async () => {
    expect(krId).not.toBe('');
    const author = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(author.page, suite.server.url, OWNER, `/key-results/${krId}`);
    const page = author.page;
    const card = page.locator('.ant-card', { has: page.getByRole('heading', { name: /^评论（/ }) });
    await card.getByText('还没有评论').waitFor();
    await card.getByLabel('写评论').fill('案例页改版本周上线，<b>欢迎</b>提意见');
    await card.getByRole('button', { name: '发表评论' }).click();
    const item = card.locator('li.comment-item').first(); // the only one
    await item.getByText('案例页改版本周上线，<b>欢迎</b>提意见').waitFor(); // plain text
    await card.getByRole('heading', { name: '评论（1）' }).waitFor();
    expect(await item.getByText('已编辑').count()).toBe(0);

    // edit: the new text and 已编辑
    await item.getByRole('button', { name: '编辑' }).click();
    const editor = item.getByRole('textbox', { name: '编辑评论' });
    await editor.fill('案例页改版本周五上线，欢迎提意见');
    await item.getByRole('button', { name: '保存' }).click();
    await item.getByText('案例页改版本周五上线，欢迎提意见').waitFor();
    await item.getByText(/已编辑/).waitFor();
    await page.reload();
    await item.getByText('案例页改版本周五上线，欢迎提意见').waitFor();
    await item.getByText(/已编辑/).waitFor();
    await expectAccessible(page, '关键结果详情：评论');
    const comments = await getJson<{ items: Array<{ id: string; body: string }> }>(
      page,
      `/comments?targetType=keyResult&targetId=${krId}`,
    );
    expect(comments.items.map((c) => c.body)).toEqual(['案例页改版本周五上线，欢迎提意见']);
    const commentId = comments.items[0]!.id;

    // another member sees it without controls; forcing the API is refused
    const other = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(other.page, suite.server.url, OTHER, `/key-results/${krId}`);
    const otherItem = other.page.locator('li.comment-item', { hasText: '案例页改版本周五上线' });
    await otherItem.waitFor();
    expect(await otherItem.getByRole('button').count()).toBe(0);
    const patch = await callApi(other.page, 'PATCH', `/comments/${commentId}`, { body: '改掉' });
    expect(patch.status).toBe(403);
    const del = await callApi(other.page, 'DELETE', `/comments/${commentId}`);
    expect(del.status).toBe(403);
    expect(other.errors).toEqual([]);
    await other.context.close();

    // the author deletes it: it is gone (the API deletes comments)
    await item.getByRole('button', { name: '删除' }).click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('删除这条评论？').waitFor();
    await page.mouse.move(0, 0); // axe sees the colours at rest, not the hover
    await expectAccessible(page, '删除评论确认');
    await confirm.getByRole('button', { name: '删除' }).click();
    await item.waitFor({ state: 'detached' });
    await card.getByText('还没有评论').waitFor();
    await card.getByRole('heading', { name: '评论（0）' }).waitFor();
    await page.reload();
    await card.getByText('还没有评论').waitFor();
    expect(
      (await getJson<{ items: unknown[] }>(page, `/comments?targetType=keyResult&targetId=${krId}`))
        .items,
    ).toEqual([]);
    expect(author.errors).toEqual([]);
    await author.context.close();
  });
});
