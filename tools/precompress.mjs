// precompress — writes a brotli (.br, quality 11) and a gzip (.gz, level 9)
// copy beside each of the site's own files that compress: page files, the
// app's code, the map, country names, the first view's fonts. Servers then
// send the smallest form a browser accepts without compressing on every
// request (tools/serve.mjs does; docs/development.md says what a CDN needs).
// The news API's files and the web fonts (woff2: compressed already) are
// left alone. A copy is rewritten only when its file changed, so the build's
// second run costs nothing.
//
//   node tools/precompress.mjs build/site
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESS = new Set(['.html', '.js', '.css', '.wasm', '.json', '.bin', '.ttf', '.txt', '.svg']);
const SKIP_DIRS = new Set(['api', 'cjk', 'scripts']);  // the news API; woff2 faces
const MIN_BYTES = 1024;

const root = path.resolve(process.argv[2] || 'build/site');
let written = 0, saved = 0;

function* files(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && !SKIP_DIRS.has(e.name)) yield* files(p);
    else if (e.isFile() && COMPRESS.has(path.extname(e.name))) yield p;
  }
}

const encoders = {
  '.br': (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  '.gz': (b) => zlib.gzipSync(b, { level: 9 }),
};

for (const file of files(root)) {
  const stat = fs.statSync(file);
  for (const [suffix, encode] of Object.entries(encoders)) {
    const out = file + suffix;
    if (stat.size < MIN_BYTES) { fs.rmSync(out, { force: true }); continue; }
    if (fs.existsSync(out) && fs.statSync(out).mtimeMs >= stat.mtimeMs) continue;
    const bytes = encode(fs.readFileSync(file));
    fs.writeFileSync(out, bytes);
    written++, saved += stat.size - bytes.length;
  }
}
console.log(`precompress: ${written} copies written in ${process.argv[2] || 'build/site'}` +
  (written ? ` (${(saved / 2 ** 20).toFixed(1)} MB smaller than their files)` : ''));
