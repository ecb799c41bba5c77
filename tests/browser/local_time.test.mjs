// A country's local time in its panel comes from the IANA time-zone database
// the browser ships (Intl.DateTimeFormat with the capital's zone), so every
// country keeps its real daylight-saving rules. On 28 March 2026 Israel is
// already on summer time while France is not yet: a single EU-style rule
// for both would show the same UTC+2/UTC+1 pattern, and be wrong for one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launchBrowser, openApp, waitForUi } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// The clock line the panel shows for a country when the wall clock says
// `when` (Date.now moves on from there; timers and frames run as usual).
async function clockLine(iso, when) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript((t0) => {
    const start = performance.now();
    Date.now = () => t0 + Math.floor(performance.now() - start);
  }, Date.parse(when));
  await openApp(page, `${server.url}?autorotate=0#/country/${iso}`);
  const ui = await waitForUi(page, (s) => s.panel === 'country' && s.country === iso && s.localTime,
    { what: `${iso}'s panel` });
  await page.close();
  return ui.localTime;
}

test("Israel keeps its own summer time; France follows the EU's", async () => {
  assert.equal(await clockLine('IL', '2026-03-28T12:00:00Z'), '15:00 local time \u00b7 UTC+3');
  assert.equal(await clockLine('FR', '2026-03-28T12:00:00Z'), '13:00 local time \u00b7 UTC+1');
  assert.equal(await clockLine('IL', '2026-11-25T12:00:00Z'), '14:00 local time \u00b7 UTC+2');
});

test('countries with several zones name the city whose clock they show', async () => {
  assert.equal(await clockLine('US', '2026-07-01T12:00:00Z'), '08:00 in New York \u00b7 UTC-4');
  assert.equal(await clockLine('IN', '2026-07-01T12:00:00Z'), '17:30 local time \u00b7 UTC+5:30');
});
