// The API misbehaving in flight (answers replaced with page.route), as
// outside checks did: Retry-After is honoured exactly and never anticipated,
// a failed request is not repeated when the route is applied again, "Try
// again" after a bad 200 reaches the server, a document with nothing usable
// is an error with a retry, and the header's count agrees with the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchBrowser, openApp, siteDir, waitForUi, clickRect, settledControl } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const api = (file) => JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1', file), 'utf8'));
const frPage1 = api('countries/FR/stories-1.json');
const anArticle = frPage1.stories[0].id;

// Records each request whose path ends in `suffix` (with the time it left,
// on this process's clock) and answers the n-th with answers[n] (a
// route.fulfill() argument, 'hold' to keep it until release(), or undefined
// to let the server answer).
async function intercept(page, suffix, answers = []) {
  const seen = [];
  let held = [];
  await page.route((url) => url.pathname.endsWith(suffix), async (route) => {
    const n = seen.length;
    seen.push(performance.now());
    const answer = answers[n];
    if (answer === 'hold') held.push(route);
    else if (answer) await route.fulfill(answer);
    else await route.continue();
  });
  return {
    seen,
    release: async () => { const h = held; held = []; for (const r of h) await r.continue(); },
  };
}

async function newPage() {
  return browser.newPage({ viewport: { width: 1280, height: 800 } });
}
const ui = (page) => waitForUi(page, (st) => st.controls && st.controls.search, { what: 'the top bar' });

for (const seconds of [2, 3]) {
  test(`after 429 with Retry-After: ${seconds}, the next request waits the full ${seconds} s`, async () => {
    const page = await newPage();
    const stories = await intercept(page, '/countries/FR/stories-1.json', [
      { status: 429, headers: { 'Retry-After': String(seconds) }, contentType: 'text/html', body: '<h1>Too many</h1>' },
    ]);
    await openApp(page, server.url + '?autorotate=0#/country/FR');
    await waitForUi(page, (st) => st.status === 'ready' && st.rowCount > 0, { timeout: 30000, what: 'the stories' });
    assert.equal(stories.seen.length, 2);
    const waited = stories.seen[1] - stories.seen[0];
    assert.ok(waited >= seconds * 1000, `the retry came ${Math.round(waited)} ms after the 429`);
    assert.ok(waited < seconds * 1000 + 2500, `and not much later: ${Math.round(waited)} ms`);
    await page.close();
  });
}

test('a failed list is not asked for again when the map arrives and the route is applied again', async () => {
  const page = await newPage();
  const map = await intercept(page, '/data/world-light.bin', ['hold']);
  const stories = await intercept(page, '/countries/FR/stories-1.json', [
    { status: 404, contentType: 'text/html', body: '<h1>Not found</h1>' },
  ]);
  await page.goto(server.url + '?autorotate=0#/country/FR');
  await page.waitForFunction(() => window.newsglobeViewer);
  await waitForUi(page, (st) => st.status === 'error', { timeout: 30000, what: 'the error' }).catch(() => {});
  while (stories.seen.length === 0) await page.waitForTimeout(50);
  await page.waitForTimeout(300);
  await map.release();  // the map arrives: the viewer applies the route again
  await page.waitForFunction(() => window.newsglobeViewer.view().worldReady, null, { timeout: 30000 });
  const s = await waitForUi(page, (st) => st.status === 'error' && st.controls.retry, { what: 'the error with its retry' });
  await page.waitForTimeout(1000);
  assert.equal(stories.seen.length, 1, 'one request, no repeat');
  await clickRect(page, await settledControl(page, 'retry'));  // the reader's Try again does ask
  await waitForUi(page, (st) => st.status === 'ready', { timeout: 30000, what: 'the stories after Try again' });
  assert.equal(stories.seen.length, 2);
  await page.close();
});

