// The full-page app (index.html) is the embed loader with the page's own URL
// as options. A file of its own, not an inline script: the page runs under a
// Content-Security-Policy without 'unsafe-inline' (docs/embedding.md).
newsglobe.mount(document.getElementById("viewer"), { fullPage: true }).then(function (viewer) {
  window.newsglobeViewer = viewer;
});
