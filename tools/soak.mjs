// soak — runs the app for a long time the way a reader would, and watches
// its memory and frame cost. A scenario repeats over a fixed set of
// countries: click one on the globe, open a story and the next, open another
// country's take, back and forward through the history, search, resize
// between a desktop and a phone, switch the theme; every fourth round the
// news server goes down (503s) while a link to a story nobody has opened is
// followed (the reader's error; Try again asks again and fails again), and
// comes back for the rest of the round. Each round prints which steps
// worked. The rounds read a fixed set of documents, so after the warm-up
// nothing new should be kept. Every 10 s it
// samples the wasm heap (in use and its size), the JS heap and DOM nodes
// (after a forced garbage collection) and the frame CPU since the last
// sample. After the warm-up (every document of the scenario loaded once)
// memory must stay flat: the trend is a least-squares slope.
//
//   node tools/soak.mjs [--minutes 30] [--warmup 5] [--countries 8] [--site build/site]
//                       [--out build/soak] [--png docs/soak.png]
//   import { runSoak } from './soak.mjs'   // the 2-minute CI run (tests/browser/soak.test.mjs)
//
// Prints the figures; writes soak.json (the samples), soak.svg and soak.png
// (the chart, drawn by Chromium) into --out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import {
  launchBrowser, openApp, pagePoint, settle, uiState, waitForUi, clickRect, rectCentre, scrollPanelTo,
} from '../tests/browser/helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// Countries of the sample API with stories, a point on their land, and a
// search word for another country the scenario flies to by name.
const ROUND = [
  ['FR', 46.6, 2.4, 'Kenya', 'KE'], ['BR', -10, -52, 'Japan', 'JP'], ['JP', 36.5, 138.5, 'Mexico', 'MX'],
  ['NG', 9.5, 8.1, 'Poland', 'PL'], ['IN', 22, 79, 'Chile', 'CL'], ['US', 39.5, -98.5, 'Egypt', 'EG'],
  ['DE', 51, 10.3, 'Turkey', 'TR'],  // found under its name in the map data, Türkiye
  ['AU', -25, 134, 'Canada', 'CA'],
];

// ---- the scenario ---------------------------------------------------------------

const DESKTOP = { width: 1280, height: 800 }, PHONE = { width: 390, height: 844 };

// The viewer's panel, search and selection, in one string (to see a change).
const uiKey = (page) => page.evaluate(() => {
  const v = window.newsglobeViewer, s = v.canvas.newsglobeUiState();
  return `${s.panel}|${s.search.open}|${s.search.query}|${v.view().selected}`;
});

// Esc until no panel, no search and no selection. Each press is waited for:
// keys reach the UI a frame at a time, so a click right after an Esc could
// be taken before the Esc and then undone by it. (An Esc that closes a
// popup changes none of these: then the next one does.)
async function toBareGlobe(page) {
  for (let k = 0; k < 6; ++k) {
    const before = await uiKey(page);
    if (before === 'none|false||null') return;
    await page.keyboard.press('Escape');
    for (const end = Date.now() + 1500; Date.now() < end && (await uiKey(page)) === before;) await page.waitForTimeout(50);
  }
  throw new Error(`Esc does not get back to the bare globe: ${await uiKey(page)}`);
}

const framesDrawn = (page) => page.evaluate(() => window.newsglobeViewer.framesDrawn());
const framesPast = (page, n) =>
  page.waitForFunction((f) => window.newsglobeViewer.framesDrawn() >= f, n, { timeout: 10000, polling: 20 });

// The panel at rest (the phone's sheet eases in) and the globe still: rows are where the state says.
async function panelAtRest(page) {
  await settle(page);
  return waitForUi(page, (st) => st.sheetResting, { what: 'the sheet at rest' });
}

// Waits for the reader to show article `id` (or the next one loaded, when id is null).
const readerShows = (page, id, what) =>
  waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded && (!id || st.reader.id === id), { timeout: 30000, what });

