// The reader in a real Chromium against the real server and the sample API:
// a whole reading session with real mouse and keyboard events (click France
// on the globe, open a story, page with the arrow keys, open another
// country's take, go back), deep links, search, the A–Z list, the phone's
// bottom sheet, and the error states with their "Try again". Canvas text is
// invisible to the DOM, so assertions read the UI's own state
// (canvas.newsglobeUiState(), see src/ui/screen_report.hpp) plus pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, view, pagePoint, project, settle, siteDir,
  uiState, waitForUi, clickRect, rectCentre, pixels, scrollPanelTo,
} from './helpers.mjs';

const api = (file) => JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1', file), 'utf8'));
const frPage1 = api('countries/FR/stories-1.json');
const article = (id) => api(`articles/${id}.json`);
const countries = api('countries.json');

// A point well inside each of these countries, for pixel checks.
const INSIDE = {
  DE: [51.0, 10.3], ES: [40.2, -3.6], IT: [42.8, 12.5], GB: [52.6, -1.6], NL: [52.2, 5.6], PL: [52.0, 19.4],
  UA: [49.0, 31.5], TR: [39.0, 35.0], US: [39.5, -98.5], CA: [57.0, -101.0], MX: [23.6, -102.5], BR: [-10.0, -52.0],
  AR: [-35.0, -65.0], NG: [9.5, 8.1], ZA: [-29.0, 24.5], EG: [26.5, 29.5], KE: [0.3, 37.9], CN: [35.0, 103.0],
  IN: [22.0, 79.0], JP: [36.5, 138.5], AU: [-25.0, 134.0], RU: [60.0, 90.0], GH: [7.9, -1.1], ET: [8.6, 39.6],
  SA: [24.0, 45.0], ID: [-2.0, 114.0], PE: [-9.5, -75.0], CO: [3.5, -73.0],
};

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPage(hashOrQuery = '', size = { width: 1280, height: 800 }, scale = 1) {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: scale });
  const errors = collectConsoleErrors(page);
  const q = hashOrQuery.startsWith('?') ? hashOrQuery : '?autorotate=0' + hashOrQuery;
  await openApp(page, server.url + q);
  // the UI draws once the fonts are in (the globe may come first)
  await waitForUi(page, (st) => st.controls && (st.controls.search || st.controls['search-open']), { what: 'the top bar' });
  return { page, errors };
}

// Errors the tests provoke on purpose (missing files, injected 503s) are not faults of the app.
const unexpected = (errors) => errors.filter((e) => !/Failed to load resource|404|503/.test(e));

