// The iframe embed: every option of newsglobe.mount() as a query parameter,
// e.g. embed.html?api=https://news.example/api&country=FR&theme=light&autorotate=0
// (the viewer's option table, src/viewer/options.cpp, reads them; it
// ignores the rest). Events reach the parent page as
// postMessage({source: "newsglobe", type, detail}).
(function () {
  var opts = {};
  new URLSearchParams(location.search).forEach(function (v, k) { opts[k] = v; });
  opts.postMessage = true;
  newsglobe.mount(document.getElementById("viewer"), opts).then(function (viewer) {
    window.newsglobeViewer = viewer;
    // the parent may drive the viewer: postMessage({newsglobe: "selectCountry", args: ["FR"]})
    window.addEventListener("message", function (e) {
      var m = e.data || {}, allowed = ["selectCountry", "openArticle", "setOptions"];
      if (m.newsglobe && allowed.indexOf(m.newsglobe) >= 0) viewer[m.newsglobe].apply(viewer, m.args || []);
    });
  });
})();
