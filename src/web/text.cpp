// text — the browser's text engine (see text.hpp); the JavaScript is in
// text_engine.js, linked with --pre-js into each viewer's module.
#include "web/text.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdlib>

namespace ng::web {
namespace {

EM_JS(void, js_text_init, (const char* base, const char* regular, int regular_len, const char* bold, int bold_len), {
    ngText.addWaker(function() { if (Module._ng_wake) Module._ng_wake(); });
    ngText.init(UTF8ToString(base), HEAPU8.slice(regular, regular + regular_len).buffer,
                HEAPU8.slice(bold, bold + bold_len).buffer);
});
EM_JS(int, js_text_ready, (const char* font, const char* text, const char* region), {
    return ngText.ready(UTF8ToString(font), UTF8ToString(text), UTF8ToString(region)) ? 1 : 0;
});
EM_JS(int, js_text_generation, (), { return ngText.registry().generation; });
// Writes [begin, end, width × 64] per line (UTF-8 offsets) into out; returns
// the number of lines, at most max_lines.
EM_JS(int, js_text_layout, (const char* font, const char* text, double width, const char* lang, int rtl, int* out,
                            int max_lines), {
    var s = UTF8ToString(text);
    var lines = ngText.layout(UTF8ToString(font), s, width, UTF8ToString(lang), rtl);
    var n = Math.min(lines.length, max_lines), at = 0, last = 0;
    for (var i = 0; i < n; i++) {
        at += ngText.utf8Length(s.slice(last, lines[i][0]));
        var begin = at;
        at += ngText.utf8Length(s.slice(lines[i][0], lines[i][1]));
        last = lines[i][1];
        HEAP32[(out >> 2) + i * 3] = begin;
        HEAP32[(out >> 2) + i * 3 + 1] = at;
        HEAP32[(out >> 2) + i * 3 + 2] = Math.round(lines[i][2] * 64);
    }
    return n;
});
EM_JS(int, js_text_fit, (const char* font, const char* text, double max_width, int rtl), {
    return ngText.fit(UTF8ToString(font), UTF8ToString(text), max_width, rtl);
});
EM_JS(int, js_text_texture, (int w, int h), { return ngText.createTexture(w, h); });
EM_JS(void, js_text_raster, (int tex, int x, int y, int w, int h, const char* font, const char* text, int rtl,
                             double baseline, double pad), {
    ngText.raster(tex, x, y, w, h, UTF8ToString(font), UTF8ToString(text), rtl, baseline, pad);
});
// Names joined by U+001F; the order written into out.
EM_JS(void, js_collate, (const char* joined, const char* locale, int* out), {
    var names = UTF8ToString(joined).split(String.fromCharCode(31));
    ngText.collate(names, UTF8ToString(locale)).forEach(function(v, i) { HEAP32[(out >> 2) + i] = v; });
});

constexpr int kMaxLines = 256;

}  // namespace

void text_init(const std::string& asset_base, const std::string& regular, const std::string& bold) {
    js_text_init(asset_base.c_str(), regular.data(), int(regular.size()), bold.data(), int(bold.size()));
}

bool text_fonts_ready(const std::string& css_font, const std::string& text, const char* cjk_region) {
    return js_text_ready(css_font.c_str(), text.c_str(), cjk_region ? cjk_region : "") != 0;
}

unsigned text_font_generation() { return unsigned(js_text_generation()); }

std::vector<TextLine> text_layout(const std::string& css_font, const std::string& text, float width,
                                  const std::string& language, bool rtl) {
    int raw[kMaxLines * 3];
    int n = js_text_layout(css_font.c_str(), text.c_str(), width, language.c_str(), rtl ? 1 : 0, raw, kMaxLines);
    std::vector<TextLine> lines(size_t(n > 0 ? n : 0));
    for (size_t i = 0; i < lines.size(); ++i) {
        size_t begin = size_t(raw[i * 3]), end = size_t(raw[i * 3 + 1]);
        if (end > text.size() || begin > end) return {};  // cannot happen with valid UTF-8
        lines[i] = {begin, end, float(raw[i * 3 + 2]) / 64};
    }
    return lines;
}

std::size_t text_fit(const std::string& css_font, const std::string& text, float max_width, bool rtl) {
    int n = js_text_fit(css_font.c_str(), text.c_str(), max_width, rtl ? 1 : 0);
    return n < 0 ? 0 : std::min(text.size(), size_t(n));
}

unsigned text_texture_create(int width, int height) { return unsigned(js_text_texture(width, height)); }

namespace {
unsigned rasters = 0;
}  // namespace

unsigned text_rasters() { return rasters; }

void text_raster(unsigned texture, int x, int y, int w, int h, const std::string& device_font,
                 const std::string& text, bool rtl, float baseline, float pad) {
    ++rasters;
    js_text_raster(int(texture), x, y, w, h, device_font.c_str(), text.c_str(), rtl ? 1 : 0, baseline, pad);
}

std::vector<int> collation_order(const std::vector<std::string>& names, const char* locale) {
    std::vector<int> order(names.size());
    if (names.empty()) return order;
    std::string joined;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) joined += '\x1f';
        for (char c : names[i]) joined += c == '\x1f' ? ' ' : c;
    }
    js_collate(joined.c_str(), locale, order.data());
    return order;
}

}  // namespace ng::web
