/**
 * The same sign-in and check-in in English: a wrong password shows the API's message, the
 * language switches and is remembered for the person, and the weekly check-in saves from a
 * phone. Every screen passes axe-core without serious or critical violations.
 */
import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  newPage,
  PASSWORD,
  PHONE,
  shot,
  shouldRunBrowserSuites,
  signIn,
} from './support/browser.js';
import { useBrowserSuite } from './support/suite.js';

const MEMBER = 'zhangwei@xingchen.test';
const KR = '市场合格线索从1500条提升到2400条';

describe.runIf(shouldRunBrowserSuites())('sign-in and check-in in English', () => {
  const suite = useBrowserSuite();

  it('signs in, switches to English and keeps it for the person', async () => {
    const { context, page, errors } = await newPage(suite.browser, { locale: 'en-US' });
    await page.goto(`${suite.server.url}/check-in`);
    await page.waitForURL(/\/signin/);
    await page.getByRole('heading', { name: 'Sign in to Polaris' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // a wrong password: the API's problem, in the page's language
    await page.getByLabel('Email').fill(MEMBER);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The email or password is incorrect').waitFor();
    await expectAccessible(page, 'sign-in with an error');
    await shot(page, 'en-01-sign-in-error');

    // the demo people chose Chinese; this one switches to English once signed in
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL(/\/check-in$/);
    await page.getByRole('heading', { name: '每周签到', level: 1 }).waitFor();
    const language = page.getByRole('combobox', { name: '切换语言' });
    await language.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'English' }).waitFor({ state: 'attached' });
    await page.keyboard.type('Eng');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Weekly check-in', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // sign out and in again: still English
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Polaris' }).waitFor();
    await signIn(page, suite.server.url, MEMBER);
    await page.getByRole('heading', { name: 'My OKRs', level: 1 }).waitFor();
    await page.getByText(/Key results due a check-in/).waitFor();
    await expectAccessible(page, 'My OKRs');
    await shot(page, 'en-02-my-okrs');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('checks in on a phone', async () => {
    const { context, page, errors } = await newPage(suite.browser, {
      locale: 'en-US',
      viewport: PHONE,
      phone: true,
    });
    await signIn(page, suite.server.url, MEMBER, '/check-in');
    await page.getByRole('heading', { name: 'Weekly check-in', level: 1 }).waitFor();
    const card = page.locator('li', { has: page.getByRole('heading', { name: KR }) });
    await card.waitFor();
    await card.getByLabel('New value').fill('2100');
    await card.getByText('Progress after saving: about 67%').waitFor();
    const slider = card.getByRole('slider', { name: `Confidence in ${KR}` });
    await slider.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('9');
    await card.getByLabel('Progress note').fill('Webinar series brought 200 qualified leads');
    await expectAccessible(page, 'weekly check-in (phone)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await shot(page, 'en-03-check-in-phone', false);

    // the session ends before saving: sign in again over the page, nothing typed is lost
    await context.clearCookies();
    await page.getByRole('button', { name: 'Save check-ins' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
    await dialog.waitFor();
    await expectAccessible(page, 'session expired dialog');
    await shot(page, 'en-03b-session-expired-dialog', false);
    await dialog.getByLabel('Password').fill(PASSWORD);
    await dialog.getByLabel('Password').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await card.getByLabel('New value').inputValue()).toBe('2100');
    expect(await card.getByLabel('Progress note').inputValue()).toBe(
      'Webinar series brought 200 qualified leads',
    );

    await page.getByRole('button', { name: 'Save check-ins' }).click();
    await page.getByText('1 check-in saved').waitFor();
    await expect
      .poll(() =>
        card
          .getByRole('progressbar', { name: `Progress of the key result ${KR}` })
          .getAttribute('aria-valuenow'),
      )
      .toBe('67');
    await card.getByText('Checked in this week').waitFor();

    // the key result's page shows the new check-in with its note
    await card.getByRole('link', { name: KR }).click();
    await page.getByRole('heading', { name: KR, level: 1 }).waitFor();
    await page.getByRole('cell', { name: 'Webinar series brought 200 qualified leads' }).waitFor();
    await page.getByRole('img', { name: /Chart of \d+ check-ins/ }).waitFor();
    await expectAccessible(page, 'key result (phone)');
    await shot(page, 'en-04-key-result-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
