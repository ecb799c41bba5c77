// Our ImGui renderer (src/render/imgui_renderer.cpp) on its own in Chromium's
// WebGL2: a draw list far past 65,535 vertices draws every square where it
// belongs (tests/render/imgui_renderer_probe.cpp reads the pixels back).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, siteDir, wasmDir } from './helpers.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

// The probe's page, its code and a font, served from disk under a made-up origin.
async function probePage(width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  const files = {
    '/probe.html': ['text/html', `<!doctype html><canvas id="canvas" width="${width}" height="${height}"></canvas>
      <script src="imgui_renderer_probe.js"></script>`],
    '/imgui_renderer_probe.js': ['text/javascript', fs.readFileSync(path.join(wasmDir, 'imgui_renderer_probe.js'))],
    '/imgui_renderer_probe.wasm': ['application/wasm', fs.readFileSync(path.join(wasmDir, 'imgui_renderer_probe.wasm'))],
    '/font.ttf': ['font/ttf', fs.readFileSync(path.join(siteDir, 'fonts/NotoSans-Regular.ttf'))],
  };
  await page.route('http://probe.test/**', (route) => {
    const f = files[new URL(route.request().url()).pathname];
    return f ? route.fulfill({ status: 200, contentType: f[0], body: f[1] }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto('http://probe.test/probe.html');
  return page;
}

// Draws the grid with `cell`-px squares; { wrong, vertices } of the one draw list.
const runProbe = (page, cell) => page.evaluate(async (cellPx) => {
  const m = await createProbe({ canvas: document.getElementById('canvas') });
  const font = new Uint8Array(await (await fetch('font.ttf')).arrayBuffer());
  const p = m._malloc(font.length);
  m.HEAPU8.set(font, p);
  const wrong = m._probe_run(p, font.length, cellPx);
  return { wrong, vertices: m._probe_vertices(), renderMs: m._probe_render_ms(5) };
}, cell);

test('a draw list of more than 65,535 vertices draws every square in its place', async () => {
  const page = await probePage(960, 480);
  const { wrong, vertices, renderMs } = await runProbe(page, 4);  // 240 x 120 squares
  assert.ok(vertices > 100000, `one draw list holds ${vertices} vertices`);
  assert.equal(wrong, 0, `${wrong} of 28,800 squares were drawn wrong`);
  console.log(`# ${vertices} vertices in one draw list: ${renderMs.toFixed(2)} ms in the renderer per frame`);
  await page.close();
});

test('a small draw list draws right too', async () => {
  const page = await probePage(320, 160);
  const { wrong, vertices } = await runProbe(page, 8);  // 40 x 20 squares
  assert.ok(vertices < 65536);
  assert.equal(wrong, 0);
  await page.close();
});
