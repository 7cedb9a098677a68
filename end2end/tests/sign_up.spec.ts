import { expectNoAxeViolations } from './fixtures/axe';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import {
  LANGS,
  OfferingPage,
  SignUpFormPage,
  SignUpLinkPage,
  expect,
  openCourses,
  test,
  type Lang,
  type SignUpDetails,
} from './fixtures/pages';
import { cancelLink, confirmLink, emailsTo, tokenOf, waitForEmail } from './fixtures/mail';

// Places are shared by every test and both projects, which run in parallel.
// So: every address is unique to its run, nothing depends on exact counts,
// and every test gives its places back at the end. The journeys here use the
// open course with the most places left; the waiting-list journey takes a
// different one.

/** Chromium logs the 422 of a form the server turns back as a console error. */
const UNPROCESSABLE_CONSOLE = /^Failed to load resource: the server responded with a status of 422/;

let counter = 0;
/** An address nobody else uses, e.g. `e2e-1764030000000-desktop-3-k2x@example.com`. */
function uniqueEmail(info: TestInfo, who = 'p'): string {
  counter += 1;
  const rand = Math.random().toString(36).slice(2, 6);
  return `e2e-${who}-${Date.now()}-${info.project.name}-${info.workerIndex}-${counter}${rand}@example.com`;
}

/** The open course with the most places left. */
async function roomyCourse(request: APIRequestContext): Promise<string> {
  const [course] = await openCourses(request);
  expect(course.placesLeft!, `${course.slug} has too few places left for the journeys`).toBeGreaterThanOrEqual(2);
  return course.slug;
}

