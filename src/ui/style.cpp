// style — the look and the fonts (see style.hpp).
#include "ui/style.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>

#include "core/globe_view.hpp"
#include "core/text_script.hpp"
#include "web/browser.hpp"
#include "web/text.hpp"

namespace ng::ui {
namespace {

// A disc drawn into the font atlas (see draw_disc), once for each sub-pixel
// position of its centre, so that a quad laid on the device's pixel grid
// shows it as sharp as ImGui's own circle, within a quarter of a CSS pixel
// of where it belongs.
constexpr float kDiscRadii[] = {float(GlobeView::kMarkerDotPx), float(GlobeView::kMarkerHotDotPx),
                                float(GlobeView::kMarkerDotPx + GlobeView::kMarkerHaloPx),
                                float(GlobeView::kMarkerHotDotPx + GlobeView::kMarkerHaloPx)};
constexpr int kMaxPhases = 4;  // positions a device pixel apart, in each direction
struct Disc {
    float radius = 0;  // CSS px
    int side = 0;      // device px, a square
    int rect[kMaxPhases * kMaxPhases];  // the atlas' custom rectangles, by phase (y, x)
    ImVec2 uv0[kMaxPhases * kMaxPhases], uv1[kMaxPhases * kMaxPhases];
};

static struct {
    Fonts fonts;
    Colours colours;
    Disc discs[std::size(kDiscRadii)];
    int disc_count = 0, disc_phases = 0;  // 0: none in the atlas
    float disc_density = 1;
    bool styled = false, dark = false;  // the theme in use
} state;

// ImGui frees font data it owns with IM_FREE: hand it a copy it may keep.
void* owned_copy(const std::string& bytes) {
    void* p = IM_ALLOC(bytes.size());
    std::memcpy(p, bytes.data(), bytes.size());
    return p;
}

// The atlas' code points (core/text_script): every other script is drawn by
// the browser's text engine (ui/text.hpp).
const ImWchar* atlas_ranges() {
    static ImWchar ranges[2 * 16 + 1] = {};
    static_assert(sizeof(ranges) / sizeof(ranges[0]) > 2 * 11, "room for kAtlasRanges");
    if (!ranges[0])
        for (int i = 0; i < text::kAtlasRangeCount && i < 16; ++i) {
            ranges[2 * i] = ImWchar(text::kAtlasRanges[i].first);
            ranges[2 * i + 1] = ImWchar(text::kAtlasRanges[i].last);
        }
    return ranges;
}

ImFont* add_font(const std::string& face, const std::string& icons, float size, float density) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.RasterizerDensity = density;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(owned_copy(face), int(face.size()), size, &cfg, atlas_ranges());
    if (!font || icons.empty()) return font;
    ImFontConfig merge;
    merge.MergeMode = true;
    merge.RasterizerDensity = density;
    merge.GlyphMinAdvanceX = size * 1.1f;  // icons line up in lists
    merge.GlyphOffset = ImVec2(0, size * 0.02f);
    static const ImWchar icon_ranges[] = {0xf000, 0xf2ff, 0};
    io.Fonts->AddFontFromMemoryTTF(owned_copy(icons), int(icons.size()), size * 0.92f, &merge, icon_ranges);
    return font;
}

// Room in the atlas for each disc and phase at the device's pixels: a
// quarter of a CSS pixel apart (fewer phases on denser screens), a pixel to
// spare round the disc for its edge's coverage and one for the phase.
void reserve_discs(float density) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    state.disc_count = 0;
    state.disc_density = density;
    state.disc_phases = std::clamp(int(std::lround(kMaxPhases / density)), 1, kMaxPhases);
    for (float radius : kDiscRadii) {
        auto drawn = [&](const Disc& d) { return d.radius == radius; };
        if (std::any_of(state.discs, state.discs + state.disc_count, drawn)) continue;
        Disc& d = state.discs[state.disc_count++];
        d.radius = radius;
        d.side = int(std::ceil(2 * radius * density)) + 3;
        for (int k = 0; k < state.disc_phases * state.disc_phases; ++k) d.rect[k] = atlas->AddCustomRectRegular(d.side, d.side);
    }
}

