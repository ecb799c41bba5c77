// text_engine.js — the browser side of web/text.cpp (docs/text.md), linked
// into newsglobe.js with --pre-js, so it lives in each viewer's module scope
// (GLctx, GL and Module are that viewer's). No eval, no inline anything: it
// works under a strict Content-Security-Policy; fonts come from the app's
// own folder as url() sources (font-src), or from bytes the app already has.

var ngText = (function () {
  'use strict';

  // ---- the document's fonts (shared by every viewer on the page) -----------------------

  // One registry per document: the first viewer's asset folder wins (the
  // files are the same wherever they are served from).
  function registry() {
    return window.newsglobeFonts || (window.newsglobeFonts = {
      base: null, manifest: null, failed: false, regions: {}, generation: 0, wakers: [],
    });
  }

  function wakeAll() {
    var reg = registry();
    reg.generation++;
    reg.wakers.forEach(function (w) { try { w(); } catch (e) { /* a destroyed viewer */ } });
  }

  function inRanges(ranges, cp) {
    var lo = 0, hi = ranges.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (cp < ranges[mid][0]) hi = mid - 1;
      else if (cp > ranges[mid][1]) lo = mid + 1;
      else return true;
    }
    return false;
  }

  // A region file's slices are base-36 gaps between code points ("4e00.1.3"):
  // [[first, last]] runs of consecutive code points.
  function sliceRuns(code) {
    var runs = [], last = 0;
    code.split('.').forEach(function (gap) {
      last += parseInt(gap, 36);
      if (runs.length && runs[runs.length - 1][1] === last - 1) runs[runs.length - 1][1] = last;
      else runs.push([last, last]);
    });
    return runs;
  }

  function unicodeRange(runs) {
    return runs.map(function (r) { return 'U+' + r[0].toString(16) + (r[1] > r[0] ? '-' + r[1].toString(16) : ''); }).join(',');
  }

  function addFace(family, source, weight, range, extra) {
    var descriptors = { weight: String(weight), display: 'block' };
    if (range) descriptors.unicodeRange = range;
    if (extra) for (var k in extra) descriptors[k] = extra[k];
    try {
      var face = new FontFace(family, source, descriptors);
      document.fonts.add(face);
      return face;
    } catch (e) {
      return null;  // a browser without FontFace: the text falls back to system fonts
    }
  }

  function fontUrl(base, file) { return 'url("' + base + 'fonts/' + file + '") format("woff2")'; }

  // Remembers where the fonts are; the manifest (fonts/scripts.json) is
  // fetched with the first text that needs the engine, so a first view in
  // Latin fetches no font data beyond the atlas' own.
  function init(base, regular, bold) {
    var reg = registry();
    if (reg.base !== null) return;
    reg.base = base;
    reg.atlasFaces = { regular: regular, bold: bold };
  }

  function loadManifest() {
    var reg = registry();
    if (reg.manifestLoading || reg.base === null) return;
    reg.manifestLoading = true;
    var base = reg.base, atlas = reg.atlasFaces;
    fetch(base + 'fonts/scripts.json').then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (m) {
      // the atlas' own Noto Sans first, from the bytes the app fetched
      addFace('NG Sans', atlas.regular, 400, m.base_range);
      addFace('NG Sans', atlas.bold, 700, m.base_range);
      m.faces.forEach(function (f) { addFace(f.family, fontUrl(base, f.url), f.weight, f.range); });
      Object.keys(m.regions).forEach(function (name) {
        reg.regions[name] = { state: 'known', info: m.regions[name], ranges: [] };
      });
      reg.manifest = m;
      wakeAll();
    }).catch(function () {
      reg.failed = true;  // draw with whatever the system has rather than nothing
      wakeAll();
    });
  }

  function fetchJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  // Registers a region file's slices under `family`, each limited to the code
  // points `keep` allows; returns the runs of code points it covers.
  function addSlices(m, family, keep) {
    var reg = registry(), all = [];
    m.slices.forEach(function (code, n) {
      var runs = sliceRuns(code).filter(keep);
      if (!runs.length) return;
      all = all.concat(runs);
      var range = unicodeRange(runs);
      m.weights.forEach(function (w) {
        var file = m.url.replace('{weight}', w).replace('{n}', n);
        // CJK ideographs fill the em square: a little larger sits with Noto Sans' Latin
        addFace(family, fontUrl(reg.base, file), w, range, { sizeAdjust: '108%' });
      });
    });
    return all.sort(function (x, y) { return x[0] - y[0]; });
  }

  // A CJK region's slices as its own family ("NG JP"), fetched once, on the
  // first text that needs them.
  function loadRegion(name) {
    var reg = registry(), region = reg.regions[name];
    if (!region || region.state !== 'known') return;
    region.state = 'loading';
    fetchJson(reg.base + 'fonts/' + region.info.url).then(function (m) {
      region.ranges = addSlices(m, region.info.family, function () { return true; });
      region.state = 'ready';
    }).catch(function () { region.state = 'ready'; }).then(wakeAll);
  }

  // The Han characters a region lacks, from Simplified Chinese's slices (which
  // have them all) registered under the region's own family: a rare character
  // in a Japanese headline costs one Chinese slice, and only then.
  function loadFallback(name) {
    var reg = registry(), region = reg.regions[name], sc = reg.regions.sc;
    if (!region || !sc || region.fallback) return;
    region.fallback = 'loading';
    fetchJson(reg.base + 'fonts/' + sc.info.url).then(function (m) {
      addSlices(m, region.info.family, function (run) { return !inRanges(region.ranges, run[0]); });
    }).catch(function () {}).then(function () { region.fallback = 'ready'; wakeAll(); });
  }

  function isCjk(cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x20000 && cp <= 0x3FFFF);
  }

  // False while a CJK text's regions are still being registered: its own
  // region; Korean for Hangul and Japanese for kana in another region's
  // text; its region's fallback for Han characters the region lacks.
  function regionsReady(text, primary) {
    var reg = registry(), need = {}, own = reg.regions[primary], missing = false;
    need[primary] = true;
    for (var i = 0; i < text.length; i++) {
      var cp = text.codePointAt(i);
      if (cp > 0xFFFF) i++;
      if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)) need.kr = true;
      else if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF)) need.jp = true;
      else if (own && own.state === 'ready' && isCjk(cp) && !inRanges(own.ranges, cp)) missing = true;
    }
    var ready = true;
    Object.keys(need).forEach(function (name) {
      var region = reg.regions[name];
      if (!region || region.state === 'ready') return;
      loadRegion(name);
      ready = false;
    });
    if (ready && missing && primary !== 'sc' && own.fallback !== 'ready') {
      loadFallback(primary);
      ready = false;
    }
    return ready;
  }

  var settled = new Set();  // font + text whose load finished (loaded or failed)

  function ready(font, text, primary) {
    var reg = registry();
    if (reg.failed) return true;
    if (!reg.manifest) {
      loadManifest();
      return false;
    }
    if (primary && !regionsReady(text, primary)) return false;
    var key = font + '\u0000' + text;
    if (settled.has(key)) return true;
    var loaded = false;
    try { loaded = document.fonts.check(font, text); } catch (e) { return true; }
    if (loaded) return true;
    document.fonts.load(font, text).then(function () { remember(key); }, function () { remember(key); });
    return false;
  }

  function remember(key) {
    if (settled.size > 20000) settled.clear();
    settled.add(key);
    wakeAll();
  }

  // ---- measuring and breaking lines ---------------------------------------------------

  var measure = null;
  function measurer(font, rtl) {
    if (!measure) measure = document.createElement('canvas').getContext('2d');
    if (measure.font !== font) measure.font = font;
    measure.direction = rtl ? 'rtl' : 'ltr';
    return measure;
  }

  var segmenters = {};
  function segmenter(lang, granularity) {
    var key = lang + '/' + granularity;
    if (!segmenters[key]) {
      try { segmenters[key] = new Intl.Segmenter(lang || undefined, { granularity: granularity }); } catch (e) {
        segmenters[key] = new Intl.Segmenter(undefined, { granularity: granularity });
      }
    }
    return segmenters[key];
  }

  function graphemes(text) {
    var out = [];
    for (var s of segmenter('', 'grapheme').segment(text)) out.push(s.segment);
    return out;
  }

  // A CJK ideograph or kana: a line may break before it (UAX #14 class ID).
  function breaksAround(cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0x20000 && cp <= 0x3FFFF);
  }
  // Never at the start of a line (closing brackets, CJK stops, small kana)…
  var NO_START = '、。，．・：；？！）」』】〕〉》｝〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ…‥,.:;!?)]}%';
  // …and never at the end (opening brackets).
  var NO_END = '（「『【〔〈《｛〘〖([{';

  // Pieces between break opportunities, each with the spaces after it.
  function pieces(text, lang) {
    var out = [];
    for (var s of segmenter(lang, 'word').segment(text)) {
      var seg = s.segment;
      var cp = seg.codePointAt(0);
      if (breaksAround(cp) || (seg.length > 1 && breaksAround(seg.codePointAt(seg.length - 1)))) {
        graphemes(seg).forEach(function (g) { out.push(g); });
      } else {
        out.push(seg);
      }
    }
    // glue: spaces and closing marks to the piece before, opening marks to the one after
    var glued = [];
    for (var i = 0; i < out.length; i++) {
      var p = out[i];
      var prev = glued.length ? glued[glued.length - 1] : null;
      if (prev !== null && (p.trim() === '' || NO_START.indexOf(p[0]) >= 0 || NO_END.indexOf(prev[prev.length - 1]) >= 0 ||
          (!/\s$/.test(prev) && !breaksAround(p.codePointAt(0)) && !breaksAround(prev.codePointAt(prev.length - 1)) &&
           /^[\p{P}\p{S}]/u.test(p)))) {
        glued[glued.length - 1] = prev + p;
      } else {
        glued.push(p);
      }
    }
    return glued;
  }

  function utf8Length(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0x80) n += 1;
      else if (c < 0x800) n += 2;
      else if (c >= 0xD800 && c <= 0xDBFF) { n += 4; i++; }
      else n += 3;
    }
    return n;
  }

  // Lines of logical text: [[startUtf16, endUtf16, width]].
  function layout(font, text, width, lang, rtl) {
    var ctx = measurer(font, rtl);
    var w = function (s) { return ctx.measureText(s.replace(/\s+$/, '')).width; };
    if (!(width > 0)) return [[0, text.length, w(text)]];
    var lines = [], start = 0, line = '';
    var commit = function (end) {
      lines.push([start, end, w(text.slice(start, end))]);
      start = end;
      line = '';
    };
    var pos = 0;
    pieces(text, lang).forEach(function (p) {
      var trial = line + p;
      if (line !== '' && w(trial) > width) commit(pos);
      if (line === '' && w(p) > width) {
        // a word wider than the line: break it between characters
        graphemes(p).forEach(function (g) {
          if (line !== '' && w(line + g) > width) commit(pos);
          line += g;
          pos += g.length;
        });
        return;
      }
      line += p;
      pos += p.length;
    });
    if (line !== '' || lines.length === 0) commit(text.length);
    return lines;
  }

  function fit(font, text, maxWidth, rtl) {
    var ctx = measurer(font, rtl);
    if (ctx.measureText(text).width <= maxWidth) return utf8Length(text);
    var gs = graphemes(text), lo = 0, hi = gs.length;
    while (lo < hi) {  // the most graphemes that fit with the ellipsis
      var mid = (lo + hi + 1) >> 1;
      if (ctx.measureText(gs.slice(0, mid).join('').replace(/\s+$/, '') + '\u2026').width <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return utf8Length(gs.slice(0, lo).join(''));
  }

  // ---- drawing into textures ----------------------------------------------------------

  var canvas = null, ctx2d = null;
  function raster(tex, x, y, w, h, font, text, rtl, baseline, pad) {
    if (!canvas) canvas = document.createElement('canvas');
    if (canvas.width < w || canvas.height < h) {
      canvas.width = Math.max(canvas.width, w);
      canvas.height = Math.max(canvas.height, h);
      ctx2d = null;
    }
    if (!ctx2d) ctx2d = canvas.getContext('2d', { willReadFrequently: true });
    var c = ctx2d;
    c.clearRect(0, 0, w, h);
    c.font = font;
    c.direction = rtl ? 'rtl' : 'ltr';
    c.textAlign = 'left';
    c.textBaseline = 'alphabetic';
    c.fillStyle = '#fff';
    c.save();
    c.beginPath();
    c.rect(0, 0, w, h);
    c.clip();
    c.fillText(text, pad, baseline);
    c.restore();
    var gl = GLctx, texture = GL.textures[tex];
    if (!gl || !texture) return;
    var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, x, y, w, h, gl.RGBA, gl.UNSIGNED_BYTE, c.getImageData(0, 0, w, h));
    gl.bindTexture(gl.TEXTURE_2D, previous);
  }

  function createTexture(w, h) {
    var gl = GLctx;
    if (!gl) return 0;
    var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
    var tex = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, w, h, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
    gl.bindTexture(gl.TEXTURE_2D, previous);
    var id = GL.getNewId(GL.textures);
    tex.name = id;
    GL.textures[id] = tex;
    return id;
  }

  function collate(names, locale) {
    var c = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return names.map(function (_, i) { return i; }).sort(function (a, b) { return c.compare(names[a], names[b]) || a - b; });
  }

  return {
    init: init, ready: ready, layout: layout, fit: fit, raster: raster, createTexture: createTexture,
    collate: collate, utf8Length: utf8Length, registry: registry,
    addWaker: function (w) { registry().wakers.push(w); },
  };
})();
