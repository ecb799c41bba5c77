// bench_web — prints the app's browser figures against the floor, a bare
// SDL2 + WebGL2 + Dear ImGui app built with the same toolchain and flags
// (bench/floor): first-view transfer (raw, gzip -9, brotli), requests and
// the files (those asked for before the first frame; later ones apart),
// time to the first frame (the app's first-globe-frame) and first story list,
// the CPU each process spends until the first frame (Linux),
// main-thread CPU per frame (each app's own clock around its frame function)
// and whole-browser CPU per frame (every Chromium process, through CDP; the
// GPU process is the software rasteriser here) while spinning and while the
// mouse hovers, frames per second, JS heap and wasm memory; the app also
// with 500 stories loaded and on a phone (390×844, DPR 3). Then pick time,
// the frame CPU of long content (a story list and an article's takes of
// 10,000 against 20) and of panels in other scripts.
//
//   node tools/bench_web.mjs [--site build/site] [--runs 3] [--only floor|long-lists|scripts]
//                            [--before DIR]  (another build of the site: its app measured in the same run)
//                            [--first-loads 9]  (loads of each page for time to first frame, alternated)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const site = path.resolve(args.site || path.join(here, '../build/site'));
const runs = Number(args.runs || 3);
const only = args.only || '';

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `${median(xs).toFixed(0)} ms (median of ${xs.length})`;
const cpu = (xs) => `avg ${median(xs.map((x) => x.avg)).toFixed(2)} ms, max ${median(xs.map((x) => x.max)).toFixed(2)} ms`;

// Bytes of site files: raw, gzip -9 and brotli (quality 11), each file alone.
const compressed = new Map();
function fileSizes(rel, root = site) {
  const key = path.join(root, rel);
  if (!compressed.has(key)) {
    const b = fs.readFileSync(key);
    compressed.set(key, { raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  }
  return compressed.get(key);
}
function sizes(files, root = site) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(t)) t[k] += fileSizes(f, root)[k];
  return t;
}
const sizeText = (t) => `${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli`;

console.log(`app code (wasm + js + loader): ${sizeText(sizes(['newsglobe.wasm', 'newsglobe.js', 'newsglobe-embed.js']))}`);
console.log(`map, light (first view):       ${sizeText(sizes(['data/world-light.bin']))}`);
console.log(`map, full (after first frame): ${sizeText(sizes(['data/world.bin']))}`);
// the first view's fonts: the files at the top of fonts/ (other scripts' faces
// and CJK slices in its folders load only when a text needs them: docs/text.md)
const fonts = fs.readdirSync(path.join(site, 'fonts'), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ttf'))
  .map((e) => `fonts/${e.name}`);
console.log(`fonts (first view):            ${sizeText(sizes(fonts))}`);

const server = await startServer({ root: site, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const browserCdp = await browser.newBrowserCDPSession();

const sampleImages = fs.readdirSync(path.join(site, 'api/v1/img')).slice(0, 50);
const words = 'minister talks harbour strike budget election flood summit court vote rail energy'.split(' ');
const headline = (i) => `${i + 1}: ` + Array.from({ length: 6 + (i * 7) % 11 }, (_, k) => words[(i + k * 3) % words.length]).join(' ');
function storiesDoc(n) {
  const stories = Array.from({ length: n }, (_, i) => ({
    id: `bench-${i}`, headline: headline(i), outlet: { name: `Outlet ${i % 9}`, domain: `o${i % 9}.example` },
    published: new Date(Date.now() - i * 60000).toISOString().replace(/\.\d+Z$/, 'Z'),
    ...(i % 3 ? { image: `img/${sampleImages[i % sampleImages.length]}` } : {}), coverage: 1 + (i % 7),
  }));
  return { version: 1, country: 'FR', page: 1, page_count: 1, total: n, stories };
}
const ISOS = ['DE', 'IT', 'ES', 'GB', 'US', 'JP', 'BR', 'NG', 'IN', 'CN', 'EG', 'TR'];
function articleDoc(n) {
  return {
    version: 1, id: 'bench-article', headline: 'A story the whole world covers', outlet: { name: 'Outlet 0' }, country: 'FR',
    published: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), body: ['One paragraph of the article.'],
    alternative_takes: Array.from({ length: n }, (_, i) => ({
      headline: headline(i), outlet: { name: `Take outlet ${i}` }, country: ISOS[i % ISOS.length], angle: `angle ${i % 5}`,
    })),
  };
}


// ---- the floor and the app, in one run --------------------------------------------
// Each target loads in a fresh context (nothing cached). The first view is
// the page and every file whose request started before the first frame (what
// is asked for later, such as the map's full detail, is counted apart as
// "after the first frame": a second's worth of it); CPU figures come
// from a 3-second window: the target's own frame clock (main thread), every
// Chromium process's CPU time over the frames drawn (whole browser), and
// frames per second.
const FLOOR = { name: 'floor', path: 'bench/floor/floor.html', mark: 'first-frame',
  stats: (reset) => window.floorStats(reset) };
const APP = { name: 'app', path: '', mark: 'first-globe-frame',
  stats: (reset) => { const v = window.newsglobeViewer, c = v.frameCpu(reset);
    return { frames: v.framesDrawn(), avg: c.avg, max: c.max, heap: v.memory().heap }; } };

// CPU time (ms) every Chromium process has used so far, by thread: the
// renderers' and the GPU process's main threads apart from their other
// threads (the wasm compilers; SwiftShader's, which rasterise), the
// browser and network processes together. From Linux's per-thread
// schedstat (nanoseconds); null where there is no /proc.
function chromiumCpu() {
  if (!fs.existsSync('/proc/self/task')) return null;
  const out = { all: 0, rendererMain: 0, rendererOther: 0, gpuMain: 0, gpuOther: 0, rest: 0 };
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
      for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
        const ms = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
        const thread = tid === pid ? 'Main' : 'Other';
        out[type === 'renderer' ? `renderer${thread}` : type === 'gpu-process' ? `gpu${thread}` : 'rest'] += ms;
        out.all += ms;
      }
    } catch { /* the process or thread ended meanwhile */ }
  }
  return out;
}

