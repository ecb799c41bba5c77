// widgets — the small building blocks every panel shares: text that wraps
// at a measure, icon and primary buttons, chips and a segmented control,
// code badges and outlet avatars, skeleton shimmer, the designed empty and
// error states, and touch drag-scrolling for lists. Everything is drawn with
// the palette and fonts of style.hpp.
#pragma once
#include <imgui.h>

#include <string>

#include "core/news_model.hpp"
#include "ui/text.hpp"

namespace ng::ui {

ImU32 with_alpha(ImU32 colour, float alpha);  // multiplies the colour's alpha
ImVec4 to_vec4(ImU32 colour);

// ---- text ---------------------------------------------------------------------
// The outlet's name (in any script: ui/text draws it), or its domain when it has none.
std::string outlet_label(const Outlet& o);
// Wrapped text at the cursor, `width` wide, in a font and colour, in any
// script (ui/text.hpp); right-to-left paragraphs end at the right margin.
// `language` (may be empty) picks CJK shapes and helps line breaking.
void text_block(const std::string& text, float width, ImFont* font, ImU32 colour, const std::string& language = "");
float text_block_height(const std::string& text, float width, ImFont* font, const std::string& language = "");
void text_coloured(ImU32 colour, const char* text);
void vspace(float h);
// A line that ends in "…" when it does not fit `max_width`.
std::string ellipsize(const std::string& text, float max_width, ImFont* font, const std::string& language = "");

// True when the last item has keyboard focus and the focus ring should show
// (our custom-drawn rows and buttons draw it themselves).
bool nav_focused();
// Records `name` as the UI state's keyboard focus when the last item has it.
void note_focus(const std::string& name);

// ---- buttons ------------------------------------------------------------------
// A round icon button; `label` is the accessible name shown as a tooltip.
bool icon_button(const char* id, const char* icon, const char* label, float size = 36, bool enabled = true);
bool primary_button(const char* label, ImVec2 size = ImVec2(0, 0));
bool secondary_button(const char* label, ImVec2 size = ImVec2(0, 0));
// Two or more options in one pill; returns true when the choice changed.
bool segmented(const char* id, const char* const* labels, int count, int* current, float width);

// ---- decoration ---------------------------------------------------------------
// A rounded badge with a short code ("FR"); returns its width.
float code_badge(ImDrawList* dl, ImVec2 pos, const std::string& code, float height, ImU32 bg, ImU32 fg, ImFont* font);
// A coloured disc with the outlet's initial: a stand-in for its logo.
void outlet_avatar(ImDrawList* dl, ImVec2 centre, float radius, const Outlet& outlet);
ImU32 outlet_colour(const Outlet& outlet);
// A picture stand-in: a soft gradient in the outlet's colour with an icon.
void image_placeholder(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding, const Outlet& outlet, bool loading);
// A skeleton block with a moving shimmer; requests animation frames.
void skeleton(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding = 6);

// A centred illustration, title, message and optional action button in the
// available width; returns true when the button was pressed.
bool state_card(const char* icon, ImU32 icon_colour, const std::string& title, const std::string& message,
                const char* button, const char* button_id);
// A calm inline banner (icon, message, optional action); true when pressed.
bool inline_banner(const char* icon, ImU32 colour, const std::string& message, const char* button,
                   const char* button_id);

// ---- scrolling ----------------------------------------------------------------
// Lets a finger (or the mouse) drag the current window's content. Call inside
// the scrolling child, after its items. A press that turned into a scroll
// never activates the item under it.
void drag_scroll();

}  // namespace ng::ui
