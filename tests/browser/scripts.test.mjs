// The world's scripts in a real Chromium (docs/text.md): country panels and
// readers in Japanese, Arabic and Hindi at desktop and phone sizes, with
// their fonts fetched on demand; pixels that prove Arabic is shaped and set
// right to left; hostile text (bidi overrides, zero-width characters,
// stacked marks, emoji) that changes nothing around it; line breaks at
// word boundaries in Thai, Khmer and Myanmar and between CJK characters;
// and search by country names in any script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launchBrowser, openApp, collectConsoleErrors, screenshot, siteDir, repoRoot, uiState, waitForUi, clickRect,
} from './helpers.mjs';

const api = (file) => JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1', file), 'utf8'));

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DESKTOP = { size: { width: 1280, height: 800 }, scale: 1, name: 'desktop' };
const PHONE = { size: { width: 390, height: 844 }, scale: 3, name: 'phone' };
const FIRST_VIEW_FONTS = /^(NotoSans-(Regular|Bold)|fa-subset)\.ttf$/;

// A page with the app; records the font files fetched and their bytes.
async function newPage(hash, { size, scale }, setup) {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: scale });
  const errors = collectConsoleErrors(page);
  const fonts = [];
  page.on('response', async (r) => {
    if (!r.url().includes('/fonts/')) return;
    const body = await r.body().catch(() => Buffer.alloc(0));
    fonts.push({ file: r.url().split('/fonts/')[1], bytes: body.length });
  });
  if (setup) await setup(page);
  await openApp(page, `${server.url}?autorotate=0${hash}`);
  return { page, errors, fonts };
}

// Every text the engine drew is in its own fonts (no placeholders left).
const textsReady = (st) => st.texts.length > 0 && st.texts.every((t) => t.ready);

// Ink of a UI rectangle: for each column (CSS px), whether any pixel differs
// from the background (taken at the rectangle's top-left corner).
async function inkColumns(page, rect, scale) {
  const png = await page.screenshot();
  return page.evaluate(async ([b64, r, k]) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const x0 = Math.round(r.x * k), y0 = Math.round(r.y * k), w = Math.round(r.w * k), h = Math.round(r.h * k);
    const d = g.getImageData(x0, y0, w, h).data;
    const bg = [d[0], d[1], d[2]];
    const cols = [];
    for (let x = 0; x < w; x += k) {
      let ink = false;
      for (let dx = 0; dx < k && !ink; dx++)
        for (let y = 0; y < h && !ink; y++) {
          const i = (y * w + x + dx) * 4;
          ink = Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 90;
        }
      cols.push(ink);
    }
    return cols;
  }, [png.toString('base64'), rect, scale]);
}

const first = (cols) => cols.indexOf(true);
const last = (cols) => cols.lastIndexOf(true);
// The longest stretch of columns with ink: a joined Arabic word is one long stroke.
const longestStroke = (cols) => cols.reduce((acc, ink) => {
  acc.run = ink ? acc.run + 1 : 0;
  acc.best = Math.max(acc.best, acc.run);
  return acc;
}, { run: 0, best: 0 }).best;

// ---- panels and readers in Japanese, Arabic and Hindi ---------------------------------

const SCRIPTS = [
  { iso: 'JP', article: 'jp-0901', fonts: /^cjk\/jp-700-\d+\.woff2$/, sample: /[\u3040-\u30ff\u4e00-\u9fff]/ },
  { iso: 'SA', article: 'sa-0901', fonts: /^scripts\/arabic-700\.woff2$/, sample: /[\u0600-\u06ff]/, rtl: true },
  { iso: 'IN', article: 'in-0901', fonts: /^scripts\/devanagari-700\.woff2$/, sample: /[\u0900-\u097f]/ },
];

