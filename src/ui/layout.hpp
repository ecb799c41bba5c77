// layout — where things go on screen. Desktop: a floating top bar and a
// docked panel on the right, full height below the bar. Phone-sized screens
// (narrower than 700 CSS px): the panel becomes a bottom sheet that a drag
// handle moves between a peek height and ~90% of the screen (and a drag far
// down dismisses it).
#pragma once
#include <imgui.h>

#include "core/globe_view.hpp"

namespace ng::ui {

constexpr float kPhoneWidth = 700;

struct Layout {
    bool phone = false;
    float width = 0, height = 0;
    ImVec2 bar_pos, bar_size;
    ImVec2 panel_pos, panel_size;  // the panel window (the sheet reaches past the bottom edge)
    bool bar = true;               // the top bar shows
    float sheet_visible = 0;       // phone: visible sheet height; 0 when closed
    float sheet_peek = 0;          // phone: the sheet's resting height when it opens
    float globe_bottom = 0;        // lowest y not covered by the sheet
    float globe_right = 0;         // rightmost x not covered by the side panel
};

// Advances the sheet's animation; `panel_open` says whether a panel shows,
// `bar` whether the top bar does (compact embeds have none).
Layout compute_layout(const Viewport& view, bool panel_open, bool bar = true);

// CSS px of the globe that the bar and the panel (or the sheet at its peek
// height) cover, for fly-to: known before the UI draws, so deep links fly
// to the right place too.
GlobeView::Insets globe_insets(const Viewport& view, bool compact);

// Phone sheet: the drag handle at the top of the panel window (call inside
// it). Returns true when a drag far down asks to dismiss the sheet.
bool sheet_handle();
// Opens the sheet fully (e.g. when the reader opens on a phone).
void sheet_expand();
// Lowers it to its peek height (the story view: the globe above is its map).
void sheet_collapse();
float sheet_height();
bool sheet_resting();  // not being dragged or easing to a stop

}  // namespace ng::ui