test('a reading session: globe click, story list, reader, keys, an alternative take, back', async () => {
  const { page, errors } = await newPage();
  // click France on the globe
  const fr = await pagePoint(page, 46.6, 2.4);
  assert.ok(fr.visible, 'France faces the viewer at start');
  await page.mouse.click(fr.x, fr.y);
  let s = await waitForUi(page, (st) => st.panel === 'country' && st.country === 'FR' && st.status === 'ready' && st.rows.length > 0,
    { what: "France's stories" });
  assert.equal(s.layout, 'side');
  assert.equal(s.countryName, 'France');
  // newest first, as the API lists them
  assert.equal(s.rows[0].id, frPage1.stories[0].id);
  assert.equal(s.rows[0].text, frPage1.stories[0].headline);
  const sampleIds = new Set(frPage1.stories.map((st) => st.id));
  assert.ok(s.rows.slice(0, 5).every((r) => sampleIds.has(r.id)), 'rows come from the sample API');
  assert.equal(await page.evaluate(() => location.hash), '#/country/FR');
  const marks = await page.evaluate(() => performance.getEntriesByName('first-stories').length);
  assert.equal(marks, 1, 'first-stories is marked once');
  await settle(page);
  await screenshot(page, 'reader-country-1280x800');

  // open the first story after the top one that has its full text (a real click on its row);
  // the sample's excerpts have none (provenance.test.mjs reads those)
  const index = frPage1.stories.findIndex((st, i) => i >= 1 && article(st.id).body);
  const row = s.rows.find((r) => r.visible && r.id === frPage1.stories[index].id);
  assert.ok(row, 'the story is on screen');
  await clickRect(page, row.rect);
  const first = article(row.id);
  s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === row.id, { what: 'the reader' });
  assert.equal(s.reader.headline, first.headline);
  assert.ok(s.reader.paragraphs >= first.body.length, 'the body is shown');
  assert.match(s.reader.provenance, /^Translated from French by /);
  assert.equal(s.reader.worldTake, first.world_take);
  assert.equal(await page.evaluate(() => location.hash), `#/article/${row.id}`);
  await screenshot(page, 'reader-article-1280x800');

  // ←/→ page through the list while reading
  await page.keyboard.press('ArrowRight');
  s = await waitForUi(page, (st) => st.reader.id === frPage1.stories[index + 1].id, { what: 'the next story' });
  await page.keyboard.press('ArrowLeft');
  s = await waitForUi(page, (st) => st.reader.id === row.id && st.reader.loaded, { what: 'the previous story' });

  // copy link: a toast confirms
  await clickRect(page, s.controls['copy-link']);
  await waitForUi(page, (st) => st.toast === 'Link copied', { what: 'the toast' });

  // an alternative take from another country
  const take = first.alternative_takes.find((t) => t.article_id && t.country !== 'FR' && INSIDE[t.country]);
  assert.ok(take, 'the sample article has a take from another country');
  const shown = await scrollPanelTo(page, (st) => st.takes.find((t) => t.id === take.article_id), 'the take');
  await screenshot(page, 'reader-takes-1280x800');
  await clickRect(page, shown.rect);
  const second = article(take.article_id);
  s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === take.article_id, { what: "the other country's take" });
  assert.equal(s.reader.headline, second.headline);
  assert.equal(s.country, take.country);
  await page.waitForFunction((iso) => window.newsglobeViewer.view().selected === iso, take.country, { timeout: 10000 });
  await settle(page);
  // the globe flew to the take's country and paints it as selected (warm orange)
  const inside = await pagePoint(page, ...INSIDE[take.country]);
  assert.ok(inside.visible);
  const panel = (await uiState(page)).panelRect;
  assert.ok(inside.x < panel.x, 'the country is not hidden behind the panel');
  const [rgba] = await pixels(page, [[inside.x, inside.y]]);
  assert.ok(rgba[0] > 170 && rgba[0] > rgba[2] + 80, `the selected country is highlighted, got ${rgba}`);
  assert.equal(await page.evaluate(() => location.hash), `#/article/${take.article_id}`);
  await screenshot(page, 'reader-take-opened-1280x800');

  // browser back returns to the first article
  await page.goBack();
  s = await waitForUi(page, (st) => st.reader.id === row.id && st.reader.loaded, { what: 'the first article again' });
  assert.equal(s.reader.headline, first.headline);

  // Esc: the reader goes back to the list, then the panel closes
  await page.keyboard.press('Escape');
  s = await waitForUi(page, (st) => st.panel === 'country', { what: 'the list after Esc' });
  assert.equal(s.country, 'FR');
  await page.keyboard.press('Escape');
  await waitForUi(page, (st) => st.panel === 'none', { what: 'no panel after a second Esc' });
  assert.deepEqual(unexpected(errors), []);
  await page.close();
});

test('clicking a highlighted country on the globe opens its take', async () => {
  const id = frPage1.stories[0].id;
  const a = article(id);
  const take = a.alternative_takes.find((t) => t.article_id && ['DE', 'ES', 'IT', 'GB', 'NL'].includes(t.country));
  if (!take) return;  // the sample has no take from a neighbour for this story
  const { page } = await newPage(`#/article/${id}`);
  await waitForUi(page, (st) => st.reader.loaded && st.reader.id === id, { what: 'the article' });
  await settle(page);
  const where = { DE: [51.0, 10.3], ES: [40.2, -3.6], IT: [42.8, 12.5], GB: [52.6, -1.6], NL: [52.2, 5.6] }[take.country];
  const p = await pagePoint(page, where[0], where[1]);
  assert.ok(p.visible);
  await page.mouse.click(p.x, p.y);
  const s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === take.article_id, { what: 'the take via the globe' });
  assert.equal(s.country, take.country);
  await page.close();
});