// White, the edge anti-aliased over a device pixel as ImGui's own circles
// are over a CSS pixel.
void draw_discs() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &width, &height);
    const int phases = state.disc_phases;
    for (int n = 0; n < state.disc_count; ++n) {
        Disc& d = state.discs[n];
        const float radius = d.radius * state.disc_density;
        for (int k = 0; k < phases * phases; ++k) {
            const ImFontAtlasCustomRect* r = atlas->GetCustomRectByIndex(d.rect[k]);
            atlas->CalcCustomRectUV(r, &d.uv0[k], &d.uv1[k]);
            const float cx = float(d.side / 2) + float(k % phases) / phases, cy = float(d.side / 2) + float(k / phases) / phases;
            for (int y = 0; y < d.side; ++y)
                for (int x = 0; x < d.side; ++x) {
                    float edge = radius - std::hypot(x + 0.5f - cx, y + 0.5f - cy);  // > 0 inside
                    unsigned char* p = pixels + 4 * (size_t(r->Y + y) * size_t(width) + size_t(r->X + x));
                    p[0] = p[1] = p[2] = 255;
                    p[3] = (unsigned char)std::lround(255 * std::clamp(edge + 0.5f, 0.0f, 1.0f));
                }
        }
    }
}

}  // namespace

void draw_disc(ImDrawList* dl, ImVec2 centre, float radius, unsigned colour) {
    for (int n = 0; n < state.disc_count; ++n) {
        const Disc& d = state.discs[n];
        if (d.radius != radius) continue;
        // the centre to the nearest phase, in device pixels; the quad's corner on the grid
        const float density = state.disc_density, phases = float(state.disc_phases);
        const float x = std::round(centre.x * density * phases) / phases, y = std::round(centre.y * density * phases) / phases;
        const float left = std::floor(x), top = std::floor(y);
        const int k = int((y - top) * phases + 0.5f) * state.disc_phases + int((x - left) * phases + 0.5f);
        const ImVec2 p0((left - float(d.side / 2)) / density, (top - float(d.side / 2)) / density);
        dl->AddImage(ImGui::GetIO().Fonts->TexID, p0, ImVec2(p0.x + d.side / density, p0.y + d.side / density), d.uv0[k],
                     d.uv1[k], colour);
        return;
    }
    dl->AddCircleFilled(centre, radius, colour);
}

const Fonts& fonts() { return state.fonts; }
const Colours& colours() { return state.colours; }

bool build_fonts(const FontFiles& files, float density) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    state.fonts.body = add_font(files.regular, files.icons, 16, density);
    state.fonts.bold = add_font(files.bold, files.icons, 16, density);
    state.fonts.small = add_font(files.regular, files.icons, 13.5f, density);
    state.fonts.small_bold = add_font(files.bold, files.icons, 13.5f, density);
    state.fonts.title = add_font(files.bold, files.icons, 23, density);
    state.fonts.brand = add_font(files.bold, files.icons, 18, density);
    reserve_discs(density);
    bool ok = state.fonts.body && state.fonts.bold && state.fonts.small && state.fonts.small_bold && state.fonts.title && state.fonts.brand && io.Fonts->Build();
    if (ok) {
        io.FontDefault = state.fonts.body;
        draw_discs();
    } else {
        state.disc_count = 0;  // not in any atlas
    }
    // the browser draws other scripts with the same Noto Sans for their Latin parts
    if (ok) web::text_init(web::asset_base(), files.regular, files.bold);
    return ok;
}

