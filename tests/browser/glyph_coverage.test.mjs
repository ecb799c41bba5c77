// No tofu: every character of every string the app can be shown from its own
// data — the sample API it serves, the ingest's fixtures (feeds in their
// declared encodings, captures, golden output) and the outlet table — has a
// glyph in the fonts the site ships: the atlas' Noto Sans (base_range) or a
// face of fonts/scripts.json or a CJK region's slices. Characters the text
// path drops on purpose (controls, bidi controls, emoji, zero-width format
// characters: src/core/text_script.cpp) need none. Reads the built site; no
// browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { siteDir, repoRoot } from './helpers.mjs';

const fonts = path.join(siteDir, 'fonts');

function addRanges(set, text) {
  for (const r of String(text || '').split(',').filter(Boolean)) {
    const [lo, hi] = r.trim().slice(2).split('-').map((x) => parseInt(x, 16));
    for (let c = lo; c <= (hi ?? lo); c++) set.add(c);
  }
}

function covered() {
  const set = new Set();
  const m = JSON.parse(fs.readFileSync(path.join(fonts, 'scripts.json'), 'utf8'));
  addRanges(set, m.base_range);
  for (const f of m.faces) addRanges(set, f.range);
  for (const region of Object.values(m.regions)) {
    const r = JSON.parse(fs.readFileSync(path.join(fonts, region.url), 'utf8'));
    for (const code of r.slices) {
      let last = 0;
      for (const gap of code.split('.')) set.add(last += parseInt(gap, 36));
    }
  }
  return set;
}

// What display_text and the atlas path leave out (no glyph needed).
const dropped = (c) => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || (c >= 0x1f000 && c <= 0x1faff) ||
  c === 0xfe0e || c === 0xfe0f || (c >= 0xe0000 && c <= 0xe007f) || c === 0x20e3 || c === 0x2028 || c === 0x2029 ||
  c === 0xfffd;  // the decoders' stand-in for bytes that were not text

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

function* jsonStrings(v) {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* jsonStrings(x);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { yield k; yield* jsonStrings(x); }
}

// A fixture's text: JSON strings, or a feed's characters in its declared encoding.
function textsOf(file) {
  let bytes = fs.readFileSync(file);
  // gzip, a cut-off one too (a fixture on purpose): what inflates
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const head = bytes.subarray(0, 400).toString('latin1');
  const declared = /encoding=["']([\w-]+)["']/i.exec(head) || /charset=["']?([\w-]+)/i.exec(head);
  let text;
  try { text = new TextDecoder(declared ? declared[1] : 'utf-8').decode(bytes); } catch { text = bytes.toString('utf8'); }
  if (/\.jsonl$/.test(file)) return text.split('\n').filter(Boolean).flatMap((l) => { try { return [...jsonStrings(JSON.parse(l))]; } catch { return [l]; } });
  try { return [...jsonStrings(JSON.parse(text))]; } catch { return [text.replace(/<[^>]*>/g, ' ')]; }
}

function missing(have, sources) {
  const out = new Map();  // code point -> first place it was seen
  for (const [where, strings] of sources)
    for (const s of strings)
      for (const ch of s) {
        const c = ch.codePointAt(0);
        if (!have.has(c) && !dropped(c) && c !== 0x20 && !out.has(c)) out.set(c, `${where}: ${s.slice(0, 60)}`);
      }
  return [...out].map(([c, where]) => `U+${c.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(c)} in ${where}`);
}

test('every character of the sample API has a glyph in the shipped fonts', () => {
  const have = covered();
  const api = path.join(siteDir, 'api/v1');
  const sources = [...files(api)].filter((f) => f.endsWith('.json'))
    .map((f) => [path.relative(siteDir, f), [...jsonStrings(JSON.parse(fs.readFileSync(f, 'utf8')))]]);
  assert.ok(sources.length > 500, 'the sample API was built');
  assert.deepEqual(missing(have, sources), []);
});

test('every character of the ingest fixtures and the outlet table has a glyph', () => {
  const have = covered();
  const dir = path.join(repoRoot, 'tests/fixtures/ingest');
  const sources = [...files(dir)].filter((f) => !/SHA256SUMS|\.md$/.test(f)).map((f) => [path.relative(repoRoot, f), textsOf(f)]);
  const outlets = JSON.parse(fs.readFileSync(path.join(repoRoot, 'ingest/outlets.json'), 'utf8')).outlets;
  sources.push(['ingest/outlets.json', outlets.map((o) => o.name)]);
  assert.ok(sources.length > 50);
  // the Shift_JIS and windows-1251 feeds decode to Japanese and Russian
  assert.ok(sources.some(([, s]) => s.some((x) => /[\u3040-\u30ff]/.test(x))));
  assert.deepEqual(missing(have, sources), []);
});

test('the scripts the issue names and the outlet table uses are all covered', () => {
  const have = covered();
  const samples = {
    Han: '人民日报朝日新聞臺灣', kana: 'ひらがなカタカナ', Hangul: '조선일보', Arabic: 'الجزيرة', Persian: 'کیهان گچ پژ',
    Urdu: 'ٹڈڑںہے', Hebrew: 'הארץ', Devanagari: 'दैनिक भास्कर', Bengali: 'প্রথম আলো', Tamil: 'தினமணி', Thai: 'ไทยรัฐ',
    Khmer: 'ខ្មែរ', Myanmar: 'မြန်မာ', Georgian: 'ქართული', Armenian: 'Հայաստան', Ethiopic: 'አዲስ አድማስ', Greek: 'Ελληνικά',
    Cyrillic: 'Русский', Vietnamese: 'Tuổi Trẻ',
  };
  const gaps = missing(have, Object.entries(samples).map(([k, v]) => [k, [v]]));
  assert.deepEqual(gaps, []);
});
