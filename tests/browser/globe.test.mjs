// The globe in a real Chromium against the real server: it starts and draws,
// and real mouse/keyboard events spin, zoom and select countries.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, view, pagePoint, settle, pixels, firstFilesProblems,
  waitForUi, clickRect, framesPass } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function newPage(size = { width: 1280, height: 800 }, query = '?autorotate=0') {
  const page = await browser.newPage({ viewport: size });
  const errors = collectConsoleErrors(page);
  await openApp(page, server.url + query);
  return { page, errors };
}

const differ = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 24;

for (const size of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`the app starts and draws the globe at ${size.width}x${size.height}`, async () => {
    const { page, errors } = await newPage(size);
    const v = await view(page);
    assert.equal(v.worldReady, true);
    const { width: w, height: h } = size;
    // the corners are background, the centre is the globe (not background)
    const [tl, tr, br, centre] = await pixels(page, [[2, 2], [w - 3, 2], [w - 3, h - 3], [w / 2, h / 2]]);
    assert.ok(!differ(tl, tr) && !differ(tl, br), `corners should be background: ${tl} ${tr} ${br}`);
    assert.ok(differ(centre, tl), `centre ${centre} should differ from background ${tl}`);
    const marks = await page.evaluate(() => performance.getEntriesByName('first-globe-frame').map((m) => m.startTime));
    assert.equal(marks.length, 1);
    // the first frame needs the light map only; the full one is asked for once it is drawn
    await page.waitForFunction(() => window.newsglobeViewer.view().worldFull, null, { timeout: 20000 });
    const maps = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
      .filter((e) => /\/data\/world(-light)?\.bin$/.test(e.name)).map((e) => [e.name.split('/').pop(), e.startTime])));
    assert.ok(maps['world-light.bin'] < marks[0], 'the light map before the first frame');
    assert.ok(maps['world.bin'] >= marks[0], `the full map after it (${JSON.stringify(maps)}, frame at ${marks[0]})`);
    // the app's code is fetched under its content names (tools/fingerprint.mjs), which the server lets browsers keep
    const code = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name.split('/').pop())
      .filter((n) => /^newsglobe\.[^-]*(js|wasm)$/.test(n)));
    assert.deepEqual([...new Set(code.map((n) => n.replace(/\.[0-9a-f]{10}\./, '.#.')))].sort(), ['newsglobe.#.js', 'newsglobe.#.wasm'],
      code.join());
    // the page asks for its first files as it is parsed (shell.html's preload hints), each once
    assert.deepEqual(await firstFilesProblems(page), []);
    await screenshot(page, `globe-${w}x${h}`);
    // the first frame holds the half of the world in view; the rest follows:
    // Australia, on the far side at the start, is land once turned to
    const [au, sea] = await (async () => {
      await page.evaluate(() => window.newsglobeViewer.setView(-25, 134, 1));
      await settle(page);
      const [a, b] = [await pagePoint(page, -25, 134), await pagePoint(page, -30, 100)];
      return pixels(page, [[a.x, a.y], [b.x, b.y]]);
    })();
    assert.ok(differ(au, sea), `Australia ${au} should differ from the Indian Ocean ${sea}`);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
    await page.close();
  });
}

// The atmosphere: a glow just outside the silhouette, nothing far beyond it.
// (Its shaders once disagreed on a uniform's precision, which WebGL refuses
// to link: the globe drew without it and only a console warning said so.)
test('the atmosphere glows round the globe and every shader links', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('[newsglobe]')) warnings.push(m.text()); });
  await openApp(page, server.url + '?autorotate=0');
  await page.evaluate(() => window.newsglobeViewer.setView(0, 0, 1));
  await settle(page);
  // the silhouette: the farthest point along the equator still in view
  const centre = await pagePoint(page, 0, 0);
  let limb = centre;
  for (let lon = 45; lon < 90; lon += 0.25) {
    const p = await pagePoint(page, 0, lon);
    if (!p.visible) break;
    limb = p;
  }
  const at = (k) => [centre.x + (limb.x - centre.x) * k, centre.y];
  const [background, glow, beyond] = await pixels(page, [[2, 2], at(1.04), at(1.4)]);
  assert.ok(differ(glow, background), `just outside the globe ${glow} should glow, not be background ${background}`);
  assert.ok(!differ(beyond, background), `far outside ${beyond} should be background ${background}`);
  assert.deepEqual(warnings, []);
  await page.close();
});

