// Provenance and rights in the reader, on the sample API (which writes them
// the way the ingest service does): who translated which field, the outlets'
// own headline and summary beside the translations, excerpts with a
// prominent "Read at <outlet>" and no empty body, an open licence linked,
// a disputed language's quiet note, the story list's language markers, the
// monogram for stories without a picture, and "About this data". Then the
// browser's own translator as a progressive enhancement, with a fake
// self.Translator injected before the page loads: a headline nobody
// translated gets a button, and the result sits beside the original,
// labelled "translated by your browser". Without the API, no button.
// (Debian's Chromium 156 does expose self.Translator on secure origins,
// but its models cannot be downloaded here: the tests replace it, or delete it.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, settle, siteDir, uiState, waitForUi, clickRect,
} from './helpers.mjs';

const v1 = path.join(siteDir, 'api/v1');
const api = (file) => JSON.parse(fs.readFileSync(path.join(v1, file), 'utf8'));
const articles = fs.readdirSync(path.join(v1, 'articles')).sort().map((f) => api(`articles/${f}`));
const fields = (a) => (a.translation && a.translation.fields) || [];
// "25 Nov 2026", as the reader writes a date (src/core/time_format.cpp)
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const day = (t) => { const d = new Date(t); return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`; };
const excerpt = articles.find((a) => a.content === 'excerpt' && a.language === 'fr' && a.original_summary);
const licensed = articles.find((a) => a.content === 'full' && a.licence);
const disputed = articles.find((a) => a.language_detected);
const untranslated = articles.find((a) => a.language !== 'en' && a.translation && !fields(a).includes('headline'));  // a translation that failed for the headline
const translatedFull = articles.find((a) => a.language === 'fr' && a.body && fields(a).includes('body'));

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const unexpected = (errors) => errors.filter((e) => !/Failed to load resource|404/.test(e));

async function openReader(id, { size = { width: 1280, height: 800 }, scale = 1, init } = {}) {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: scale });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await openApp(page, `${server.url}?autorotate=0#/article/${id}`);
  const s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === id, { what: `the reader at ${id}` });
  return { page, errors, context, s };
}

test('an excerpt: translated fields labelled, the outlet\'s own words, "Read at <outlet>", no empty body', async () => {
  const { page, errors, context, s } = await openReader(excerpt.id);
  const label = `Translated from French by newsglobe-sample-mt, ${day(excerpt.translation.at)}`;
  assert.equal(s.reader.provenance, label);
  assert.equal(s.reader.originalHeadline, excerpt.original_headline);
  assert.equal(s.reader.summary, excerpt.summary);
  assert.equal(s.reader.summaryProvenance, label, 'the summary is labelled as a translation too');
  assert.equal(s.reader.originalSummary, excerpt.original_summary);
  assert.equal(s.reader.excerpt, true);
  assert.equal(s.reader.readAt, `Read at ${excerpt.outlet.name}`);
  assert.equal(s.reader.paragraphs, 0);
  assert.equal(s.reader.picture, 'monogram', 'no picture: the outlet\'s monogram, not a hole');
  // the button opens the outlet's page in a new tab (http/https only, through the safe path);
  // the outlet's invented site answers from the test, as nothing outside can be reached
  await context.route('https://*.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>outlet</title>' }));
  const [popup] = await Promise.all([context.waitForEvent('page'), clickRect(page, s.controls['read-at'])]);
  await popup.waitForLoadState('load');
  assert.equal(popup.url(), excerpt.url);
  assert.equal(await popup.evaluate(() => window.opener), null, 'the outlet\'s page cannot reach back into ours');
  await popup.close();
  await settle(page);
  await screenshot(page, 'provenance-excerpt-1280x800');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the phone shows the same excerpt reader in its sheet', async () => {
  const { page, context, s } = await openReader(excerpt.id, { size: { width: 390, height: 844 }, scale: 3 });
  assert.equal(s.layout, 'sheet');
  await waitForUi(page, (st) => st.sheetResting && st.controls['read-at'] && st.controls['read-at'].y < 844, { what: 'Read at in view' });
  await screenshot(page, 'provenance-excerpt-390x844');
  await context.close();
});

test('a full text under an open licence names and links its licence', async () => {
  const { page, context, s } = await openReader(licensed.id);
  assert.equal(s.reader.excerpt, false);
  assert.ok(s.reader.paragraphs >= licensed.body.length, 'the body is shown');
  assert.equal(s.reader.licence, 'Text: CC BY 4.0');
  assert.ok(s.controls.licence, 'the licence line is a link');
  await context.close();
});

