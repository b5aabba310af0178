/**
 * The seed's process in the suite.browser, in Chinese: a leader writes the department plan aligned to
 * the company and fixes the weights after the submit is refused, a second leader approves it, a
 * member checks in on a phone, and the dashboard and the alignment map show the new progress.
 * Every screen passes axe-core without serious or critical violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newPage,
  PHONE,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const O1 = '让市场部成为全年营收增长的引擎';
const O2 = '打造星辰在制造业的品牌影响力';
const KR1 = '市场贡献的新签合同额从0提升到1200万元';
const KR2 = '制造业媒体报道从10篇增加到30篇';
const COMPANY_KR = '年度营收从1.2亿元增长到2亿元';

/** Picks the cycle in the header by typing part of its name (keyboard only). */
async function chooseCycle(page: Page, text: string): Promise<void> {
  const select = page.getByRole('combobox', { name: '选择周期' });
  await select.focus();
  await page.keyboard.type(text);
  await page
    .getByRole('option', { name: new RegExp(text) })
    .first()
    .waitFor({ state: 'attached' });
  await page.keyboard.press('Enter');
  await page.locator('.cycle-select').getByText(new RegExp(text)).waitFor();
}

const region = (page: Page, title: string) =>
  page.getByRole('region', { name: new RegExp(`^O\\d ${title}$`) });

