// text — news text in any script (see text.hpp).
#include "ui/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/text_atlas.hpp"
#include "core/text_script.hpp"
#include "core/utf8.hpp"
#include "ui/frame.hpp"
#include "ui/screen_report.hpp"
#include "ui/style.hpp"
#include "web/text.hpp"

namespace ng::ui {
namespace {

// Noto Sans' vertical metrics (hhea, units per em 1000): ImGui sizes a font
// by ascent + descent, CSS by the em. The engine draws at the em size that
// makes its Latin identical to the atlas', on the same baseline.
constexpr float kEmPerSize = 1000.0f / (1069 + 293);
constexpr float kBaseline = 1069.0f / (1069 + 293);
// A wrapped engine paragraph's line pitch: scripts with tall stacks (Thai,
// Myanmar, Arabic marks) need more room than the atlas' tight Latin lines.
constexpr float kLinePitch = 1.25f;
// Room above and below a line's box in its bitmap, for marks and descenders
// that reach out of it; anything further is cut off.
constexpr float kOverTop = 0.35f, kOverBottom = 0.55f;
constexpr float kPad = 2;  // CSS px left and right of the ink
constexpr int kPageWidth = 2048, kPageHeight = 1024, kMaxPages = 6;
constexpr size_t kMaxRuns = 3000;

struct Line {
    std::string text;
    float width = 0;
    AtlasSlot slot;
};

// One text in one style at one width, laid out.
struct Run {
    std::string shown;       // display_text
    bool engine = false;     // drawn by the browser (else by ImGui's atlas)
    bool rtl = false;
    std::string region;      // CJK faces to register, "" when no CJK
    std::string families;    // the CJK families after "NG Sans" in its CSS font
    bool ready = false;      // its fonts have arrived
    unsigned checked = 0;    // the font generation it was last checked at
    std::vector<Line> lines;
    float width = 0, height = 0;
    int last_used = 0;
};

static struct {
    std::unordered_map<std::string, Run> runs;
    std::unordered_map<std::string, std::string> fitted;  // fit_text's answers
    TextAtlas atlas{kPageWidth, kPageHeight, kMaxPages};
    std::vector<unsigned> textures;  // one per atlas page
    float density = 1;
} state;

bool bold(const ImFont* font) {
    const Fonts& f = fonts();
    return font == f.bold || font == f.small_bold || font == f.title || font == f.brand;
}

// The Noto Sans CJK families a text needs, after its region's: Korean for
// Hangul in a Japanese or Chinese text, Japanese for kana in a Chinese or
// Korean one. Han characters its region lacks come from Simplified Chinese
// faces registered under the region's own family (text_engine.js), so the
// browser never loads a face for a character another family already has.
std::string extra_cjk_families(const std::string& s, const std::string& region) {
    bool kana = false, hangul = false;
    for (size_t i = 0; i < s.size();) {
        uint32_t c = 0;
        size_t n = utf8::decode(s, i, c);
        i += n ? n : 1;
        kana |= (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF);
        hangul |= (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    }
    std::string out;
    if (hangul && region != "kr") out += ", \"NG KR\"";
    if (kana && region != "jp") out += ", \"NG JP\"";
    return out;
}

// Han, kana, Hangul, CJK punctuation or fullwidth forms.
bool has_cjk(const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        uint32_t c = 0;
        size_t n = utf8::decode(s, i, c);
        i += n ? n : 1;
        if ((c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
            (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF))
            return true;
    }
    return false;
}

// The CSS font for a run: the atlas' Noto Sans (with every script's faces
// under the same family), then for CJK text its region's Noto Sans CJK.
std::string css_font(const ImFont* font, float scale, const std::string& families) {
    char size[32];
    std::snprintf(size, sizeof size, "%.3fpx", double(font->FontSize * kEmPerSize * scale));
    return std::string(bold(font) ? "700 " : "400 ") + size + " \"NG Sans\"" + families + ", sans-serif";
}

// Zero-width spaces, joiners and marks: the engine needs them (Persian,
// Indic, line breaks); ImGui would draw them as blanks of some width.
std::string without_format_characters(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
        uint32_t c = 0;
        size_t n = utf8::decode(s, i, c);
        if (n == 0) return s;  // display_text left only valid UTF-8
        if (!((c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064))) out.append(s, i, n);
        i += n;
    }
    return out;
}

// Every character has a glyph in the atlas' font.
bool atlas_draws(ImFont* font, const std::string& s) {
    for (size_t i = 0; i < s.size();) {
        uint32_t c = 0;
        size_t n = utf8::decode(s, i, c);
        if (n == 0) return false;
        i += n;
        if (c > 0xFFFF || !font->FindGlyphNoFallback(ImWchar(c))) return false;
    }
    return true;
}

float line_pitch(const ImFont* font, const Run& run) {
    return run.lines.size() > 1 ? std::round(font->FontSize * kLinePitch) : font->FontSize;
}

void lay_out(Run& run, ImFont* font, float wrap, const std::string& language) {
    std::string css = css_font(font, 1, run.families);
    std::vector<web::TextLine> lines = web::text_layout(css, run.shown, wrap, language, run.rtl);
    run.lines.clear();
    run.width = 0;
    for (const web::TextLine& l : lines) {
        std::string t = run.shown.substr(l.begin, l.end - l.begin);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        run.lines.push_back({t, l.width, {}});
        run.width = std::max(run.width, l.width);
    }
    if (run.lines.empty()) run.lines.push_back({});
    run.height = float(run.lines.size() - 1) * line_pitch(font, run) + font->FontSize;
}

Run& run_for(ImFont* font, const std::string& text, float wrap, const std::string& language) {
    std::string key = text;
    key += '\x1f';
    key += std::to_string(int(font->FontSize * 4)) + (bold(font) ? "b" : "r") + std::to_string(int(wrap)) + language;
    int frame = ImGui::GetFrameCount();
    auto it = state.runs.find(key);
    if (it == state.runs.end()) {
        if (state.runs.size() >= kMaxRuns) {  // forget runs not drawn for a while
            for (auto i = state.runs.begin(); i != state.runs.end();)
                i = frame - i->second.last_used > 120 ? state.runs.erase(i) : std::next(i);
            if (state.runs.size() >= kMaxRuns) state.runs.clear();
        }
        Run run;
        run.shown = text::display_text(text);
        run.engine = !atlas_draws(font, run.shown);
        if (run.engine) {
            run.rtl = text::base_direction(run.shown) == text::Direction::Rtl;
            if (has_cjk(run.shown)) {
                run.region = text::cjk_region(language, run.shown);
                std::string name = run.region;
                for (char& c : name) c = char(std::toupper(static_cast<unsigned char>(c)));
                run.families = ", \"NG " + name + "\"" + extra_cjk_families(run.shown, run.region);
            }
            run.checked = web::text_font_generation();
            run.ready = web::text_fonts_ready(css_font(font, 1, run.families), run.shown, run.region.c_str());
            lay_out(run, font, wrap, language);
        } else {
            run.shown = without_format_characters(run.shown);
            ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, run.shown.c_str());
            run.width = size.x;
            run.height = size.y;
        }
        it = state.runs.emplace(key, std::move(run)).first;
    }
    Run& run = it->second;
    run.last_used = frame;
    if (run.engine && !run.ready && run.checked != web::text_font_generation()) {
        run.checked = web::text_font_generation();
        run.ready = web::text_fonts_ready(css_font(font, 1, run.families), run.shown, run.region.c_str());
        lay_out(run, font, wrap, language);  // measured with the real fonts now (or still the fallback)
    }
    if (run.engine && !run.ready) request_animation();  // the placeholder shimmers until the fonts arrive
    return run;
}

unsigned page_texture(int page) {
    while (int(state.textures.size()) <= page) state.textures.push_back(web::text_texture_create(kPageWidth, kPageHeight));
    return state.textures[size_t(page)];
}

// Rasterises a line into the atlas if it is not there (or its page was reused).
bool rasterise(Line& line, ImFont* font, const Run& run) {
    int frame = ImGui::GetFrameCount();
    if (state.atlas.valid(line.slot)) {
        state.atlas.touch(line.slot, frame);
        return true;
    }
    float d = state.density;
    int w = int(std::ceil((line.width + 2 * kPad) * d));
    int h = int(std::ceil(font->FontSize * (1 + kOverTop + kOverBottom) * d));
    std::optional<AtlasSlot> slot = state.atlas.place(w, h, frame);
    if (!slot) return false;
    line.slot = *slot;
    unsigned tex = page_texture(slot->page);
    if (!tex) return false;
    web::text_raster(tex, slot->x, slot->y, w, h, css_font(font, d, run.families), line.text, run.rtl,
                     std::round(font->FontSize * (kOverTop + kBaseline) * d), kPad * d);
    return true;
}

float snap(float v) { return std::round(v * state.density) / state.density; }

// What the tests see of an engine text drawn where it can be seen.
void report(const Run& run, ImVec2 pos, float wrap, ImVec2 clip_min, ImVec2 clip_max) {
    std::vector<ScreenReport::EngineText>& texts = screen_report().texts;
    if (texts.size() >= ScreenReport::kMaxTexts || pos.y + run.height < clip_min.y || pos.y > clip_max.y) return;
    float x = run.rtl && wrap > 0 ? pos.x + wrap - run.width : pos.x;
    texts.push_back({run.shown, {x, pos.y, run.width, run.height}, int(run.lines.size()), run.rtl, run.ready});
}

}  // namespace