test('clicking France selects France and flies to it', async () => {
  const { page } = await newPage();
  const p = await pagePoint(page, 46.6, 2.4);
  assert.ok(p.visible, 'France should face the viewer at start');
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => window.newsglobeViewer.view().selected === 'FR');
  const v = await view(page);
  assert.equal(v.route, '#/country/FR');
  assert.equal(await page.evaluate(() => location.hash), '#/country/FR');
  await settle(page);
  // France ends up in the middle of what the country panel leaves visible
  const fr = await pagePoint(page, 46.6, 2.4);
  assert.ok(fr.visible, 'France is on screen');
  const free = await page.evaluate(() => { let x = 640; while (x < 1280 && !window.newsglobeViewer.uiAt(x, 400)) x += 4; return x; });
  assert.ok(Math.abs(fr.x - free / 2) < 60, `France at x=${fr.x}, middle of the uncovered part ${free / 2}`);
  assert.ok(fr.y > 150 && fr.y < 650, `France at y=${fr.y}`);
  await screenshot(page, 'globe-france-selected');
  await page.close();
});

test('a drag across France rotates the globe and selects nothing', async () => {
  const { page } = await newPage();
  const start = await pagePoint(page, 46.6, -8);
  const before = await view(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; ++i) await page.mouse.move(start.x + i * 14, start.y + i * 2);
  await page.mouse.up();
  await settle(page);
  const v = await view(page);
  assert.equal(v.selected, null);
  assert.equal(v.route, '');
  assert.ok(Math.abs(v.lon - before.lon) > 3, `the globe turned: ${before.lon} -> ${v.lon}`);
  await page.close();
});

test('a press that wobbles less than 5 px is still a click', async () => {
  const { page } = await newPage();
  const p = await pagePoint(page, 46.6, 2.4);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.move(p.x + 2, p.y + 1);
  await page.mouse.move(p.x + 3, p.y - 1);
  await page.mouse.up();
  await page.waitForFunction(() => window.newsglobeViewer.view().selected === 'FR');
  await page.close();
});

for (const [iso, lat, lon] of [['MT', 35.9, 14.4], ['SG', 1.35, 103.82], ['BH', 26.05, 50.55]]) {
  test(`${iso} can be selected by clicking where it is`, async () => {
    const { page } = await newPage();
    await page.evaluate(([a, b]) => window.newsglobeViewer.setView(a, b + 8, 1.6), [lat, lon]);
    await settle(page);
    const p = await pagePoint(page, lat, lon);
    assert.ok(p.visible);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((code) => window.newsglobeViewer.view().selected === code, iso);
    if (iso === 'MT') await screenshot(page, 'globe-malta');
    await page.close();
  });
}

test('the wheel zooms in and out within bounds', async () => {
  const { page } = await newPage();
  const v0 = await view(page);
  await page.mouse.move(640, 400);
  for (let i = 0; i < 10; ++i) await page.mouse.wheel(0, -300);
  await settle(page);
  const zin = await view(page);
  assert.ok(zin.zoom > v0.zoom * 4, `zoomed in: ${zin.zoom}`);
  assert.ok(zin.zoom <= zin.maxZoom + 1e-6, `bounded: ${zin.zoom} <= ${zin.maxZoom}`);
  for (let i = 0; i < 16; ++i) await page.mouse.wheel(0, 300);
  await settle(page);
  const zout = await view(page);
  assert.ok(zout.zoom >= zout.minZoom - 1e-6 && zout.zoom < 1, `zoomed out to the bound: ${zout.zoom}`);
  await page.close();
});

test('double-click and the + key zoom in; arrow keys rotate', async () => {
  const { page } = await newPage();
  await settle(page);
  const v0 = await view(page);
  // each input is waited for by what it must do (a frame drawn after it
  // may be one the loop had already begun, or the one that first builds the
  // full map's mesh, before the input reaches the app), then the view settles
  const reaches = (predicate, arg, what) => page.waitForFunction(predicate, arg, { timeout: 10000 })
    .catch(() => assert.fail(what));
  await page.mouse.dblclick(640, 400);
  await reaches((z) => window.newsglobeViewer.view().zoom > z * 1.5, v0.zoom, `double-click zoomed from ${v0.zoom}`);
  await settle(page);
  const v1 = await view(page);
  await page.keyboard.press('Equal');
  await reaches((z) => window.newsglobeViewer.view().zoom > z * 1.2, v1.zoom, `+ zoomed from ${v1.zoom}`);
  await settle(page);
  const lon0 = (await view(page)).lon;
  await page.keyboard.press('ArrowRight');
  await reaches((l) => window.newsglobeViewer.view().lon !== l, lon0, 'the right arrow turned the globe');
  await settle(page);
  await page.close();
});

test('auto-rotation runs when idle, pauses on interaction, and is off for reduced motion', async () => {
  const { page } = await newPage(undefined, '');
  assert.equal((await view(page)).autoRotating, true);
  const lon0 = (await view(page)).lon;
  await page.waitForTimeout(600);
  assert.notEqual((await view(page)).lon, lon0, 'the globe turns by itself');
  await page.mouse.move(640, 400);
  await page.mouse.down();
  await page.mouse.move(700, 420);
  await page.mouse.up();
  assert.equal((await view(page)).autoRotating, false);
  await page.close();

  const reduced = await browser.newPage({ viewport: { width: 800, height: 600 }, reducedMotion: 'reduce' });
  await openApp(reduced, server.url);
  assert.equal((await view(reduced)).autoRotating, false);
  await reduced.close();
});