describe.runIf(shouldRunBrowserSuites())('OKR 周期（中文）', () => {
  const suite = useBrowserSuite();
  let planUrl = '';

  it('部门负责人写部门OKR并对齐公司目标，提交被拒后修正权重', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { name: '登录 Polaris' }).waitFor();
    await expectAccessible(page, '登录');
    await shot(page, 'zh-01-sign-in');

    await signIn(page, suite.server.url, 'wangfang@xingchen.test');
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    await page.getByText('市场部的OKR').first().waitFor();
    await expectAccessible(page, '我的OKR');
    await shot(page, 'zh-02-my-okrs');

    // the department's plan for the year, aligned to the company's annual strategy
    await chooseCycle(page, '年度战略');
    await page.getByRole('button', { name: '为市场部创建OKR' }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    planUrl = page.url();
    await page.getByRole('heading', { name: /市场部 · \d{4}年度战略/ }).waitFor();

    await page.getByRole('button', { name: '添加目标' }).click();
    await page.getByLabel('目标', { exact: true }).fill(O1);
    await page.getByLabel('对齐到').click();
    await page.locator('.ant-select-tree-title', { hasText: COMPANY_KR }).click();
    await page.getByLabel('权重', { exact: true }).fill('60');
    await expectAccessible(page, '新目标表单');
    await shot(page, 'zh-03-new-objective');
    await page.getByRole('button', { name: '添加目标' }).click();
    await region(page, O1).waitFor();

    await region(page, O1).getByRole('button', { name: '添加关键结果' }).click();
    const kr1 = region(page, O1);
    await kr1.getByLabel('关键结果', { exact: true }).fill(KR1);
    await kr1.getByLabel('起始值').fill('0');
    await kr1.getByLabel('目标值').fill('1200');
    await kr1.getByLabel('单位').fill('万元');
    await kr1.getByLabel('负责人').click();
    await page.keyboard.type('李娜');
    await page.keyboard.press('Enter');
    await kr1.getByRole('button', { name: '添加关键结果' }).click();
    await kr1.getByText(KR1).waitFor();

    // the second objective takes 30 — the weights now sum to 90
    await page.getByRole('button', { name: '添加目标' }).click();
    await page.getByLabel('目标', { exact: true }).fill(O2);
    await page.getByLabel('权重', { exact: true }).fill('30');
    await page.getByRole('button', { name: '添加目标' }).last().click();
    await region(page, O2).waitFor();
    await region(page, O2).getByRole('button', { name: '添加关键结果' }).click();
    const kr2 = region(page, O2);
    await kr2.getByLabel('关键结果', { exact: true }).fill(KR2);
    await kr2.getByLabel('起始值').fill('10');
    await kr2.getByLabel('目标值').fill('30');
    await kr2.getByRole('button', { name: '添加关键结果' }).click();
    await kr2.getByText(KR2).waitFor();
    await page.getByText('目标权重合计: 90 / 100').waitFor();

    // priorities: drag the second objective to the top, then move it back down by keyboard
    await page.waitForLoadState('networkidle');
    // both objectives on screen: the drag starts and ends where a person would drag
    await page.evaluate(() => window.scrollTo(0, 0));
    await region(page, O2)
      .locator('.drag-handle')
      .dragTo(region(page, O1).locator('.objective-head'));
    await expect
      .poll(() => page.getByRole('region').first().getAttribute('aria-label'))
      .toBe(`O1 ${O2}`);
    await region(page, O2)
      .getByRole('button', { name: `下移：${O2}` })
      .focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('region').first().getAttribute('aria-label'))
      .toBe(`O1 ${O1}`);

    // the submit is refused: the objective weights sum to 90
    await page.getByRole('button', { name: '提交审核' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: '暂时无法提交审核' });
    await refusal.getByText('目标权重之和必须为 100（当前为 90）').waitFor();
    await expectAccessible(page, '计划编辑（提交被拒）');
    await shot(page, 'zh-04-submit-refused');

    // fix the weight in place and submit again
    const weight = region(page, O2).getByRole('spinbutton', { name: `目标权重：${O2}` });
    await weight.fill('40');
    await weight.press('Enter');
    await page.getByText('目标权重合计: 100 / 100').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('计划正在等待 赵磊 审核，审核期间不能修改。').waitFor();
    await page.locator('.ant-tag', { hasText: '审核中' }).first().waitFor();
    await shot(page, 'zh-05-in-review');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('上级负责人审核并通过', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, 'zhaolei@xingchen.test');
    await page.getByRole('link', { name: /待我审核/ }).click();
    await page.getByRole('heading', { name: '待我审核', level: 1 }).waitFor();
    const item = page.getByRole('link', { name: /^市场部 · \d{4}年度战略$/ });
    await item.waitFor();
    await expectAccessible(page, '待我审核');
    await shot(page, 'zh-06-review-queue');
    await item.click();
    await page.waitForURL(planUrl);
    await page.getByRole('heading', { name: '你的审核意见' }).waitFor();
    await region(page, O1).getByText(COMPANY_KR).waitFor();
    await expectAccessible(page, '审核页');
    await shot(page, 'zh-07-review');

    await page.getByRole('button', { name: '通过', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '通过这个计划' });
    await dialog.getByLabel('审核意见（可选）').fill('与公司年度营收目标对齐，权重合理，通过。');
    await expectAccessible(page, '审核弹窗');
    await dialog.getByRole('button', { name: '通过' }).click();
    await page.locator('.ant-tag', { hasText: '已通过' }).first().waitFor();
    await page.getByText('与公司年度营收目标对齐，权重合理，通过。').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('成员在手机上完成每周签到', async () => {
    const { context, page, errors } = await newPage(suite.browser, {
      locale: 'zh-CN',
      viewport: PHONE,
      phone: true,
    });
    await signIn(page, suite.server.url, 'lina@xingchen.test');
    await page.getByRole('heading', { name: '我的OKR', level: 1 }).waitFor();
    await page.getByRole('button', { name: '打开导航菜单' }).click();
    await page.getByRole('link', { name: '每周签到' }).click();
    await page.getByRole('heading', { name: '每周签到', level: 1 }).waitFor();

    const card = page.locator('li', { has: page.getByRole('heading', { name: KR1 }) });
    await card.waitFor();
    await card.getByLabel('最新数值').fill('300');
    await card.getByText('保存后进度约为 25%').waitFor();
    const slider = card.getByRole('slider', { name: `信心指数：${KR1}` });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('7');
    await card.getByLabel('进展说明').fill('制造业峰会带来两个大客户签约');
    await card.getByLabel('遇到的阻碍').fill('需要销售部协助跟进报价');
    await expectAccessible(page, '每周签到（手机）');
    await shot(page, 'zh-08-check-in-phone');

    // the page fits the phone: nothing scrolls sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );

    await page.getByRole('button', { name: '保存签到' }).click();
    await page.getByText('已保存 1 条签到').waitFor();
    await card.getByRole('progressbar', { name: `关键结果进度：${KR1}` }).waitFor();
    await expect
      .poll(() =>
        card
          .getByRole('progressbar', { name: `关键结果进度：${KR1}` })
          .getAttribute('aria-valuenow'),
      )
      .toBe('25');
    await shot(page, 'zh-09-check-in-saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('仪表盘和对齐地图显示新的进度', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(page, suite.server.url, 'wangfang@xingchen.test', '/dashboard');
    await page.getByRole('heading', { name: '仪表盘', level: 1 }).waitFor();
    await chooseCycle(page, '年度战略');
    const tile = page.locator('.heat-tile', { has: page.getByRole('link', { name: '市场部' }) });
    await tile
      .getByText('15% · 有风险')
      .or(tile.getByText('15% · 已落后'))
      .or(tile.getByText('15% · 正常'))
      .waitFor();
    await expectAccessible(page, '仪表盘');
    await shot(page, 'zh-10-dashboard');

    await page.getByRole('link', { name: '对齐地图' }).click();
    await page.getByRole('heading', { name: '对齐地图', level: 1 }).waitFor();
    await page.getByRole('img', { name: /对齐树图/ }).waitFor();
    await page.waitForTimeout(800);
    await expectAccessible(page, '对齐地图（树图）');
    await shot(page, 'zh-11-alignment-tree');

    await page.getByText('大纲', { exact: true }).click();
    const row = page.locator('.outline-row', { has: page.getByRole('link', { name: O1 }) });
    await row.getByText('25%').waitFor();
    // the department objective hangs under the company objective it aligns to
    const parent = page.locator('li', {
      has: page.locator('.outline-row', { hasText: '成为华东地区中小企业首选的客户管理SaaS品牌' }),
    });
    await parent.getByRole('link', { name: O1 }).waitFor();
    await expectAccessible(page, '对齐地图（大纲）');
    await shot(page, 'zh-12-alignment-outline');
    expect(errors).toEqual([]);
    await context.close();
  });
});