void text_begin_frame(float density) {
    if (density <= 0 || density == state.density) return;
    state.density = density;
    state.atlas = TextAtlas(kPageWidth, kPageHeight, kMaxPages);  // every line is drawn again, sharper or softer
    state.fitted.clear();
}

float text_height(ImFont* font, const std::string& text, float wrap_width, const std::string& language) {
    if (!font || text.empty()) return font ? font->FontSize : 0;
    return run_for(font, text, std::max(1.0f, wrap_width), language).height;
}

float text_width(ImFont* font, const std::string& text, const std::string& language) {
    if (!font || text.empty()) return 0;
    return run_for(font, text, 0, language).width;
}

bool text_ready(ImFont* font, const std::string& text, const std::string& language) {
    if (!font || text.empty()) return true;
    const Run& run = run_for(font, text, 0, language);
    return !run.engine || run.ready;
}

bool needs_text_engine(ImFont* font, const std::string& text) {
    return font && !text.empty() && run_for(font, text, 0, "").engine;
}

bool text_rtl(const std::string& text) { return text::base_direction(text) == text::Direction::Rtl; }

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, const std::string& text, float wrap_width,
               const std::string& language) {
    if (!font || text.empty()) return;
    Run& run = run_for(font, text, wrap_width > 0 ? std::max(1.0f, wrap_width) : 0, language);
    if (!run.engine) {
        dl->AddText(font, font->FontSize, pos, colour, run.shown.c_str(), nullptr, wrap_width);
        return;
    }
    float pitch = line_pitch(font, run);
    ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    report(run, pos, wrap_width, clip_min, clip_max);
    for (size_t i = 0; i < run.lines.size(); ++i) {
        Line& line = run.lines[i];
        float y = pos.y + float(i) * pitch;
        float x = run.rtl && wrap_width > 0 ? pos.x + wrap_width - line.width : pos.x;
        if (y + font->FontSize * (1 + kOverBottom) < clip_min.y || y - font->FontSize * kOverTop > clip_max.y) continue;
        if (!run.ready) {  // the size it will have, in the text's colour, faintly
            float h = std::round(font->FontSize * 0.5f);
            ImVec2 a(x, y + std::round((font->FontSize - h) / 2));
            dl->AddRectFilled(a, ImVec2(a.x + std::max(8.0f, line.width), a.y + h), (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 40), h / 2);
            continue;
        }
        if (line.text.empty() || !rasterise(line, font, run)) continue;
        const AtlasSlot& s = line.slot;
        ImVec2 a(snap(x - kPad), snap(y - font->FontSize * kOverTop));
        ImVec2 b(a.x + float(s.w) / state.density, a.y + float(s.h) / state.density);
        ImVec2 uv0(float(s.x) / kPageWidth, float(s.y) / kPageHeight);
        ImVec2 uv1(float(s.x + s.w) / kPageWidth, float(s.y + s.h) / kPageHeight);
        dl->AddImage(reinterpret_cast<ImTextureID>(intptr_t(state.textures[size_t(s.page)])), a, b, uv0, uv1, colour);
    }
}

std::string fit_text(ImFont* font, const std::string& text, float max_width, const std::string& language) {
    if (!font || text.empty()) return text;
    const Run& run = run_for(font, text, 0, language);
    if (run.width <= max_width) return run.shown;
    std::string key = run.shown + '\x1f' + std::to_string(int(font->FontSize * 4)) + (bold(font) ? "b" : "r") +
                      std::to_string(int(max_width)) + language;
    auto it = state.fitted.find(key);
    if (it != state.fitted.end()) return it->second;
    std::string out;
    if (run.engine) {
        out = run.shown.substr(0, web::text_fit(css_font(font, 1, run.families), run.shown, max_width, run.rtl));
    } else {
        auto width = [&](const std::string& s) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.c_str()).x; };
        out = run.shown;
        while (!out.empty() && width(out + "\xe2\x80\xa6") > max_width) {
            size_t n = out.size() - 1;  // drop one UTF-8 code point from the end
            while (n > 0 && (static_cast<unsigned char>(out[n]) & 0xC0) == 0x80) --n;
            out.resize(n);
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\xe2\x80\xa6";
    if (state.fitted.size() > 4096) state.fitted.clear();
    state.fitted.emplace(key, out);
    return out;
}

}  // namespace ng::ui
