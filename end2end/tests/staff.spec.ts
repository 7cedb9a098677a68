import { expectNoAxeViolations } from './fixtures/axe';
import { emailsTo, waitForEmail } from './fixtures/mail';
import { expect, test } from './fixtures/pages';
import type { Browser, Page, TestInfo } from '@playwright/test';

// The staff area in Chromium, signing in with the code from the real SMTP
// server's Maildir. Each browser project has its own accounts and its own
// group (the hostile fixture, server/tests/fixtures/hostile.toml), so the
// two projects run side by side without touching each other's state.

/** Chromium logs a refused page's status as a console error. */
const REFUSED_CONSOLE = /^Failed to load resource: the server responded with a status of (403|422)/;
test.use({ allowedConsoleErrors: [REFUSED_CONSOLE] });

const coordinator = (info: TestInfo) => `koordinator-${info.project.name}@provelag.example`;
const editor = (info: TestInfo) => `redaktor-${info.project.name}@provelag.example`;

/**
 * Signs in as `email` with the code from the newest sign-in email. Tests of
 * one project may sign the same account in at once; any open code works,
 * but each only once, so a code the other test used is asked for again.
 */
async function signIn(page: Page, email: string, { shared = false } = {}) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = new Set((await emailsTo(email)).map((m) => m.file));
    await page.goto('/ansatt/logg-inn');
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill(email);
    await page.getByRole('button', { name: 'Send meg en kode' }).click();
    await expect(page.getByLabel('Kode fra e-posten')).toBeVisible();
    let code = '';
    const deadline = Date.now() + 15_000;
    while (!code) {
      const fresh = (await emailsTo(email)).filter((m) => !before.has(m.file));
      const mail = fresh[fresh.length - 1];
      if (mail) {
        expect(mail.subject).toBe('Innloggingskode til Treffpunkt');
        code = /\b(\d{6})\b/.exec(mail.text)![1];
      } else if (Date.now() > deadline) {
        throw new Error(`no sign-in email to ${email}`);
      } else {
        await page.waitForTimeout(250);
      }
    }
    await page.getByLabel('Kode fra e-posten').fill(code);
    if (shared) await page.getByLabel('Dette er en delt datamaskin').check();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    if (new URL(page.url()).pathname === '/ansatt') return;
  }
  throw new Error(`could not sign in as ${email}`);
}

/** A page of its own (axe needs one made through a context). */
async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** The staff list, searched for `words`. */
async function findOffering(page: Page, words: string) {
  await page.getByLabel('Finn tilbud etter tittel').fill(words);
  await page.locator('form.staff-search').getByRole('button').click();
}

