/**
 * Cross-department work in the suite.browser, in Chinese: the 市场部 leader asks 销售部 to support one
 * of its objectives (协同) — a first try without a unit is refused and keeps what was typed —,
 * the 销售部 leader sees it counted on 协同 in the navigation, opens it from the inbox and accepts it as a new objective, which
 * appears in 销售部's plan; that plan's versions show the approval and the adjustment, and the
 * first version's diff against the current plan shows the new objective. The unit's cycle
 * summary opens from the organization view. Every screen passes axe-core without serious or
 * critical violations.
 */
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newPage,
  PASSWORD,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const MKT_OBJECTIVE = '为销售输送充足且高质量的线索';
const MESSAGE = '请销售部每周跟进市场部转交的线索，并反馈转化情况';
const SUPPORT_TITLE = '及时跟进市场线索，提升转化';

describe.runIf(shouldRunBrowserSuites())('跨部门协同与计划版本（中文）', () => {
  const suite = useBrowserSuite();

  it('市场部负责人请求销售部协同，销售部负责人接受后目标出现在销售部计划中，并能查看版本对比', async () => {
    // 王芳 (市场部) asks 销售部 to support the leads objective
    const mkt = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(mkt.page, suite.server.url, 'wangfang@xingchen.test');
    let page = mkt.page;
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    // the department's plan, from the organization view
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '部门与公司' })
      .click();
    await page.getByRole('link', { name: '查看 市场部 的OKR' }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    const objective = page.getByRole('region', { name: `O1 ${MKT_OBJECTIVE}` });
    await objective.getByRole('button', { name: `请求协同：${MKT_OBJECTIVE}` }).click();
    const dialog = page.getByRole('dialog', { name: `请其他部门协同：${MKT_OBJECTIVE}` });
    await dialog.getByLabel('需要什么支持').fill(MESSAGE);
    await dialog.getByLabel('期望的关键结果（可选）').fill('市场线索转化率从10%提升到20%');
    // sending without a unit is refused on the spot; nothing typed is lost
    await dialog.getByRole('button', { name: '发送请求' }).click();
    await dialog.getByText('请选择协同部门').waitFor();
    expect(await dialog.getByLabel('需要什么支持').inputValue()).toBe(MESSAGE);
    await expectAccessible(page, '请求协同（未选部门）');
    await dialog.getByLabel('协同部门').click();
    await page.keyboard.type('销售部');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: '发送请求' }).click();
    await page.getByText('协同请求已发给销售部').waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // the same request again is refused by the server, with its message in Chinese
    await objective.getByRole('button', { name: `请求协同：${MKT_OBJECTIVE}` }).click();
    await dialog.getByLabel('协同部门').click();
    await page.keyboard.type('销售部');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('需要什么支持').fill('再请求一次');
    await dialog.getByRole('button', { name: '发送请求' }).click();
    await dialog.getByText('这个部门已经有一个针对该目标的待处理请求').waitFor();
    expect(await dialog.getByLabel('需要什么支持').inputValue()).toBe('再请求一次');
    await dialog.getByRole('button', { name: '取消' }).click();

    // the request shows among the ones 王芳 sent
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '协同' })
      .click();
    await page.getByRole('heading', { name: '协同请求', level: 1 }).waitFor();
    await page.getByText('我发出的').click();
    const sent = page.locator('.request-item', { hasText: MKT_OBJECTIVE });
    await sent.getByText('待处理', { exact: true }).waitFor();
    await sent.getByText(MESSAGE).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '协同请求（我发出的）');
    await shot(page, 'zh-20-requests-sent');
    expect(mkt.errors).toEqual([]);
    await mkt.context.close();

    // 刘洋 (销售部) finds it in the inbox and accepts it as a new objective
    const sales = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(sales.page, suite.server.url, 'liuyang@xingchen.test');
    page = sales.page;
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    // the 协同 entry of the navigation counts the open request to 销售部
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByLabel('1 个协同请求待处理').waitFor();
    const inbox = page.getByRole('region', { name: '发给我部门的支持请求' });
    await inbox.getByRole('link', { name: MKT_OBJECTIVE }).click();
    await page.waitForURL(/\/requests\?/);
    const incoming = page.locator('.request-item', { hasText: MKT_OBJECTIVE });
    await incoming.getByText(MESSAGE).waitFor();
    await expect.poll(() => incoming.getAttribute('class')).toContain('is-focused');
    await incoming.getByRole('button', { name: '接受' }).click();
    const form = incoming.getByRole('form', { name: '接受协同请求' });
    await form.getByRole('radio', { name: '新增一个目标' }).waitFor();
    expect(await form.getByRole('radio', { name: '新增一个目标' }).isChecked()).toBe(true);
    await form.getByLabel('新目标的名称').fill(SUPPORT_TITLE);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '接受协同请求');
    await shot(page, 'zh-21-accept-request');
    await form.getByRole('button', { name: '确认接受' }).click();
    await page.getByText('已接受，已写进本部门的OKR').waitFor();
    await incoming.getByText('已接受', { exact: true }).waitFor();

    // the new objective is in 销售部's plan
    await incoming.getByRole('link', { name: '查看新增的目标所在计划' }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    await page.getByRole('heading', { name: /^销售部 · / }).waitFor();
    // answered, and the 协同 page left: nothing is counted any more
    await expect.poll(() => nav.getByLabel(/个协同请求待处理/).count()).toBe(0);
    await page.getByRole('region', { name: new RegExp(`^O\\d ${SUPPORT_TITLE}$`) }).waitFor();

    // its versions: the approval and the adjustment the acceptance made
    const versions = page.locator('.panel', {
      has: page.getByRole('heading', { name: '版本', exact: true }),
    });
    await versions.getByRole('button', { name: '查看版本 2' }).waitFor();
    await versions.getByText('调整生效').waitFor();
    await versions.getByText('审核通过').waitFor();
    await versions.getByRole('button', { name: '查看版本 1' }).click();
    const drawer = page.getByRole('dialog', { name: '版本 1 · 审核通过' });
    await drawer.getByText('从版本 1 到当前计划：新增 1，删除 0，修改 0').waitFor();
    await drawer.locator('.diff-list li', { hasText: SUPPORT_TITLE }).getByText('新增').waitFor();
    // version 1 as it was: without the new objective
    await drawer.getByRole('heading', { name: '版本 1 的内容' }).waitFor();
    await drawer.locator('.version-tree').getByText('拿下重点行业的标杆客户').first().waitFor();
    expect(await drawer.locator('.version-tree').getByText(SUPPORT_TITLE).count()).toBe(0);
    // compared with version 2 instead: the same change
    await drawer.getByRole('combobox', { name: '对比' }).click();
    await page.getByRole('option', { name: '版本 2' }).click();
    await drawer.getByText('从版本 1 到版本 2：新增 1，删除 0，修改 0').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '计划版本对比');
    await shot(page, 'zh-22-plan-versions');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // the unit's cycle summary opens from the organization view
    await page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '部门与公司' })
      .click();
    await page.getByRole('link', { name: '复盘总结' }).click();
    await page.waitForURL(/\/organization\/[^/]+\/summary$/);
    await page.getByRole('heading', { name: /^销售部 复盘总结 · /, level: 1 }).waitFor();
    await page.getByRole('heading', { name: '得分分布' }).waitFor();
    await page.getByRole('heading', { name: '各计划的复盘' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '部门复盘总结');
    await shot(page, 'zh-23-unit-summary');
    expect(sales.errors).toEqual([]);
    await sales.context.close();
  });

  it('周期评估时，市场部负责人把未完成的目标延续到下个周期（重复延续不会重复复制）', async () => {
    // the admin opens the next quarter and moves this one to 评估中 (through the API)
    const admin = await newPage(suite.browser, { locale: 'zh-CN' });
    const api = admin.context.request;
    const login = await api.post(`${suite.server.url}/api/v1/auth/login`, {
      data: { email: 'admin@xingchen.test', password: PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const list = (await (await api.get(`${suite.server.url}/api/v1/cycles`)).json()) as {
      items: { id: string; kind: string; state: string; endDate: string; version: number }[];
    };
    const quarter = list.items.find((c) => c.kind === 'quarter' && c.state === 'active')!;
    const day = (d: string, n: number) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const next = await api.post(`${suite.server.url}/api/v1/cycles`, {
      headers,
      data: {
        name: '下个季度',
        kind: 'quarter',
        startDate: day(quarter.endDate, 1),
        endDate: day(quarter.endDate, 90),
      },
    });
    expect(next.status()).toBe(201);
    const reviewing = await api.patch(`${suite.server.url}/api/v1/cycles/${quarter.id}`, {
      headers: { ...headers, 'if-match': `"${quarter.version}"` },
      data: { state: 'reviewing' },
    });
    expect(reviewing.status()).toBe(200);
    await admin.context.close();

    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, 'wangfang@xingchen.test', '/organization');
    await page.getByRole('link', { name: '查看 市场部 的OKR' }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    const planUrl = page.url();
    await page.getByRole('button', { name: '延续到下个周期' }).click();
    const dialog = page.getByRole('dialog', { name: '延续到下个周期' });
    await dialog.getByRole('combobox', { name: '目标周期' }).waitFor();
    await dialog.getByText(/^下个季度/).waitFor();
    // every unfinished objective and key result is chosen; leave one objective behind
    const first = dialog.getByRole('checkbox', { name: new RegExp(`^O1 ${MKT_OBJECTIVE}`) });
    expect(await first.isChecked()).toBe(true);
    await first.uncheck();
    await dialog.getByText(/^将延续 \d+ 个完整目标和 0 个单独的关键结果$/).waitFor();
    await expectAccessible(page, '延续到下个周期');
    await shot(page, 'zh-24-carry-over');
    await dialog.getByRole('button', { name: '确认延续' }).click();
    await page.getByText(/^已延续 \d+ 个目标、\d+ 个关键结果$/).waitFor();
    await page.waitForURL((u) => u.href !== planUrl && /\/plans\/[^/]+$/.test(u.pathname));
    await page.getByRole('heading', { name: '市场部 · 下个季度' }).waitFor();
    await page.locator('.ant-tag', { hasText: '草稿' }).first().waitFor();
    expect(await page.getByRole('region', { name: new RegExp(MKT_OBJECTIVE) }).count()).toBe(0);
    const carried = await page.getByRole('region', { name: /^O\d / }).count();
    expect(carried).toBeGreaterThan(0);

    // the same carry-over again copies nothing twice
    await page.goto(planUrl);
    await page.getByRole('button', { name: '延续到下个周期' }).click();
    await dialog.getByRole('checkbox', { name: new RegExp(`^O1 ${MKT_OBJECTIVE}`) }).uncheck();
    await dialog.getByRole('button', { name: '确认延续' }).click();
    await page.getByText('这些内容之前已经延续过，没有重复复制').waitFor();
    await page.getByRole('heading', { name: '市场部 · 下个季度' }).waitFor();
    expect(await page.getByRole('region', { name: /^O\d / }).count()).toBe(carried);
    expect(errors).toEqual([]);
    await context.close();
  });
});
