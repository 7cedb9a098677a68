import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './fixtures/axe';
import type { Page } from '@playwright/test';
import {
  DistrictPage,
  FrontPage,
  LANGS,
  OfferingPage,
  expect,
  firstOfferingSlug,
  test,
  type Lang,
} from './fixtures/pages';

/** Chromium logs the 404 status of a missing page as a console error. */
const NOT_FOUND_CONSOLE = /^Failed to load resource: the server responded with a status of 404/;

// ---------------------------------------------------------------------------
// Journeys shared by the JavaScript and the no-JavaScript passes.
// ---------------------------------------------------------------------------

async function browseAndFilter(page: Page) {
  const front = new FrontPage(page);
  await front.goto();
  // The five demo districts and the hostile fixture's one (security.spec.ts).
  await expect(front.districtLinks).toHaveCount(6);
  const district = await front.openDistrict('Østbyen');
  await expect(page).toHaveURL(/\/bydel\/ostbyen$/);
  await expect(district.heading).toHaveText('Tilbud i Østbyen');

  const cards = district.cards;
  expect(await cards.count()).toBeGreaterThan(0);
  for (const card of await cards.all()) {
    await expect(card.locator('p.card-kind')).toHaveText(/\S/);
    await expect(card.locator('h3.card-title a')).toHaveAttribute('href', /^\/tilbud\/[^/]+$/);
    await expect(card.locator('h3.card-title a')).toHaveText(/\S/);
    await expect(card.locator('dl.facts dt', { hasText: /^Sted$/ })).toHaveCount(1);
  }

  // The filter panel is closed until asked for.
  await expect(district.filterForm).toBeHidden();
  await district.filter({ kind: 'Aktivitetsgrupper', free: true });
  await expect(page).toHaveURL(/\/bydel\/ostbyen\?.*kind=activity_group&.*free=1/);
  await expectOnlyFreeActivityGroups(district);

  // The filter lives in the URL: reloading (or sharing the link) keeps it.
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);
  await expectOnlyFreeActivityGroups(district);
  await district.openFilters();
  await expect(district.filterForm.locator('select[name="kind"]')).toHaveValue('activity_group');
  await expect(district.filterForm.locator('input[name="free"]')).toBeChecked();
  return district;
}

async function expectOnlyFreeActivityGroups(district: DistrictPage) {
  const cards = await district.cards.all();
  expect(cards.length).toBeGreaterThan(0);
  for (const card of cards) {
    await expect(card.locator('p.card-kind')).toHaveText('Aktivitetsgruppe');
    await expect(card.locator('ul.badges li.badge', { hasText: /^Gratis$/ })).toHaveCount(1);
  }
}

