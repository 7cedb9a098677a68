import { expect, test } from './fixtures/pages';
import type { Page } from '@playwright/test';

// Script injection, tried as an attacker would: through the search words in
// the address, and through names stored in the database (the hostile
// fixture, server/tests/fixtures/hostile.toml, which the test command loads
// beside the demo). A dialog must never open, the title must read as the
// text that was typed, and the Content-Security-Policy must block nothing
// the site itself needs.

const ATTACKS = [
  '</title><script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  "'--><script>alert(4)</script>",
  '</TITLE ><ScRiPt>alert(5)</ScRiPt>',
  '<!--<script>alert(6)</script>-->',
];

/** Fails the test if any script opens a dialog on `page`. */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}

/** Records every Content-Security-Policy violation the page reports. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test.describe('script injection', () => {
  for (const attack of ATTACKS) {
    test(`search words ${JSON.stringify(attack)} stay text`, async ({ page }) => {
      const opened = forbidDialogs(page);
      await page.goto(`/tilbud?q=${encodeURIComponent(attack)}`);
      await page.waitForLoadState('load');
      await expect(page).toHaveTitle(`Søk: «${attack}» – Treffpunkt`);
      await expect(page.locator('main h1')).toHaveText(`Søk: «${attack}»`);
      expect(await page.locator('main script, main img, main svg').count()).toBe(0);
      expect(opened).toEqual([]);
    });
  }

  for (const [path, title] of [
    ['/tilbud/kaffe-og-skript', "Kaffe </title><script>alert('title')</script><!-- – Treffpunkt"],
    ['/bydel/provebydel', "Tilbud i Prøvebydel <svg onload=alert('district')> – Treffpunkt"],
    ['/bydel/provebydel?lang=nn', "Tilbod i Prøvebydel </title><script>alert('district-nn')</script> – Treffpunkt"],
  ]) {
    test(`names stored by staff stay text: ${path}`, async ({ page }) => {
      const opened = forbidDialogs(page);
      await page.goto(path);
      await page.waitForLoadState('load');
      await expect(page).toHaveTitle(title);
      expect(await page.locator('main script, main img, main svg').count()).toBe(0);
      expect(opened).toEqual([]);
    });
  }

  test('the front page and the listings show stored names as text', async ({ page }) => {
    const opened = forbidDialogs(page);
    for (const path of ['/', '/tilbud', '/tilbud?q=kaffe']) {
      await page.goto(path);
      await page.waitForLoadState('load');
      expect(await page.locator('main script, main img, main svg').count(), path).toBe(0);
    }
    expect(opened).toEqual([]);
  });
});

test.describe('content security policy', () => {
  test('every page sends it, and the islands still wake up under it', async ({ page, request }) => {
    await recordViolations(page);
    const response = await page.goto('/tilbud/kaffe-og-skript');
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    // The print button is shown only once its script has run.
    await expect(page.locator('button.print-button')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    for (const path of ['/', '/personvern', '/tilbud']) {
      const reply = await request.get(path);
      expect(reply.headers()['content-security-policy'], path).toBe(policy);
      expect(reply.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(await reply.text(), path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    }
  });

  test('the sign-up form island works under it', async ({ page }) => {
    await recordViolations(page);
    await page.goto('/tilbud?kind=course');
    const href = await page.locator('main article.card h3.card-title a').first().getAttribute('href');
    await page.goto(`${href}/pamelding`);
    await page.waitForLoadState('load');
    expect(await violations(page)).toEqual([]);
  });
});