void use_theme(bool dark) {
    if (state.styled && state.dark == dark) return;
    state.styled = true;
    state.dark = dark;
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowRounding = 14;
    s.ChildRounding = 10;
    s.FrameRounding = 8;
    s.PopupRounding = 10;
    s.GrabRounding = 8;
    s.ScrollbarRounding = 8;
    s.TabRounding = 8;
    s.WindowBorderSize = 1;
    s.FrameBorderSize = 0;
    s.PopupBorderSize = 1;
    s.PopupRounding = 10;
    s.WindowPadding = ImVec2(18, 16);
    s.FramePadding = ImVec2(12, 8);
    s.ItemSpacing = ImVec2(10, 8);
    s.ItemInnerSpacing = ImVec2(8, 6);
    s.ScrollbarSize = 12;
    s.WindowTitleAlign = ImVec2(0, 0.5f);
    s.SelectableTextAlign = ImVec2(0, 0.5f);

    auto rgb = [](unsigned hex, float a = 1) {
        return ImVec4(((hex >> 16) & 0xff) / 255.f, ((hex >> 8) & 0xff) / 255.f, (hex & 0xff) / 255.f, a);
    };
    ImVec4* c = s.Colors;
    if (dark) {
        ImGui::StyleColorsDark(&s);
        c[ImGuiCol_Text] = rgb(0xE8ECF3);
        c[ImGuiCol_TextDisabled] = rgb(0x98A2B3);
        c[ImGuiCol_WindowBg] = rgb(0x111827, 0.94f);
        c[ImGuiCol_ChildBg] = rgb(0x000000, 0);
        c[ImGuiCol_PopupBg] = rgb(0x263149, 0.99f);
        c[ImGuiCol_Border] = rgb(0xFFFFFF, 0.08f);
        c[ImGuiCol_FrameBg] = rgb(0x1F2937);
        c[ImGuiCol_FrameBgHovered] = rgb(0x273449);
        c[ImGuiCol_FrameBgActive] = rgb(0x2D3B52);
        c[ImGuiCol_Button] = rgb(0x243045);
        c[ImGuiCol_ButtonHovered] = rgb(0x2F3E59);
        c[ImGuiCol_ButtonActive] = rgb(0x3A4B6B);
        c[ImGuiCol_Header] = rgb(0x2563EB, 0.25f);
        c[ImGuiCol_HeaderHovered] = rgb(0xFFFFFF, 0.06f);
        c[ImGuiCol_HeaderActive] = rgb(0x2563EB, 0.35f);
        c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0);
        c[ImGuiCol_ScrollbarGrab] = rgb(0xFFFFFF, 0.14f);
        c[ImGuiCol_ScrollbarGrabHovered] = rgb(0xFFFFFF, 0.22f);
        c[ImGuiCol_Separator] = rgb(0xFFFFFF, 0.08f);
        c[ImGuiCol_CheckMark] = rgb(0x60A5FA);
        c[ImGuiCol_NavHighlight] = rgb(0x60A5FA);
        state.colours = {IM_COL32(232, 236, 243, 255), IM_COL32(152, 162, 179, 255), IM_COL32(107, 117, 136, 255),
                     IM_COL32(96, 165, 250, 255),  IM_COL32(96, 165, 250, 38),   IM_COL32(8, 17, 32, 255),
                     IM_COL32(15, 21, 34, 246),    IM_COL32(27, 35, 51, 255),    IM_COL32(255, 255, 255, 20),
                     IM_COL32(248, 113, 113, 255), IM_COL32(248, 113, 113, 30),  IM_COL32(255, 255, 255, 12),
                     IM_COL32(255, 255, 255, 16),  IM_COL32(255, 255, 255, 34),  IM_COL32(104, 201, 91, 255),
                     IM_COL32(255, 140, 56, 255),  IM_COL32(255, 255, 255, 18),  IM_COL32(0, 0, 0, 160)};
    } else {
        ImGui::StyleColorsLight(&s);
        c[ImGuiCol_Text] = rgb(0x111827);
        c[ImGuiCol_TextDisabled] = rgb(0x5B6474);
        c[ImGuiCol_WindowBg] = rgb(0xFFFFFF, 0.96f);
        c[ImGuiCol_ChildBg] = rgb(0x000000, 0);
        c[ImGuiCol_PopupBg] = rgb(0xFFFFFF, 0.99f);
        c[ImGuiCol_Border] = rgb(0x000000, 0.10f);
        c[ImGuiCol_FrameBg] = rgb(0xF1F3F7);
        c[ImGuiCol_FrameBgHovered] = rgb(0xE6EAF0);
        c[ImGuiCol_FrameBgActive] = rgb(0xDCE2EA);
        c[ImGuiCol_Button] = rgb(0xEDF0F5);
        c[ImGuiCol_ButtonHovered] = rgb(0xE1E6EE);
        c[ImGuiCol_ButtonActive] = rgb(0xD3DAE5);
        c[ImGuiCol_Header] = rgb(0x2563EB, 0.14f);
        c[ImGuiCol_HeaderHovered] = rgb(0x000000, 0.04f);
        c[ImGuiCol_HeaderActive] = rgb(0x2563EB, 0.22f);
        c[ImGuiCol_ScrollbarBg] = rgb(0x000000, 0);
        c[ImGuiCol_ScrollbarGrab] = rgb(0x000000, 0.16f);
        c[ImGuiCol_Separator] = rgb(0x000000, 0.08f);
        c[ImGuiCol_CheckMark] = rgb(0x2563EB);
        c[ImGuiCol_NavHighlight] = rgb(0x2563EB);
        state.colours = {IM_COL32(17, 24, 39, 255),    IM_COL32(75, 85, 99, 255),    IM_COL32(120, 128, 142, 255),
                     IM_COL32(37, 99, 235, 255),   IM_COL32(37, 99, 235, 26),    IM_COL32(255, 255, 255, 255),
                     IM_COL32(255, 255, 255, 250), IM_COL32(244, 246, 250, 255), IM_COL32(0, 0, 0, 22),
                     IM_COL32(220, 38, 38, 255),   IM_COL32(220, 38, 38, 22),    IM_COL32(0, 0, 0, 10),
                     IM_COL32(0, 0, 0, 14),        IM_COL32(0, 0, 0, 26),        IM_COL32(60, 160, 70, 255),
                     IM_COL32(234, 110, 30, 255),  IM_COL32(0, 0, 0, 18),        IM_COL32(17, 24, 39, 200)};
    }
}

}  // namespace ng::ui