async function openOfferingAndCalendar(page: Page) {
  const district = new DistrictPage(page);
  await district.goto('ostbyen', '?kind=activity_group');
  const title = (await district.cardTitles().first().textContent())!.trim();
  const offering = await district.openOffering(title);
  await expect(offering.heading).toHaveText(title);

  await expect(offering.whenSection.locator('h2')).toHaveText(/^(Når|Åpningstider)$/);
  await expect(offering.whenSection).toContainText(/kl\. \d\d\.\d\d/);
  await expect(offering.whereSection.locator('h2')).toHaveText('Hvor');
  await expect(offering.whereSection.locator('h3', { hasText: 'Tilgjengelighet' })).toBeVisible();
  expect(await offering.whereSection.locator('ul.access-facts li').count()).toBeGreaterThan(0);
  await expect(offering.whereSection.locator('ul.access-facts li').first()).toHaveText(/: (ja|nei)/);

  await expect(offering.calendarLink).toHaveText('Legg til i kalenderen');
  await expect(offering.calendarLink).toHaveAttribute('download', /\.ics$/);
  const [download] = await Promise.all([page.waitForEvent('download'), offering.calendarLink.click()]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const ics = await readFile((await download.path())!, 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/RRULE:FREQ=WEEKLY|DTSTART/);
  expect(ics).toContain(`SUMMARY:${title}`);
  return offering;
}

async function searchFromHeader(page: Page) {
  const front = new FrontPage(page);
  await front.goto();
  await front.search('STØDIG');
  await expect(page).toHaveURL(/\/tilbud\?q=/);
  await expect(front.card('Sterk og stødig').first()).toBeVisible();
  expect(await front.card('Sterk og stødig').count()).toBeGreaterThan(0);
}

async function switchLanguages(page: Page) {
  const front = new FrontPage(page);
  await front.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(front.skipLink).toHaveText('Gå til hovedinnholdet');
  await expect(front.heading).toHaveText('Finn noe å gå til i nærheten');

  await front.languages.switchTo('nn');
  await expect(page).toHaveURL(/\/$/);
  await expect(front.skipLink).toHaveText('Gå til hovudinnhaldet');
  await expect(front.heading).toHaveText('Finn noko å gå til i nærleiken');
  await expect(page.locator('#districts-heading')).toHaveText('Vel bydel');

  // Remembered on the next page load.
  const district = new DistrictPage(page);
  await district.goto('ostbyen');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(district.heading).toHaveText(/^Tilbod i \S/);
  await expect(district.filterSummary).toHaveText('Vel kva du vil sjå');

  // Switching goes back to the page it was made on.
  await district.languages.switchTo('en');
  await expect(page).toHaveURL(/\/bydel\/ostbyen$/);
  await expect(district.heading).toHaveText(/^Offerings in \S/);
  await expect(district.skipLink).toHaveText('Skip to main content');
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(front.heading).toHaveText('Find something to go to near you');
}

// ---------------------------------------------------------------------------
// With JavaScript (the default in both projects).
// ---------------------------------------------------------------------------

test.describe('with JavaScript', () => {
  test('browse a district and filter it with a shareable URL', async ({ page }) => {
    await browseAndFilter(page);
  });

  test('open an offering and download its calendar file', async ({ page }) => {
    await openOfferingAndCalendar(page);
  });

  test('header search ignores case and finds Ø', async ({ page }) => {
    await searchFromHeader(page);
  });

  test('switch to Nynorsk, remembered, then English', async ({ page }) => {
    await switchLanguages(page);
  });

  test('read aloud: the control appears, reads, and says when there is no Norwegian voice', async ({ page }) => {
    const slug = await firstOfferingSlug(page, '/bydel/ostbyen?kind=activity_group');
    await page.goto(`/tilbud/${slug}`);
    const box = page.locator('main .read-aloud');
    const read = box.getByRole('button', { name: 'Les opp' });
    await expect(read).toBeVisible({ timeout: 15_000 });
    await expect(box.getByRole('button', { name: 'Stopp' })).toBeHidden();
    const hasVoice = await page.evaluate(() =>
      speechSynthesis.getVoices().some((v) => /^(nb|no|nn)\b/i.test(v.lang)),
    );
    await read.click();
    await expect(box.locator('.read-aloud-status')).toHaveText(
      hasVoice ? /Leser opp|^$/ : /ingen norsk stemme/,
    );
  });

  test('the print button appears once its script has run', async ({ page }) => {
    const offering = new OfferingPage(page);
    const slug = await firstOfferingSlug(page, '/bydel/ostbyen?kind=activity_group');
    await offering.goto(slug);
    await expect(offering.printButton).toBeVisible({ timeout: 15_000 });
    await expect(offering.printButton).toHaveText('Skriv ut');
    await expect(offering.printButton).toBeEnabled();
  });

  test('only the sign-up form loads wasm; listings load no script at all', async ({ page }) => {
    const loaded: string[] = [];
    page.on('request', (r) => {
      if (['script', 'fetch', 'other'].includes(r.resourceType()) || /\.(js|wasm)$/.test(r.url())) {
        loaded.push(new URL(r.url()).pathname);
      }
    });
    const scripts = async (path: string) => {
      loaded.length = 0;
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      return [...loaded];
    };
    for (const path of ['/', '/bydel/sentrum', '/tilbud', '/tilbud?q=kor', '/personvern']) {
      expect(await scripts(path), path).toEqual([]);
    }
    const slug = await firstOfferingSlug(page, '/bydel/ostbyen?kind=activity_group');
    const offering = (await scripts(`/tilbud/${slug}`)).sort();
    expect(offering.length, offering.join()).toBe(2);
    expect(offering[0]).toMatch(/^\/pkg\/print\.[0-9a-f]{12}\.js$/);
    expect(offering[1]).toMatch(/^\/pkg\/read-aloud\.[0-9a-f]{12}\.js$/);
    await page.goto('/tilbud?kind=course');
    const href = await page.locator('main article.card h3.card-title a').first().getAttribute('href');
    const form = await scripts(`${href}/pamelding`);
    expect(form.some((p) => p.endsWith('.wasm')), form.join()).toBe(true);
    // The form works without its checks, so their wasm waits until the
    // page has loaded instead of competing with it on a slow connection.
    const [wasmStart, loadStart] = await page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const page = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return [wasm ? wasm.startTime : -1, page.loadEventStart];
    });
    expect(wasmStart).toBeGreaterThanOrEqual(loadStart);
  });

  test.describe('missing pages', () => {
    test.use({ allowedConsoleErrors: [NOT_FOUND_CONSOLE] });

    test('an unknown path answers 404 with a translated heading', async ({ page, context, baseURL }) => {
      const response = await page.goto('/finnes-ikke');
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
      await expect(page.locator('main h1')).toHaveText('Fant ikke siden');
      await expect(page.locator('main a[href="/"]')).toBeVisible();

      await context.addCookies([{ name: 'lang', value: 'nn', url: baseURL! }]);
      expect((await page.goto('/finnes-ikke'))?.status()).toBe(404);
      await expect(page.locator('main h1')).toHaveText('Fann ikkje sida');

      await context.addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
      expect((await page.goto('/tilbud/finnes-ikke'))?.status()).toBe(404);
      await expect(page.locator('main h1')).toHaveText('Page not found');
    });
  });
});

