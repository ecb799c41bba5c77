// Long content in the real app (documents answered in flight): a story list
// of 10,000 rows and an article with 10,000 alternative takes draw only what
// is in view, in order and in the right place, so a click far down the list
// opens the story under the pointer. (The renderer's own check of huge draw
// lists is renderer.test.mjs; the frame cost is in tools/bench_web.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openApp, waitForUi, uiState, rectCentre, clickRect, screenshot, collectConsoleErrors } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const N = 10000;
const headline = (i) => `Story ${i}: ` + 'word '.repeat(4 + (i % 9)).trim();
const storiesDoc = {
  version: 1, country: 'FR', page: 1, page_count: 1, total: N,
  stories: Array.from({ length: N }, (_, i) => ({ id: `long-${i}`, headline: headline(i), outlet: { name: `Outlet ${i % 7}` } })),
};
const articleDoc = {
  version: 1, id: 'long-article', headline: 'A story everyone covers', outlet: { name: 'Outlet 0' }, country: 'FR',
  body: ['One paragraph.'],
  alternative_takes: Array.from({ length: N }, (_, i) => ({
    headline: headline(i), outlet: { name: `Take outlet ${i}` }, country: ['DE', 'IT', 'ES', 'JP'][i % 4], article_id: `take-${i}`,
  })),
};

async function openWith(path, file, doc) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectConsoleErrors(page);
  await page.route((u) => u.pathname.endsWith(file), (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await openApp(page, `${server.url}?autorotate=0#/${path}`);
  return { page, errors };
}

async function scrollDown(page, times) {
  const s = await uiState(page);
  const c = await rectCentre(page, s.panelRect);
  await page.mouse.move(c.x, c.y);
  for (let i = 0; i < times; ++i) await page.mouse.wheel(0, 6000);  // each takes Chromium ~0.4 s here
  await page.waitForTimeout(600);
}

// The items drawn are a run of consecutive ones, stacked top to bottom.
function assertRun(items, prefix) {
  const index = items.map((it) => Number(it.id.slice(prefix.length)));
  for (let i = 1; i < items.length; ++i) {
    assert.equal(index[i], index[i - 1] + 1, `consecutive: ${index}`);
    assert.ok(items[i].rect.y >= items[i - 1].rect.y + items[i - 1].rect.h - 0.5, 'stacked in order');
  }
  return index;
}

test('a list of 10,000 stories draws the rows in view, and a click far down opens the one under it', async () => {
  const { page, errors } = await openWith('country/FR', '/countries/FR/stories-1.json', storiesDoc);
  let s = await waitForUi(page, (st) => st.status === 'ready' && st.rowCount === N, { timeout: 60000, what: 'the list' });
  assert.ok(s.rows.length > 3 && s.rows.length < 30, `${s.rows.length} rows drawn of ${N}`);
  assert.deepEqual(assertRun(s.rows, 'long-').slice(0, 2), [0, 1]);
  await scrollDown(page, 8);
  s = await uiState(page);
  const index = assertRun(s.rows, 'long-');
  assert.ok(index[0] > 100, `scrolled down to story ${index[0]}`);
  const row = s.rows.find((r) => r.visible && r.rect.y > s.panelRect.y + 150);
  assert.equal(row.text, headline(Number(row.id.slice(5))));
  await clickRect(page, row.rect);
  await page.waitForFunction((id) => window.newsglobeViewer.view().article === id, row.id);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);  // the generated stories have no article files
  await page.close();
});

test('an article with 10,000 alternative takes draws the takes in view, in order', async () => {
  const { page, errors } = await openWith('article/long-article', '/articles/long-article.json', articleDoc);
  let s = await waitForUi(page, (st) => st.reader.loaded && st.takeCount === N, { timeout: 60000, what: 'the article' });
  await scrollDown(page, 8);
  s = await uiState(page);
  assert.ok(s.takes.length > 3 && s.takes.length < 30, `${s.takes.length} takes drawn of ${N}`);
  const index = assertRun(s.takes, 'take-');
  assert.ok(index[0] > 100, `scrolled down to take ${index[0]}`);
  assert.equal(s.takes[0].text, headline(index[0]));
  await screenshot(page, 'long-content-takes');
  assert.deepEqual(errors, []);
  await page.close();
});