// One round: what a reader does with one country. `round` counts from 0;
// every fourth round the news server fails while a story nobody has read
// yet is opened (the reader's error, then "Try again" once it is back).
// Returns [step, outcome] pairs: 'ok', 'skipped (why)' or 'FAILED: why'.
async function round(page, n, place, server, counts, read, unopened) {
  const [iso, lat, lon, searchFor, found] = place;
  const steps = [];
  const attempt = async (name, fn) => {
    try {
      const note = await fn();
      steps.push([name, note ? `skipped (${note})` : 'ok']);
    } catch (e) {
      steps.push([name, `FAILED: ${e.message.split('\n')[0]}`]);
    }
  };
  const failing = n % 4 === 3;
  await attempt('resize', async () => {
    if (n % 3 !== 2) return 'not this round';
    const to = page.viewportSize().width === DESKTOP.width ? PHONE : DESKTOP;
    await page.setViewportSize(to);
    await waitForUi(page, (st) => st.layout === (to === PHONE ? 'sheet' : 'side'), { what: 'the new layout' });
  });
  await attempt('theme', () => page.evaluate((dark) => { window.newsglobeViewer.setOptions({ theme: dark ? 'dark' : 'light' }); }, n % 2 === 0));
  await attempt(`globe click ${iso}`, async () => {
    await toBareGlobe(page);
    await page.evaluate(([a, b]) => window.newsglobeViewer.setView(a, b, 1.6), [lat, lon]);
    await settle(page);
    const p = await pagePoint(page, lat, lon);
    if (!p.visible) throw new Error(`${iso} is not on screen`);
    // the hand comes to rest over the country before it clicks: the UI learns
    // where the mouse is at its next frame, and until then a press where it
    // last saw the mouse over the bar would be the bar's
    const drawn = await framesDrawn(page);
    await page.mouse.move(p.x - 2, p.y);  // a move even when the mouse is there already
    await page.mouse.move(p.x, p.y);
    await framesPast(page, drawn + 2);
    await page.mouse.click(p.x, p.y);
    await waitForUi(page, (st) => st.panel === 'country' && st.country === iso && st.status === 'ready' && st.rows.some((r) => r.visible),
      { timeout: 30000, what: `${iso}'s stories` });
    counts.countries++;
  });
  await attempt('server down', async () => {
    if (!failing) return 'not this round';
    // a link to a story nobody has opened, so the reader must ask the server;
    // it stays unread (the run reads nothing new after the warm-up)
    const id = unopened.next(iso);
    if (!id) return 'no unopened story left';
    const back = await page.evaluate(() => location.hash);
    server.failing = true;
    await page.evaluate((a) => { location.hash = `#/article/${a}`; }, id);
    const e = await waitForUi(page, (st) => st.panel === 'reader' && st.status === 'error', { timeout: 60000, what: "the reader's error" });
    counts.failuresShown++;
    // Try again while the server is still down: it is asked again, and the error comes back
    const refused = server.refused;
    await clickRect(page, e.controls.retry);
    await waitForUi(page, (st) => server.refused > refused && st.status === 'error', { timeout: 60000, what: 'the error after Try again' });
    counts.retries++;
    server.failing = false;
    await page.goBack();
    await page.waitForFunction((h) => location.hash === h, back);
  });
  server.failing = false;
  await attempt('story', async () => {
    // to the top of the list (a linked story may have scrolled it), and wait for it to stop gliding
    const s = await panelAtRest(page);
    const c = await rectCentre(page, s.panelRect);
    await page.mouse.move(c.x, c.y);
    await page.mouse.wheel(0, -20000);
    for (let y = null, tries = 0; ; ++tries) {
      await page.waitForTimeout(150);
      const top = (await uiState(page)).rows[0];
      if (top && top.rect.y === y) break;
      if (tries > 40) throw new Error('the story list does not come to rest at its top');
      y = top && top.rect.y;
    }
    const row = await scrollPanelTo(page, (st) => st.rows[0], 'the first story');
    await clickRect(page, row.rect);
    await readerShows(page, row.id, 'the story');
    read.add(row.id);
    counts.articles++;
  });
  await attempt('next story', async () => {
    const id = (await uiState(page)).reader.id;
    await page.keyboard.press('ArrowRight');
    const s = await waitForUi(page, (st) => st.reader.loaded && st.reader.id !== id, { timeout: 30000, what: 'the next story' });
    read.add(s.reader.id);
    counts.articles++;
  });
  await attempt('take', async () => {
    const s = await panelAtRest(page);
    if (!s.takes.some((t) => t.id)) return 'no take with an article';
    const take = await scrollPanelTo(page, (st) => st.takes.find((t) => t.id), 'a take');
    await clickRect(page, take.rect);
    await readerShows(page, take.id, "another country's take");
    read.add(take.id);
    counts.takes++;
  });
  await attempt('back and forward', async () => {
    const here = await page.evaluate(() => location.hash);
    if (!here.startsWith('#/article/')) return 'no article open';  // (back from the first page would leave the app)
    await page.goBack();
    await page.waitForFunction((h) => location.hash !== h, here);
    await waitForUi(page, (st) => st.panel === 'country' || (st.panel === 'reader' && st.reader.loaded), { what: 'the page before' });
    await page.goForward();
    await page.waitForFunction((h) => location.hash === h, here);
    await readerShows(page, here.slice('#/article/'.length), 'the page after');
    counts.backForward++;
  });
  await attempt(`search ${searchFor}`, async () => {
    await toBareGlobe(page);
    let s = await uiState(page);
    if (s.controls['search-open']) {  // the phone's button for the field
      await clickRect(page, s.controls['search-open']);
      s = await waitForUi(page, (st) => st.controls['search-close'], { what: 'the search field' });
    }
    await clickRect(page, s.controls.search);
    await page.keyboard.type(searchFor);
    await waitForUi(page, (st) => st.search.query === searchFor && st.results.length > 0, { what: 'results' });
    await page.keyboard.press('Enter');
    await waitForUi(page, (st) => st.panel === 'country' && st.country === found, { what: `${searchFor}'s panel` });
    counts.searches++;
  });
  return steps;
}