// ---------------------------------------------------------------------------
// Without JavaScript: everything but printing must still work.
// ---------------------------------------------------------------------------

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('browse a district and filter it with a shareable URL', async ({ page }) => {
    await browseAndFilter(page);
  });

  test('open an offering and download its calendar file; no print button, no read aloud', async ({ page }) => {
    const offering = await openOfferingAndCalendar(page);
    await expect(offering.printButton).toHaveCount(1);
    await expect(offering.printButton).toBeHidden();
    await expect(page.locator('main .read-aloud')).toHaveCount(1);
    await expect(page.locator('main .read-aloud')).toBeHidden();
  });

  test('header search ignores case and finds Ø', async ({ page }) => {
    await searchFromHeader(page);
  });

  test('switch to Nynorsk, remembered, then English', async ({ page }) => {
    await switchLanguages(page);
  });
});

// ---------------------------------------------------------------------------
// Accessibility: axe on every kind of page, in every language.
// ---------------------------------------------------------------------------

type AxePage = {
  name: string;
  /** Path to open, or the listing whose first offering to open. */
  path?: string;
  firstOf?: string;
  openFilters?: boolean;
  notFound?: boolean;
};

const AXE_PAGES: AxePage[] = [
  { name: 'front page', path: '/' },
  { name: 'district page', path: '/bydel/ostbyen' },
  { name: 'district page with the filters open', path: '/bydel/ostbyen', openFilters: true },
  { name: 'search results', path: '/tilbud?q=kor' },
  { name: 'activity group', firstOf: '/tilbud?kind=activity_group' },
  { name: 'course', firstOf: '/tilbud?kind=course' },
  { name: 'meeting place', firstOf: '/tilbud?kind=meeting_place' },
  { name: 'volunteer centre', firstOf: '/tilbud?kind=volunteer_centre' },
  { name: '404 page', path: '/finnes-ikke', notFound: true },
];


