// text — the browser's text engine, for text the app's font atlas cannot
// draw (docs/text.md): web fonts registered per script with a unicode-range
// (so the browser downloads only the pieces a text needs), line breaking
// with Intl.Segmenter (words in Thai, Khmer, Myanmar; characters in CJK),
// and canvas text (HarfBuzz shaping, the bidirectional algorithm) drawn
// white on transparent into a WebGL texture that ImGui tints. Also the
// browser's locale-aware collation for sorting names.
//
// Fonts are registered once per document (every viewer on a page shares
// them); the canvas and the textures belong to each viewer.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace ng::web {

// Registers the fonts: the atlas' own Noto Sans (bytes the app already has,
// so the browser fetches nothing for Latin) and, from fonts/scripts.json
// under `asset_base`, every script's faces. Idempotent.
void text_init(const std::string& asset_base, const std::string& regular, const std::string& bold);

// True when the fonts `text` needs in `css_font` have loaded (or failed:
// the browser then falls back). Otherwise starts loading them and wakes the
// loop when they arrive. `cjk_region` ("jp", "kr", "sc", "tc", or "" when
// the text has no CJK) picks which sliced CJK faces to register first.
bool text_fonts_ready(const std::string& css_font, const std::string& text, const char* cjk_region);
// Bumped each time a font load finishes: callers waiting on fonts re-ask.
unsigned text_font_generation();

struct TextLine {
    std::size_t begin = 0, end = 0;  // byte offsets into the text, logical order
    float width = 0;                  // CSS pixels
};
// The text broken into lines no wider than `width` CSS pixels (0: one line),
// at word boundaries (Thai, Khmer, Myanmar by dictionary), between CJK
// characters (not before closing punctuation), or between characters when a
// word alone is too wide. `language` helps the segmenter ("th", "ja").
std::vector<TextLine> text_layout(const std::string& css_font, const std::string& text, float width,
                                  const std::string& language, bool rtl);
// The byte length of the longest prefix of whole characters that, with "…"
// after it, fits `max_width` CSS pixels.
std::size_t text_fit(const std::string& css_font, const std::string& text, float max_width, bool rtl);

// A texture for rasterised text (RGBA, cleared), registered in the GL table.
unsigned text_texture_create(int width, int height);
// Draws `text` on one line, white, into the w×h rectangle at (x, y) of the
// texture: `device_font` sized in device pixels, the baseline `baseline` px
// from the top, starting `pad` px from the left. Anything outside the
// rectangle is cut off (hostile stacks of marks stay in their box).
void text_raster(unsigned texture, int x, int y, int w, int h, const std::string& device_font,
                 const std::string& text, bool rtl, float baseline, float pad);
// How many runs text_raster has written so far: a texture the UI draws changed
// (the UI layer's cache, imgui_renderer.hpp, must not keep the old pixels).
unsigned text_rasters();

// The order of `names` under the browser's collation for `locale` ("en"):
// indices into `names`.
std::vector<int> collation_order(const std::vector<std::string>& names, const char* locale);

}  // namespace ng::web
