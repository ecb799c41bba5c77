// Picking with real mouse and touch events in Chromium: a click on a capital
// next to a microstate selects the capital's country, a click on a drawn dot
// selects its state, and the pointer's sub-pixel position reaches the picker
// (at devicePixelRatio 1 and 2, mouse and finger).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openApp, settle, view } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPage({ scale = 1, touch = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: scale, hasTouch: touch });
  const page = await context.newPage();
  await openApp(page, server.url + '?autorotate=0');
  await page.waitForFunction(() => window.newsglobeViewer.news().countriesLoaded);
  // these tests pin borders to the pixel: on the full map, which replaces
  // the light one a moment after the first frame (a search for a border
  // point and the click on it must see the same map)
  await page.waitForFunction(() => window.newsglobeViewer.view().worldFull, null, { timeout: 20000 });
  return page;
}

// Turns the globe, waits for it, and returns where lat/lon is in page pixels
// (fractions kept), or null when it is hidden or under the viewer's own UI.
async function aim(page, centre, zoom, point) {
  await page.evaluate(([c, z]) => window.newsglobeViewer.setView(c[0], c[1], z), [centre, zoom]);
  await settle(page);
  return page.evaluate(([lat, lon]) => {
    const v = window.newsglobeViewer, p = v.project(lat, lon), r = v.canvas.getBoundingClientRect();
    if (!p.visible || v.uiAt(p.x, p.y)) return null;
    return { x: r.left + p.x, y: r.top + p.y };
  }, point);
}

// Clicks (or taps) at page point p and returns the country selected (null: none).
async function clickAndRead(page, p, { touch = false } = {}) {
  // two clicks within 350 ms and 12 px are a double-click (it zooms): leave time after the last one
  await page.waitForTimeout(400);
  const before = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  if (touch) await page.touchscreen.tap(p.x, p.y);
  else await page.mouse.click(p.x, p.y);
  // a click selects within a frame or two; a click on nothing keeps drawing frames with nothing selected
  await page.waitForFunction((n) => window.newsglobeViewer.view().selected || window.newsglobeViewer.framesDrawn() > n + 6, before);
  const selected = (await view(page)).selected;
  if (selected) {  // back to the bare globe for the next click
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.newsglobeViewer.view().selected === null);
  }
  return selected;
}

const CAPITALS = [
  ['Dublin', 'IE', 53.3498, -6.2603], ['Bern', 'CH', 46.948, 7.4474],
  ['Doha', 'QA', 25.2854, 51.531], ['Brussels', 'BE', 50.8503, 4.3517],
];

test('clicks on capitals next to microstates select their own country, centred and near the limb', async () => {
  const page = await newPage();
  const wrong = [];
  let clicks = 0;
  for (const [name, iso, lat, lon] of CAPITALS) {
    for (const [off, zoom] of [[0, 1], [25, 1], [60, 1], [0, 2], [60, 2]]) {
      const p = await aim(page, [lat, lon + off], zoom, [lat, lon]);
      if (!p) continue;
      ++clicks;
      const got = await clickAndRead(page, p);
      if (got !== iso) wrong.push(`${name} at zoom ${zoom}, ${off}° off -> ${got}`);
    }
  }
  assert.ok(clicks >= 16, `${clicks} clicks made`);
  assert.deepEqual(wrong, []);
  await page.close();
});

test("a click on the Vatican's drawn dot selects the Vatican; just beside it, Italy", async () => {
  const page = await newPage();
  const dot = await aim(page, [41.9, 12.45], 1, [41.9029, 12.4534]);
  assert.ok(dot);
  // where the picker says the dot is drawn: its centre, and 9 px east (inland Italy, off the dot)
  assert.equal(await clickAndRead(page, dot), 'VA');
  // selecting flies the globe to the Vatican: turn it back before the next click
  const again = await aim(page, [41.9, 12.45], 1, [41.9029, 12.4534]);
  assert.deepEqual(again, dot);
  assert.equal(await clickAndRead(page, { x: dot.x + 9, y: dot.y }), 'IT');
  await page.close();
});

// A point beside a border where the pointer's fractions decide the country:
// pick(x, y) differs from pick at the whole pixel below and left of it.
async function borderPoint(page) {
  await page.evaluate(() => window.newsglobeViewer.setView(46.4, 7.8, 8));  // the Alps: four borders
  await settle(page);
  return page.evaluate(() => {
    const v = window.newsglobeViewer, r = v.canvas.getBoundingClientRect();
    for (let y = 250.3; y < 550; y += 0.5)
      for (let x = 350.3; x < 700; x += 0.5) {
        const exact = v.pick(x, y).iso, floored = v.pick(Math.floor(x), Math.floor(y)).iso;
        const around = [[0.15, 0], [-0.15, 0], [0, 0.15], [0, -0.15]].every(([dx, dy]) => v.pick(x + dx, y + dy).iso === exact);
        if (exact && floored && exact !== floored && around && !v.uiAt(x, y)) return { x: r.left + x, y: r.top + y, iso: exact };
      }
    return null;
  });
}

for (const [scale, touch] of [[1, false], [2, false], [2, true]]) {
  test(`the ${touch ? 'finger' : 'mouse'}'s sub-pixel position reaches the picker at devicePixelRatio ${scale}`, async () => {
    const page = await newPage({ scale, touch });
    const p = await borderPoint(page);
    assert.ok(p, 'a border point where the fractions matter');
    const got = await clickAndRead(page, p, { touch });
    assert.equal(got, p.iso, `at ${p.x.toFixed(2)}, ${p.y.toFixed(2)}`);
    await page.close();
  });
}