// Stories of the sample API the scenario never reads, for the rounds where
// the server is down: per country, its first page but for the two stories
// and the takes the rounds read. next(iso) hands out one of iso's (or, when
// they are spent, another country's).
function unopenedStories(site, isos) {
  const api = (file) => JSON.parse(fs.readFileSync(path.join(site, 'api/v1', file), 'utf8'));
  // what the rounds read (a take of one country's first story may be another country's story)
  const readable = new Set(isos.flatMap((iso) => {
    const [first, second] = api(`countries/${iso}/stories-1.json`).stories;
    return [first.id, second.id, ...api(`articles/${first.id}.json`).alternative_takes.map((t) => t.article_id)];
  }));
  // from first pages only: a link to a story further down would have the list load its other pages
  const pools = new Map(isos.map((iso) => [iso, api(`countries/${iso}/stories-1.json`).stories.map((st) => st.id)
    .filter((id) => !readable.has(id))]));
  return { next: (iso) => pools.get(iso).shift() || [...pools.values()].find((ids) => ids.length)?.shift() };
}

// ---- sampling -----------------------------------------------------------------------

async function sample(page, cdp, t0) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name) => (metrics.find((m) => m.name === name) || { value: 0 }).value;
  const app = await page.evaluate(() => ({ memory: window.newsglobeViewer.memory(), cpu: window.newsglobeViewer.frameCpu(true),
    frames: window.newsglobeViewer.framesDrawn() }));
  return {
    minute: (Date.now() - t0) / 60000,
    wasmUsedMB: app.memory.used / 2 ** 20, wasmHeapMB: app.memory.heap / 2 ** 20,
    jsHeapMB: metric('JSHeapUsedSize') / 2 ** 20, domNodes: metric('Nodes'),
    frameAvgMs: app.cpu.avg, frameMaxMs: app.cpu.max, frames: app.frames,
  };
}

// Least-squares slope of y over x (per minute).
export function slope(points, key) {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.minute, 0) / n, my = points.reduce((a, p) => a + p[key], 0) / n;
  let num = 0, den = 0;
  for (const p of points) { num += (p.minute - mx) * (p[key] - my); den += (p.minute - mx) ** 2; }
  return den ? num / den : 0;
}

// ---- the chart --------------------------------------------------------------------------

