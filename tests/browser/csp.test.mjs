// The app's pages under the server's strict Content-Security-Policy (no
// eval, no inline script or style; 'wasm-unsafe-eval' for WebAssembly): the
// full-page app, the iframe page and the example host page are used with
// real input, and any violation (a securitypolicyviolation event or a
// console error) fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchBrowser, openApp, collectConsoleErrors, pagePoint, settle, siteDir, waitForUi, clickRect } from './helpers.mjs';
import { PAGE_CSP } from '../../tools/serve.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// A page whose CSP violations (in any frame) are recorded before its own scripts run.
async function watchedPage(size = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport: size });
  const errors = collectConsoleErrors(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const violations = () => page.evaluate(() => window.cspViolations);
  return { page, errors, violations };
}

test('the pages are served with a CSP that allows no eval and no inline script', async () => {
  for (const file of ['', 'embed.html', 'examples/two-viewers.html']) {
    const res = await fetch(server.url + file);
    const csp = res.headers.get('content-security-policy');
    assert.ok(csp, `${file || 'index.html'} has a Content-Security-Policy`);
    const script = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    assert.equal(script, "script-src 'self' 'wasm-unsafe-eval'", file);
    assert.doesNotMatch(csp, /'unsafe-eval'|'unsafe-inline'/, file);
    const html = await res.text();
    assert.doesNotMatch(html, /<script>|<script\s+(?![^>]*\bsrc=)[^>]*>|<style|\son[a-z]+=|\sstyle=/i, `${file}: nothing inline`);
  }
  assert.match((await fetch(server.url + 'embed.html')).headers.get('content-security-policy'), /frame-ancestors \*/);
  assert.match((await fetch(server.url)).headers.get('content-security-policy'), /frame-ancestors 'self'/);
});

test("the app's scripts never evaluate strings (Emscripten's output included)", () => {
  for (const file of ['newsglobe.js', 'newsglobe-embed.js', 'app.js', 'embed.js', 'examples/two-viewers.js']) {
    const js = fs.readFileSync(path.join(siteDir, file), 'utf8');
    assert.doesNotMatch(js, /\bnew Function\b|(^|[^.\w])eval\s*\(|set(Timeout|Interval)\(\s*["'`]/, file);
  }
});

test('a violation is noticed: an inline script under the same policy is reported', async () => {
  const { page, errors, violations } = await watchedPage();
  await page.route('http://csp.test/', (route) => route.fulfill({
    status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': PAGE_CSP },
    body: '<!doctype html><p>inline</p><script>document.title = "ran"</script>',
  }));
  await page.goto('http://csp.test/');
  await page.waitForFunction(() => window.cspViolations.length > 0);
  assert.match((await violations())[0], /^script-src(-elem)? blocked inline/);
  assert.notEqual(await page.title(), 'ran');
  assert.ok(errors.some((e) => /Content Security Policy/.test(e)), 'the console says so too');
  await page.close();
});

test('the full-page app runs a reading session without a CSP violation', async () => {
  const { page, errors, violations } = await watchedPage();
  await openApp(page, server.url + '?autorotate=0');
  const fr = await pagePoint(page, 46.6, 2.4);
  await page.mouse.click(fr.x, fr.y);
  let s = await waitForUi(page, (st) => st.panel === 'country' && st.status === 'ready' && st.rows.length > 0, { what: 'stories' });
  await settle(page);
  await clickRect(page, s.rows[0].rect);
  s = await waitForUi(page, (st) => st.panel === 'reader' && st.reader.loaded, { what: 'the reader' });
  // pictures load (the list's and the article's), the mirror is styled through the CSSOM
  await page.waitForTimeout(500);
  await page.keyboard.press('Escape');
  await waitForUi(page, (st) => st.panel === 'country', { what: 'back to the list' });
  await page.locator('.newsglobe-mirror nav button').first().focus();
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the iframe page, framed by another page, runs without a CSP violation', async () => {
  const { page, errors, violations } = await watchedPage();
  await page.goto(server.url + 'examples/two-viewers.html');  // a page of the same server hosts the frame
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.style.cssText = 'width:800px;height:500px';
    document.body.prepend(f);
  }, server.url + 'embed.html?country=FR&autorotate=0');
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.newsglobeViewer && window.newsglobeViewer.view().worldReady, null, { timeout: 30000 });
  await frame.waitForFunction(() => window.newsglobeViewer.view().country === 'FR');
  await frame.evaluate(() => window.newsglobeViewer.selectCountry('JP'));
  await frame.waitForFunction(() => window.newsglobeViewer.view().country === 'JP');
  const inFrame = await frame.evaluate(() => window.cspViolations);
  assert.deepEqual(inFrame, []);
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the example host page, its form and both viewers run without a CSP violation', async () => {
  const { page, errors, violations } = await watchedPage();
  await page.goto(server.url + 'examples/two-viewers.html');
  await page.waitForFunction(() => window.viewerEvents && window.viewerEvents.filter((e) => e.type === 'ready').length === 2,
    null, { timeout: 30000 });
  await page.fill('#comment', 'hello');
  await page.press('#comment', 'Enter');  // the page's own script keeps the form from navigating
  await page.waitForTimeout(300);
  assert.equal(await page.inputValue('#comment'), 'hello');
  await page.evaluate(() => window.viewers.right.selectCountry('DE'));
  await page.waitForFunction(() => window.viewers.right.view().country === 'DE');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await page.close();
});
