// The example host page: two viewers, their events in a log, and a form of
// the page's own (under a strict Content-Security-Policy: no inline script).
document.getElementById("comment-form").addEventListener("submit", function (e) { e.preventDefault(); });
var log = document.getElementById("log");
function note(which, type, detail) { log.textContent += which + " " + type + " " + JSON.stringify(detail) + "\n"; }
window.viewers = {};
window.viewerEvents = [];
[["left", { country: "FR", theme: "dark" }], ["right", { country: "JP", theme: "light", autorotate: false }]].forEach(function (v) {
  newsglobe.mount(document.getElementById(v[0]), Object.assign({ api: "../api" }, v[1])).then(function (viewer) {
    window.viewers[v[0]] = viewer;
    ["ready", "select", "open", "error"].forEach(function (t) {
      viewer.on(t, function (d) { window.viewerEvents.push({ viewer: v[0], type: t, detail: d }); note(v[0], t, d); });
    });
  });
});
