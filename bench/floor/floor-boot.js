// The floor's page glue: the canvas SDL draws to, and floorStats() for tools/bench_web.mjs.
var Module = {
  canvas: document.getElementById('canvas'),
};
window.floorStats = function (reset) {
  var stat = function (i, r) { return Module._floor_stat(i, r ? 1 : 0); };
  var frames = stat(0, false), avg = stat(1, false), max = stat(2, reset);
  return { frames: frames, avg: avg, max: max, heap: Module.HEAP8 ? Module.HEAP8.buffer.byteLength : 0 };
};
