// panels — the panels ui.cpp lays out, each in its own file: the top bar
// with the country search and its results, and the docked panel's four
// modes (a country's stories, the reader, a story across borders, the A–Z
// country list).
#pragma once
#include "ui/layout.hpp"
#include "viewer/viewer.hpp"

namespace ng::ui {

// ---- top_bar.cpp ----
void draw_top_bar(Viewer& viewer, const Layout& l);

// ---- search.cpp ----
// The search field at the cursor, `width` wide (the top bar calls it).
void search_field(Viewer& viewer, const Layout& l, float width);
// The type-ahead results under the field, above everything else (not
// inlined, as the panels below).
[[gnu::noinline]] void draw_search_results(Viewer& viewer, const Layout& l);
void focus_search();
bool search_took_escape();     // Esc went to the search field this frame
bool phone_search_open();      // the phone's top bar shows the field instead of the brand
void close_phone_search();

// ---- country_panel.cpp, reader.cpp, story_view.cpp, country_list.cpp ----
// Each draws inside the panel window that ui.cpp opened, below the sheet
// handle on phones. Never inlined: link-time optimisation would otherwise
// fold all four (called once each) into the frame function, which the
// browser compiles whole the first time it runs it, panels the first frame
// does not draw included (docs/performance.md, "Time to first frame").
[[gnu::noinline]] void draw_country_panel(Viewer& viewer, const Layout& l);
[[gnu::noinline]] void draw_reader(Viewer& viewer, const Layout& l);
[[gnu::noinline]] void draw_story_view(Viewer& viewer, const Layout& l);
[[gnu::noinline]] void draw_country_list(Viewer& viewer, const Layout& l);

}  // namespace ng::ui