test('inside a 10-minute Retry-After window nothing is asked, not even by Try again', async () => {
  const page = await newPage();
  const map = await intercept(page, '/data/world-light.bin', ['hold']);
  const article = await intercept(page, `/articles/${anArticle}.json`, [
    { status: 429, headers: { 'Retry-After': '600' }, contentType: 'text/html', body: '<h1>Too many</h1>' },
  ]);
  await page.goto(server.url + `?autorotate=0#/article/${anArticle}`);
  while (article.seen.length === 0) await page.waitForTimeout(50);
  await page.waitForTimeout(300);
  await map.release();
  let s = await waitForUi(page, (st) => st.panel === 'reader' && st.status === 'error' && st.controls.retry,
    { timeout: 30000, what: 'the error' });
  assert.match(s.error, /busy \(HTTP 429\)\. It asks to wait 10 min/);
  await clickRect(page, await settledControl(page, 'retry'));
  s = await waitForUi(page, (st) => st.status === 'error' && /wait (9|10) min/.test(st.error), { what: 'the error again' });
  await page.waitForTimeout(1000);
  assert.equal(article.seen.length, 1, 'no request inside the window');
  await page.close();
});

for (const [what, body] of [['truncated JSON', '{"version":1,"country":"FR","stories":[{"id":'], ['JSON null', 'null'],
  ['a list of unreadable stories', JSON.stringify({ version: 1, country: 'FR', page: 1, page_count: 1, total: 3, stories: [{ id: 'x' }, 7, null] })]]) {
  test(`Try again after a 200 with ${what} reaches the server and recovers`, async () => {
    const page = await newPage();
    const stories = await intercept(page, '/countries/FR/stories-1.json', [
      { status: 200, contentType: 'application/json', body },
    ]);
    await openApp(page, server.url + '?autorotate=0#/country/FR');
    const s = await waitForUi(page, (st) => st.status === 'error' && st.controls.retry, { timeout: 30000, what: 'the error' });
    if (what === 'JSON null') assert.match(s.error, /JSON null/);
    if (what === 'a list of unreadable stories') assert.equal(s.error, 'The story list had 3 stories and none could be read.');
    await clickRect(page, await settledControl(page, 'retry'));
    await waitForUi(page, (st) => st.status === 'ready' && st.rowCount > 0, { timeout: 30000, what: 'the stories' });
    assert.equal(stories.seen.length, 2);
    await page.close();
  });
}

test('an index whose every entry is unusable is a notice with a retry, not a grey globe', async () => {
  const page = await newPage();
  const entries = api('countries.json').countries.map((c) => ({ iso: c.name, story_count: String(c.story_count) }));
  const index = await intercept(page, '/v1/countries.json', [
    { status: 200, contentType: 'application/json', body: JSON.stringify({ version: 1, countries: entries }) },
  ]);
  await openApp(page, server.url + '?autorotate=0');
  await ui(page);
  const s = await waitForUi(page, (st) => st.notice !== '' && st.controls['retry-index'], { what: 'the notice' });
  assert.equal(s.notice, `Couldn't load today's list of countries. The news index had ${entries.length} entries and none could be read.`);
  await clickRect(page, await settledControl(page, 'retry-index'));
  await page.waitForFunction(() => window.newsglobeViewer.news().countriesLoaded, null, { timeout: 30000 });
  assert.equal(index.seen.length, 2);
  await waitForUi(page, (st) => st.notice === '', { what: 'the notice gone' });
  await page.close();
});

test("the header's count agrees with the list when some stories cannot be read", async () => {
  // a country whose stories fit one page: the list is complete at once
  const small = api('countries.json').countries.find((c) => c.story_count >= 4 && c.story_count <= 10);
  const page1 = api(`countries/${small.iso}/stories-1.json`);
  const broken = { ...page1, stories: page1.stories.map((st, i) => (i % 2 ? { ...st, headline: 42 } : st)) };
  const readable = page1.stories.filter((_, i) => i % 2 === 0).length;
  const page = await newPage();
  await intercept(page, `/countries/${small.iso}/stories-1.json`, [
    { status: 200, contentType: 'application/json', body: JSON.stringify(broken) },
  ]);
  await openApp(page, server.url + `?autorotate=0#/country/${small.iso}`);
  const s = await waitForUi(page, (st) => st.status === 'ready' && st.rowCount > 0, { timeout: 30000, what: 'the list' });
  assert.equal(s.rowCount, readable);
  assert.equal(s.headerCount, readable, `the header says ${s.headerCount}, the list has ${s.rowCount}`);
  const c = await page.evaluate((iso) => window.newsglobeViewer.country(iso), small.iso);
  assert.equal(c.storyCount, readable, 'and so does the globe');
  await page.close();
});
