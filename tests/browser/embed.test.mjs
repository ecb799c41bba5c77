// Embedding on a host page (web/examples/two-viewers.html) and in an iframe
// (web/embed.html): independence of viewers, host-page manners, the JS API
// and its events, destroy().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, collectConsoleErrors, screenshot, pixels, firstFilesProblems } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function openExample() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = collectConsoleErrors(page);
  await page.goto(`${server.url}examples/two-viewers.html`);
  await page.waitForFunction(() => {
    const v = window.viewers || {};
    return v.left && v.right && v.left.view().worldReady && v.right.view().worldReady &&
      window.viewerEvents.filter((e) => e.type === 'ready').length === 2;
  }, null, { timeout: 30000 });
  return { page, errors };
}
const viewOf = (page, which) => page.evaluate((w) => window.viewers[w].view(), which);

// Page coordinates of lat/lon in one viewer.
async function pointIn(page, which, lat, lon) {
  return page.evaluate(([w, a, b]) => {
    const v = window.viewers[w], p = v.project(a, b), r = v.canvas.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y, visible: p.visible };
  }, [which, lat, lon]);
}

async function settled(page, which) {
  await page.waitForFunction((w) => !window.viewers[w].view().animating, which, { timeout: 10000 });
}

test('two viewers start on their own countries and select independently', async () => {
  const { page, errors } = await openExample();
  assert.equal((await viewOf(page, 'left')).country, 'FR');
  assert.equal((await viewOf(page, 'right')).country, 'JP');
  await settled(page, 'right');
  // click Honshu in the right viewer
  const p = await pointIn(page, 'right', 36.5, 138.5);
  assert.ok(p.visible);
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => window.viewerEvents.some((e) => e.viewer === 'right' && e.type === 'select'), null, { timeout: 5000 }).catch(() => {});
  // the left viewer keeps France whatever happens on the right
  assert.equal((await viewOf(page, 'left')).country, 'FR');
  assert.equal((await viewOf(page, 'right')).selected, 'JP');
  const readies = await page.evaluate(() => window.viewerEvents.filter((e) => e.type === 'ready').map((e) => e.viewer).sort());
  assert.deepEqual(readies, ['left', 'right']);
  // the embedding page's URL is never touched by a viewer
  assert.equal(await page.evaluate(() => location.hash), '');
  await screenshot(page, 'embed-two-viewers');
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('select events carry the country; the selection API drives one viewer', async () => {
  const { page } = await openExample();
  await page.evaluate(() => window.viewers.left.selectCountry('de'));
  await page.waitForFunction(() => window.viewerEvents.some((e) => e.viewer === 'left' && e.type === 'select' && e.detail.country === 'DE'));
  assert.equal((await viewOf(page, 'left')).selected, 'DE');
  assert.equal((await viewOf(page, 'right')).country, 'JP');
  const rightSelects = await page.evaluate(() => window.viewerEvents.filter((e) => e.viewer === 'right' && e.type === 'select').length);
  assert.equal(rightSelects, 0);
  await page.close();
});

// A page point over the right viewer's globe, not over its panels.
const globePoint = (page) => page.evaluate(() => {
  const v = window.viewers.right, r = v.canvas.getBoundingClientRect();
  for (let fy = 0.3; fy < 0.9; fy += 0.05)
    for (let fx = 0.1; fx < 0.9; fx += 0.05)
      if (!v.uiAt(r.width * fx, r.height * fy)) return { x: r.left + r.width * fx, y: r.top + r.height * fy };
  return null;
});

test('the wheel scrolls the host page unless Ctrl is held', async () => {
  const { page } = await openExample();
  await settled(page, 'right');
  const box = await globePoint(page);
  assert.ok(box, 'some of the globe is not covered by panels');
  const zoom0 = (await viewOf(page, 'right')).zoom;
  await page.mouse.move(box.x, box.y);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => window.scrollY > 100);
  assert.equal((await viewOf(page, 'right')).zoom, zoom0, 'a plain wheel does not zoom an embedded globe');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  const b2 = await globePoint(page);
  await page.mouse.move(b2.x, b2.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await settled(page, 'right');
  assert.ok((await viewOf(page, 'right')).zoom > zoom0 * 1.2, 'Ctrl + wheel zooms');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'and the page does not scroll');
  await page.close();
});

test("typing in the host page's field leaves both viewers unchanged", async () => {
  const { page } = await openExample();
  await settled(page, 'right');
  const before = [await viewOf(page, 'left'), await viewOf(page, 'right')];
  await page.click('#comment');
  await page.keyboard.type('hello +-+ world');
  for (const k of ['ArrowLeft', 'ArrowRight', 'Equal', 'Minus', 'Escape']) await page.keyboard.press(k);
  assert.equal(await page.inputValue('#comment'), 'hello +-+ world=-');  // = and - went to the field
  await page.waitForTimeout(300);
  const after = [await viewOf(page, 'left'), await viewOf(page, 'right')];
  assert.equal(after[1].zoom, before[1].zoom);
  assert.equal(after[1].lon, before[1].lon);
  assert.equal(after[0].country, 'FR');
  assert.equal(after[1].country, 'JP');
  await page.close();
});

