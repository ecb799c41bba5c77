// bench_web — prints the app's browser figures: download size, time to the
// first globe frame and first story list, main-thread CPU per frame while the
// globe spins and while dragging, and pick time through the JS hook.
// Headless Chromium renders WebGL in software here, so frames per second say
// little; these are our own code's costs.
//
//   node tools/bench_web.mjs [--site build/site] [--runs 3]
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
const fonts = fs.readdirSync(path.join(site, 'fonts')).map((f) => `fonts/${f}`);
console.log(`fonts (subset):                ${sizes(fonts)}`);

const server = await startServer({ root: site, port: 0 });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const results = { globe: [], stories: [], spin: [], drag: [], pick: [] };
for (let r = 0; r < runs; ++r) {
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
await browser.close();
await server.close();

const fmt = (xs) => `${median(xs).toFixed(0)} ms (median of ${xs.length})`;
console.log(`time to first globe frame:     ${fmt(results.globe)}`);
if (results.stories.length) console.log(`time to first story list:      ${fmt(results.stories)} (deep link #/country/FR)`);
const cpu = (xs) => `avg ${median(xs.map((x) => x.avg)).toFixed(2)} ms, max ${median(xs.map((x) => x.max)).toFixed(2)} ms`;
console.log(`frame CPU while spinning:      ${cpu(results.spin)}`);
console.log(`frame CPU while dragging:      ${cpu(results.drag)}`);
console.log(`pick through the JS hook:      ${median(results.pick).toFixed(1)} µs per call (incl. JS↔wasm)`);