export function chartSvg(samples, warmup, title) {
  const W = 960, left = 70, right = 30, panelH = 150, gap = 40, top = 56, H = top + 4 * (panelH + gap) + 20;
  const maxMin = Math.max(1, ...samples.map((s) => s.minute));
  const x = (m) => left + (m / maxMin) * (W - left - right);
  const panels = [
    { title: 'wasm heap (MB): in use, and its size', series: [['wasmUsedMB', '#2563eb'], ['wasmHeapMB', '#93c5fd']] },
    { title: 'JS heap in use (MB), after a forced GC', series: [['jsHeapMB', '#059669']] },
    { title: 'DOM nodes', series: [['domNodes', '#7c3aed']] },
    { title: 'frame CPU (ms): average and longest frame per 10 s', series: [['frameAvgMs', '#ea580c'], ['frameMaxMs', '#fdba74']] },
  ];
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif" font-size="12">`;
  out += `<rect width="${W}" height="${H}" fill="#ffffff"/><text x="${left}" y="30" font-size="17" font-weight="bold">${title}</text>`;
  panels.forEach((p, k) => {
    const y0 = top + k * (panelH + gap), y1 = y0 + panelH;
    const values = samples.flatMap((s) => p.series.map(([key]) => s[key]));
    const hi = Math.max(...values) * 1.1 || 1;
    const y = (v) => y1 - (v / hi) * panelH;
    out += `<rect x="${x(0)}" y="${y0}" width="${x(Math.min(warmup, maxMin)) - x(0)}" height="${panelH}" fill="#f3f4f6"/>`;
    out += `<line x1="${left}" y1="${y1}" x2="${W - right}" y2="${y1}" stroke="#9ca3af"/><line x1="${left}" y1="${y0}" x2="${left}" y2="${y1}" stroke="#9ca3af"/>`;
    out += `<text x="${left}" y="${y0 - 8}" font-weight="bold">${p.title}</text>`;
    for (const f of [0, 0.5, 1]) out += `<text x="${left - 8}" y="${y(hi * f / 1.1) + 4}" text-anchor="end" fill="#4b5563">${(hi * f / 1.1).toFixed(hi > 100 ? 0 : 1)}</text>`;
    for (const [key, colour] of p.series) {
      const pts = samples.map((s) => `${x(s.minute).toFixed(1)},${y(s[key]).toFixed(1)}`).join(' ');
      out += `<polyline points="${pts}" fill="none" stroke="${colour}" stroke-width="2"/>`;
      // the trend after the warm-up, dashed
      const after = samples.filter((s) => s.minute >= warmup);
      if (after.length >= 2 && key !== 'frameMaxMs' && key !== 'wasmHeapMB') {
        const m = slope(after, key), mx = after.reduce((a, s) => a + s.minute, 0) / after.length;
        const my = after.reduce((a, s) => a + s[key], 0) / after.length;
        const a = after[0].minute, b = after[after.length - 1].minute;
        out += `<line x1="${x(a)}" y1="${y(my + m * (a - mx))}" x2="${x(b)}" y2="${y(my + m * (b - mx))}" stroke="#111827" stroke-dasharray="5 4"/>`;
      }
    }
  });
  const yAxis = top + 3 * (panelH + gap) + panelH;
  for (let m = 0; m <= maxMin + 1e-9; m += maxMin > 10 ? 5 : 1) out += `<text x="${x(m)}" y="${yAxis + 16}" text-anchor="middle" fill="#4b5563">${m}</text>`;
  out += `<text x="${(W + left) / 2}" y="${yAxis + 34}" text-anchor="middle">minutes (grey: warm-up; dashed: trend after it)</text></svg>`;
  return out;
}

// ---- the run --------------------------------------------------------------------------

// Runs the soak. Returns { samples, after: slopes per minute after the
// warm-up, rounds: [{ n, iso, steps }], failed: the failed steps, counts:
// countries opened, articles read, takes opened, back/forwards, searches,
// the server's errors shown and "Try again"s while it was down }.
export async function runSoak({ site = path.join(here, '../build/site'), minutes = 30, warmup = 5, countries = ROUND.length,
  sampleSeconds = 10, onSample = null, onRound = null } = {}) {
  const server = await startServer({ root: path.resolve(site), port: 0, logLimit: 200 });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: DESKTOP });
  // the news server failing: every API request answered 503 (what a busy server says)
  const failing = { failing: false, refused: 0 };
  await page.route((u) => u.pathname.includes('/api/'), (route) => (failing.failing
    ? (failing.refused++, route.fulfill({ status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' }))
    : route.continue()));
  await openApp(page, `${server.url}?autorotate=0`, { timeout: 60000 });
  await waitForUi(page, (st) => st.controls && (st.controls.search || st.controls['search-open']), { timeout: 30000, what: 'the top bar' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now(), end = t0 + minutes * 60000;
  const samples = [], rounds = [], read = new Set();
  const unopened = unopenedStories(site, ROUND.slice(0, countries).map((p) => p[0]));
  const counts = { countries: 0, articles: 0, takes: 0, backForward: 0, searches: 0, failuresShown: 0, retries: 0 };
  let next = t0;
  const sampler = (async () => {
    while (Date.now() < end) {
      next += sampleSeconds * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
      const s = await sample(page, cdp, t0);
      samples.push(s);
      onSample?.(s);
    }
  })();
  for (let n = 0; Date.now() < end - 5000; ++n) {
    const place = ROUND[n % Math.min(countries, ROUND.length)];
    const r = { n, minute: (Date.now() - t0) / 60000, iso: place[0], steps: await round(page, n, place, failing, counts, read, unopened) };
    rounds.push(r);
    onRound?.(r);
  }
  await sampler;
  await browser.close();
  await server.close();
  const after = samples.filter((s) => s.minute >= warmup);
  const slopes = {};
  for (const key of ['wasmUsedMB', 'wasmHeapMB', 'jsHeapMB', 'domNodes', 'frameAvgMs']) slopes[key] = slope(after, key);
  const failed = rounds.flatMap((r) => r.steps.filter(([, o]) => o.startsWith('FAILED')).map(([name, o]) => `round ${r.n}: ${name}: ${o}`));
  return { samples, after: slopes, rounds, failed, counts, distinctArticles: read.size };
}

// What the run did, in words.
export const countsLine = ({ counts: c, distinctArticles }) => `countries opened ${c.countries}, articles read ${c.articles}` +
  ` (${distinctArticles} different), takes ${c.takes}, back/forwards ${c.backForward}, searches ${c.searches},` +
  ` server down ${c.failuresShown} times (the reader's error shown), Try again while down ${c.retries}`;

// One line per round: its country and how each step went.
export const roundLine = (r) => `round ${String(r.n).padStart(3)} ${r.minute.toFixed(1).padStart(5)} min ${r.iso}: ` +
  r.steps.map(([name, o]) => (o === 'ok' ? name : o.startsWith('skipped') ? `(${name})` : `${name} ${o}`)).join(', ');

// Renders the SVG with Chromium into a PNG.
export async function renderPng(svg, file) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 960, height: 836 } });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await page.screenshot({ path: file });
  await browser.close();
}