async function processCpu() {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return new Map(processInfo.map((p) => [p.id, p]));
}

// CPU while `act` runs for `seconds`: per frame on the main thread and in the
// whole browser (and its GPU process), and frames per second.
async function window3s(page, target, act, seconds = 3) {
  const stats = () => page.evaluate(`(${target.stats})(true)`);
  const before = await stats(), cpuBefore = await processCpu(), t0 = Date.now();
  await act(seconds * 1000);
  const after = await stats(), cpuAfter = await processCpu(), wall = (Date.now() - t0) / 1000;
  let total = 0, gpu = 0;
  for (const [id, p] of cpuAfter) {
    const d = p.cpuTime - (cpuBefore.get(id)?.cpuTime ?? p.cpuTime);
    total += d;
    if (p.type === 'GPU') gpu += d;
  }
  const frames = Math.max(1, after.frames - before.frames);
  return { main: after.avg, browser: total * 1000 / frames, gpu: gpu * 1000 / frames, fps: frames / wall };
}

const spin = (page) => async (ms) => { await page.waitForTimeout(ms); };
// with a country open the globe holds still: the hand turns it, a step every 16 ms
const drag = (page, w, h) => async (ms) => {
  const steps = Math.floor(ms / 16);
  await page.mouse.move(w * 0.3, h / 2);
  await page.mouse.down();
  for (let i = 0; i < steps; ++i) {
    await page.mouse.move(w * 0.3 + ((i * 3) % 300), h / 2 + 10 * Math.sin(i / 20));
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
};
// the pointer wanders over the globe's middle, a step every 16 ms
const hover = (page, w, h) => async (ms) => {
  const steps = Math.floor(ms / 16);
  for (let i = 0; i < steps; ++i) {
    const a = i / 30;
    await page.mouse.move(w / 2 + Math.cos(a) * w * 0.15, h / 2 + Math.sin(a * 1.3) * h * 0.2);
    await page.waitForTimeout(16);
  }
};

// A fresh context is a new browser window, and Chromium 156 builds each new
// window's omnibox popup as a WebUI page (chrome://omnibox-popup.top-chrome)
// in a renderer of its own: ~200 ms of CPU on these two cores, during the
// first half second, so it fell on every load measured (and added ~150 ms to
// the floor's first frame and the app's alike). A reader's page loads into a
// window that already exists: each load waits for the new window to settle.
async function settledPage({ viewport, scale, mobile }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, isMobile: mobile, hasTouch: mobile });
  const page = await context.newPage();
  await page.waitForTimeout(1500);
  return { context, page };
}