// While the globe turns, the windows over it are copied from a layer drawn
// once (render/imgui_renderer.cpp): they must stay on screen exactly as they
// were, and a change to them (typing a search) must show at once.
test('the windows stay put while the globe turns under them, and show their changes', async () => {
  const { page, errors } = await newPage(undefined, '');
  await page.waitForFunction(() => window.newsglobeViewer.view().autoRotating, null, { timeout: 20000 });
  const ui = await waitForUi(page, (st) => st.controls && st.controls.search, { what: 'the top bar' });
  const bar = { x: 14, y: 14, width: 380, height: 50 };  // the logo, the name, the sample badge
  const globe = { x: 540, y: 300, width: 200, height: 200 };
  const clips = async () => [await page.screenshot({ clip: bar }), await page.screenshot({ clip: globe })];
  const [bar0, globe0] = await clips();
  const frames0 = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  await page.waitForTimeout(700);
  const [bar1, globe1] = await clips();
  assert.ok(await page.evaluate(() => window.newsglobeViewer.framesDrawn()) > frames0 + 5, 'frames are drawn');
  assert.ok(!globe0.equals(globe1), 'the globe turned');
  assert.ok(bar0.equals(bar1), 'the top bar is the same, pixel for pixel');
  const row = await pixels(page, Array.from({ length: 24 }, (_, i) => [bar.x + 8 + i * 15, bar.y + bar.height / 2]));
  assert.ok(new Set(row.map((p) => p.join())).size > 3, `the top bar is drawn, not blank: ${row.map((p) => p.join()).join(' ')}`);
  // typing: the field shows the text while the globe goes on turning
  const field = { x: Math.round(ui.controls.search.x), y: Math.round(ui.controls.search.y),
    width: Math.round(ui.controls.search.w), height: Math.round(ui.controls.search.h) };
  const empty = await page.screenshot({ clip: field });
  await clickRect(page, ui.controls.search);
  await page.keyboard.type('Fra');
  await framesPass(page, 3);
  assert.ok(!empty.equals(await page.screenshot({ clip: field })), 'the typed text shows in the field');
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('nothing is drawn while nothing changes', async () => {
  const { page } = await newPage();
  // everything in: the countries and the full map (which, on a slow day, arrives after the first settling)
  await page.waitForFunction(() => window.newsglobeViewer.news().countriesLoaded && window.newsglobeViewer.view().worldFull);
  await settle(page);
  await page.waitForTimeout(500);
  const n0 = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  await page.waitForTimeout(1500);
  const n1 = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  assert.equal(n1, n0, `frames drawn while idle: ${n1 - n0}`);
  await page.mouse.move(600, 380);
  await page.mouse.move(640, 400);
  await page.waitForFunction((n) => window.newsglobeViewer.framesDrawn() > n, n1);
  await page.close();
});

// Open ocean shows only the sea: no line wraps round the world from an edge
// that crosses the antimeridian (Fiji's coast at 16.5°S ran through the
// middle of the South Atlantic), and no line of the far side shows through
// the globe (there is no depth buffer: lines stop at the horizon in their
// shader). Each view is centred in a cell of the 15° graticule, whose own
// lines then stay outside the box; the far side's would cross it.
test('open ocean shows no line from the far side or wrapped round the world', async () => {
  const { page, errors } = await newPage();
  const box = async (lat, lon, half) => {
    await page.evaluate(([a, b]) => window.newsglobeViewer.setView(a, b, 1), [lat, lon]);
    await settle(page);
    await page.waitForTimeout(300);
    const c = await pagePoint(page, lat, lon);
    const points = [];
    for (let dy = -half; dy <= half; dy += 2) for (let dx = -half; dx <= half; dx += 2) points.push([c.x + dx, c.y + dy]);
    const sums = (await pixels(page, points)).map((p) => p[0] + p[1] + p[2]);
    const sea = sums.slice().sort((a, b) => a - b)[sums.length >> 1];
    return { sea, n: sums.length, dark: sums.filter((s) => s < sea - 30).length, off: sums.filter((s) => Math.abs(s - sea) > 15).length };
  };
  const fiji = await box(-16.5, -22.5, 30);
  assert.equal(fiji.dark, 0, `${fiji.dark} of ${fiji.n} pixels on 16.5°S in the Atlantic darker than the sea (${fiji.sea})`);
  const pacific = await box(-37.5, -142.5, 28);
  assert.equal(pacific.off, 0, `${pacific.off} of ${pacific.n} pixels in the South Pacific not the sea (${pacific.sea})`);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});
