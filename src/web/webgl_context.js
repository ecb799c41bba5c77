// webgl_context.js — linked into newsglobe.js with --pre-js (each viewer's
// module scope: Module and Emscripten's EGL are that viewer's).
//
// SDL creates the WebGL context through Emscripten's EGL, which then turns on
// every extension the browser offers (27 in Chromium), one getExtension() at
// a time. Each is a synchronous round trip to the GPU process: 21–118 ms
// before the first frame on software WebGL, measured. The app draws with
// core WebGL 2 only, so none is asked for; the context itself is unchanged.
Module["preRun"] = [].concat(Module["preRun"] || [], function () {
  EGL.contextAttributes.enableExtensionsByDefault = false;
});