test('a full translated text says which fields were translated; a disputed language gets a quiet note', async () => {
  let { context, s } = await openReader(translatedFull.id);
  assert.equal(s.reader.provenance, `Translated from French by newsglobe-sample-mt, ${day(translatedFull.translation.at)}`);
  assert.equal(s.reader.bodyNote, '', 'the body is listed as translated: no "as published" note');
  assert.equal(s.reader.readAt, '', 'a full text needs no "Read at"');
  await context.close();
  ({ context, s } = await openReader(disputed.id));
  assert.equal(s.reader.languageNote, 'Declared Spanish, reads as Catalan.');
  await context.close();
});

test('the story list marks translated and original headlines; no picture gets a monogram', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}?autorotate=0#/country/FR`);
  const s = await waitForUi(page, (st) => st.panel === 'country' && st.status === 'ready' && st.rows.length > 3, { what: "France's list" });
  const items = api('countries/FR/stories-1.json').stories;
  for (const row of s.rows.slice(0, 5)) {
    const item = items.find((i) => i.id === row.id);
    assert.equal(s.markers[row.id], fields(item).includes('headline') ? 'translated:FR' : 'original:FR', row.id);
  }
  const fr = api('countries.json').countries.find((c) => c.iso === 'FR');
  assert.match(s.countryLine, new RegExp(`^${fr.story_count} stories today · ${fr.covered_abroad} covered abroad · updated `));
  // About this data: when it was built, and the notices the source requires
  await clickRect(page, s.controls.source);
  const about = await waitForUi(page, (st) => st.about.open, { what: 'About this data' });
  // the sample data is dated by when it was generated (its "generated" time, in UTC)
  const generated = new Date(api('countries.json').generated);
  const day = generated.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  assert.match(about.about.updated, new RegExp(`^Updated .* · ${day}, \\d\\d:\\d\\d UTC$`));
  for (const notice of api('countries.json').source.attribution) assert.ok(about.about.lines.includes(notice), notice);
  await screenshot(page, 'provenance-about-1280x800');
  await page.close();
});

// A stand-in for Chrome's Translator API: records what the app asked and
// "translates" by tagging the text.
const FAKE_TRANSLATOR = () => {
  window.__translatorCalls = [];
  const record = (what, options) => window.__translatorCalls.push([what, options.sourceLanguage, options.targetLanguage]);
  Object.defineProperty(self, 'Translator', { configurable: true, writable: true, value: {
    availability: async (options) => { record('availability', options); return options.sourceLanguage === 'de' ? 'available' : 'unavailable'; },
    create: async (options) => {
      record('create', options);
      return { translate: async (text) => `[browser] ${text.replace('Fünf Fragen und Antworten', 'Five questions and answers')}` };
    },
  } });
};

test('with the browser\'s translator, an untranslated headline can be translated on request, beside the original', async () => {
  assert.equal(untranslated.language, 'de', 'the sample\'s failed translation is German');
  const { page, errors, context } = await openReader(untranslated.id, { init: FAKE_TRANSLATOR });
  let s = await waitForUi(page, (st) => st.reader.browserTranslation === 'offered' && st.controls['browser-translate'], { what: 'the offer' });
  assert.equal(s.reader.provenance, 'In German, as published (not translated).');
  assert.deepEqual(await page.evaluate(() => window.__translatorCalls), [['availability', 'de', 'en']]);
  await clickRect(page, s.controls['browser-translate']);
  s = await waitForUi(page, (st) => st.reader.browserTranslation === 'done', { what: 'the browser\'s translation' });
  assert.equal(s.reader.browserText, `[browser] ${untranslated.headline.replace('Fünf Fragen und Antworten', 'Five questions and answers')}`);
  assert.equal(s.reader.headline, untranslated.headline, 'the original stays the headline');
  assert.deepEqual((await page.evaluate(() => window.__translatorCalls)).slice(1), [['create', 'de', 'en']]);
  await settle(page);
  await screenshot(page, 'provenance-browser-translation-1280x800');
  // a headline the API translated gets no offer, and the browser is not asked about it
  await page.evaluate((id) => window.newsglobeViewer.openArticle(id), translatedFull.id);
  s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === translatedFull.id, { what: 'a translated article' });
  assert.equal(s.reader.browserTranslation, '');
  assert.ok(!s.controls['browser-translate']);
  assert.ok(!(await page.evaluate(() => window.__translatorCalls)).some(([, from]) => from === 'fr'));
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('without the browser\'s translator there is no button', async () => {
  const { page, context, s } = await openReader(untranslated.id, { init: () => { delete self.Translator; } });
  await page.waitForTimeout(500);  // an answer, if any, would have come
  const now = await uiState(page);
  assert.equal(s.reader.provenance, 'In German, as published (not translated).');
  assert.equal(now.reader.browserTranslation, '');
  assert.ok(!now.controls['browser-translate']);
  await context.close();
});