async function main() {
  const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
  const minutes = Number(args.minutes || 30), warmup = Number(args.warmup || Math.min(5, minutes / 4));
  const out = path.resolve(args.out || path.join(here, '../build/soak'));
  fs.mkdirSync(out, { recursive: true });
  console.log(`soak: ${minutes} min, warm-up ${warmup} min, samples every 10 s -> ${out}`);
  const r = await runSoak({ site: args.site, minutes, warmup, countries: Number(args.countries || ROUND.length),
    onSample: (s) => console.log(`${s.minute.toFixed(1).padStart(5)} min  wasm ${s.wasmUsedMB.toFixed(2)} / ${s.wasmHeapMB.toFixed(0)} MB` +
      `  js ${s.jsHeapMB.toFixed(2)} MB  nodes ${s.domNodes}  frame avg ${s.frameAvgMs.toFixed(2)} max ${s.frameMaxMs.toFixed(1)} ms`),
    onRound: (r) => console.log(roundLine(r)) });
  const first = r.samples.find((s) => s.minute >= warmup) || r.samples[0], last = r.samples[r.samples.length - 1];
  const figures = [
    `after the ${warmup}-min warm-up (${first.minute.toFixed(1)} to ${last.minute.toFixed(1)} min):`,
    `  wasm heap in use  ${first.wasmUsedMB.toFixed(2)} -> ${last.wasmUsedMB.toFixed(2)} MB, trend ${(r.after.wasmUsedMB * 1024).toFixed(1)} KB/min`,
    `  wasm heap size    ${first.wasmHeapMB.toFixed(0)} -> ${last.wasmHeapMB.toFixed(0)} MB`,
    `  JS heap in use    ${first.jsHeapMB.toFixed(2)} -> ${last.jsHeapMB.toFixed(2)} MB, trend ${(r.after.jsHeapMB * 1024).toFixed(1)} KB/min`,
    `  DOM nodes         ${first.domNodes} -> ${last.domNodes}, trend ${r.after.domNodes.toFixed(1)} per min`,
    `  frame CPU avg     ${(r.samples.reduce((a, s) => a + s.frameAvgMs, 0) / r.samples.length).toFixed(2)} ms over the run, trend ${r.after.frameAvgMs.toFixed(3)} ms/min`,
    `${r.rounds.length} rounds, ${r.failed.length} failed steps; ${countsLine(r)}`,
  ];
  console.log(figures.join('\n'));
  for (const f of r.failed.slice(0, 20)) console.log(`  ${f}`);
  const svg = chartSvg(r.samples, warmup, `newsglobe soak: ${minutes} minutes of reading, every 10 s`);
  fs.writeFileSync(path.join(out, 'soak.json'), JSON.stringify({ minutes, warmup, ...r }, null, 1));
  fs.writeFileSync(path.join(out, 'soak.svg'), svg);
  await renderPng(svg, path.join(out, 'soak.png'));
  if (args.png) fs.copyFileSync(path.join(out, 'soak.png'), path.resolve(args.png));
}

if (process.argv[1] && import.meta.url === `file://${path.resolve(process.argv[1])}`) await main();
