import { expectNoAxeViolations } from './fixtures/axe';
import { expect, test } from './fixtures/pages';

/** 16 pt in CSS pixels: the smallest type the printed programme may use. */
const SIXTEEN_PT = (16 * 96) / 72;

// The printed weekly programme: a page to read, and a sheet of A4 for the
// noticeboard, with or without JavaScript.
test.describe('weekly programme', () => {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('from a district to its week on paper, in large black type', async ({ page }) => {
      await page.goto('/bydel/ostbyen');
      await page.getByRole('link', { name: 'Ukeprogram til å skrive ut' }).click();
      await expect(page).toHaveURL(/\/bydel\/ostbyen\/ukeprogram$/);
      await expect(page.locator('main h1')).toHaveText('Ukeprogram for Østbyen');
      await expect(page.locator('.programme-week')).toHaveText(/^Uke \d+: /);

      // The next week, by its link, has its days in order and each meeting
      // with its time, place and what it costs.
      await page.getByRole('link', { name: 'Neste uke' }).click();
      await expect(page).toHaveURL(/uke=\d{4}-W\d{2}$/);
      const days = page.locator('section.programme-day');
      expect(await days.count()).toBeGreaterThan(2);
      for (const day of await days.all()) {
        await expect(day.locator('h2')).toHaveText(/^(Mandag|Tirsdag|Onsdag|Torsdag|Fredag|Lørdag|Søndag) \d+\. \w+$/);
        const first = day.locator('li.programme-item').first();
        await expect(first.locator('.programme-time')).toHaveText(/\d\d\.\d\d–\d\d\.\d\d/);
        await expect(first.locator('.programme-facts')).toHaveText(/Gratis|kr/);
      }
      // No print button without the script; the browser's own print works.
      await expect(page.locator('.print-button')).toBeHidden();

      // On paper: only the week, nothing smaller than 16 pt, black on white.
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('header.site-header')).toBeHidden();
      await expect(page.locator('nav.programme-nav')).toBeHidden();
      await expect(page.locator('footer.site-footer')).toBeHidden();
      const type = await page.locator('article.programme').evaluate((article) =>
        [...article.querySelectorAll('p, h1, h2, li, a, strong')]
          .filter((el) => el.getBoundingClientRect().height > 0)
          .map((el) => {
            const style = getComputedStyle(el);
            return { size: parseFloat(style.fontSize), color: style.color, text: el.textContent?.slice(0, 30) };
          }),
      );
      expect(type.length).toBeGreaterThan(10);
      for (const t of type) {
        expect(t.size, `${t.text}: ${t.size}px`).toBeGreaterThanOrEqual(SIXTEEN_PT - 0.01);
        expect(t.color, `${t.text}`).toBe('rgb(0, 0, 0)');
      }
      expect(await page.title()).toContain('Ukeprogram for Østbyen');
    });
  });

  test('the print button prints, and the page is axe clean', async ({ page }) => {
    await page.goto('/bydel/sentrum/ukeprogram');
    const button = page.getByRole('button', { name: 'Skriv ut ukeprogrammet' });
    await expect(button).toBeVisible({ timeout: 15_000 });
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await button.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expectNoAxeViolations(page);
  });

  test('at 320 px wide it has no horizontal scroll', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/bydel/ostbyen/ukeprogram');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
});
