// Shared helpers of the browser suites: a real local server (tools/serve.mjs),
// Debian's Chromium driven by playwright-core, and artefacts (screenshots).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tools/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const siteDir = process.env.NEWSGLOBE_SITE_DIR || path.join(repoRoot, 'build/site');
export const artifactsDir = process.env.NEWSGLOBE_ARTIFACTS || path.join(repoRoot, 'build/native/browser-artifacts');
export const wasmDir = process.env.NEWSGLOBE_WASM_BUILD_DIR || path.join(repoRoot, 'build/wasm');
// The ingest service's program (ingest/), for tests that build an API from captures.
export const ingestProgram = process.env.NEWSGLOBE_INGEST || path.join(repoRoot, 'build/native/ingest/newsglobe-ingest');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export async function startSite(options = {}) {
  return startServer({ root: siteDir, port: 0, faults: true, ...options });
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Console errors and uncaught exceptions, for "no errors" assertions. Resource
// 404s the test provoked on purpose can be filtered by the caller.
export function collectConsoleErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

// Loads the app and waits until the first frame with countries is on screen.
export async function openApp(page, url, { timeout = 30000 } = {}) {
  if (!pageErrors.has(page)) {
    pageErrors.set(page, []);
    page.on('pageerror', (e) => pageErrors.get(page).push(e.message));
  }
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('first-globe-frame').length > 0 && window.newsglobeViewer,
    null, { timeout });
  return page.evaluateHandle(() => window.newsglobeViewer);
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// The viewer's JS hook, evaluated in the page.
export const view = (page) => page.evaluate(() => window.newsglobeViewer.view());
export const project = (page, lat, lon) => page.evaluate(([a, b]) => window.newsglobeViewer.project(a, b), [lat, lon]);

// Page coordinates of a lat/lon (the canvas may not sit at 0,0).
export async function pagePoint(page, lat, lon) {
  const p = await project(page, lat, lon);
  const box = await page.evaluate(() => { const r = window.newsglobeViewer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  return { x: box.x + p.x, y: box.y + p.y, visible: p.visible };
}

// Waits for the view to stop moving (fly-to, inertia, zoom easing).
// The viewer's first files (the code, the light map, the fonts) as a page of
// ours asks for them: as it is parsed (its preload hints), before the loader
// has even arrived, and each once (the loader's and the app's own requests
// take what was preloaded). Returns what is amiss; `target` is a page or frame.
export async function firstFilesProblems(target) {
  const fetched = await target.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => [e.name.split('/').pop(), e.startTime, e.responseEnd]));
  const loader = fetched.find(([n]) => n === 'newsglobe-embed.js');
  const problems = [];
  for (const file of [/^newsglobe\.[0-9a-f]{10}\.wasm$/, /^newsglobe\.[0-9a-f]{10}\.js$/, /^world-light\.bin$/,
    /^NotoSans-Regular\.ttf$/, /^NotoSans-Bold\.ttf$/, /^fa-subset\.ttf$/]) {
    const asked = fetched.filter(([n]) => file.test(n));
    if (asked.length !== 1) problems.push(`${file} fetched ${asked.length} times`);
    else if (!(asked[0][1] < loader[2])) problems.push(`${asked[0][0]} asked for at ${asked[0][1]} ms, the loader there at ${loader[2]} ms`);
  }
  return problems;
}

export async function settle(page, timeout = 10000) {
  await page.waitForFunction(() => !window.newsglobeViewer.view().animating, null, { timeout, polling: 100 });
}

// ---- the UI's own state (canvas text is invisible to the DOM) ----------------
// What the UI drew in its last frame (src/ui/screen_report.hpp): panel mode,
// country, story rows and their rectangles, the reader, errors, the toast.
export const uiState = (page) => page.evaluate(() => {
  const c = window.newsglobeViewer && window.newsglobeViewer.canvas;
  return c && c.newsglobeUiState ? c.newsglobeUiState() : null;
});

// Uncaught errors of each opened page: a wait that times out names them (an
// aborted wasm runtime otherwise looks like a click that did nothing).
const pageErrors = new WeakMap();

// Polls the UI state until `predicate(state)` is truthy; returns that state.
export async function waitForUi(page, predicate, { timeout = 15000, what = 'the UI state' } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    last = await uiState(page);
    if (last && predicate(last)) return last;
    if (Date.now() > deadline) {
      const brief = last && { panel: last.panel, status: last.status, country: last.country, error: last.error,
        reader: last.reader && last.reader.headline, rows: last.rows && last.rows.length, rowCount: last.rowCount };
      const errors = pageErrors.get(page) || [];
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(brief)}` +
        (errors.length ? `; the page threw: ${errors.join(' | ')}` : ''));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Page coordinates of the centre of a UI rectangle (canvas CSS px).
export async function rectCentre(page, rect) {
  const box = await page.evaluate(() => { const r = window.newsglobeViewer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
  return { x: box.x + rect.x + rect.w / 2, y: box.y + rect.y + rect.h / 2 };
}

// A real mouse click on a UI rectangle, the way a hand makes one: the
// pointer arrives and rests a frame or two, the button goes down and comes
// up a moment later (a press and its release inside one frame, on a machine
// as loaded as CI's, is not what a reader does).
// A control's rectangle once it has stopped moving (a panel may still be
// sliding in when its first state reports the control): two readings 100 ms
// apart that agree.
export async function settledControl(page, name, { timeout = 5000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = null;
  for (;;) {
    const rect = (await uiState(page)).controls[name];
    if (rect && last && JSON.stringify(rect) === JSON.stringify(last)) return rect;
    if (Date.now() > deadline) throw new Error(`the control ${name} did not settle: ${JSON.stringify(rect)}`);
    last = rect;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function clickRect(page, rect) {
  const p = await rectCentre(page, rect);
  await page.mouse.move(p.x, p.y);
  await framesPass(page, 2);
  await page.mouse.down();
  await framesPass(page, 1);
  await page.mouse.up();
}

// A tap the way a finger makes one: down, held a frame, up (a touch that
// starts and ends between two frames is not what a reader does either).
export async function tap(page, p) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: p.x, y: p.y }] });
  await framesPass(page, 1);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Waits until the app has drawn `n` more frames (or half a second: an idle
// app draws none).
export async function framesPass(page, n) {
  const start = await page.evaluate(() => window.newsglobeViewer.framesDrawn());
  await page.waitForFunction(([s, k]) => window.newsglobeViewer.framesDrawn() >= s + k, [start, n], { timeout: 500, polling: 16 })
    .catch(() => {});
}

// Scrolls the panel with the mouse wheel until `find(state)` returns an item that
// is visible inside it (clear of its header); returns that item.
export async function scrollPanelTo(page, find, what) {
  for (let i = 0; i < 40; i++) {
    const s = await uiState(page);
    const item = find(s);
    if (item && item.visible && item.rect.y > s.panelRect.y + 60 && item.rect.y + item.rect.h < s.panelRect.y + s.panelRect.h) return item;
    // the wheel over the panel's lower half: its scrolling part (a story view's header stays put)
    const r = s.panelRect, c = await rectCentre(page, { x: r.x, y: r.y + r.h / 2, w: r.w, h: r.h / 2 });
    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(120);
  }
  throw new Error(`could not scroll ${what} into view`);
}

// RGBA at page pixels, read back from a screenshot (WebGL's drawing buffer is
// not preserved, so reading the canvas itself would give blank pixels).
export async function pixels(page, points) {
  const png = await page.screenshot();
  return page.evaluate(async ([b64, pts]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return pts.map(([x, y]) => Array.from(g.getImageData(Math.round(x), Math.round(y), 1, 1).data));
  }, [png.toString('base64'), points]);
}
