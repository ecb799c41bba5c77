// fingerprint — names the app's code after its content, so browsers and CDNs
// may keep it for a year: newsglobe.wasm is copied to newsglobe.<hash>.wasm,
// newsglobe.js (pointed at that wasm) to newsglobe.<hash>.js, and the site's
// loader, newsglobe-embed.js (the one name embedding pages use, served
// no-cache), is pointed at both. The full-page app and the iframe page
// (index.html, embed.html) get preload hints for the code and the viewer's
// first files, written between their <!-- first-files --> comments. The plain names stay for anyone who loads them
// directly. Older fingerprinted copies are removed. Runs after the link
// and before tools/precompress.mjs (cmake/wasm.cmake); tools/serve.mjs sends
// the fingerprinted names with `Cache-Control: immutable`.
//
//   node tools/fingerprint.mjs build/site
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(process.argv[2] || 'build/site');
const read = (name) => fs.readFileSync(path.join(root, name));
const hash = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
// a quoted name, fingerprinted or not (the loader may have been rewritten before)
const quoted = (stem, ext) => new RegExp(`(["'])${stem}(?:\\.[0-9a-f]{10})?\\.${ext}\\1`, 'g');

function rewrite(text, stem, ext, name, what) {
  let found = 0;
  const out = text.replace(quoted(stem, ext), (_, q) => (++found, `${q}${name}${q}`));
  if (!found) throw new Error(`fingerprint: no "${stem}.${ext}" in ${what}`);
  return out;
}

const wasm = read('newsglobe.wasm');
const wasmName = `newsglobe.${hash(wasm)}.wasm`;
const js = rewrite(read('newsglobe.js').toString(), 'newsglobe', 'wasm', wasmName, 'newsglobe.js');
const jsName = `newsglobe.${hash(js)}.js`;
let loader = read('newsglobe-embed.js').toString();
loader = rewrite(loader, 'newsglobe', 'wasm', wasmName, 'newsglobe-embed.js');
loader = rewrite(loader, 'newsglobe', 'js', jsName, 'newsglobe-embed.js');
// What every viewer fetches first besides its code: the loader's FIRST_FILES
// (web/newsglobe-embed.js), asked for in the same way (keep the two alike).
const FIRST_DATA = ['data/world-light.bin', 'fonts/NotoSans-Regular.ttf', 'fonts/NotoSans-Bold.ttf', 'fonts/fa-subset.ttf'];
const hints = [`<link rel="preload" href="${jsName}" as="script">`,
  ...[wasmName, ...FIRST_DATA].map((f) => `<link rel="preload" href="${f}" as="fetch" crossorigin>`)];
const PAGES = ['index.html', 'embed.html'];
const pages = PAGES.map((name) => {
  const marked = /<!-- first-files -->[\s\S]*?<!-- \/first-files -->/;
  const text = read(name).toString();
  if (!marked.test(text)) throw new Error(`fingerprint: no <!-- first-files --> in ${name}`);
  return text.replace(marked, `<!-- first-files -->\n${hints.join('\n')}\n<!-- /first-files -->`);
});

const keep = new Set([wasmName, jsName]);
for (const name of fs.readdirSync(root)) {
  const m = /^(newsglobe\.[0-9a-f]{10}\.(?:js|wasm))(\.br|\.gz)?$/.exec(name);
  if (m && !keep.has(m[1])) fs.rmSync(path.join(root, name));
}
const write = (name, bytes) => {
  const file = path.join(root, name);
  if (!fs.existsSync(file) || !read(name).equals(Buffer.from(bytes))) fs.writeFileSync(file, bytes);
};
write(wasmName, wasm);
write(jsName, js);
write('newsglobe-embed.js', loader);
PAGES.forEach((name, i) => write(name, pages[i]));
console.log(`fingerprint: ${wasmName}, ${jsName}`);
