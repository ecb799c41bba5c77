/* newsglobe embed loader — mounts the viewer into any element.
 *
 *   <script src="https://your.host/newsglobe/newsglobe-embed.js"></script>
 *   newsglobe.mount(element, { api: "https://news.example/api", country: "FR" })
 *     .then(viewer => viewer.on("select", e => console.log(e.country)));
 *
 * Several viewers per page work independently. The full-page app (index.html)
 * uses this loader too, with { fullPage: true }: it then reads its options from
 * the page URL and keeps its state in the URL hash.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? script.src.replace(/[^/]*$/, "") : "./";
  var factory = null;

  // What every viewer fetches first (the wasm, the map, the fonts: src/viewer/viewer.cpp),
  // asked for at once so that it downloads while newsglobe.js loads and the wasm compiles. The app's own
  // pages name the same files in preload hints (tools/fingerprint.mjs's FIRST_DATA), which these then
  // match: keep the two alike.
  var FIRST_FILES = ["newsglobe.wasm", "data/world-light.bin", "fonts/NotoSans-Regular.ttf", "fonts/NotoSans-Bold.ttf",
    "fonts/fa-subset.ttf"];
  function preloadFirstFiles() {
    FIRST_FILES.forEach(function (file) {
      var link = document.createElement("link");
      link.rel = "preload";
      link.as = "fetch";
      link.crossOrigin = "anonymous";  // the credentials mode the app's own requests use, or they would not match
      link.href = base + file;
      document.head.appendChild(link);
    });
  }

  function loadFactory() {
    if (!factory) {
      preloadFirstFiles();
      factory = new Promise(function (resolve, reject) {
        if (window.createNewsglobe) return resolve(window.createNewsglobe);
        var s = document.createElement("script");
        s.src = base + "newsglobe.js";
        s.onload = function () { resolve(window.createNewsglobe); };
        s.onerror = function () { reject(new Error("newsglobe.js could not be loaded")); };
        document.head.appendChild(s);
      });
    }
    return factory;
  }

  // The page ABI's numbers, by name (src/web/page_api.h: ng_pointer_phase, ng_frame_cpu_stat, ng_memory_stat).
  var POINTER = { DOWN: 0, MOVE: 1, UP: 2, CANCEL: 3 };
  var FRAME_CPU = { AVERAGE: 0, MAX: 1, RESET: 2 };
  var MEMORY = { HEAP_USED: 0, HEAP_SIZE: 1 };

  // Options go to the viewer as a query string, all of them: its option
  // table (src/viewer/options.cpp) decides what each means and ignores the
  // rest. true/false are 1/0; objects and functions are not options.
  function optionsQuery(opts) {
    var q = new URLSearchParams();
    Object.keys(opts).forEach(function (k) {
      var v = opts[k];
      if (typeof v === "boolean") q.set(k, v ? "1" : "0");
      else if (typeof v === "string" || typeof v === "number") q.set(k, String(v));
    });
    var s = q.toString();
    return s ? "?" + s : "";
  }

  function overlay(el, text) {
    var d = document.createElement("div");
    d.className = "newsglobe-overlay";
    d.setAttribute("role", "status");
    d.style.cssText = "position:absolute;inset:0;display:flex;align-items:center;justify-content:center;" +
      "font:15px/1.4 system-ui,sans-serif;color:#98a2b3;pointer-events:none;text-align:center;padding:16px";
    d.textContent = text;
    el.appendChild(d);
    return d;
  }

  // ---- the accessible mirror: the viewer's text as real HTML ----
  // Visually hidden until something in it takes focus (Tab from the canvas),
  // then shown as a readable panel; screen readers, find-in-page and
  // translation always see it. Built with textContent only: data is never HTML.
  // Styled through the CSSOM (element.style), like everything this loader
  // draws: no <style> element and no style attribute, so a host page's
  // Content-Security-Policy needs no 'unsafe-inline' for it (docs/embedding.md).
  var MIRROR_HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";
  var MIRROR_SHOWN = "position:absolute;inset:12px;overflow:auto;background:#fff;color:#111;" +
    "font:16px/1.5 system-ui,sans-serif;padding:16px 20px;border-radius:12px;z-index:2;box-shadow:0 8px 30px rgba(0,0,0,.35)";
  var MIRROR_BUTTON = "font:inherit;background:none;border:0;padding:2px 0;color:#1d4ed8;text-decoration:underline;" +
    "cursor:pointer;text-align:left";
  function h(tag, text) { var e = document.createElement(tag); if (text) e.textContent = text; return e; }
  function renderMirror(root, doc, viewer) {
    root.textContent = "";
    function button(label, fn) {
      var b = h("button", label);
      b.type = "button";
      b.style.cssText = MIRROR_BUTTON;
      b.addEventListener("click", fn);
      return b;
    }
    if (doc.article) {
      var a = doc.article, art = h("article");
      art.appendChild(h("h2", a.headline));
      art.appendChild(h("p", [a.outlet, a.country, a.time, a.translation].filter(Boolean).join(" · ")));
      // the outlet's own words, marked with their language for screen readers and the browser's translation
      function original(label, text) {
        if (!text) return;
        var p = h("p", label + ": "), q = h("q", text);
        if (a.original.language) q.lang = a.original.language;
        p.appendChild(q);
        art.appendChild(p);
      }
      original("Original headline", a.original.headline);
      if (a.summary) art.appendChild(h("p", a.summary));
      original("Original summary", a.original.summary);
      if (a.excerpt && a.url) art.appendChild(h("p", "Only an excerpt may be shown here; the article is at " + a.url));
      a.sections.forEach(function (s) { art.appendChild(h("h3", s.heading)); s.paragraphs.forEach(function (p) { art.appendChild(h("p", p)); }); });
      a.body.forEach(function (p) { art.appendChild(h("p", p)); });
      if (a.worldTake) { art.appendChild(h("h3", "The World's Current Take")); art.appendChild(h("p", a.worldTake)); }
      if (a.takes.length) {
        art.appendChild(h("h3", "Alternative Takes"));
        var ul = h("ul");
        a.takes.forEach(function (t) {
          var li = h("li");
          if (t.id) li.appendChild(button(t.headline, function () { viewer.openArticle(t.id); })); else li.appendChild(h("span", t.headline));
          li.appendChild(h("span", " — " + t.outlet + ", " + t.country + (t.angle ? ": " + t.angle : "")));
          ul.appendChild(li);
        });
        art.appendChild(ul);
      }
      root.appendChild(art);
    }
    if (doc.story) {
      var st = h("section");
      st.appendChild(h("h2", "Story across borders: " + doc.story.headline));
      if (doc.story.worldTake) st.appendChild(h("p", doc.story.worldTake));
      doc.story.countries.forEach(function (c) {
        st.appendChild(h("h3", c.name));
        var ul = h("ul");
        c.articles.forEach(function (m) {
          var li = h("li");
          if (m.id) li.appendChild(button(m.headline, function () { viewer.openArticle(m.id); })); else li.appendChild(h("span", m.headline));
          li.appendChild(h("span", " — " + m.outlet));
          ul.appendChild(li);
        });
        st.appendChild(ul);
      });
      root.appendChild(st);
    }
    if (doc.country) {
      var sec = h("section");
      sec.appendChild(h("h2", "Stories from " + doc.country.name));
      var list = h("ul");
      doc.country.stories.forEach(function (s) {
        var li = h("li");
        li.appendChild(button(s.headline, function () { viewer.openArticle(s.id); }));
        li.appendChild(h("span", " — " + s.outlet + ", " + s.time));
        list.appendChild(li);
      });
      sec.appendChild(list);
      root.appendChild(sec);
    }
    var nav = h("nav");
    nav.setAttribute("aria-label", "Countries A to Z");
    nav.appendChild(h("h2", "Countries"));
    var cl = h("ul");
    doc.countries.forEach(function (c) {
      var li = h("li");
      li.appendChild(button(c.name + (c.count > 0 ? " (" + c.count + (c.count === 1 ? " story)" : " stories)") : ""),
        function () { viewer.selectCountry(c.iso); }));
      cl.appendChild(li);
    });
    nav.appendChild(cl);
    root.appendChild(nav);
  }

  function mount(el, options) {
    var opts = Object.assign({}, options || {});
    // the full-page app (index.html) says so in code; no URL parameter can
    var fullPage = opts.fullPage === true;
    if (getComputedStyle(el).position === "static") el.style.position = "relative";
    var canvas = document.createElement("canvas");
    canvas.tabIndex = 0;
    canvas.setAttribute("aria-label", "Interactive globe: drag to spin, click a country to read its news");
    canvas.style.cssText = "display:block;width:100%;height:100%;outline:none;touch-action:none;";
    canvas.addEventListener("contextmenu", function (e) { e.preventDefault(); });
    el.appendChild(canvas);
    var loading = overlay(el, "Loading the globe\u2026");
    var mirror = document.createElement("section");
    mirror.className = "newsglobe-mirror";
    mirror.setAttribute("aria-label", "newsglobe, text version");
    mirror.style.cssText = MIRROR_HIDDEN;
    // shown while something in it has focus (Tab from the canvas), hidden again when focus leaves it
    mirror.addEventListener("focusin", function () { mirror.style.cssText = MIRROR_SHOWN; });
    mirror.addEventListener("focusout", function (e) {
      if (!mirror.contains(e.relatedTarget)) mirror.style.cssText = MIRROR_HIDDEN;
    });
    el.appendChild(mirror);

    var listeners = {}, fired = {};
    var module = null;
    var hash = "";  // an embedded viewer's route, kept off the host page's URL
    var cleanups = [];
    function emit(type, detail) {
      if (type === "ready") { fired.ready = detail; if (loading) { loading.remove(); loading = null; } }
      (listeners[type] || []).slice().forEach(function (fn) { try { fn(detail); } catch (e) { console.error(e); } });
      if (opts.postMessage && window.parent !== window)
        window.parent.postMessage({ source: "newsglobe", type: type, detail: detail }, "*");
    }
    var host = {
      fullPage: fullPage,
      assetBase: base,
      query: fullPage ? location.search : optionsQuery(opts),
      emit: emit,
      mirror: function (doc) { renderMirror(mirror, doc, viewer); },
      fail: function (what) {
        if (loading) loading.textContent = what === "webgl2"
          ? "This browser cannot show the globe (WebGL 2 is not available)." : "The globe could not start.";
        emit("error", { message: "WebGL 2 is not available" });
      }
    };
    if (!fullPage) {
      host.getHash = function () { return hash; };
      host.setHash = function (h) { hash = h; };
    } else {
      var wakeOnNav = function () { if (module) module._ng_wake(); };
      window.addEventListener("hashchange", wakeOnNav);
      window.addEventListener("popstate", wakeOnNav);
      cleanups.push(function () { window.removeEventListener("hashchange", wakeOnNav); window.removeEventListener("popstate", wakeOnNav); });
    }

    function call(name, ret, types, args) { return module ? module.ccall(name, ret, types, args) : null; }
    function json(name, types, args) { var s = call(name, "string", types, args); return s ? JSON.parse(s) : null; }

    var viewer = {
      element: el,
      canvas: canvas,
      on: function (type, fn) {
        (listeners[type] = listeners[type] || []).push(fn);
        if (type === "ready" && fired.ready) setTimeout(function () { fn(fired.ready); });  // late listeners still hear it
        return viewer;
      },
      off: function (type, fn) { listeners[type] = (listeners[type] || []).filter(function (f) { return f !== fn; }); return viewer; },
      project: function (lat, lon) { return json("ng_project", ["number", "number"], [lat, lon]); },
      pick: function (x, y) { return json("ng_pick", ["number", "number"], [x, y]); },
      // true when the viewer's own UI (a panel, the top bar) is at canvas point x, y
      uiAt: function (x, y) { return !!call("ng_ui_hit", "number", ["number", "number"], [x, y]); },
      view: function () { return json("ng_view", [], []); },
      // the last frame's UI: panel, rows, reader, controls with their rectangles
      uiState: function () { return json("ng_ui_state", [], []); },
      country: function (iso) { return json("ng_country", ["string"], [String(iso)]); },
      news: function () { return json("ng_news", [], []); },
      setView: function (lat, lon, zoom) { call("ng_set_view", null, ["number", "number", "number"], [lat, lon, zoom || 1]); },
      framesDrawn: function () { return call("ng_frames_drawn", "number", [], []); },
      // {avg, max} main-thread ms of the viewer's own frame work since the last reset
      frameCpu: function (reset) {
        var r = { avg: call("ng_frame_cpu_ms", "number", ["number"], [FRAME_CPU.AVERAGE]),
                  max: call("ng_frame_cpu_ms", "number", ["number"], [FRAME_CPU.MAX]) };
        if (reset) call("ng_frame_cpu_ms", "number", ["number"], [FRAME_CPU.RESET]);
        return r;
      },
      // {used, heap}: bytes of the wasm heap in use, and its size (for soak runs)
      memory: function () {
        return { used: call("ng_memory_bytes", "number", ["number"], [MEMORY.HEAP_USED]),
                 heap: call("ng_memory_bytes", "number", ["number"], [MEMORY.HEAP_SIZE]) };
      },
      selectCountry: function (iso) { return !!call("ng_select_country", "number", ["string"], [String(iso)]); },
      openArticle: function (id) { return !!call("ng_open_article", "number", ["string"], [String(id)]); },
      // theme, autorotate, locked, compact at run time (the viewer ignores the others)
      setOptions: function (o) {
        call("ng_set_options", null, ["string"], [optionsQuery(o || {})]);
        return viewer;
      },
      destroy: function () {
        cleanups.forEach(function (f) { f(); });
        cleanups = [];
        if (module) { try { module.ccall("ng_destroy", null, [], []); } catch (e) { /* already gone */ } }
        module = null;
        el.removeChild(canvas);
        el.removeChild(mirror);
        if (loading) loading.remove();
        listeners = {};
      }
    };

    // ---- input the page handles: the mouse, wheel and touch ----
    // The mouse reaches the globe from here with its sub-pixel position (SDL
    // rounds to whole CSS pixels; a click beside a border or a small state's
    // dot needs the fractions, more so at devicePixelRatio > 1). SDL still
    // gives the viewer's own UI the mouse. Wheel and touch keep host-page manners:
    // Full page: the wheel zooms, every finger moves the globe. Embedded: the
    // wheel scrolls the host page unless Ctrl/⌘ is held, one finger scrolls
    // the page and two move the globe (a one-finger tap still selects), and a
    // brief hint says so. Over the viewer's own panels, input goes to them.
    var hint = null, hintTimer = 0;
    function showHint(text) {
      if (fullPage) return;
      if (!hint) {
        hint = document.createElement("div");
        hint.className = "newsglobe-hint";
        hint.style.cssText = "position:absolute;inset:0;display:flex;align-items:center;justify-content:center;" +
          "background:rgba(0,0,0,.45);color:#fff;font:600 16px/1.4 system-ui,sans-serif;pointer-events:none;" +
          "opacity:0;transition:opacity .2s;text-align:center;padding:16px";
        el.appendChild(hint);
      }
      hint.textContent = text;
      hint.style.opacity = "1";
      clearTimeout(hintTimer);
      hintTimer = setTimeout(function () { hint.style.opacity = "0"; }, 1400);
    }
    function local(e) { var r = canvas.getBoundingClientRect(); return { x: e.clientX - r.left, y: e.clientY - r.top }; }
    var isMac = /Mac|iPhone|iPad/.test(navigator.platform || "");
    function onWheel(e) {
      if (!module) return;
      var p = local(e), overUi = module._ng_ui_hit(p.x, p.y);
      if (!fullPage && !overUi && !(e.ctrlKey || e.metaKey)) {
        showHint(isMac ? "Use \u2318 + scroll to zoom the globe" : "Use Ctrl + scroll to zoom the globe");
        return;  // the page scrolls
      }
      e.preventDefault();
      var dy = e.deltaY * (e.deltaMode === 1 ? 33 : e.deltaMode === 2 ? 400 : 1);
      module._ng_wheel(dy, p.x, p.y, overUi);
    }
    function onMouse(e) {
      if (!module || e.pointerType === "touch") return;  // fingers come through onTouch
      var phase = { pointerdown: POINTER.DOWN, pointermove: POINTER.MOVE, pointerup: POINTER.UP, pointerleave: POINTER.CANCEL }[e.type];
      if ((phase === POINTER.DOWN || phase === POINTER.UP) && e.button !== 0) return;
      // a press keeps its moves and release even when they leave the canvas
      if (phase === POINTER.DOWN) try { canvas.setPointerCapture(e.pointerId); } catch (err) { /* not capturable */ }
      var p = local(e);
      module._ng_mouse(phase, p.x, p.y);
    }
    var touches = {}, touchCount = 0, tap = null;
    function onTouch(e) {
      if (!module) return;
      var kind = { touchstart: POINTER.DOWN, touchmove: POINTER.MOVE, touchend: POINTER.UP, touchcancel: POINTER.CANCEL }[e.type];
      var list = e.changedTouches, ended = kind === POINTER.UP || kind === POINTER.CANCEL;
      if (kind === POINTER.DOWN) touchCount += list.length;
      var first = local(list[0]);
      var cooperative = !fullPage && touchCount < 2 && !module._ng_ui_hit(first.x, first.y) && !touches.forwarding;
      if (cooperative) {
        // one finger on an embedded globe: the page scrolls; a still, short touch is a tap
        if (kind === POINTER.DOWN) tap = { x: first.x, y: first.y, t: Date.now(), id: list[0].identifier };
        if (kind === POINTER.MOVE && tap && Math.hypot(first.x - tap.x, first.y - tap.y) > 8) { tap = null; showHint("Use two fingers to move the globe"); }
        if (kind === POINTER.UP && tap && Date.now() - tap.t < 500) {
          module._ng_touch(POINTER.DOWN, tap.id, tap.x, tap.y);
          module._ng_touch(POINTER.UP, tap.id, first.x, first.y);
          e.preventDefault();  // no emulated mouse click afterwards
        }
        if (ended) { touchCount = Math.max(0, touchCount - list.length); tap = null; }
        return;
      }
      e.preventDefault();
      if (kind === POINTER.DOWN && !fullPage && touchCount >= 2 && !touches.forwarding) {
        // the second finger arrived: start the globe gesture with both fingers
        touches.forwarding = true;
        for (var i = 0; i < e.touches.length; i++) { var q = local(e.touches[i]); module._ng_touch(POINTER.DOWN, e.touches[i].identifier, q.x, q.y); }
        tap = null;
        return;
      }
      touches.forwarding = true;
      for (var j = 0; j < list.length; j++) { var p = local(list[j]); module._ng_touch(kind, list[j].identifier, p.x, p.y); }
      if (ended) { touchCount = Math.max(0, touchCount - list.length); if (touchCount === 0) touches.forwarding = false; }
    }
    ["pointerdown", "pointermove", "pointerup", "pointerleave"].forEach(function (t) { canvas.addEventListener(t, onMouse); });
    canvas.addEventListener("wheel", onWheel, { passive: false });
    ["touchstart", "touchmove", "touchend", "touchcancel"].forEach(function (t) { canvas.addEventListener(t, onTouch, { passive: false }); });
    // the canvas takes keyboard focus when used, and only then gets keys
    canvas.addEventListener("pointerdown", function () { canvas.focus({ preventScroll: true }); });
    if (!fullPage) canvas.style.touchAction = "pan-x pan-y";

    if (typeof ResizeObserver !== "undefined") {
      var ro = new ResizeObserver(function () { if (module) module._ng_wake(); });
      ro.observe(el);
      cleanups.push(function () { ro.disconnect(); });
    }

    // the full-page app takes the keyboard at once: arrows and +/- work without a click
    if (fullPage) canvas.focus({ preventScroll: true });

    return loadFactory().then(function (create) {
      return create({
        canvas: canvas,
        newsglobeHost: host,
        locateFile: function (path) { return base + path; },
        preRun: [function (m) { m.specialHTMLTargets["#canvas"] = canvas; }],
        printErr: function (t) { console.warn("[newsglobe] " + t); }
      });
    }).then(function (m) {
      module = m;
      return viewer;
    }, function (err) {
      if (loading) loading.textContent = "The globe could not be loaded. " + err.message;
      emit("error", { message: err.message });
      throw err;
    });
  }

  window.newsglobe = { mount: mount, version: "1" };
})();
