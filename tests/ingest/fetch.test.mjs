// `newsglobe-ingest fetch` against the local fault-injecting feed server
// (feed_server.mjs): no internet needed. Checks what an operator relies on:
// the capture and its checksums, politeness per host, conditional GET on the
// next run, Retry-After remembered across runs, a clear health line for every
// fault and nothing else lost, the lock, retention, and an offline machine.
//
//   NEWSGLOBE_INGEST=build/native/ingest/newsglobe-ingest node --test tests/ingest/fetch.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFeedServer, FIXTURES } from './feed_server.mjs';

const BIN = process.env.NEWSGLOBE_INGEST ?? path.resolve('build/native/ingest/newsglobe-ingest');
const DELAY_S = 0.3;
const COMMON = ['--delay', String(DELAY_S), '--timeout', '2', '--connect-timeout', '2', '--low-speed-time', '30',
  '--contact', 'https://test.example/contact'];

let server;
let tmp;
const [A, B, C, D, E] = [0, 1, 2, 3, 4];  // hosts: good feeds, faults, 429, Retry-After, GDELT
const url = (host, p) => server.bases[host] + p;

function runFetch(args, { env = {} } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(BIN, ['fetch', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

async function writeTable(file, outlets) {
  await fs.writeFile(file, JSON.stringify({ notice: 'fetch test table', outlets }, null, 1));
  return file;
}

const outlet = (id, country, language, feeds) => ({ id, name: id, country, domain: `${id}.example`, language, feeds });

async function captureDirs(root) {
  return (await fs.readdir(root)).filter((n) => /^\d{8}T\d{6}Z/.test(n)).sort().map((n) => path.join(root, n));
}

const readJson = async (file) => JSON.parse(await fs.readFile(file, 'utf8'));
const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const fixtureSha = async (name) => sha256(await fs.readFile(path.join(FIXTURES, 'feeds', name)));

function checkSums(dir) {
  const r = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 0, `sha256sum -c failed in ${dir}: ${r.stdout}${r.stderr}`);
}

// Requests per host start one at a time, each at least the delay after the
// previous one ended; only the hops of a redirect follow at once (they are
// one fetch of one feed, as in a browser). When the fetcher abandoned a
// response (too large), the server notices late: its end time runs behind.
function assertPolite(log, host, delayS = DELAY_S) {
  const reqs = log.filter((r) => r.host === host).sort((a, b) => a.start - b.start);
  for (let i = 1; i < reqs.length; i++) {
    const prev = reqs[i - 1];
    const gap = reqs[i].start - prev.end;
    const hop = prev.status >= 300 && prev.status < 400;
    assert.ok(gap >= (hop ? 0 : delayS * 1000 - (prev.aborted ? 150 : 20)),
      `host ${host}: ${reqs[i].path} started ${gap} ms after ${reqs[i - 1].path} ended (delay ${delayS * 1000} ms)`);
  }
  return reqs.length;
}

before(async () => {
  server = await startFeedServer({ hosts: 5 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ng-fetch-test-'));
});

after(async () => {
  await server?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

// The main table: good feeds on A, every fault on B, throttling on C and D.
const mainTable = () => [
  outlet('xa-alpha', 'FR', 'fr', [url(A, 'feeds/alpha.xml'), url(A, 'etag-only/beta.atom')]),
  outlet('xa-gamma', 'DE', 'de', [url(A, 'lm-only/gamma.rdf'), url(A, 'fault/redirect/2/alpha.xml')]),
  outlet('xa-charset', 'RU', 'ru', [url(A, 'fault/charset/iso-8859-1/delta.xml'), url(A, 'fault/charset/utf-8/latin1.xml')]),
  outlet('xb-broken', 'GB', 'en', ['404', '500', 'feeds/malformed.xml', 'html', 'loop/a', 'huge/10', 'huge-chunked/10',
    'gzip-bomb/50', 'gzip-truncated/alpha.xml', 'slow/alpha.xml', 'redirect-scheme', 'empty'].map((p) => url(B, p.startsWith('feeds/') ? p : `fault/${p}`))),
  outlet('xc-throttled', 'ES', 'es', [url(C, 'fault/429'), url(C, 'feeds/alpha.xml')]),
  outlet('xd-resting', 'IT', 'it', [url(D, 'fault/retry-after/3600'), url(D, 'feeds/beta.atom')]),
];

let run1;
let caps;
let health1;

const feedHealth = (health, u) => {
  const f = health.feeds.find((x) => x.url === u);
  assert.ok(f, `no health line for ${u}`);
  return f;
};

test('first run: a checksummed capture, polite per host, parallel across hosts, within bounds', async () => {
  const table = await writeTable(path.join(tmp, 'outlets.json'), mainTable());
  caps = path.join(tmp, 'captures');
  run1 = await runFetch(['--outlets', table, '--captures', caps, '--gdelt', '--gdelt-base', url(E, 'gdeltv3'), ...COMMON]);
  assert.equal(run1.code, 0, run1.stderr);
  assert.match(run1.stdout, /capture \d{8}T\d{6}Z: /);
  assert.ok(run1.ms < 20000, `the run took ${run1.ms} ms`);

  const [dir] = await captureDirs(caps);
  checkSums(dir);
  const manifest = await readJson(path.join(dir, 'manifest.json'));
  const feeds = mainTable().flatMap((o) => o.feeds);
  assert.equal(manifest.entries.filter((e) => e.kind === 'feed').length, feeds.length, 'one entry per configured feed');
  assert.deepEqual(manifest.entries.filter((e) => e.kind === 'feed').map((e) => e.url), feeds, 'in the configured order');

  const entry = (u) => manifest.entries.find((e) => e.url === u);
  // Stored decoded (the server sent gzip) and byte-identical to what was served.
  assert.equal(entry(url(A, 'feeds/alpha.xml')).sha256, await fixtureSha('alpha.xml'));
  assert.equal(entry(url(A, 'etag-only/beta.atom')).sha256, await fixtureSha('beta.atom'));
  const redirected = entry(url(A, 'fault/redirect/2/alpha.xml'));
  assert.equal(redirected.redirects, 2);
  assert.ok(redirected.final_url.endsWith('/feeds/alpha.xml'), redirected.final_url);
  assert.equal(redirected.sha256, await fixtureSha('alpha.xml'));
  const body = await fs.readFile(path.join(dir, 'bodies', entry(url(A, 'feeds/alpha.xml')).sha256), 'utf8');
  assert.match(body, /Harbour bridge reopens/);

  // GDELT: both listings read, every listed file fetched once, kept gzipped.
  const gal = manifest.entries.filter((e) => e.kind === 'gdelt-gal');
  const gsg = manifest.entries.filter((e) => e.kind === 'gdelt-gsg');
  assert.equal(gal.length, 2);
  assert.equal(gsg.length, 1);
  const gz = await fs.readFile(path.join(dir, 'bodies', gsg[0].sha256));
  assert.deepEqual([...gz.subarray(0, 2)], [0x1f, 0x8b]);

  // Politeness: serialised per host with the delay; hosts in parallel.
  const log = server.log;
  assert.ok(assertPolite(log, A) >= 6);
  assert.ok(assertPolite(log, B) >= 12);
  assertPolite(log, E);
  // Every host's first request went out at once, not after another host's queue.
  const firsts = [A, B, C, D, E].map((h) => Math.min(...log.filter((r) => r.host === h).map((r) => r.start)));
  assert.ok(Math.max(...firsts) - Math.min(...firsts) < DELAY_S * 1000, `first requests per host at ${firsts}`);
  for (const r of log) {
    assert.match(r.ua, /^newsglobe-ingest\/\d+\.\d+ \(.*\+https:\/\/test\.example\/contact\)$/);
    assert.match(r.acceptEncoding, /gzip/);
  }
});

test('first run: every fault is one clear health line, and nothing else is lost', async () => {
  health1 = await readJson(path.join(caps, 'health.json'));
  const h = (host, p) => feedHealth(health1, url(host, p));
  const expect = [
    [B, 'fault/404', /^HTTP 404 Not Found\.$/],
    [B, 'fault/500', /^HTTP 500 Internal Server Error\.$/],
    [B, 'fault/loop/a', /^The feed redirects in a loop: \S+\/fault\/loop\/a → \S+\/fault\/loop\/b → \S+\/fault\/loop\/a\.$/],
    [B, 'fault/huge/10', /^The feed is larger than the 5\.0 MB limit \(the server announced 10\.0 MB\); it was not downloaded\.$/],
    [B, 'fault/huge-chunked/10', /^The feed is larger than the 5\.0 MB limit; the download was stopped at 5\.0 MB\.$/],
    [B, 'fault/gzip-bomb/50', /^The feed is larger than the 5\.0 MB limit; the download was stopped\.$/],
    [B, 'fault/gzip-truncated/alpha.xml', /gzip-compressed body is truncated/],
    [B, 'fault/slow/alpha.xml', /did not finish within 2 s/],
    [B, 'fault/redirect-scheme', /redirects to ftp:\/\/files\.example\/feed\.xml, which is not an http\(s\) URL/],
    [C, 'fault/429', /^HTTP 429 Too Many Requests\. No Retry-After was given: the host's other sources are skipped for this run\.$/],
    [D, 'fault/retry-after/3600', /^HTTP 429 Too Many Requests\. Retry-After asks us to wait until \S+Z: /],
  ];
  for (const [host, p, pattern] of expect) {
    const f = h(host, p);
    assert.equal(f.ok, false, p);
    assert.match(f.error, pattern, p);
    assert.equal(f.error_streak, 1, p);
  }
  // Bodies that arrived but are no feed: kept in the capture, named by the feed parser.
  for (const [p, pattern] of [['feeds/malformed.xml', /^The feed is not well-formed XML \(line 7: .*\); .*0 items were read\.$/],
    ['fault/html', /^The address answered with a web page, not a feed: "Maintenance"\.$/],
    ['fault/empty', /^The feed is empty\.$/]]) {
    const f = h(B, p);
    assert.equal(f.ok, false, p);
    assert.match(f.error, pattern, p);
  }
  assert.ok(h(B, 'feeds/malformed.xml').bytes > 0, 'the malformed body is kept for a better parser');
  // A wrong charset header does not lose the feed: read right, and said.
  for (const [p, pattern] of [['fault/charset/iso-8859-1/delta.xml', /labelled iso-8859-1 but is UTF-8/],
    ['fault/charset/utf-8/latin1.xml', /labelled utf-8 but is not; it was read as windows-1252/]]) {
    const f = h(A, p);
    assert.equal(f.ok, true, p);
    assert.equal(f.items, 1, p);
    assert.match(f.warnings.join(' '), pattern, p);
  }
  // The throttled hosts' other sources were skipped, not failed.
  for (const [host, p] of [[C, 'feeds/alpha.xml'], [D, 'feeds/beta.atom']]) {
    const f = h(host, p);
    assert.equal(f.skipped, true, p);
    assert.equal(f.error_streak, 0, p);
    assert.match(f.error, /^Skipped: /);
  }
  assert.equal(server.log.filter((r) => r.host === C).length, 1, 'nothing more was asked of the host that said 429');
  const hold = health1.holds.find((x) => server.bases[D].includes(x.host));
  assert.ok(hold, JSON.stringify(health1.holds));
  const wait = Date.parse(hold.until) - Date.now();
  assert.ok(wait > 3500 * 1000 && wait <= 3600 * 1000, `hold until ${hold.until}`);
  // Good feeds are fine; the summaries add up.
  for (const p of ['feeds/alpha.xml', 'etag-only/beta.atom', 'lm-only/gamma.rdf']) assert.equal(h(A, p).ok, true, p);
  assert.equal(h(A, 'feeds/alpha.xml').items, 3);
  assert.equal(health1.outlets.find((o) => o.id === 'xa-alpha').status, 'ok');
  assert.equal(health1.outlets.find((o) => o.id === 'xb-broken').status, 'failing');
  assert.equal(health1.countries.find((c) => c.country === 'FR').outlets_ok, 1);

  const text = await fs.readFile(path.join(caps, 'health.txt'), 'utf8');
  assert.match(text, /^Problems \(\d+\):$/m);
  for (const [host, p] of expect) assert.ok(text.includes(url(host, p)), `health.txt names ${p}`);
  assert.match(text, /Hosts that asked us to wait \(1\):/);
});

test('second run: conditional GET, Retry-After honoured, GDELT files not fetched twice, old captures pruned', async () => {
  // An old capture beyond the 48 h window: pruned by this run.
  const old = path.join(caps, '20200101T000000Z');
  await fs.mkdir(old);
  await fs.writeFile(path.join(old, 'manifest.json'), JSON.stringify({ capture: '20200101T000000Z', tool: 't',
    started: '2020-01-01T00:00:00Z', finished: '2020-01-01T00:01:00Z', entries: [] }));
  const before = server.log.length;
  const table = path.join(tmp, 'outlets.json');
  const run2 = await runFetch(['--outlets', table, '--captures', caps, '--gdelt', '--gdelt-base', url(E, 'gdeltv3'), ...COMMON]);
  assert.equal(run2.code, 0, run2.stderr);
  assert.match(run2.stdout, /pruned 1 capture older than 48 h/);
  const log = server.log.slice(before);

  const dirs = await captureDirs(caps);
  assert.equal(dirs.length, 2);
  dirs.forEach(checkSums);
  const [m1, m2] = await Promise.all(dirs.map((d) => readJson(path.join(d, 'manifest.json'))));
  const req = (p) => log.find((r) => r.host === A && r.path === `/${p}`);
  assert.match(req('feeds/alpha.xml').ifNoneMatch ?? '', /^"[0-9a-f]+"$/, 'ETag sent back');
  assert.equal(req('lm-only/gamma.rdf').ifModifiedSince, 'Mon, 30 Nov 2026 08:00:00 GMT', 'Last-Modified sent back');
  for (const p of ['feeds/alpha.xml', 'etag-only/beta.atom', 'lm-only/gamma.rdf']) {
    assert.equal(req(p).status, 304, p);
    const before1 = m1.entries.find((e) => e.url === url(A, p));
    const now2 = m2.entries.find((e) => e.url === url(A, p));
    assert.equal(now2.status, 304, p);
    assert.equal(now2.content_type, before1.content_type, `${p}: the kept body keeps its Content-Type`);
    assert.equal(now2.sha256, before1.sha256, `${p}: the previous body is in the new capture`);
    const [s1, s2] = await Promise.all(dirs.map((d) => fs.stat(path.join(d, 'bodies', now2.sha256))));
    assert.equal(s2.ino, s1.ino, `${p}: stored once on disk, linked from both captures`);
  }
  assert.equal(log.filter((r) => r.host === D).length, 0, 'the host that sent Retry-After: 3600 was left alone');
  for (const e of m2.entries.filter((x) => x.url.startsWith(server.bases[D])))
    assert.match(e.error, /^Skipped: \S+ asked us to wait until \S+Z \(HTTP 429 with Retry-After: 3600\)\.$/);
  assert.ok(log.some((r) => r.host === C), 'a 429 without Retry-After only holds for one run');
  assert.ok(log.some((r) => r.path.endsWith('/feed.rss')), 'GDELT listings are read every run');
  assert.ok(!log.some((r) => r.path.endsWith('.gz')), 'GDELT files already captured are not fetched again');
  assert.equal(m2.entries.filter((e) => e.kind !== 'feed').length, 0);

  const health2 = await readJson(path.join(caps, 'health.json'));
  const f404 = feedHealth(health2, url(B, 'fault/404'));
  assert.equal(f404.error_streak, 2);
  assert.equal(f404.failing_since, feedHealth(health1, url(B, 'fault/404')).attempted);
  assert.equal(feedHealth(health2, url(A, 'feeds/alpha.xml')).not_modified, true);
  assert.equal(feedHealth(health2, url(A, 'feeds/alpha.xml')).items, 3, 'items counted in the kept body');
});

test('GDELT without a file listing: the minute stamps of the last hour are probed, politely', async () => {
  const dir = path.join(tmp, 'gdelt-minutes');
  const before = server.log.length;
  const r = await runFetch(['--captures', dir, '--gdelt', '--gdelt-base', url(E, 'gdelt-minutes'), ...COMMON, '--delay', '0.05']);
  assert.equal(r.code, 0, r.stderr);
  const log = server.log.slice(before);
  assertPolite(log, E, 0.05);
  const [capture] = await captureDirs(dir);
  checkSums(capture);
  const manifest = await readJson(path.join(capture, 'manifest.json'));
  for (const [kind, minutes, least] of [['gdelt-gal', [1, 6], 6], ['gdelt-gsg', [0], 3]]) {
    const files = manifest.entries.filter((e) => e.kind === kind);
    assert.ok(files.length >= least, `${kind}: ${files.length} files`);
    for (const f of files) {
      assert.equal(f.status, 200);
      assert.ok(minutes.includes(Number(/(\d\d)00\.[a-z.]+\.gz$/.exec(f.url)[1]) % 15), f.url);
    }
  }
  assert.equal(manifest.entries.length, manifest.entries.filter((e) => e.status === 200).length, 'empty minutes leave no entry');
  const health = await readJson(path.join(dir, 'health.json'));
  const listing = health.feeds.find((f) => f.url === url(E, 'gdelt-minutes/gal/feed.rss'));
  assert.equal(listing.ok, true);
  assert.match(listing.warnings.join(' '), /^The listing names no \*\.gal\.json\.gz files \(1 item\); probing minute stamps instead\. Probed [23]\d minute stamps of the last 60 minutes: \d files found\.$/);
  assert.equal(health.feeds.filter((f) => !f.ok).length, 0, 'an empty minute is no problem');
  const again = await runFetch(['--captures', dir, '--gdelt', '--gdelt-base', url(E, 'gdelt-minutes'), ...COMMON, '--delay', '0.05']);
  assert.equal(again.code, 0, again.stderr);
  const held = new Set(manifest.entries.map((e) => new URL(e.url).pathname));
  assert.ok(!server.log.slice(before).filter((q, i, all) => i >= log.length).some((q) => held.has(q.path)),
    'files already captured are not asked for again');
});

test('a throttled GDELT host is asked once per run: no probing after its 429', async () => {
  const dir = path.join(tmp, 'gdelt-429');
  const before = server.log.length;
  const r = await runFetch(['--captures', dir, '--gdelt', '--gdelt-base', url(E, 'gdelt-429'), ...COMMON]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(server.log.slice(before).map((q) => q.path), ['/gdelt-429/gal/feed.rss']);
  const health = await readJson(path.join(dir, 'health.json'));
  const [gal, gsg] = health.feeds;
  assert.match(gal.error, /^HTTP 429 Too Many Requests\. No Retry-After was given/);
  assert.match(gsg.error, /^Skipped: \S+ answered 429 Too Many Requests earlier in this run\.$/);
  assert.match(gal.warnings.join(' '), /^No minute stamps were probed\. Skipped: \S+ answered 429/);
});

test('a second fetch on the same folder stops at once while the first runs', async () => {
  const table = await writeTable(path.join(tmp, 'slow.json'), [outlet('xs-slow', 'FR', 'fr', [url(B, 'fault/slow/alpha.xml')])]);
  const dir = path.join(tmp, 'locked');
  const first = runFetch(['--outlets', table, '--captures', dir, ...COMMON]);
  await new Promise((resolve) => setTimeout(resolve, 700));
  const second = await runFetch(['--outlets', table, '--captures', dir, ...COMMON]);
  assert.equal(second.code, 4, second.stderr);
  assert.match(second.stderr, /Another fetch is writing to .* \(process \d+ holds .*\.fetch\.lock\); this run stops without fetching\./);
  const done = await first;
  assert.equal(done.code, 0, done.stderr);
  assert.equal((await captureDirs(dir)).length, 1);
});

test('an unreachable network is said plainly, and older captures are kept', async () => {
  const closed = await writeTable(path.join(tmp, 'offline.json'), [outlet('xo-offline', 'FR', 'fr',
    ['http://127.0.0.1:1/feed.xml', 'http://127.0.0.1:1/other.xml'])]);
  const dir = path.join(tmp, 'offline');
  const old = path.join(dir, '20200101T000000Z');
  await fs.mkdir(old, { recursive: true });
  await fs.writeFile(path.join(old, 'manifest.json'), JSON.stringify({ capture: '20200101T000000Z', tool: 't',
    started: '2020-01-01T00:00:00Z', finished: '2020-01-01T00:01:00Z', entries: [] }));
  const r = await runFetch(['--outlets', closed, '--captures', dir, ...COMMON]);
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /no source could be reached: every request failed to resolve or connect .*no internet access; older captures are kept/);
  assert.equal((await captureDirs(dir)).length, 2, 'the old capture survived and the failed run was recorded');
  const health = await readJson(path.join(dir, 'health.json'));
  assert.match(health.feeds[0].error, /^Could not connect to 127\.0\.0\.1:1 /);
});

test('an offline machine is recognised after a few failures, not after trying every source', async () => {
  const many = Array.from({ length: 40 }, (_, i) => `http://127.0.0.1:1/feed-${i}.xml`);
  const table = await writeTable(path.join(tmp, 'offline-many.json'), [outlet('xo-many', 'FR', 'fr', many)]);
  const dir = path.join(tmp, 'offline-many');
  const r = await runFetch(['--outlets', table, '--captures', dir, ...COMMON, '--delay', '0']);
  assert.equal(r.code, 3, r.stderr);
  const health = await readJson(path.join(dir, 'health.json'));
  assert.equal(health.run.failed, 24);
  assert.equal(health.run.skipped, 16);
  assert.match(health.feeds[39].error, /^Not tried: the first 24 requests all failed to resolve or connect; the network seems unreachable\.$/);
});

test('a bad command line gets a usage message, not a run', async () => {
  const r = await runFetch(['--outlets', 'x.json']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--captures DIR is required/);
  const bad = await runFetch(['--captures', tmp, '--outlets', path.join(tmp, 'missing.json')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /gives no usable outlet: Cannot read .*missing\.json\./);
});