for (const s of SCRIPTS) {
  for (const device of [DESKTOP, PHONE]) {
    test(`${s.iso}: the country panel shows outlet names in their script (${device.name})`, async () => {
      const { page, errors, fonts } = await newPage(`#/country/${s.iso}`, device);
      let st = await waitForUi(page, (x) => x.panel === 'country' && x.status === 'ready' && x.sheetResting,
        { what: `${s.iso}'s stories` });
      await page.waitForTimeout(500);
      if (device === PHONE) {  // the sheet all the way up: more rows to see
        const top = st.panelRect.y + 8;
        await page.mouse.move(195, top);
        await page.mouse.down();
        for (let y = top; y > 90; y -= 40) await page.mouse.move(195, y);
        await page.mouse.up();
      }
      st = await waitForUi(page, (x) => x.sheetResting && textsReady(x) && x.texts.some((t) => s.sample.test(t.text)),
        { what: `${s.iso}'s stories in their fonts`, timeout: 30000 });
      await page.waitForTimeout(300);
      const shot = await screenshot(page, `scripts-${s.iso}-panel-${device.name}`);
      assert.ok(fs.statSync(shot).size > 10000);
      assert.ok(st.texts.some((t) => s.sample.test(t.text)), `some ${s.iso} text drawn: ${st.texts.map((t) => t.text)}`);
      const extra = fonts.filter((f) => !FIRST_VIEW_FONTS.test(f.file));
      assert.ok(extra.some((f) => s.fonts.test(f.file)), `its script's fonts were fetched: ${extra.map((f) => f.file)}`);
      const bytes = extra.reduce((n, f) => n + f.bytes, 0);
      console.log(`# ${s.iso} panel (${device.name}): ${extra.length} font files, ${(bytes / 1024).toFixed(1)} KB beyond the first view: ${extra.map((f) => `${f.file} ${f.bytes}`).join(", ")}`);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test(`${s.iso}: the reader sets an untranslated article in its script (${device.name})`, async () => {
      const doc = api(`articles/${s.article}.json`);
      const { page, errors } = await newPage(`#/article/${s.article}`, device);
      // (on a phone the sheet rises to its full height first: measure where it rests)
      const st = await waitForUi(page, (x) => x.panel === 'reader' && x.reader.loaded && textsReady(x) &&
        (x.layout !== 'sheet' || x.sheetResting), { what: `${s.article} in its fonts`, timeout: 30000 });
      await page.waitForTimeout(300);
      await screenshot(page, `scripts-${s.iso}-reader-${device.name}`);
      assert.equal(st.reader.headline, doc.headline);
      const title = st.texts.find((t) => t.text === doc.headline);
      assert.ok(title, 'the headline is drawn by the text engine');
      assert.equal(title.rtl, !!s.rtl);
      // set at the margin its direction starts from: the right for Arabic, the left otherwise
      const body = st.texts.find((t) => t.text === doc.body[0]);
      assert.ok(body && body.lines >= 2, 'the excerpt wraps');
      const band = { x: body.rect.x - 8, y: body.rect.y, w: body.rect.w + 10, h: 14 };  // short of the scroll bar
      const cols = await inkColumns(page, band, device.scale);
      if (s.rtl) assert.ok(Math.abs(last(cols) - 8 - body.rect.w) <= 4, `first line ends at the right margin (${last(cols)})`);
      else assert.ok(Math.abs(first(cols) - 8) <= 4, `first line starts at the left margin (${first(cols)})`);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
}

// ---- shaping and direction, proved by pixels --------------------------------------------

// A story page written for these tests, served in place of a country's first page.
function fixturePage(iso, items) {
  return (page) => page.route(`**/api/v1/countries/${iso}/stories-1.json`, (route) => route.fulfill({
    status: 200, contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({
      version: 1, country: iso, page: 1, page_count: 1, total: items.length,
      stories: items.map(([id, headline, language], i) => ({
        id, headline, language, outlet: { name: 'Test Outlet', domain: 'test.example', country: iso },
        published: `2026-11-25T${String(20 - i).padStart(2, '0')}:00:00Z`,
      })),
    }),
  }));
}

test('Arabic letters join (not isolated forms side by side) and end at the right margin', async () => {
  const word = 'مستشفى السلام';
  const isolated = [...word].join('\u200c');  // the same letters, each kept from joining
  const { page, errors } = await newPage('#/country/SA', DESKTOP, fixturePage('SA', [
    ['sa-0990', word, 'ar'], ['sa-0991', isolated, 'ar'], ['sa-0992', 'Hospital of peace', 'en']]));
  await page.mouse.move(5, 795);
  const st = await waitForUi(page, (x) => x.status === 'ready' && x.rows.length === 3 && textsReady(x), { what: 'the fixture rows' });
  await page.waitForTimeout(300);
  await screenshot(page, 'scripts-arabic-shaping');
  const joined = st.texts.find((t) => t.text === word), apart = st.texts.find((t) => t.text === isolated);
  assert.ok(joined && apart && joined.rtl && apart.rtl);
  assert.ok(apart.rect.w > joined.rect.w * 1.15, `isolated forms are wider: ${apart.rect.w} vs ${joined.rect.w}`);
  // the row's text column: short of the picture box (or monogram) at its right
  const row = st.rows[0].rect, column = { x: row.x, w: joined.rect.x + joined.rect.w - row.x + 8 };
  const jc = await inkColumns(page, { ...column, y: joined.rect.y, h: 16 }, 1);
  const ac = await inkColumns(page, { ...column, y: apart.rect.y, h: 16 }, 1);
  // along the baseline, joined letters are one stroke; isolated ones leave gaps
  const base = (t) => ({ ...column, y: t.rect.y + Math.round(16 * 1069 / 1362) - 2, h: 3 });
  const jb = await inkColumns(page, base(joined), 1), ab = await inkColumns(page, base(apart), 1);
  assert.ok(longestStroke(jb) > 1.5 * longestStroke(ab),
    `joined letters make one long stroke on the baseline: ${longestStroke(jb)} vs ${longestStroke(ab)} px`);
  // right to left: the ink ends where the row's text column ends; the English starts at its left
  const english = await inkColumns(page, { x: row.x, y: st.rows[2].rect.y + 12, w: row.w, h: 16 }, 1);
  const textRight = joined.rect.x + joined.rect.w - row.x, textLeft = first(english);
  assert.ok(Math.abs(last(jc) - textRight) <= 3, `Arabic ends at the right margin: ${last(jc)} vs ${textRight}`);
  assert.ok(Math.abs(last(ac) - textRight) <= 3);
  assert.ok(first(jc) > textLeft + 100, 'and does not start at the left one');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a mixed-direction headline is in the bidirectional algorithm\'s order', async () => {
  // right to left: قمة المناخ, then COP30, then تختتم أعمالها في, then 2030 at the far left
  const headline = 'قمة المناخ COP30 تختتم أعمالها في 2030';
  const { page } = await newPage('#/country/SA', DESKTOP, fixturePage('SA', [['sa-0990', headline, 'ar']]));
  await page.mouse.move(5, 795);
  const st = await waitForUi(page, (x) => x.status === 'ready' && x.rows.length === 1 && textsReady(x), { what: 'the row' });
  await page.waitForTimeout(300);
  const t = st.texts.find((x) => x.text === headline);
  assert.ok(t && t.rtl && t.lines === 1);
  const app = await inkColumns(page, { x: t.rect.x, y: t.rect.y, w: t.rect.w, h: 16 }, 1);
  // the same text set by the page's own canvas in the app's font, as a right-to-left
  // and as a left-to-right paragraph: the app's pixels are the first
  const reference = await page.evaluate(([h, w]) => {
    const c = new OffscreenCanvas(Math.ceil(w) + 8, 24), g = c.getContext('2d');
    const cols = (dir) => {
      g.clearRect(0, 0, c.width, c.height);
      g.font = `700 ${(16 * 1000 / 1362).toFixed(3)}px "NG Sans", sans-serif`;
      g.direction = dir;
      g.textAlign = 'left';
      g.fillStyle = '#000';
      g.fillText(h, 0, 18);
      const d = g.getImageData(0, 0, c.width, c.height).data, out = [];
      for (let x = 0; x < c.width; x++) {
        let ink = false;
        for (let y = 0; y < c.height && !ink; y++) ink = d[(y * c.width + x) * 4 + 3] > 90;
        out.push(ink);
      }
      return out;
    };
    return { rtl: cols('rtl'), ltr: cols('ltr') };
  }, [headline, t.rect.w]);
  const similarity = (a, b) => {
    const shift = first(b) - first(a);  // align the first ink
    let same = 0, n = 0;
    for (let i = first(a); i <= last(a); i++) { n++; if (a[i] === !!b[i + shift]) same++; }
    return same / n;
  };
  const rtl = similarity(app, reference.rtl), ltr = similarity(app, reference.ltr);
  assert.ok(rtl > 0.9, `matches the right-to-left order (${rtl.toFixed(2)})`);
  assert.ok(ltr < rtl - 0.1, `not the left-to-right one (${ltr.toFixed(2)} vs ${rtl.toFixed(2)})`);
  await page.close();
});

// ---- hostile text ------------------------------------------------------------------------

test('hostile text changes nothing around it', async () => {
  const zalgo = 'Zalgo' + '\u0301\u0316\u0327\u0350'.repeat(30) + ' headline';
  const rows = (third) => [
    ['fr-0990', 'Harbour strike enters its third day', 'en'],
    ['fr-0991', '\u202Eenilwod gnisrever\u202C and \u202Doverride\u202C', 'en'],
    ['fr-0992', third, 'en'],
    ['fr-0993', 'Zero\u200Bwidth\u200Cjoin\u200Ders\u2060here \uFEFF', 'en'],
    ['fr-0994', 'Floods 🌊 close the 🇫🇷 coast road 👨‍👩‍👧', 'en'],
    ['fr-0995', 'Rail timetable changes next week', 'en'],
  ];
  const shots = [];
  for (const third of [zalgo, 'Zalgo headline']) {
    const { page, errors } = await newPage('#/country/FR', DESKTOP, fixturePage('FR', rows(third)));
    await page.mouse.move(5, 795);
    const st = await waitForUi(page, (x) => x.status === 'ready' && x.rows.length === 6, { what: 'the rows' });
    await page.waitForTimeout(500);
    shots.push({ st, file: await screenshot(page, third === zalgo ? 'scripts-hostile' : 'scripts-hostile-control'), page, errors });
  }
  const [hostile, control] = shots;
  // the decoders drop bidi controls; what is drawn is in logical order
  assert.equal(hostile.st.rows[1].text, 'enilwod gnisrever and override');
  // no row moved: the same rectangles with and without the stacked marks
  assert.deepEqual(hostile.st.rows.map((r) => r.rect), control.st.rows.map((r) => r.rect));
  // and every row but the stacked one has the very same pixels
  const region = (st, i) => st.rows[i].rect;
  for (const i of [0, 1, 3, 4, 5]) {
    const a = await inkColumns(hostile.page, region(hostile.st, i), 1);
    const b = await inkColumns(control.page, region(control.st, i), 1);
    assert.deepEqual(a, b, `row ${i} unchanged`);
  }
  // the stacked marks stay in their own row: the divider band below it is clean
  const z = hostile.st.rows[2].rect;
  const below = await inkColumns(hostile.page, { x: z.x + 14, y: z.y + z.h - 4, w: z.w - 28, h: 8 }, 1);
  const belowControl = await inkColumns(control.page, { x: z.x + 14, y: z.y + z.h - 4, w: z.w - 28, h: 8 }, 1);
  assert.deepEqual(below, belowControl, 'nothing smeared into the next row');
  // emoji are left out cleanly: the headline is drawn (by the atlas) without them, no boxes
  assert.ok(!hostile.st.texts.some((t) => /Floods/.test(t.text)), 'emoji do not push the headline to the engine');
  for (const s of shots) { assert.deepEqual(s.errors, []); await s.page.close(); }
});

// ---- line breaking --------------------------------------------------------------------------

test('lines break at word boundaries in Thai, Khmer and Myanmar, between CJK characters', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}embed.html?country=FR`);  // any page of the site: its origin's fonts
  // the engine's source, evaluated by the test harness (the page's CSP allows no inline script tag)
  const engine = fs.readFileSync(path.join(repoRoot, 'src/web/text_engine.js'), 'utf8');
  await page.evaluate(`${engine}\nwindow.ngText = ngText;`);
  const result = await page.evaluate(() => {
    const cases = {
      th: 'ผู้ว่าราชการจังหวัดกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจรติดขัดในเมืองได้อย่างมาก',
      km: 'មន្ត្រីក្រសួងបានឱ្យដឹងថាស្ពាននេះនឹងជួយកាត់បន្ថយការកកស្ទះចរាចរណ៍',
      my: 'မိုးလေဝသဌာနက နောက်နှစ်ရက်အတွင်း မိုးဆက်လက်ရွာသွန်းနိုင်ကြောင်း ခန့်မှန်းထားသည်။',
      ja: '市の担当者は「住民の安全を最優先に、工事を計画どおり進める」と話した。専門家は長期的な備えが欠かせないと指摘している。',
    };
    const out = {};
    for (const [lang, text] of Object.entries(cases)) {
      const lines = ngText.layout('16px sans-serif', text, 90, lang, false);
      const words = new Set([0, text.length]);
      for (const s of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)) words.add(s.index);
      const graphemes = new Set([0, text.length]);
      for (const s of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(text)) graphemes.add(s.index);
      out[lang] = { lines: lines.map((l) => text.slice(l[0], l[1])), starts: lines.map((l) => l[0]),
        atWord: lines.every((l) => words.has(l[0])), atGrapheme: lines.every((l) => graphemes.has(l[0])),
        whole: lines.map((l) => text.slice(l[0], l[1])).join('') === text };
    }
    return out;
  });
  for (const lang of ['th', 'km', 'my']) {
    assert.ok(result[lang].lines.length >= 3, `${lang} wraps: ${result[lang].lines}`);
    assert.ok(result[lang].whole, `${lang}: nothing lost`);
    assert.ok(result[lang].atWord, `${lang} breaks between words: ${result[lang].lines.join(' | ')}`);
  }
  const ja = result.ja;
  assert.ok(ja.lines.length >= 4 && ja.whole && ja.atGrapheme);
  assert.ok(ja.lines.every((l) => !/^[、。」』）]/.test(l)), `no line starts with closing punctuation: ${ja.lines.join(' | ')}`);
  assert.ok(ja.lines.every((l) => !/「$/.test(l)), 'none ends with an opening bracket');
  await page.close();
});

// ---- search and the A-Z list ---------------------------------------------------------------

test('search finds countries by names typed in any script; the A–Z list is in collation order', async () => {
  const { page, errors, fonts } = await newPage('', DESKTOP);
  const st0 = await waitForUi(page, (x) => x.controls && x.controls.search, { what: 'the search field' });
  assert.ok(!fonts.some((f) => f.file.includes('country_names')));
  // characters as a keyboard layout of that script types them (a keypress each;
  // Playwright's type() would insert text, which a canvas never sees)
  const cdp = await page.context().newCDPSession(page);
  for (const [query, iso, via] of [['日本', 'JP', '日本'], ['مصر', 'EG', 'مصر'], ['deutschland', 'DE', 'Deutschland'],
    ['საქართველო', 'GE', 'საქართველო']]) {
    await clickRect(page, st0.controls.search);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    for (const ch of query) await cdp.send('Input.dispatchKeyEvent', { type: 'char', text: ch });
    // the whole query typed (a prefix may already find the country)
    const st = await waitForUi(page, (x) => x.search.open && x.search.query === query && x.results.length > 0 && x.results[0].id === iso,
      { what: `${query} to find ${iso}`, timeout: 15000 });
    assert.equal(st.search.query, query);
    if (/[^\x00-\x7f]/.test(query)) {
      await waitForUi(page, (x) => x.texts.some((t) => t.text.startsWith(via) && t.ready), { what: `${via} drawn` });
      await screenshot(page, `scripts-search-${iso}`);
    }
  }
  await page.keyboard.press('Escape');
  // the A-Z list: English names in the browser's collation
  await clickRect(page, (await uiState(page)).controls.az);
  const list = await waitForUi(page, (x) => x.panel === 'list' && x.results.length > 100, { what: 'the A-Z list' });
  const names = list.results.map((r) => r.text);
  const sorted = await page.evaluate((n) => n.slice().sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare), names);
  assert.deepEqual(names, sorted);
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await page.close();
});