// The host page's origin is the host's: the viewers fetch into memory and keep
// nothing there (Emscripten's fetch used to open an IndexedDB database at start-up).
test("the viewers leave no storage on the host page's origin", async () => {
  const { page, errors } = await openExample();
  await page.evaluate(() => window.viewers.left.selectCountry('DE'));
  await page.waitForFunction(() => window.viewers.left.view().selected === 'DE');
  const stored = await page.evaluate(async () => ({
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    caches: 'caches' in self ? await caches.keys() : [],
  }));
  assert.deepEqual(stored, { indexedDB: [], localStorage: 0, sessionStorage: 0, cookie: '', caches: [] });
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('destroy() removes one viewer; the other keeps working', async () => {
  const { page, errors } = await openExample();
  await page.evaluate(() => window.viewers.left.destroy());
  assert.equal(await page.evaluate(() => document.querySelectorAll('#left canvas').length), 0);
  await page.evaluate(() => window.viewers.right.selectCountry('BR'));
  await page.waitForFunction(() => window.viewers.right.view().selected === 'BR');
  const n = await page.evaluate(() => window.viewers.right.framesDrawn());
  await page.evaluate(() => window.viewers.right.setView(10, 20, 1.2));
  await page.waitForFunction((k) => window.viewers.right.framesDrawn() > k, n);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});

test('the iframe page honours its query parameters and posts events to its parent', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(`${server.url}examples/two-viewers.html`);  // any page of ours as the parent
  await page.evaluate((src) => {
    window.received = [];
    window.addEventListener('message', (e) => { if (e.data && e.data.source === 'newsglobe') window.received.push(e.data); });
    document.body.innerHTML = `<iframe id="f" src="${src}" style="width:700px;height:500px;border:0"></iframe>`;
  }, `${server.url}embed.html?country=BR&theme=light&autorotate=0`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 30000 });
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  const v = await frame.evaluate(() => window.newsglobeViewer.view());
  assert.equal(v.country, 'BR');
  assert.equal(v.autoRotating, false);
  assert.deepEqual(await firstFilesProblems(frame), [], 'embed.html asks for the first files as shell.html does');
  await page.evaluate(() => document.getElementById('f').contentWindow.postMessage({ newsglobe: 'selectCountry', args: ['AR'] }, '*'));
  await page.waitForFunction(() => window.received.some((m) => m.type === 'select' && m.detail.country === 'AR'));
  await screenshot(page, 'embed-iframe');
  await page.close();
});

test('a locked viewer stays on its country; setOptions switches the theme', async () => {
  const { page } = await openExample();
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'locked';
    div.style.cssText = 'height:420px;width:640px';
    document.body.prepend(div);
    window.scrollTo(0, 0);
    return newsglobe.mount(div, { api: '../api', country: 'IT', locked: true, autorotate: false, compact: true })
      .then((v) => { window.viewers.locked = v; });
  });
  await page.waitForFunction(() => window.viewers.locked && window.viewers.locked.view().worldReady);
  assert.equal((await viewOf(page, 'locked')).country, 'IT');
  await page.evaluate(() => window.viewers.locked.selectCountry('DE'));
  await page.waitForTimeout(300);
  assert.equal((await viewOf(page, 'locked')).country, 'IT', 'locked: no navigation away');
  assert.equal((await viewOf(page, 'locked')).selected, 'IT');

  // theme at run time: the background behind the globe changes
  const corner = async () => {
    const r = await page.evaluate(() => { const b = window.viewers.locked.canvas.getBoundingClientRect(); return { x: b.left + 3, y: b.bottom - 3 }; });
    return (await pixels(page, [[r.x, r.y]]))[0];
  };
  const dark = await corner();
  await page.evaluate(() => window.viewers.locked.setOptions({ theme: 'light' }));
  await page.waitForTimeout(500);
  const light = await corner();
  assert.ok(light[0] + light[1] + light[2] > dark[0] + dark[1] + dark[2] + 300, `light ${light} vs dark ${dark}`);
  await screenshot(page, 'embed-locked-compact');
  await page.close();
});

test('an embedded viewer links to the full viewer at what it shows', async () => {
  const { page } = await openExample();
  await settled(page, 'left');
  await page.waitForTimeout(500);  // the sheet finishes opening: the link sits above it
  const ui = await page.evaluate(() => window.viewers.left.uiState());
  const rect = ui.controls['open-full-viewer'];
  assert.ok(rect, 'the link is on screen');
  const box = await page.evaluate(() => { const r = window.viewers.left.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),  // opened with noopener: a page of the context, not a popup of this one
    page.mouse.click(box.x + rect.x + rect.w / 2, box.y + rect.y + rect.h / 2),
  ]);
  await popup.waitForLoadState('domcontentloaded');
  assert.match(popup.url(), /\/index\.html\?.*#\/country\/FR$/);
  await popup.close();
  await page.close();
});
