// News data over real HTTP: the sample API is fetched from the local server,
// story counts colour the globe, and a failing API gives a calm, specific
// error while the globe stays usable, with retry.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, pagePoint, siteDir, settle, pixels } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const index = JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1/countries.json'), 'utf8'));
const countOf = (iso) => (index.countries.find((c) => c.iso === iso) || { story_count: 0 }).story_count;

test('the sample API is loaded over HTTP and its story counts shade the globe', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectConsoleErrors(page);
  await openApp(page, `${server.url}?autorotate=0`);
  await page.waitForFunction(() => window.newsglobeViewer.news().countriesLoaded);
  const news = await page.evaluate(() => window.newsglobeViewer.news());
  assert.equal(news.sample, true);
  assert.equal(news.countries, index.countries.length);
  assert.ok(server.requests.some((r) => r.path.endsWith('/api/v1/countries.json') && r.status === 200));

  for (const iso of ['FR', 'US', 'MT']) {
    const c = await page.evaluate((i) => window.newsglobeViewer.country(i), iso);
    assert.equal(c.storyCount, countOf(iso), `${iso} count`);
  }
  // a country the sample leaves out has no stories and looks different
  const without = ['DZ', 'LY', 'ML', 'NE', 'TD', 'SD'].find((iso) => countOf(iso) === 0);
  assert.ok(without, 'the sample leaves some African countries out');
  const withStories = ['EG', 'NG', 'KE', 'ZA'].find((iso) => countOf(iso) > 0);
  const labels = { DZ: [28, 2.6], LY: [27, 17], ML: [17, -2], NE: [17, 9], TD: [15, 19], SD: [15, 30], EG: [26.5, 29.8], NG: [9.5, 8.1], KE: [0.5, 37.8], ZA: [-30, 24] };
  await page.evaluate(([a, b]) => window.newsglobeViewer.setView(a, b, 1.3), [10, 20]);
  await settle(page);
  await page.mouse.move(5, 790);  // no hover highlight
  await page.waitForTimeout(300);
  const a = await pagePoint(page, ...labels[without]);
  const b = await pagePoint(page, ...labels[withStories]);
  const [pa, pb] = await pixels(page, [[a.x, a.y], [b.x, b.y]]);
  const diff = Math.abs(pa[0] - pb[0]) + Math.abs(pa[1] - pb[1]) + Math.abs(pa[2] - pb[2]);
  assert.ok(diff > 40, `${without} ${pa} and ${withStories} ${pb} should be shaded differently`);
  await screenshot(page, 'news-coverage-shading');
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [fault, expect] of [
  ['status/503', /503|unavailable|busy/i],
  ['html', /web page|HTML/i],
  ['truncate', /incomplete|cut off|truncated|not valid/i],
  ['429/1', /busy.*429/i],
  ['huge', /larger than/i],
]) {
  test(`a countries index answered with ${fault} gives a clear error and the globe stays usable`, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openApp(page, `${server.url}?autorotate=0&api=/__fault/${fault}/api`);
    await page.waitForFunction(() => { const n = window.newsglobeViewer.news(); return n.countriesError !== ''; }, null, { timeout: 60000 });
    const news = await page.evaluate(() => window.newsglobeViewer.news());
    assert.match(news.countriesError, expect);
    assert.equal(news.countriesLoaded, false);
    // still interactive: a click selects France
    const p = await pagePoint(page, 46.6, 2.4);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => window.newsglobeViewer.view().selected === 'FR');
    await page.close();
  });
}

test('items with wrong types are skipped and the rest of the index is kept', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  await openApp(page, `${server.url}?autorotate=0&api=/__fault/wrongtypes/api`);
  await page.waitForFunction(() => window.newsglobeViewer.news().countriesLoaded, null, { timeout: 30000 });
  const news = await page.evaluate(() => window.newsglobeViewer.news());
  assert.ok(news.countries > 10 && news.countries < index.countries.length, `kept ${news.countries} of ${index.countries.length}`);
  assert.equal(news.countriesError, '');
  await page.close();
});