test('a coordinator signs in with the emailed code and runs a course', async ({ page }, info) => {
  await page.goto('/ansatt');
  await expect(page).toHaveURL(/\/ansatt\/logg-inn$/);
  await expectNoAxeViolations(page);
  await signIn(page, coordinator(info), { shared: true });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tilbudene dine');
  // Names are shown as text, never run.
  await expect(page.locator('.staff-bar')).toContainText('<script>');
  await expectNoAxeViolations(page);

  await findOffering(page, 'provekurs');
  await page
    .locator('tr', { has: page.locator('a[href="/tilbud/provekurs"]') })
    .getByRole('link', { name: 'Deltakere' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Deltakere: Prøvekurs');
  await expectNoAxeViolations(page);

  // A form with a mistake comes back with what was typed.
  const name = `Telefon ${info.project.name} ${Date.now()}`;
  await page.getByLabel('Navn').fill(name);
  await page.getByLabel('Telefon').fill('ring meg');
  await page.getByRole('button', { name: 'Legg til deltaker' }).click();
  await expect(page.getByRole('alert')).toContainText('8 til 15 sifre');
  await expect(page.getByLabel('Navn')).toHaveValue(name);
  await expectNoAxeViolations(page);
  await page.getByLabel('Telefon').fill('912 34 567');
  await page.getByRole('button', { name: 'Legg til deltaker' }).click();
  await expect(page.locator('table')).toContainText(name);

  // The list downloads as a spreadsheet, with æøå intact.
  const csvLink = page.getByRole('link', { name: 'Last ned deltakerlisten (CSV)' });
  const csv = await page.request.get((await csvLink.getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const body = (await csv.body()).toString('utf8');
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body).toContain(name);

  // And the person is cancelled again, which gives the place back.
  await page.getByRole('button', { name: `Meld av ${name}` }).click();
  await expect(page.getByRole('button', { name: `Meld av ${name}` })).toHaveCount(0);
});

test('a coordinator gets 403 on another organisation\'s course and export', async ({ browser }, info) => {
  // An editor reads where the other organisation's course lives.
  const editorPage = await newPage(browser);
  await signIn(editorPage, editor(info));
  await findOffering(editorPage, 'Leve med KOLS');
  const people = editorPage.getByRole('link', { name: 'Deltakere' }).first();
  const path = (await people.getAttribute('href'))!;
  expect(path).toMatch(/^\/ansatt\/kurs\/\d+$/);
  await editorPage.context().close();

  const page = await newPage(browser);
  await signIn(page, coordinator(info));
  await expect(page.locator('table')).not.toContainText('Leve med KOLS');
  const refused = await page.goto(path);
  expect(refused!.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ikke tilgang');
  const csv = await page.request.get(`${path}/deltakere.csv`);
  expect(csv.status()).toBe(403);
  await page.context().close();
});

/** Letters only, unique to a run: a word search finds and nothing else has. */
function uniqueWord(info: TestInfo): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let n = Date.now() * 10 + info.workerIndex;
  let word = '';
  while (n > 0) {
    word += letters[n % letters.length];
    n = Math.floor(n / letters.length);
  }
  return `Tur${word}`;
}

test('a coordinator publishes a weekly group through an editor, and residents find it', async ({ browser }, info) => {
  const word = uniqueWord(info);
  const title = `Gågruppe ${word}`;
  const page = await newPage(browser);
  await signIn(page, coordinator(info));
  await page.getByRole('link', { name: 'Ny aktivitetsgruppe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny aktivitetsgruppe');
  await expectNoAxeViolations(page);
  await page.getByLabel('Tittel', { exact: true }).first().fill(title);
  await page.getByLabel('Kort beskrivelse').first().fill('En rolig tur i nabolaget.');
  await page.getByLabel('Bydel').selectOption({ label: "Prøvebydel <svg onload=alert('district')>" });
  await page.getByLabel('Faste tider').fill('hver torsdag');
  await page.getByLabel('Kontaktperson', { exact: true }).fill('Ola');
  await page.getByLabel('E-post til kontaktpersonen').fill('ola@provelag.example');
  await page.getByRole('button', { name: 'Lagre' }).click();
  // Turned back with everything typed, and what to fix.
  await expect(page.getByRole('alert')).toContainText('«hver torsdag»');
  await expect(page.getByLabel('Tittel', { exact: true }).first()).toHaveValue(title);
  await expectNoAxeViolations(page);
  await page.getByLabel('Faste tider').fill('torsdag 10.00–11.00');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status')).toContainText('Lagret');

  await page.goto('/ansatt');
  await findOffering(page, word);
  const row = page.locator('tr', { hasText: title });
  await row.getByRole('button', { name: 'Send til godkjenning' }).click();
  await expect(page.locator('tr', { hasText: title })).toContainText('Sendt til godkjenning');
  await page.context().close();

  const editorPage = await newPage(browser);
  await signIn(editorPage, editor(info));
  await editorPage.getByRole('link', { name: /^Til godkjenning/ }).click();
  await expectNoAxeViolations(editorPage);
  const queued = editorPage.locator('tr', { hasText: title });
  await queued.getByRole('button', { name: 'Godkjenn og publiser' }).click();
  await expect(editorPage.locator('tr', { hasText: title })).toHaveCount(0);

  // Every server reads the directory's version every second, and its
  // search index follows: both show the group within two seconds.
  for (const path of ['/bydel/provebydel', `/tilbud?q=${word}`]) {
    await expect
      .poll(async () => (await (await editorPage.request.get(path)).text()).includes(word), { timeout: 5_000 })
      .toBe(true);
  }
  await editorPage.context().close();
});

test('a coordinator calls off a course day and the participant is told', async ({ browser, request }, info) => {
  const slug = `provekurs-${info.project.name}`;
  const email = `deltaker-${info.project.name}-${Date.now()}@example.com`;
  const signUp = await request.post(`/tilbud/${slug}/pamelding`, {
    form: { participant_name: 'Kari Deltaker', participant_email: email, consent: '1', website: '' },
    maxRedirects: 0,
  });
  expect(signUp.status()).toBe(303);

  const page = await newPage(browser);
  await signIn(page, coordinator(info));
  await findOffering(page, slug);
  const row = page.locator('tr', { has: page.locator(`a[href="/tilbud/${slug}"]`) });
  await row.getByRole('link', { name: 'Avlys en dato' }).click();
  await expectNoAxeViolations(page);
  // Nothing chosen: asked again, the reason kept.
  await page.getByLabel(/^Hvorfor/).fill('Kursleder er syk');
  await page.getByRole('button', { name: 'Avlys datoen' }).click();
  await expect(page.getByRole('alert')).toContainText('Velg en av de kommende datoene');
  await expect(page.getByLabel(/^Hvorfor/)).toHaveValue('Kursleder er syk');
  const day = page.getByRole('radio').first();
  const date = await day.getAttribute('value');
  await day.check();
  await page.getByRole('button', { name: 'Avlys datoen' }).click();
  await expect(page.getByRole('status')).toContainText('Datoen er avlyst');
  await page.context().close();

  const mail = await waitForEmail(email, 'Kursleder er syk');
  expect(mail.subject).toContain('en kursdag er avlyst');
  // Every server reads the directory's version again within a second.
  await expect
    .poll(async () => (await (await request.get(`/tilbud/${slug}`)).text()).includes('Avlyst'), { timeout: 3_000 })
    .toBe(true);
  const calendar = await (await request.get(`/tilbud/${slug}/kalender.ics`)).text();
  expect(calendar).toContain('STATUS:CANCELLED');
  expect(calendar).toContain(`DTSTART;TZID=Europe/Oslo:${date!.replaceAll('-', '')}T100000`);
});

/**
 * Fails on anything a coordinator typed that became live in `page`: a
 * dialog, a tag of theirs, an event handler, an address that runs.
 */
async function expectInert(page: Page, opened: string[], where: string) {
  expect(opened, where).toEqual([]);
  expect(await page.locator('main script, main img, main svg, main iframe, main object').count(), where).toBe(0);
  const live = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const attr of Array.from(el.attributes)) {
        const value = attr.value.trim().toLowerCase();
        if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
        if (['href', 'src', 'action', 'formaction'].includes(attr.name) && /^(javascript|data|vbscript):/.test(value)) {
          found.push(`${el.tagName} ${attr.name}=${value}`);
        }
      }
    }
    return found;
  });
  expect(live, where).toEqual([]);
}

