// text — text from the news (headlines, outlet and country names, article
// bodies) in any script. What the atlas' Noto Sans covers (Latin with
// Latin-1 and Extended-A) ImGui draws; anything else the browser's text engine
// shapes, orders (bidi) and breaks into lines (web/text.hpp), each line
// rasterised once into a texture page (core/text_atlas.hpp) and drawn as
// one tinted quad. Every text is cleaned for display first
// (core/text_script.hpp) and is its own isolated paragraph: nothing in it
// can reorder or overdraw what is around it. Right-to-left paragraphs are
// right-aligned when they wrap. docs/text.md has the whole story.
#pragma once
#include <imgui.h>

#include <string>

namespace ng::ui {

// Once per frame, before drawing: the pixel density the text is drawn at.
void text_begin_frame(float density);

// Wrapped at `wrap_width` (0: one line). `language` (BCP 47, may be empty)
// picks Japanese, Korean or Chinese shapes for Han characters and helps
// line breaking.
float text_height(ImFont* font, const std::string& text, float wrap_width, const std::string& language = "");
float text_width(ImFont* font, const std::string& text, const std::string& language = "");
void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text, float wrap_width = 0,
               const std::string& language = "");
// The text cut to `max_width` with "…" when it does not fit.
std::string fit_text(ImFont* font, const std::string& text, float max_width, const std::string& language = "");
// False while the fonts a text needs are still downloading (its lines show
// as placeholders of their final size meanwhile).
bool text_ready(ImFont* font, const std::string& text, const std::string& language = "");
// True when the browser draws the text (the atlas' font lacks some of it).
bool needs_text_engine(ImFont* font, const std::string& text);
// True when the text is right to left (its first strong character).
bool text_rtl(const std::string& text);

}  // namespace ng::ui
