// Stories across borders in the app: a real-shaped story of the sample API
// (its story document, v1/stories/{id}.json) opened from an article, walked
// across three countries on the globe with the keyboard (←/→ turn the globe
// to each country and select it, Enter reads its take, ←/→ walk on in the
// reader, Esc comes back), a deep link to the story view, and the same walk
// on a phone with touch: the ‹ › buttons, a swipe across the sheet, a tap on
// the take. What the UI drew comes from its own state (src/ui/screen_report.hpp),
// what the globe shows from the viewer's JS hook and the pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, view, pagePoint, settle, siteDir,
  uiState, waitForUi, clickRect, rectCentre, pixels, scrollPanelTo, tap,
} from './helpers.mjs';

const api = (file) => JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1', file), 'utf8'));
// Small states are hard to check by pixel: walk a story among larger ones.
const SMALL = new Set(['MT', 'SG', 'LU', 'FJ', 'BH', 'QA', 'CY', 'JM', 'LB', 'IL', 'PS', 'SI', 'LK', 'CR', 'UY', 'IE']);
const story = fs.readdirSync(path.join(siteDir, 'api/v1/stories')).sort().map((f) => api(`stories/${f}`))
  .find((s) => s.countries.length >= 5 && s.countries.slice(0, 4).every((c) => !SMALL.has(c.iso)));
const walkOrder = story.countries.map((c) => c.iso);
const takeOf = (iso) => story.articles.find((a) => a.country === iso);

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const unexpected = (errors) => errors.filter((e) => !/Failed to load resource|404/.test(e));
const country = (page, iso) => page.evaluate((c) => window.newsglobeViewer.country(c), iso);

async function openPage(hash, options = { viewport: { width: 1280, height: 800 } }) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = collectConsoleErrors(page);
  await openApp(page, `${server.url}?autorotate=0${hash}`);
  await waitForUi(page, (st) => st.controls && (st.controls.search || st.controls['search-open']), { what: 'the top bar' });
  return { page, errors, context };
}

// The walk is at `iso`: the panel says so, the globe selected it and turned to it.
async function walkIsAt(page, iso, what) {
  // (texts in other scripts are laid out again when their fonts arrive: wait for that before reading rectangles)
  await waitForUi(page, (st) => st.panel === 'story' && st.story.focus === iso && st.texts.every((t) => t.ready), { what });
  await page.waitForFunction((c) => window.newsglobeViewer.view().selected === c, iso, { timeout: 10000 });
  await settle(page);
}

// RGB at the label point of a country (visible after the fly-to).
async function colourOf(page, iso) {
  const c = await country(page, iso);
  const p = await pagePoint(page, c.lat, c.lon);
  assert.ok(p.visible, `${iso} faces the viewer`);
  const [rgba] = await pixels(page, [[p.x, p.y]]);
  return rgba;
}
const isSelected = ([r, g, b]) => r > 170 && r > b + 80 && r > g + 20;  // the warm orange
const isCovering = ([r, g, b]) => g > r + 30 && g > b + 30;              // the coverage green

// Scrolls the reader until a control's rectangle lies inside the panel.
async function scrollToControl(page, name) {
  for (let i = 0; i < 40; i++) {
    const s = await uiState(page);
    const r = s.controls[name];
    if (r && r.y > s.panelRect.y + 80 && r.y + r.h < s.panelRect.y + s.panelRect.h - 10) return r;
    const c = await rectCentre(page, s.panelRect);
    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(120);
  }
  throw new Error(`could not scroll ${name} into view`);
}