test('what a coordinator types stays text on every public and staff page', async ({ browser }, info) => {
  const page = await newPage(browser);
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  // The public pages, with the description's Markdown corpus.
  for (const path of ['/tilbud/kaffe-og-skript', '/tilbud/kaffe-og-skript?lang=en', '/bydel/provebydel', '/tilbud?q=kaffe']) {
    await page.goto(path);
    await page.waitForLoadState('load');
    await expectInert(page, opened, path);
  }
  await page.goto('/tilbud/kaffe-og-skript');
  const links = page.locator('main .description a');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('href', 'https://kart.example/provehuset');
  await expect(links).toHaveAttribute('rel', 'nofollow noopener noreferrer');
  await expect(page.locator('main .description strong')).toHaveText('Velkommen');
  await expect(page.locator('main .description')).toContainText("<script>alert('markdown-html')</script>");

  // The staff pages that show the same words, as an editor.
  await signIn(page, editor(info));
  await findOffering(page, 'Kaffe');
  await expectInert(page, opened, 'staff list');
  const edit = page.locator('tr', { has: page.locator('a[href="/tilbud/kaffe-og-skript"]') }).getByRole('link', { name: 'Rediger' });
  const editPath = (await edit.getAttribute('href'))!;
  for (const path of [editPath, `${editPath}/kopi`, '/ansatt/logg', '/ansatt/utboks']) {
    await page.goto(path);
    await page.waitForLoadState('load');
    await expectInert(page, opened, path);
  }
  await page.goto(editPath);
  await expect(page.getByLabel('Beskrivelse', { exact: true }).first()).toHaveValue(/\[Klikk her\]\(javascript:alert\('markdown-link'\)\)/);
  await page.context().close();
});

test('a coordinator adds a password, previews an offering and messages a course', async ({ browser }, info) => {
  const page = await newPage(browser);
  await signIn(page, coordinator(info));
  await page.getByRole('link', { name: 'Passord' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passord');
  await expectNoAxeViolations(page);
  await page.getByLabel('Nytt passord').fill('kort');
  await page.getByLabel('Skriv passordet en gang til').fill('kort');
  await page.getByRole('button', { name: 'Lagre passordet' }).click();
  await expect(page.getByRole('alert')).toContainText('minst 12 tegn');
  await expectNoAxeViolations(page);

  const slug = `provekurs-${info.project.name}`;
  await page.goto('/ansatt');
  await findOffering(page, slug);
  const row = page.locator('tr', { has: page.locator(`a[href="/tilbud/${slug}"]`) });
  await row.getByRole('link', { name: 'Forhåndsvis' }).click();
  await expect(page.locator('.preview-banner')).toContainText('Forhåndsvisning');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Prøvekurs');
  await expectNoAxeViolations(page);

  await page.goto('/ansatt');
  await findOffering(page, slug);
  await page
    .locator('tr', { has: page.locator(`a[href="/tilbud/${slug}"]`) })
    .getByRole('link', { name: 'Deltakere' })
    .click();
  await page.getByRole('button', { name: 'Send meldingen' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv meldingen');
  await page.getByLabel('Melding', { exact: true }).fill('Vi møtes i rom 2.');
  await page.getByRole('button', { name: 'Send meldingen' }).click();
  await expect(page.getByRole('status')).toContainText('Meldingen går til');
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('the editors\' and administrators\' pages are axe clean', async ({ browser }, info) => {
  const page = await newPage(browser);
  await signIn(page, editor(info));
  for (const path of ['/ansatt/utboks', '/ansatt/logg', '/ansatt/steder']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await page.context().close();
  const admin = await newPage(browser);
  await signIn(admin, 'admin@fjordvik.kommune.example');
  for (const path of ['/ansatt/kontoer', '/ansatt/organisasjoner']) {
    await admin.goto(path);
    await expect(admin.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(admin);
  }
  await admin.context().close();
});
