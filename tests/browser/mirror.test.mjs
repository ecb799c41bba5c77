// The accessible mirror: the canvas' content as real HTML that screen readers,
// find-in-page and translation can use, and that works with the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launchBrowser, openApp, siteDir } from './helpers.mjs';

let server, browser;
before(async () => { server = await startSite(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const load = (file) => JSON.parse(fs.readFileSync(path.join(siteDir, 'api/v1', file), 'utf8'));
// a French article with its full text (the sample's excerpts have none)
const article = fs.readdirSync(path.join(siteDir, 'api/v1/articles')).filter((f) => f.startsWith('fr-')).sort()
  .map((f) => load(`articles/${f}`)).find((a) => a.body);
const articleId = article.id;

test('the open article and the country list exist as HTML', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}?autorotate=0#/article/${articleId}`);
  await page.waitForFunction((h) => document.querySelector('.newsglobe-mirror h2')?.textContent === h, article.headline, { timeout: 20000 });
  const text = await page.textContent('.newsglobe-mirror');
  assert.ok(text.includes(article.body[0]), 'the body is in the page text');
  assert.ok(text.includes('France'), 'the country list names countries');
  // the outlet's own headline, marked with its language for screen readers and the browser's translation
  const original = await page.locator('.newsglobe-mirror q[lang="fr"]').first().textContent();
  assert.equal(original, article.original_headline);
  // hidden from sight until focused: a 1×1 clipped box
  const box = await page.locator('.newsglobe-mirror').boundingBox();
  assert.ok(box.width <= 1 && box.height <= 1);
  await page.close();
});

test('keyboard users can reach it and choose a country from it', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}?autorotate=0`);
  await page.waitForFunction(() => document.querySelectorAll('.newsglobe-mirror nav button').length > 200);
  await page.locator('.newsglobe-mirror nav button', { hasText: /^Japan/ }).focus();
  const box = await page.locator('.newsglobe-mirror').boundingBox();
  assert.ok(box.width > 200 && box.height > 200, 'shown while it has focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.newsglobeViewer.view().selected === 'JP');
  await page.close();
});

test('the story view exists as HTML: every country and outlet, each take a button', async () => {
  const story = load(`stories/${article.story_id}.json`);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}?autorotate=0#/story/${story.id}`);
  await page.waitForFunction((h) => document.querySelector('.newsglobe-mirror h2')?.textContent === h,
    `Story across borders: ${story.headline}`, { timeout: 20000 });
  const headings = await page.locator('.newsglobe-mirror section h3').allTextContents();
  assert.equal(headings.length, story.countries.length, 'one heading per country');
  const take = story.articles[1];
  await page.locator('.newsglobe-mirror section button', { hasText: take.headline }).first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => window.newsglobeViewer.view().article === id, take.id);
  await page.close();
});
