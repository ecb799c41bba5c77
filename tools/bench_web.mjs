// bench_web — prints the app's browser figures: download size, time to the
// first globe frame and first story list, main-thread CPU per frame while the
// globe spins and while dragging, pick time through the JS hook, and the
// frame CPU of long content: a story list and an article's alternative takes
// of 10,000 against 20 (documents generated here and answered in flight).
// Headless Chromium renders WebGL in software here, so frames per second say
// little; these are our own code's costs.
//
//   node tools/bench_web.mjs [--site build/site] [--runs 3] [--only long-lists|scripts]
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
function sizes(files) {
  let raw = 0, gz = 0;
  for (const f of files) {
    const b = fs.readFileSync(path.join(site, f));
    raw += b.length;
    gz += zlib.gzipSync(b, { level: 9 }).length;
  }
  return `${kb(raw)} raw, ${kb(gz)} gzip`;
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`app code (wasm + js + loader): ${sizes(['newsglobe.wasm', 'newsglobe.js', 'newsglobe-embed.js'])}`);
console.log(`map asset:                     ${sizes(['data/world.bin'])}`);
// the first view's fonts: the files at the top of fonts/ (other scripts' faces
// and CJK slices in its folders load only when a text needs them: docs/text.md)
const fonts = fs.readdirSync(path.join(site, 'fonts'), { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.ttf'))
  .map((e) => `fonts/${e.name}`);
console.log(`fonts (first view):            ${sizes(fonts)}`);

const server = await startServer({ root: site, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = { globe: [], stories: [], spin: [], drag: [], pick: [] };
for (let r = 0; r < (only ? 0 : runs); ++r) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${server.url}#/country/FR`);
  await page.waitForFunction(() => performance.getEntriesByName('first-stories').length > 0 ||
    performance.getEntriesByName('first-globe-frame').length > 0 && window.newsglobeViewer, null, { timeout: 30000 });
  await page.waitForTimeout(1500);
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  results.globe.push(marks['first-globe-frame']);
  if (marks['first-stories'] !== undefined) results.stories.push(marks['first-stories']);

  // spinning: auto-rotation on, measure 2 s of frames
  await page.evaluate(() => { window.newsglobeViewer.setView(20, 0, 1); window.newsglobeViewer.frameCpu(true); });
  await page.waitForTimeout(2000);
  results.spin.push(await page.evaluate(() => window.newsglobeViewer.frameCpu(true)));

  // dragging with the mouse
  await page.mouse.move(500, 400);
  await page.mouse.down();
  for (let i = 0; i < 40; ++i) await page.mouse.move(500 + i * 8, 400 + (i % 5));
  await page.mouse.up();
  results.drag.push(await page.evaluate(() => window.newsglobeViewer.frameCpu(true)));

  results.pick.push(await page.evaluate(() => {
    const v = window.newsglobeViewer, n = 2000, t = performance.now();
    for (let i = 0; i < n; ++i) v.pick(300 + (i * 37) % 700, 150 + (i * 53) % 500);
    return (performance.now() - t) / n * 1000;
  }));
  await page.close();
}
const fmt = (xs) => `${median(xs).toFixed(0)} ms (median of ${xs.length})`;
const cpu = (xs) => `avg ${median(xs.map((x) => x.avg)).toFixed(2)} ms, max ${median(xs.map((x) => x.max)).toFixed(2)} ms`;
if (!only) {
  console.log(`time to first globe frame:     ${fmt(results.globe)}`);
  if (results.stories.length) console.log(`time to first story list:      ${fmt(results.stories)} (deep link #/country/FR)`);
  console.log(`frame CPU while spinning:      ${cpu(results.spin)}`);
  console.log(`frame CPU while dragging:      ${cpu(results.drag)}`);
  console.log(`pick through the JS hook:      ${median(results.pick).toFixed(1)} µs per call (incl. JS↔wasm)`);
}

// ---- long content: 20 against 10,000 rows and takes ---------------------------
// France's first page and one article are answered in flight with generated
// documents; the frame CPU is measured while the panel scrolls (each wheel
// turn draws frames) and while the globe turns behind it.
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