/** Signs up without a browser, as the plain form would. */
async function apiSignUp(request: APIRequestContext, slug: string, d: SignUpDetails, lang: Lang = 'nb') {
  const form: Record<string, string> = { participant_name: d.name, participant_email: d.email ?? '', website: '' };
  if (d.registrant) {
    form.on_behalf = '1';
    form.registrant_name = d.registrant.name;
    form.registrant_email = d.registrant.email;
  }
  if (d.consent ?? true) form.consent = '1';
  const response = await request.post(`/tilbud/${slug}/pamelding`, {
    form,
    headers: { cookie: `lang=${lang}` },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-up of ${d.email} to ${slug}`).toBe(303);
  expect(response.headers().location).toBe(`/tilbud/${slug}/pamelding/sendt`);
}

/** Confirms by the confirm link of the first email to `address`: a place
 * (or a place in line) is given then. */
async function apiConfirm(request: APIRequestContext, address: string) {
  const mail = await waitForEmail(address, '/pamelding/bekreft');
  const response = await request.post('/pamelding/bekreft', { form: { token: tokenOf(confirmLink(mail)) }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
}

/** Gives a place back: posts the cancel link of any email to `address`. */
async function apiCancel(request: APIRequestContext, address: string) {
  const mail = await waitForEmail(address, '/pamelding/avmeld');
  const response = await request.post('/pamelding/avmeld', { form: { token: tokenOf(cancelLink(mail)) }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
}

/**
 * Shows the sign-up form exactly as the server turns an empty submission
 * back to a browser without JavaScript (422, messages, the registrant's
 * fields shown), but in a page where JavaScript runs so axe and measuring
 * work: the answer is fetched and served without its scripts.
 */
async function showTurnedBackForm(page: Page, request: APIRequestContext, lang: Lang = 'nb') {
  const slug = await roomyCourse(request);
  const path = `/tilbud/${slug}/pamelding`;
  const response = await request.post(path, {
    form: { participant_name: '', participant_email: '', on_behalf: '1', website: '' },
    headers: { cookie: `lang=${lang}` },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(422);
  const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  await page.route(`**${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  const form = new SignUpFormPage(page);
  await page.goto(path);
  await expect(form.errorSummary).toBeVisible();
  expect(await form.fieldErrors.count()).toBeGreaterThanOrEqual(3);
  return form;
}


// ---------------------------------------------------------------------------
// With JavaScript: the form is an island that checks itself.
// ---------------------------------------------------------------------------

test.describe('course sign-up with JavaScript', () => {
  test('sign up, confirm by email, get the calendar file, then cancel', async ({ page, request }, info) => {
    const slug = await roomyCourse(request);
    const email = uniqueEmail(info);

    const course = new OfferingPage(page);
    await course.goto(slug);
    await expect(course.signUp.box.locator('h2')).toHaveText('Meld deg på');
    await expect(course.signUp.places).toHaveText(/^(\d+ plasser|Én plass) igjen$/);
    await expect(course.signUp.link).toHaveText('Meld deg på');
    const form = await course.signUp.open();
    await expect(form.heading).toHaveText(/^Påmelding: /);
    await form.hydrated();
    // The registrant's fields wait until the box is ticked.
    await expect(form.registrantFields).toBeHidden();
    // The honeypot is out of sight, but not display:none.
    await expect(form.honeypot).not.toHaveCSS('display', 'none');
    await expect(form.honeypot).not.toBeInViewport();

    // Empty: the island shows the messages itself, without a request.
    const formUrl = page.url();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    await form.submit.click();
    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary).toHaveAttribute('role', 'alert');
    await expect(form.errorSummary).toBeFocused();
    await expect(form.errorSummary).toContainText('Noe må rettes før du kan sende:');
    await expect(form.errorSummary.locator('li a[href="#participant_name"]')).toHaveText('Dette feltet må fylles ut.');
    await expect(form.errorSummary.locator('li a[href="#consent"]')).toBeVisible();
    await expect(form.form.locator('#participant_name-error')).toHaveText('Dette feltet må fylles ut.');
    await expect(form.form.locator('#consent-error')).toHaveText('Du må samtykke for at vi kan ta imot påmeldingen.');
    expect(await form.fieldErrors.count()).toBeGreaterThanOrEqual(3);
    await expect(form.name).toHaveAttribute('aria-invalid', 'true');
    await expect(form.name).toHaveAttribute('aria-describedby', 'participant_name-error');
    await expect(form.consent).toHaveAttribute('aria-invalid', 'true');
    expect(page.url()).toBe(formUrl);
    expect(posts).toEqual([]);

    // Messages follow what is typed.
    await form.fill({ name: 'Ingrid Testesen', email });
    await expect(form.fieldErrors).toHaveCount(0);
    await expect(form.errorSummary).toBeHidden();
    await form.submitAndExpectSent();
    await expect(page).toHaveURL(new RegExp(`/tilbud/${slug}/pamelding/sendt$`));

    // The email asks for a confirmation; the link asks before it confirms.
    const request1 = await waitForEmail(email, 'Bekreft påmeldingen');
    expect(request1.subject).toMatch(/: bekreft påmeldingen$/);
    expect(request1.text).toContain('Hei Ingrid Testesen,');
    const link = new SignUpLinkPage(page);
    await link.goto(confirmLink(request1));
    await expect(link.heading).toHaveText('Bekreft påmeldingen');
    await link.press('Bekreft påmeldingen');
    await expect(link.message).toContainText('er bekreftet');
    await expect(link.button).toHaveCount(0);

    // The confirmation brings the calendar file.
    const confirmed = await waitForEmail(email, 'påmeldingen er bekreftet');
    const calendar = confirmed.parts.find((p) => p.contentType === 'text/calendar');
    expect(calendar, `no text/calendar part in "${confirmed.subject}"`).toBeDefined();
    expect(calendar!.body).toContain('BEGIN:VCALENDAR');
    expect(calendar!.body).toContain('BEGIN:VEVENT');

    // And a place can be given back.
    await link.goto(cancelLink(confirmed));
    await expect(link.heading).toHaveText('Meld av');
    await link.press('Ja, meld meg av');
    await expect(link.message).toContainText('Du er meldt av');
    await waitForEmail(email, 'du er meldt av');
  });

  test('sign someone else up: the registrant gets the emails', async ({ page, request }, info) => {
    const slug = await roomyCourse(request);
    const registrant = uniqueEmail(info, 'r');
    const form = new SignUpFormPage(page);
    await form.goto(slug);
    await form.hydrated();

    await expect(form.registrantFields).toBeHidden();
    await form.onBehalf.check();
    await expect(form.registrantFields).toBeVisible();
    await expect(form.registrantName).toBeVisible();
    await expect(form.registrantEmail).toBeVisible();
    await form.onBehalf.uncheck();
    await expect(form.registrantFields).toBeHidden();

    // The participant has no email address; the daughter gets everything.
    await form.fill({ name: 'Olga Testesen', registrant: { name: 'Kari Testesen', email: registrant } });
    await expect(form.email).toHaveValue('');
    await form.submitAndExpectSent();

    const mail = await waitForEmail(registrant, 'meldte på');
    expect(mail.text).toContain('Kari Testesen meldte på Olga Testesen');
    expect(confirmLink(mail)).toMatch(/^\/pamelding\/bekreft\?token=/);
    await apiCancel(request, registrant);
  });
});

// ---------------------------------------------------------------------------
// Without JavaScript: the server checks the form and keeps what was typed.
// ---------------------------------------------------------------------------

test.describe('course sign-up without JavaScript', () => {
  test.use({ javaScriptEnabled: false, allowedConsoleErrors: [UNPROCESSABLE_CONSOLE] });

  test('a bad email comes back with the typed values kept; then sign up and confirm', async ({ page, request }, info) => {
    const slug = await roomyCourse(request);
    const email = uniqueEmail(info);
    const course = new OfferingPage(page);
    await course.goto(slug);
    const form = await course.signUp.open();
    // No island: the registrant's fields are simply shown.
    await expect(form.registrantFields).toBeVisible();

    // "per@eksempel" passes the browser's own type=email check (without JS
    // the form has no novalidate), so the server is the one to turn it back.
    await form.fill({ name: 'Per Uten-Skript', email: 'per@eksempel' });
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      form.submit.click(),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe(`/tilbud/${slug}/pamelding`);
    await expect(form.name).toHaveValue('Per Uten-Skript');
    await expect(form.email).toHaveValue('per@eksempel');
    await expect(form.consent).toBeChecked();
    await expect(form.errorSummary).toBeVisible();
    await expect(form.errorSummary).toContainText('Skriv en gyldig e-postadresse');
    await expect(form.form.locator('#participant_email-error')).toContainText('Skriv en gyldig e-postadresse');
    await expect(form.email).toHaveAttribute('aria-invalid', 'true');

    await form.email.fill(email);
    await form.submitAndExpectSent();

    const mail = await waitForEmail(email, 'Bekreft påmeldingen');
    const link = new SignUpLinkPage(page);
    await link.goto(confirmLink(mail));
    await link.press('Bekreft påmeldingen');
    await expect(link.message).toContainText('er bekreftet');
    await waitForEmail(email, 'påmeldingen er bekreftet');
    await apiCancel(request, email);
  });
});

// ---------------------------------------------------------------------------
// Waiting list: a freed place goes to the first in line.
// ---------------------------------------------------------------------------

test.describe('waiting list', () => {
  test.describe.configure({ timeout: 90_000 });

  test('fill a course, join the waiting list, get the place someone gives back', async ({ page, request }, info) => {
    // One project only: both would race to fill the same course.
    test.skip(info.project.name !== 'desktop', 'runs in the desktop project only');
    const open = await openCourses(request);
    // Not the roomiest course: the other journeys use that one.
    const candidates = open.slice(1).filter((c) => c.placesLeft! <= 8);
    expect(candidates.length, 'no second open course with few places left').toBeGreaterThan(0);
    const course = candidates[candidates.length - 1];
    const n = course.placesLeft!;

    const fillers = Array.from({ length: n }, () => uniqueEmail(info, 'fill'));
    const waiter = uniqueEmail(info, 'wait');
    try {
      for (const [i, email] of fillers.entries()) {
        await apiSignUp(request, course.slug, { name: `Fyll Testesen ${i + 1}`, email });
        await apiConfirm(request, email);
      }

      const offering = new OfferingPage(page);
      await offering.goto(course.slug);
      await expect(offering.signUp.places).toHaveText('Fullt – du kan stå på venteliste');
      await expect(offering.signUp.link).toHaveText('Sett deg på venteliste');
      const form = await offering.signUp.open();
      await expect(page.locator('main p.lead')).toContainText('Kurset er fullt');
      await form.hydrated();
      await form.fill({ name: 'Vera Venteliste', email: waiter });
      await form.submitAndExpectSent();
      // The place in line is given when the address is confirmed.
      const confirm = await waitForEmail(waiter, 'Bekreft påmeldingen');
      const link = new SignUpLinkPage(page);
      await link.goto(confirmLink(confirm));
      await link.press('Bekreft påmeldingen');
      await expect(link.message).toContainText('venteliste');
      const waiting = await waitForEmail(waiter, 'du står på venteliste');
      expect(waiting.text).toMatch(/står som nummer \d+ på ventelisten/);

      // The first filler gives the place back with the link in their email.
      const first = await waitForEmail(fillers[0], 'Bekreft påmeldingen');
      await link.goto(cancelLink(first));
      await link.press('Ja, meld meg av');
      await expect(link.message).toContainText('Du er meldt av');

      const promoted = await waitForEmail(waiter, 'har fått plass');
      expect(promoted.text).toContain('Vera Venteliste har fått plass');
      // Confirmed already: the place is theirs, nothing more to confirm.
      expect(promoted.text).not.toContain('/pamelding/bekreft');
    } finally {
      // Give every place back, so later runs find the course as it was.
      for (const email of [...fillers, waiter]) {
        if ((await emailsTo(email)).length > 0) await apiCancel(request, email).catch(() => undefined);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// Accessibility of the sign-up pages, in every language.
// ---------------------------------------------------------------------------

test.describe('sign-up accessibility', () => {
  for (const lang of LANGS as Lang[]) {
    test.describe(`${lang}`, () => {
      test.beforeEach(async ({ context, baseURL }) => {
        await context.addCookies([{ name: 'lang', value: lang, url: baseURL! }]);
      });

      test(`${lang}: the sign-up form has no axe violations`, async ({ page, request }) => {
        const form = new SignUpFormPage(page);
        expect((await form.goto(await roomyCourse(request)))?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await form.hydrated();
        await expectNoAxeViolations(page);
      });

      test(`${lang}: the sign-up form showing its errors has no axe violations`, async ({ page, request }) => {
        const form = new SignUpFormPage(page);
        await form.goto(await roomyCourse(request));
        await form.hydrated();
        await form.onBehalf.check();
        await form.submit.click();
        await expect(form.errorSummary).toBeVisible();
        expect(await form.fieldErrors.count()).toBeGreaterThanOrEqual(3);
        await expectNoAxeViolations(page);
      });

      test(`${lang}: the form as the server turns it back (no JavaScript) has no axe violations`, async ({ page, request }) => {
        const form = await showTurnedBackForm(page, request, lang);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(form.registrantFields).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test(`${lang}: the "check your email" page has no axe violations`, async ({ page, request }) => {
        const slug = await roomyCourse(request);
        expect((await page.goto(`/tilbud/${slug}/pamelding/sendt`))?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('main section.done h1')).toBeVisible();
        await expectNoAxeViolations(page);
      });

      test(`${lang}: a confirm page has no axe violations`, async ({ page, request }, info) => {
        const slug = await roomyCourse(request);
        const email = uniqueEmail(info, `axe-${lang}`);
        await apiSignUp(request, slug, { name: 'Axel Testesen', email }, lang);
        try {
          const link = new SignUpLinkPage(page);
          await link.goto(confirmLink(await waitForEmail(email, '/pamelding/bekreft')));
          await expect(page.locator('html')).toHaveAttribute('lang', lang);
          await expect(link.button).toBeVisible();
          await expectNoAxeViolations(page);
        } finally {
          await apiCancel(request, email);
        }
      });

      test(`${lang}: the privacy page has no axe violations`, async ({ page }) => {
        expect((await page.goto('/personvern'))?.status()).toBe(200);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('main section.privacy h1')).toBeVisible();
        await expectNoAxeViolations(page);
      });
    });
  }
});

// ---------------------------------------------------------------------------
// Reflow at 320 CSS pixels (WCAG 1.4.10).
// ---------------------------------------------------------------------------

test.describe('sign-up at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the course page with its sign-up box has no horizontal scroll', async ({ page, request }) => {
    const course = new OfferingPage(page);
    await course.goto(await roomyCourse(request));
    await expect(course.signUp.box).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('the form as the server turns it back (no JavaScript) has no horizontal scroll', async ({ page, request }) => {
    await showTurnedBackForm(page, request);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  test('the sign-up form with its errors has no horizontal scroll', async ({ page, request }) => {
    const form = new SignUpFormPage(page);
    await form.goto(await roomyCourse(request));
    await form.hydrated();
    await form.onBehalf.check();
    await form.submit.click();
    await expect(form.errorSummary).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