async function measure(target, { viewport = { width: 1280, height: 720 }, scale = 1, mobile = false, stories = 0 } = {}) {
  const { context, page } = await settledPage({ viewport, scale, mobile });
  const { url, root } = target.site ?? { url: server.url, root: site };
  if (stories) {
    const body = JSON.stringify(storiesDoc(stories));
    await page.route((u) => u.pathname.endsWith('/countries/FR/stories-1.json'),
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  await page.goto(`${url}${target.path}${stories ? '#/country/FR' : ''}`);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, target.mark, { timeout: 60000 });
  if (stories) {
    await page.waitForFunction((n) => { const st = window.newsglobeViewer.canvas.newsglobeUiState();
      return st && (st.rowCount ?? st.rows.length) === n; }, stories, { timeout: 60000 });
  }
  await page.waitForTimeout(1000);
  const { first, resources } = await page.evaluate((m) => ({ first: performance.getEntriesByName(m)[0].startTime,
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime })) }), target.mark);
  const siteFiles = (entries) => [...new Set(entries.map((e) => new URL(e.name))
    .filter((u) => u.origin === url.replace(/\/$/, '')).map((u) => u.pathname.replace(/^\//, '')))]
    .map((f) => (fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).isDirectory() ? path.join(f, 'index.html') : f))
    .filter((f) => fs.existsSync(path.join(root, f)));
  const page0 = target.path || 'index.html';
  const firstView = [page0, ...siteFiles(resources.filter((e) => e.start < first))];
  const later = siteFiles(resources.filter((e) => e.start >= first));
  // the app spins by itself once it is idle; with a country's panel open it is turned by dragging
  if (target.mark === APP.mark && !stories) await page.waitForFunction(() => window.newsglobeViewer.view().autoRotating, null, { timeout: 20000 });
  const spinning = await window3s(page, target, stories ? drag(page, viewport.width, viewport.height) : spin(page));
  const hovering = await window3s(page, target, hover(page, viewport.width, viewport.height));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = (await page.evaluate(`(${target.stats})(false)`)).heap;
  await context.close();
  return { first, requests: firstView.length, transfer: sizes(firstView, root), files: firstView, later: sizes(later, root),
    laterFiles: later, spinning, hovering, jsHeap: usedSize, wasm };
}

async function medians(target, options) {
  const all = [];
  for (let r = 0; r < runs; ++r) all.push(await measure(target, options));
  const m = (f) => median(all.map(f));
  return { first: m((x) => x.first), requests: m((x) => x.requests), files: all[0].files, laterFiles: all[0].laterFiles,
    root: target.site?.root ?? site, later: { gzip: m((x) => x.later.gzip) },
    transfer: { raw: m((x) => x.transfer.raw), gzip: m((x) => x.transfer.gzip), brotli: m((x) => x.transfer.brotli) },
    spinning: { main: m((x) => x.spinning.main), browser: m((x) => x.spinning.browser), gpu: m((x) => x.spinning.gpu), fps: m((x) => x.spinning.fps) },
    hovering: { main: m((x) => x.hovering.main), browser: m((x) => x.hovering.browser), gpu: m((x) => x.hovering.gpu), fps: m((x) => x.hovering.fps) },
    jsHeap: m((x) => x.jsHeap), wasm: m((x) => x.wasm) };
}

function table(title, floor, app, rows, columns = ['floor', 'newsglobe']) {
  console.log(`\n${title} (medians of ${runs})`);
  console.log(`| figure | ${columns[0]} | ${columns[1]} | ratio |\n|---|---|---|---|`);
  for (const [label, get, unit, digits = 1] of rows) {
    const f = get(floor), a = get(app);
    if (!Number.isFinite(f) || !Number.isFinite(a)) continue;  // not measured here
    const value = (x) => `${x.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
    console.log(`| ${label} | ${value(f)} | ${value(a)} | ${f > 0 ? `${(a / f).toFixed(2)}×` : '—'} |`);
  }
}
const FIGURES = [
  ['first-view transfer, raw', (x) => x.transfer.raw / 1024, 'KB', 0],
  ['first-view transfer, gzip -9', (x) => x.transfer.gzip / 1024, 'KB', 0],
  ['first-view transfer, brotli', (x) => x.transfer.brotli / 1024, 'KB', 0],
  ['requests in the first view', (x) => x.requests, '', 0],
  ['after the first frame (a second of it), gzip -9', (x) => x.later.gzip / 1024, 'KB', 0],
  ['time to first frame', (x) => x.first, 'ms', 0],
  ['CPU to first frame, every process', (x) => x.firstCpu?.all, 'ms', 0],
  ['  renderers, main threads', (x) => x.firstCpu?.rendererMain, 'ms', 0],
  ['  renderers, other threads (wasm compilers)', (x) => x.firstCpu?.rendererOther, 'ms', 0],
  ['  GPU process, main thread', (x) => x.firstCpu?.gpuMain, 'ms', 0],
  ['  GPU process, other threads (SwiftShader)', (x) => x.firstCpu?.gpuOther, 'ms', 0],
  ['  browser and network processes', (x) => x.firstCpu?.rest, 'ms', 0],
  ['main-thread CPU per frame, spinning', (x) => x.spinning.main, 'ms', 2],
  ['main-thread CPU per frame, hovering', (x) => x.hovering.main, 'ms', 2],
  ['whole-browser CPU per frame, spinning', (x) => x.spinning.browser, 'ms', 1],
  ['  of it the GPU process', (x) => x.spinning.gpu, 'ms', 1],
  ['whole-browser CPU per frame, hovering', (x) => x.hovering.browser, 'ms', 1],
  ['frames per second, spinning', (x) => x.spinning.fps, '', 1],
  ['frames per second, hovering', (x) => x.hovering.fps, '', 1],
  ['JS heap after GC', (x) => x.jsHeap / 2 ** 20, 'MB', 1],
  ['wasm memory', (x) => x.wasm / 2 ** 20, 'MB', 0],
];

// Time to first frame swings with whatever else the machine is doing (a
// fifth between runs here), so it is measured apart: loads alternate between
// the targets (the floor, the app, the before build), `firstLoads` each after
// a warm-up load of each, every load in a fresh context; the medians replace
// the figure `medians` took from its own few loads in a row. Where the time
// goes: the CPU every process used from the navigation to the mark.
const firstLoads = Number(args['first-loads'] || 9);
async function alternatedFirstFrames(targets, { viewport = { width: 1280, height: 720 }, scale = 1, mobile = false } = {}) {
  const times = targets.map(() => []), cpus = targets.map(() => []);
  for (let i = -1; i < firstLoads; ++i) {
    for (const [k, target] of targets.entries()) {
      const { context, page } = await settledPage({ viewport, scale, mobile });
      let atMark = null, reached;
      const marked = new Promise((resolve) => { reached = resolve; });
      await page.exposeBinding('__benchMarked', () => { atMark = chromiumCpu(); reached(); });
      await page.addInitScript((m) => new PerformanceObserver((list) => {
        if (list.getEntries().some((e) => e.name === m)) window.__benchMarked();
      }).observe({ entryTypes: ['mark'] }), target.mark);
      const before = chromiumCpu();
      await page.goto(`${(target.site ?? { url: server.url }).url}${target.path}`);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, target.mark, { timeout: 60000 });
      await marked;
      if (i >= 0) {
        times[k].push(await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, target.mark));
        if (before && atMark) cpus[k].push(Object.fromEntries(Object.keys(before).map((key) => [key, atMark[key] - before[key]])));
      }
      await context.close();
    }
  }
  const cpuMedians = (list) => (list.length ? Object.fromEntries(Object.keys(list[0]).map((key) => [key, median(list.map((c) => c[key]))])) : null);
  return times.map((t, k) => ({ first: median(t), cpu: cpuMedians(cpus[k]) }));
}

if (!only || only === 'floor') {
  const beforeRoot = args.before && path.resolve(args.before);
  const beforeServer = beforeRoot && await startServer({ root: beforeRoot, port: 0 });
  const BEFORE = beforeRoot && { ...APP, site: { url: beforeServer.url, root: beforeRoot } };
  const phone = { viewport: { width: 390, height: 844 }, scale: 3, mobile: true };
  const withFirst = (results, firsts) => results.forEach((r, k) => { r.first = firsts[k].first; r.firstCpu = firsts[k].cpu; });

  const floor = await medians(FLOOR);
  const app = await medians(APP);
  const before = BEFORE && await medians(BEFORE);
  withFirst([floor, app, before].filter(Boolean), await alternatedFirstFrames([FLOOR, APP, BEFORE].filter(Boolean)));
  console.log(`\n(time to first frame: medians of ${firstLoads} loads, alternated between the floor, the app${BEFORE ? ' and the before build' : ''})`);
  table('1280×720, DPR 1', floor, app, FIGURES);
  for (const [name, x] of [['floor', floor], ['newsglobe', app]]) {
    const list = (files) => files.map((f) => `${f} ${kb(fileSizes(f, x.root).gzip)}`).join(', ');
    console.log(`\n${name}, the first view (gzip -9 each): ${list(x.files)}`);
    if (x.laterFiles.length) console.log(`${name}, asked for after the first frame: ${list(x.laterFiles)}`);
  }
  const many = await medians(APP, { stories: 500 });
  table('1280×720, the app with 500 stories of France in its panel (spinning = dragging the globe)', floor, many, FIGURES.filter(([l]) => !/transfer|requests|first frame/.test(l)));
  const floorPhone = await medians(FLOOR, phone);
  const appPhone = await medians(APP, phone);
  const beforePhone = BEFORE && await medians(BEFORE, phone);
  withFirst([floorPhone, appPhone, beforePhone].filter(Boolean),
    await alternatedFirstFrames([FLOOR, APP, BEFORE].filter(Boolean), phone));
  table('390×844, DPR 3 (a phone)', floorPhone, appPhone, FIGURES.filter(([l]) => !/transfer|requests/.test(l)));
  if (BEFORE) {
    const columns = ['before', 'after'];
    table('the app before and after, 1280×720, DPR 1', before, app, FIGURES, columns);
    table('the app before and after, 390×844, DPR 3', beforePhone, appPhone,
      FIGURES.filter(([l]) => !/transfer|requests/.test(l)), columns);
    await beforeServer.close();
  }
}

// ---- the app alone: first story list, dragging, picking -------------------------------
const results = { stories: [], drag: [], pick: [] };
for (let r = 0; r < (only ? 0 : runs); ++r) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}?autorotate=0#/country/FR`);
  await page.waitForFunction(() => performance.getEntriesByName('first-stories').length > 0, null, { timeout: 30000 });
  await page.waitForTimeout(1000);
  results.stories.push(await page.evaluate(() => performance.getEntriesByName('first-stories')[0].startTime));
  await page.evaluate(() => window.newsglobeViewer.frameCpu(true));
  await page.mouse.move(400, 400);
  await page.mouse.down();
  for (let i = 0; i < 40; ++i) await page.mouse.move(400 + i * 6, 400 + (i % 5));
  await page.mouse.up();
  results.drag.push(await page.evaluate(() => window.newsglobeViewer.frameCpu(true)));
  results.pick.push(await page.evaluate(() => {
    const v = window.newsglobeViewer, n = 2000, t = performance.now();
    for (let i = 0; i < n; ++i) v.pick(300 + (i * 37) % 700, 150 + (i * 53) % 500);
    return (performance.now() - t) / n * 1000;
  }));
  await page.close();
}
if (!only) {
  console.log('');
  console.log(`time to first story list:      ${fmt(results.stories)} (deep link #/country/FR)`);
  console.log(`frame CPU while dragging:      ${cpu(results.drag)}`);
  console.log(`pick through the JS hook:      ${median(results.pick).toFixed(1)} µs per call (incl. JS↔wasm)`);
}

// ---- long content: 20 against 10,000 rows and takes ---------------------------
// France's first page and one article are answered in flight with generated
// documents; the frame CPU is measured while the panel scrolls (each wheel
// turn draws frames) and while the globe turns behind it.
// Frame CPU with a panel open: while it scrolls (each wheel turn draws
// frames) and while the globe turns behind it (every frame draws the panel).
async function panelFrameCpu(page) {
  const panel = await page.evaluate(() => window.newsglobeViewer.canvas.newsglobeUiState().panelRect);
  await page.mouse.move(panel.x + panel.w / 2, panel.y + panel.h / 2);
  await page.evaluate(() => window.newsglobeViewer.frameCpu(true));
  for (let i = 0; i < 24; ++i) { await page.mouse.wheel(0, i < 12 ? 400 : -400); await page.waitForTimeout(60); }
  const scroll = await page.evaluate(() => window.newsglobeViewer.frameCpu(true));
  await page.evaluate(() => { window.newsglobeViewer.setOptions({ autorotate: true }); window.newsglobeViewer.frameCpu(true); });
  await page.waitForTimeout(2000);
  const spin = await page.evaluate(() => window.newsglobeViewer.frameCpu(true));
  return { scroll, spin };
}

async function longContent(kind, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const body = JSON.stringify(kind === 'rows' ? storiesDoc(n) : articleDoc(n));
  await page.route((u) => u.pathname.endsWith(kind === 'rows' ? '/countries/FR/stories-1.json' : '/articles/bench-article.json'),
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`${server.url}?autorotate=0#/${kind === 'rows' ? 'country/FR' : 'article/bench-article'}`);
  await page.waitForFunction(([k, count]) => {
    const c = window.newsglobeViewer && window.newsglobeViewer.canvas;
    const st = c && c.newsglobeUiState && c.newsglobeUiState();
    // (builds before rowCount/takeCount listed every row and take)
    return st && (k === 'rows' ? (st.rowCount ?? st.rows.length) === count
      : st.reader.loaded && (st.takeCount ?? st.takes.length) === count);
  }, [kind, n], { timeout: 120000 });
  await page.waitForTimeout(1000);
  const got = await panelFrameCpu(page);
  await page.close();
  return got;
}

if (!only || only === 'long-lists') {
  for (const kind of ['rows', 'takes']) {
    for (const n of [20, 10000]) {
      const got = { scroll: [], spin: [] };
      for (let r = 0; r < runs; ++r) {
        const m = await longContent(kind, n);
        got.scroll.push(m.scroll);
        got.spin.push(m.spin);
      }
      const label = `${n} ${kind === 'rows' ? 'story rows' : 'alternative takes'}:`.padEnd(27);
      console.log(`${label}frame CPU scrolling ${cpu(got.scroll)}; globe turning behind ${cpu(got.spin)}`);
    }
  }
}

// ---- text in other scripts: a panel the atlas draws against ones the browser's text engine draws
async function scriptPanel(iso) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}?autorotate=0#/country/${iso}`);
  await page.waitForFunction(() => {
    const c = window.newsglobeViewer && window.newsglobeViewer.canvas;
    const st = c && c.newsglobeUiState && c.newsglobeUiState();
    return st && st.panel === 'country' && st.status === 'ready' && st.texts.every((t) => t.ready);
  }, null, { timeout: 60000 });
  await page.waitForTimeout(1000);
  const texts = await page.evaluate(() => window.newsglobeViewer.canvas.newsglobeUiState().texts.length);
  const got = await panelFrameCpu(page);
  await page.close();
  return { ...got, texts };
}

if (!only || only === 'scripts') {
  for (const iso of ['FR', 'JP', 'SA', 'IN']) {
    const got = { scroll: [], spin: [] };
    let texts = 0;
    for (let r = 0; r < runs; ++r) {
      const m = await scriptPanel(iso);
      got.scroll.push(m.scroll);
      got.spin.push(m.spin);
      texts = m.texts;
    }
    const label = `${iso} panel (${texts} texts by the engine):`.padEnd(36);
    console.log(`${label}frame CPU scrolling ${cpu(got.scroll)}; globe turning behind ${cpu(got.spin)}`);
  }
}
await browser.close();
await server.close();
