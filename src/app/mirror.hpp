// mirror — the accessible mirror: the A–Z country list, the open country's
// stories and the open article, published as plain data for the page to
// render as real HTML (visually hidden until it takes focus). A canvas is
// invisible to screen readers, find-in-page, translation and search engines;
// this text is not.
#pragma once

namespace ng::app {
struct Context;

// Publishes when what the reader looks at or the loaded news changed.
void update_mirror(const Context& ctx);

}  // namespace ng::app
