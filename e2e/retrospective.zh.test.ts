/**
 * The end of a cycle in the suite.browser, in Chinese (screen 10): the admin moves the quarter to
 * 评估中, the approving leader gives a key result of the 市场部 plan its final score with a note,
 * the 市场部 leader writes the retrospective (复盘), the approver closes the plan, and the plan
 * shows as closed; a comment on a key result stays plain text. Every screen passes axe-core without serious or critical violations.
 */
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newPage,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

describe.runIf(shouldRunBrowserSuites())('周期评分与复盘（中文）', () => {
  const suite = useBrowserSuite();

  it('管理员推进周期到评估中，审核人打分并关闭计划，负责人写复盘', async () => {
    // the admin moves this quarter to 评估中
    const admin = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(admin.page, suite.server.url, 'admin@xingchen.test', '/admin/cycles');
    const quarterRow = admin.page.locator('tr', { hasText: /\d{4}年Q\d/ }).first();
    await quarterRow.getByRole('button', { name: '推进到「评估中」' }).click();
    await admin.page.locator('.ant-popconfirm').getByRole('button', { name: '推进' }).click();
    await quarterRow.getByText('评估中').waitFor();
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    // the 市场部 leader finds the scoring page from the plan
    const leader = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(leader.page, suite.server.url, 'wangfang@xingchen.test');
    // the header opens the year (still active): pick the quarter by typing (keyboard only)
    const select = leader.page.getByRole('combobox', { name: '选择周期' });
    await select.focus();
    await leader.page.keyboard.type('Q');
    await leader.page.getByRole('option', { name: /Q\d/ }).first().waitFor({ state: 'attached' });
    await leader.page.keyboard.press('Enter');
    await leader.page.locator('.cycle-select').getByText(/Q\d/).waitFor();
    await leader.page.locator('.plan-card .panel-title a', { hasText: '市场部' }).first().click();
    await leader.page.waitForURL(/\/plans\/[^/]+$/);
    await leader.page.getByRole('link', { name: '评分与复盘' }).click();
    await leader.page.waitForURL(/\/plans\/[^/]+\/scoring$/);
    const scoringUrl = leader.page.url();
    await leader.page.getByRole('heading', { name: /^评分与复盘：市场部/, level: 1 }).waitFor();

    // the approver (赵磊) gives the first key result its final score with a note
    const approver = await newPage(suite.browser, { locale: 'zh-CN' });
    await signIn(
      approver.page,
      suite.server.url,
      'zhaolei@xingchen.test',
      new URL(scoringUrl).pathname,
    );
    const page = approver.page;
    await page.getByRole('heading', { name: /^评分与复盘：市场部/, level: 1 }).waitFor();
    await page.getByText(/计划加权得分 \d\.\d/).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '评分与复盘');
    await shot(page, 'zh-10-scoring');
    const firstKr = page.locator('.score-item').first();
    const score = firstKr.getByRole('spinbutton', { name: /^最终得分：/ });
    await score.fill('0.8');
    await firstKr
      .getByRole('textbox', { name: /^评分说明：/ })
      .fill('线索数量达标，质量略低于预期');
    await firstKr.getByRole('button', { name: '保存评分' }).click();
    await firstKr.getByText('线索数量达标，质量略低于预期').first().waitFor();
    await firstKr.locator('.score-facts dd', { hasText: /^0\.8 · / }).waitFor();

    // a comment on that key result: plain text, shown escaped
    await firstKr.getByRole('link').first().click();
    await page.waitForURL(/\/key-results\/[^/]+$/);
    await page.getByLabel('写评论').fill('<b>质量</b> 下季度再加强');
    await page.getByRole('button', { name: '发表评论' }).click();
    await page.locator('.comment-body', { hasText: '<b>质量</b> 下季度再加强' }).waitFor();
    expect(await page.locator('.comment-body b').count()).toBe(0);
    await page.getByRole('heading', { name: '评论（1）' }).waitFor();
    await expectAccessible(page, '关键结果评论');
    await page.goBack();
    await page.getByRole('heading', { name: /^评分与复盘：市场部/, level: 1 }).waitFor();

    // the 市场部 leader writes the retrospective
    await leader.page.reload();
    await leader.page.getByLabel('做得好的').fill('线索渠道拓展顺利，和销售部的协同更紧密');
    await leader.page.getByLabel('做得不好的').fill('内容产出节奏偏慢');
    await leader.page.getByLabel('经验教训').fill('每周固定内容选题会');
    await leader.page.getByLabel('延续到下个周期').fill('制造业媒体报道');
    await leader.page.getByRole('button', { name: '保存复盘' }).click();
    await leader.page.getByText('复盘已保存').waitFor();
    await expectAccessible(leader.page, '复盘（负责人）');
    expect(leader.errors).toEqual([]);
    await leader.context.close();

    // the approver reads the retrospective and closes the plan
    await page.reload();
    await page.getByText('线索渠道拓展顺利，和销售部的协同更紧密').waitFor();
    await page.getByRole('button', { name: '关闭计划' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '关闭计划' }).click();
    await page.getByText(/计划已于 .+ 关闭，得分已固定。/).waitFor();
    await page.locator('.ant-tag', { hasText: '已关闭' }).first().waitFor();
    expect(await page.getByRole('button', { name: '关闭计划' }).count()).toBe(0);
    await expectAccessible(page, '已关闭的计划（评分）');
    await shot(page, 'zh-11-closed');

    // the plan itself shows as closed
    await page.getByRole('link', { name: '返回计划' }).click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    await page.locator('.ant-tag', { hasText: '已关闭' }).first().waitFor();
    // what changed since the approval and the adjustments are shown with it
    await page.getByRole('heading', { name: '自上次通过以来的变更' }).waitFor();
    await page.getByRole('heading', { name: '调整历史' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '已关闭的计划');
    expect(approver.errors).toEqual([]);
    await approver.context.close();
  });
});
