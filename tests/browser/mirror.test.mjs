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

const articleId = fs.readdirSync(path.join(siteDir, 'api/v1/articles')).find((f) => f.startsWith('fr-')).replace('.json', '');
const article = JSON.parse(fs.readFileSync(path.join(siteDir, `api/v1/articles/${articleId}.json`), 'utf8'));

test('the open article and the country list exist as HTML', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openApp(page, `${server.url}?autorotate=0#/article/${articleId}`);
  await page.waitForFunction((h) => document.querySelector('.newsglobe-mirror h2')?.textContent === h, article.headline, { timeout: 20000 });
  const text = await page.textContent('.newsglobe-mirror');
  assert.ok(text.includes(article.body[0]), 'the body is in the page text');
  assert.ok(text.includes('France'), 'the country list names countries');
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