test('a story opened from an article is walked across three countries with the keyboard', async () => {
  const start = takeOf(walkOrder[1]);
  const { page, errors, context } = await openPage(`#/article/${start.id}`);
  let s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === start.id && st.reader.storyCountries === walkOrder.length,
    { what: 'the article with its story card' });
  // the globe lights every country of the story document
  // (the article's takes light them first; the story document then orders them by attention)
  await page.waitForFunction((order) => window.newsglobeViewer.view().coverage.join() === order, walkOrder.join(), { timeout: 10000 });
  assert.deepEqual((await view(page)).coverage, walkOrder);

  // "See the whole story"
  await clickRect(page, await scrollToControl(page, 'story-view'));
  await walkIsAt(page, walkOrder[1], 'the story view at the article\'s country');
  s = await uiState(page);
  assert.equal(await page.evaluate(() => location.hash), `#/story/${story.id}`);
  assert.equal(s.story.headline.replace(/…$/, ''), story.headline.slice(0, s.story.headline.replace(/…$/, '').length));
  assert.deepEqual(s.story.countries.map((c) => c.id), walkOrder, 'every country, most attention first');
  assert.equal(s.story.articles.length, story.articles.length, 'and every outlet\'s article');
  assert.match(s.story.summary, new RegExp(`^\\d+ outlets? in ${walkOrder.length} countries`));
  assert.ok(isSelected(await colourOf(page, walkOrder[1])), 'the walk\'s country is selected on the globe');
  await screenshot(page, 'story-view-1280x800');

  // → twice: three countries, each selected in turn while the one before stays lit
  for (const k of [2, 3]) {
    await page.keyboard.press('ArrowRight');
    await walkIsAt(page, walkOrder[k], `the walk at ${walkOrder[k]}`);
    assert.ok(isSelected(await colourOf(page, walkOrder[k])), `${walkOrder[k]} is selected`);
    const before = await colourOf(page, walkOrder[k - 1]).catch(() => null);  // it may have turned out of sight
    if (before) assert.ok(isCovering(before), `${walkOrder[k - 1]} stays lit as covering: ${before}`);
  }
  assert.equal(await page.evaluate(() => location.hash), `#/story/${story.id}`, 'walking adds no history');
  await page.keyboard.press('ArrowLeft');
  await walkIsAt(page, walkOrder[2], 'the walk back one');

  // Enter reads the take; in it, → walks on to the next country's take
  await page.keyboard.press('Enter');
  s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === takeOf(walkOrder[2]).id,
    { what: "the third country's take" });
  const name = (await country(page, walkOrder[2])).name;
  assert.equal(s.reader.walk, `Take 3 of ${walkOrder.length} · ${name}`);
  await page.keyboard.press('ArrowRight');
  s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id === takeOf(walkOrder[3]).id, { what: 'the next take' });
  await page.waitForFunction((c) => window.newsglobeViewer.view().selected === c, walkOrder[3], { timeout: 10000 });

  // Esc: back to the story view at that country, then to the article it was opened from
  await page.keyboard.press('Escape');
  await walkIsAt(page, walkOrder[3], 'the story view again');
  await page.keyboard.press('Escape');
  await waitForUi(page, (st) => st.panel === 'reader' && st.reader.id === start.id, { what: 'the first article' });
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a link to a story opens its view; back and forward move through it', async () => {
  const { page, context } = await openPage('');
  await page.evaluate((h) => { location.hash = h; }, `#/story/${story.id}`);
  await walkIsAt(page, walkOrder[0], 'the story view from a link');
  // picking a country in the list reads its take
  const group = await scrollPanelTo(page, (st) => st.story.countries.find((c) => c.id === walkOrder[1]), 'the second country');
  await clickRect(page, group.rect);
  await waitForUi(page, (st) => st.panel === 'reader' && st.reader.id === takeOf(walkOrder[1]).id, { what: 'its take' });
  await page.goBack();
  await waitForUi(page, (st) => st.panel === 'story', { what: 'the story view after Back' });
  await page.goForward();
  await waitForUi(page, (st) => st.panel === 'reader' && st.reader.id === takeOf(walkOrder[1]).id, { what: 'the take after Forward' });
  await context.close();
});

test('on a phone the story is walked with the sheet\'s buttons, a swipe and a tap', async () => {
  const { page, context } = await openPage(`#/story/${story.id}`,
    { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true });
  await walkIsAt(page, walkOrder[0], 'the story view in the sheet');
  let s = await waitForUi(page, (st) => st.sheetResting && st.sheetHeight > 0, { what: 'the sheet at rest' });
  assert.equal(s.layout, 'sheet');
  assert.ok(s.sheetHeight < 844 * 0.6, 'the sheet rests at its peek: the globe above is the coverage map');
  assert.ok(s.controls['walk-next'].y + s.controls['walk-next'].h < 844, 'the walk is in the peek');
  assert.ok(s.controls['focus-take'].y + s.controls['focus-take'].h < 844, 'and the take it is at');
  await screenshot(page, 'story-view-390x844');

  // a tap on ›
  const next = await rectCentre(page, s.controls['walk-next']);
  await tap(page, next);
  await walkIsAt(page, walkOrder[1], 'the walk after a tap');

  // a swipe to the left across the sheet walks on (and opens nothing)
  const cdp = await context.newCDPSession(page);
  const y = s.controls['walk-next'].y - 60;
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', 300);
  for (let x = 280; x >= 120; x -= 20) { await touch('touchMove', x); await page.waitForTimeout(16); }
  await touch('touchEnd', 120);
  await walkIsAt(page, walkOrder[2], 'the walk after a swipe');
  assert.equal((await uiState(page)).panel, 'story');

  // a tap on the take reads it in the tall sheet; › there is the next country's take
  s = await uiState(page);
  const take = await rectCentre(page, s.controls['focus-take']);
  await tap(page, take);
  // (the sheet rises once the take has loaded: wait for it to rest tall, or the tap lands where the toolbar was)
  s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && st.reader.id === takeOf(walkOrder[2]).id
    && st.sheetResting && st.sheetHeight > 844 * 0.8, { what: 'the take in the tall sheet' });
  assert.match(s.reader.walk, new RegExp(`^Take 3 of ${walkOrder.length} · `));
  const nextTake = await rectCentre(page, s.controls.next);
  await tap(page, nextTake);
  await waitForUi(page, (st) => st.reader.loaded && st.reader.id === takeOf(walkOrder[3]).id, { what: 'the next take on the phone' });
  await screenshot(page, 'story-take-390x844');
  await context.close();
});