test.describe('accessibility', () => {
  for (const lang of LANGS as Lang[]) {
    for (const target of AXE_PAGES) {
      test.describe(() => {
        if (target.notFound) test.use({ allowedConsoleErrors: [NOT_FOUND_CONSOLE] });

        test(`${lang}: ${target.name} has no axe violations`, async ({ page, context, baseURL }) => {
          await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
          const path = target.firstOf ? `/tilbud/${await firstOfferingSlug(page, target.firstOf)}` : target.path!;
          const response = await page.goto(path);
          expect(response?.status()).toBe(target.notFound ? 404 : 200);
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          if (target.firstOf) {
            // Check the page as it is once hydrated.
            await expect(new OfferingPage(page).printButton).toBeVisible({ timeout: 15_000 });
          }
          if (target.openFilters) await new DistrictPage(page).openFilters();
          await expectNoAxeViolations(page);
        });
      });
    }
  }
});

// ---------------------------------------------------------------------------
// Larger text and stronger contrast: a header button, no script needed.
// ---------------------------------------------------------------------------

test.describe('larger text and stronger contrast', () => {
  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('chosen in the header, it holds on every page until turned off', async ({ page }) => {
      await page.goto('/bydel/ostbyen?free=1');
      const html = page.locator('html');
      const button = page.getByRole('button', { name: 'Større tekst' });
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await expect(page.locator('body')).toHaveCSS('font-size', '18px');
      await button.click();
      await expect(page).toHaveURL(/\/bydel\/ostbyen\?free=1$/);
      await expect(html).toHaveClass('large-text');
      await expect(page.locator('body')).toHaveCSS('font-size', '22px');
      await expect(button).toHaveAttribute('aria-pressed', 'true');

      await page.goto('/tilbud?q=kor');
      await expect(html).toHaveClass('large-text');
      await page.getByRole('button', { name: 'Større tekst' }).click();
      await expect(page).toHaveURL(/\/tilbud\?q=kor$/);
      await expect(html).not.toHaveClass('large-text');
      await expect(page.locator('body')).toHaveCSS('font-size', '18px');
    });
  });

  for (const target of AXE_PAGES.filter((t) => !t.notFound)) {
    test(`${target.name}: 22 px text and no AAA axe violations`, async ({ page, context, baseURL }) => {
      await context.addCookies([{ name: 'text', value: 'large', url: baseURL! }]);
      const path = target.firstOf ? `/tilbud/${await firstOfferingSlug(page, target.firstOf)}` : target.path!;
      await page.goto(path);
      await expect(page.locator('html')).toHaveClass('large-text');
      await expect(page.locator('body')).toHaveCSS('font-size', '22px');
      if (target.openFilters) await new DistrictPage(page).openFilters();
      await expectNoAxeViolations(page, { aaa: true });
    });
  }

  test('a system asking for more contrast gets it without the cookie', async ({ page }) => {
    await page.emulateMedia({ contrast: 'more' });
    await page.goto('/bydel/ostbyen');
    await expect(page.locator('html')).not.toHaveClass('large-text');
    await expect(page.locator('body')).toHaveCSS('font-size', '18px');
    await expectNoAxeViolations(page, { aaa: true });
  });
});

// ---------------------------------------------------------------------------
// Reflow: nothing scrolls sideways at 320 CSS pixels (WCAG 1.4.10).
// ---------------------------------------------------------------------------

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const [name, path] of [
    ['front page', '/'],
    ['district page', '/bydel/ostbyen'],
    ['offering page', 'first:/bydel/ostbyen?kind=activity_group'],
  ] as const) {
    test(`${name} has no horizontal scroll`, async ({ page }) => {
      const url = path.startsWith('first:') ? `/tilbud/${await firstOfferingSlug(page, path.slice(6))}` : path;
      await page.goto(url);
      if (url.startsWith('/bydel/')) await new DistrictPage(page).openFilters();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `scrollWidth of ${url}`).toBeLessThanOrEqual(320);
    });
  }
});