test('deep links restore an article and a country in a fresh page', async () => {
  const id = frPage1.stories[3].id;
  const a = article(id);
  let { page, errors } = await newPage(`#/article/${id}`);
  let s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === id, { what: 'the deep-linked article' });
  assert.equal(s.reader.headline, a.headline);
  await page.waitForFunction((iso) => window.newsglobeViewer.view().selected === iso, a.country, { timeout: 10000 });
  assert.equal(await page.evaluate(() => location.hash), `#/article/${id}`, 'the hash is not overwritten');
  assert.deepEqual(unexpected(errors), []);
  await page.close();

  ({ page } = await newPage('#/country/FR'));
  s = await waitForUi(page, (st) => st.panel === 'country' && st.country === 'FR' && st.rows.length > 0, { what: "France's panel" });
  assert.equal(s.rows[0].text, frPage1.stories[0].headline);
  await page.close();

  // the phone layout: the article in a tall bottom sheet
  ({ page } = await newPage(`#/article/${id}`, { width: 390, height: 844 }, 2));
  s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === id && st.sheetHeight > 600, { what: 'the sheet with the article' });
  assert.equal(s.layout, 'sheet');
  await screenshot(page, 'reader-article-390x844');
  await page.close();
});

test('the phone bottom sheet peeks and drags up', async () => {
  const { page } = await newPage('#/country/FR', { width: 390, height: 844 }, 2);
  let s = await waitForUi(page, (st) => st.panel === 'country' && st.rows.length > 0, { what: 'the sheet' });
  assert.equal(s.layout, 'sheet');
  // the sheet eases up to its peek height: wait until it rests
  s = await waitForUi(page, (st) => st.sheetResting && st.sheetHeight > 0, { what: 'the sheet at rest' });
  assert.ok(s.sheetHeight > 200 && s.sheetHeight < 844 * 0.65, `the sheet peeks (${s.sheetHeight})`);
  await screenshot(page, 'reader-sheet-peek-390x844');
  // drag the handle up with the mouse (touch arrives as mouse events too)
  const h = await rectCentre(page, s.controls['sheet-handle']);
  await page.mouse.move(h.x, h.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {  // at about a finger's pace, one move per frame
    await page.mouse.move(h.x, h.y - 40 * i);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
  s = await waitForUi(page, (st) => st.sheetHeight > 844 * 0.8, { what: 'the tall sheet' });
  await screenshot(page, 'reader-sheet-tall-390x844');
  // tapping a row opens the reader in the sheet
  const row = s.rows.find((r) => r.visible && r.rect.y > s.panelRect.y + 150);
  await clickRect(page, row.rect);
  await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === row.id, { what: 'the reader in the sheet' });
  await page.close();
});

test('search finds countries by name and alias; Enter flies there', async () => {
  const { page } = await newPage();
  let s = await uiState(page);
  await clickRect(page, s.controls.search);
  await page.keyboard.type('ivory coast');
  s = await waitForUi(page, (st) => st.search.open && st.results.length > 0 && st.search.query === 'ivory coast', { what: 'results' });
  assert.equal(s.results[0].id, 'CI');
  for (let i = 0; i < 'ivory coast'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('Czechia');
  s = await waitForUi(page, (st) => st.search.query === 'Czechia' && st.results.length > 0, { what: 'Czechia in the results' });
  assert.equal(s.results[0].id, 'CZ');
  await screenshot(page, 'reader-search-1280x800');
  await page.keyboard.press('Enter');
  s = await waitForUi(page, (st) => st.panel === 'country' && st.country === 'CZ', { what: 'Czechia selected' });
  await page.waitForFunction(() => window.newsglobeViewer.view().selected === 'CZ', null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => location.hash), '#/country/CZ');
  // the sample has no Czech stories: the designed empty state, not an error
  const cz = countries.countries.find((c) => c.iso === 'CZ');
  if (!cz || cz.story_count === 0) {
    s = await waitForUi(page, (st) => st.status === 'empty', { what: 'the empty state' });
    assert.equal(s.error, '');
  }
  await page.close();
});

test('the A–Z list offers every country with its story count', async () => {
  const { page } = await newPage();
  let s = await uiState(page);
  await clickRect(page, s.controls.az);
  s = await waitForUi(page, (st) => st.panel === 'list' && st.results.length > 100, { what: 'the list' });
  const ar = s.results.find((r) => r.id === 'AR');
  const sampleAr = countries.countries.find((c) => c.iso === 'AR');
  assert.equal(ar.detail, `${sampleAr.story_count} stories`);
  await screenshot(page, 'reader-list-1280x800');
  assert.ok(ar.visible);
  await clickRect(page, ar.rect);
  await waitForUi(page, (st) => st.panel === 'country' && st.country === 'AR', { what: 'Argentina' });
  await page.close();
});

test('errors are shown calmly and "Try again" recovers, keeping loaded stories', async () => {
  // every document fails 4 times (the client's attempts), then is served
  const { page } = await newPage('?autorotate=0&api=/__fault/flaky/4/api#/country/FR');
  let s = await waitForUi(page, (st) => st.status === 'error', { timeout: 60000, what: 'the error state' });
  assert.match(s.error, /having trouble \(HTTP 503\)/);
  assert.equal(s.rowCount, 0);
  await screenshot(page, 'reader-error-1280x800');
  await clickRect(page, s.controls.retry);
  s = await waitForUi(page, (st) => st.status === 'ready' && st.rowCount > 0, { timeout: 30000, what: 'stories after Try again' });
  const firstPage = s.rowCount;
  assert.equal(s.headerCount, frPage1.total, 'the header counts what the list will hold');
  // the countries index failed too: its notice retries as well
  s = await waitForUi(page, (st) => st.notice !== '', { timeout: 30000, what: 'the index notice' });
  await clickRect(page, s.controls['retry-index']);
  await waitForUi(page, (st) => st.notice === '', { timeout: 30000, what: 'the index after Try again' });
  // the next page fails: the banner sits below the stories already listed
  for (let i = 0; i < 30; i++) {
    s = await uiState(page);
    if (s.error) break;
    const c = await rectCentre(page, s.panelRect);
    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(500);
  }
  s = await waitForUi(page, (st) => st.error !== '', { timeout: 60000, what: 'the next page failing' });
  assert.equal(s.status, 'ready');
  assert.equal(s.rowCount, firstPage, 'stories already loaded stay');
  const retry = await scrollPanelTo(page, (st) => st.controls.retry && { rect: st.controls.retry, visible: true }, 'Try again');
  await screenshot(page, 'reader-error-more-1280x800');
  // the panel may still have been gliding: aim at where the button is now
  await page.waitForTimeout(400);
  const now = (await uiState(page)).controls.retry || retry.rect;
  await clickRect(page, now);
  await waitForUi(page, (st) => st.error === '' && st.rowCount > firstPage, { timeout: 30000, what: 'the next page' });
  await page.close();
});

test('keyboard only: Tab reaches the stories and Enter opens one', async () => {
  const { page } = await newPage('#/country/FR');
  let s = await waitForUi(page, (st) => st.panel === 'country' && st.rows.length > 0, { what: "France's stories" });
  // focus the panel (a click on its header), then Tab through its controls to the first story
  await settle(page);  // the panel's window must be where the state says before we click it
  s = await uiState(page);
  await page.mouse.click(s.panelRect.x + 40, s.panelRect.y + 40);  // the code badge: inert, inside the panel
  let focus = '';
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    // each Tab moves the focus on: wait for it to land somewhere new
    s = await waitForUi(page, (st) => st.focus !== '' && st.focus !== focus, { timeout: 3000, what: 'the focus to move' });
    focus = s.focus;
    if (s.rows.some((r) => r.id === focus)) break;
  }
  assert.ok(s && s.rows.some((r) => r.id === s.focus), `Tab reached a story (focus: ${s && s.focus})`);
  const id = s.focus;
  await page.keyboard.press('Enter');
  await waitForUi(page, (st) => st.panel === 'reader' && st.reader.id === id, { what: 'the story opened with Enter' });
  await page.close();
});

test('a failed article shows its error and "Try again" opens it', async () => {
  const id = frPage1.stories[5].id;
  // the article fails 4 times (all of the client's attempts), then is served
  const { page } = await newPage(`?autorotate=0&api=/__fault/flaky/4/api#/article/${id}`);
  let s = await waitForUi(page, (st) => st.panel === 'reader' && st.status === 'error', { timeout: 60000, what: 'the reader error' });
  assert.match(s.error, /HTTP 503/);
  await screenshot(page, 'reader-article-error-1280x800');
  await clickRect(page, s.controls.retry);
  s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === id, { timeout: 30000, what: 'the article after Try again' });
  assert.equal(s.reader.headline, article(id).headline);
  await page.close();
});

test('an open panel draws no frames while nothing changes', async () => {
  const { page } = await newPage(`#/article/${frPage1.stories[1].id}`);
  await waitForUi(page, (st) => st.reader.loaded, { what: 'the article' });
  await settle(page);
  await page.mouse.move(5, 400);  // off the panel, over the empty background
  await page.waitForTimeout(1500);  // images arrive, the fly-to ends
  const before = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  await page.waitForTimeout(1500);
  const after = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  assert.ok(after - before <= 2, `idle frames: ${after - before}`);
  await page.close();
});
