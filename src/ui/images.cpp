// images — pictures loaded by the browser into WebGL textures (see images.hpp).
#include "ui/images.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include "core/url_util.hpp"
#include "ui/icons.hpp"
#include "ui/style.hpp"
#include "ui/text.hpp"
#include "ui/widgets.hpp"
#include "web/browser.hpp"
#include "web/images.hpp"

namespace ng::ui {
namespace {

constexpr size_t kBudget = 64;  // textures kept
constexpr int kMaxWidth = 960;  // px: enough for the reader at 2x density

struct Slot {
    std::string url;
    ImageState state = ImageState::Loading;
    ImageTexture texture;
    int last_used = 0;  // ImGui frame
};

static struct {
    std::unordered_map<int, Slot> slots;        // by handle
    std::unordered_map<std::string, int> by_url;
    int next_handle = 1;
} state;

unsigned texture_name(const ImageTexture& t) { return unsigned(reinterpret_cast<intptr_t>(t.id)); }

void evict(int frame) {
    size_t ready = 0;
    for (const auto& [h, s] : state.slots) ready += s.state == ImageState::Ready;
    while (ready > kBudget) {
        int victim = 0, oldest = frame;
        for (const auto& [h, s] : state.slots)
            if (s.state == ImageState::Ready && s.last_used < oldest) oldest = s.last_used, victim = h;
        if (!victim) return;  // everything was drawn this frame
        Slot& s = state.slots[victim];
        web::delete_texture(texture_name(s.texture));
        state.by_url.erase(s.url);
        state.slots.erase(victim);
        --ready;
    }
}

void on_loaded(int handle, unsigned texture, int width, int height) {
    auto it = state.slots.find(handle);
    if (it == state.slots.end()) {
        if (texture) web::delete_texture(texture);
        return;
    }
    Slot& s = it->second;
    if (texture) {
        s.state = ImageState::Ready;
        s.texture = {reinterpret_cast<ImTextureID>(intptr_t(texture)), float(width), float(height)};
    } else {
        s.state = ImageState::Failed;
    }
    web::wake();
}

}  // namespace

ImageState image(const std::string& url, ImageTexture* out) {
    if (url.empty() || (!is_openable_url(url) && !is_fetchable_reference(url))) return ImageState::Failed;
    int frame = ImGui::GetFrameCount();
    auto it = state.by_url.find(url);
    if (it == state.by_url.end()) {
        int handle = state.next_handle++;
        Slot& s = state.slots[handle];
        s.url = url;
        s.last_used = frame;
        state.by_url[url] = handle;
        web::set_image_handler(on_loaded);
        web::load_image(handle, url, kMaxWidth);
        return ImageState::Loading;
    }
    Slot& s = state.slots[it->second];
    s.last_used = frame;
    if (s.state == ImageState::Ready) {
        if (out) *out = s.texture;
        evict(frame);
    }
    return s.state;
}

bool draw_image_cover(ImDrawList* dl, const std::string& url, ImVec2 a, ImVec2 b, float rounding) {
    ImageTexture tex;
    if (image(url, &tex) != ImageState::Ready || tex.width <= 0 || tex.height <= 0) return false;
    float box_w = b.x - a.x, box_h = b.y - a.y;
    if (box_w <= 0 || box_h <= 0) return false;
    // crop the texture to the box's aspect ratio, centred
    float tex_aspect = tex.width / tex.height, box_aspect = box_w / box_h;
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (tex_aspect > box_aspect) {
        float keep = box_aspect / tex_aspect;
        uv0.x = (1 - keep) / 2;
        uv1.x = 1 - uv0.x;
    } else {
        float keep = tex_aspect / box_aspect;
        uv0.y = (1 - keep) / 2;
        uv1.y = 1 - uv0.y;
    }
    dl->AddImageRounded(tex.id, a, b, uv0, uv1, IM_COL32_WHITE, rounding);
    return true;
}

namespace {

// A calm colour per country (a hash of its code), mixed into the panel's
// colour so it reads as a tint in either theme.
ImU32 country_tint(const std::string& iso, float amount) {
    uint32_t h = 2166136261u;
    for (unsigned char ch : iso) h = (h ^ ch) * 16777619u;
    float r, g, b;
    ImGui::ColorConvertHSVtoRGB(float(h % 360) / 360.0f, 0.55f, 0.78f, r, g, b);
    ImVec4 base = to_vec4(colours().panel_raised);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(base.x + (r - base.x) * amount, base.y + (g - base.y) * amount,
                                                 base.z + (b - base.z) * amount, 1));
}

// The outlet's monogram on its country's tint: the outlet's initial in its
// own colour, and in a wide band its name, the country code and a faint globe.
void monogram(ImDrawList* dl, const StorySummary& s, const std::string& country, ImVec2 a, ImVec2 b, float rounding) {
    dl->AddRectFilled(a, b, country_tint(country, 0.30f), rounding);
    dl->PushClipRect(a, b, true);
    float w = b.x - a.x, h = b.y - a.y;
    bool band = w > h * 2.2f;  // the reader's band; a list thumbnail otherwise
    float r = std::min(h * (band ? 0.30f : 0.32f), 34.0f);
    ImVec2 centre = band ? ImVec2(a.x + 22 + r, (a.y + b.y) / 2) : ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2 - h * 0.06f);
    dl->AddCircleFilled(centre, r + 3, with_alpha(IM_COL32(255, 255, 255, 255), 0.35f), 32);
    outlet_avatar(dl, centre, r, s.outlet);
    ImFont* f = fonts().small_bold;
    if (band && f) {
        std::string name = ellipsize(outlet_label(s.outlet), w - 2 * r - 80, fonts().bold, s.language);
        float x = centre.x + r + 14;
        draw_text(dl, fonts().bold, ImVec2(x, centre.y - fonts().bold->FontSize + 1), colours().text, name, 0, s.language);
        if (!country.empty())
            code_badge(dl, ImVec2(x, centre.y + 4), country, f->FontSize + 6, with_alpha(colours().text, 0.12f),
                       colours().text_dim, f);
        ImFont* big = fonts().title;
        float size = h * 0.9f;
        ImVec2 ts = big->CalcTextSizeA(size, FLT_MAX, 0, ICON_GLOBE);
        dl->AddText(big, size, ImVec2(b.x - ts.x * 0.75f, (a.y + b.y - ts.y) / 2), with_alpha(colours().text, 0.06f), ICON_GLOBE);
    } else if (f && !country.empty()) {
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, country.c_str());
        dl->AddText(f, f->FontSize, ImVec2(b.x - ts.x - 6, b.y - ts.y - 4), with_alpha(colours().text, 0.55f), country.c_str());
    }
    dl->PopClipRect();
}

}  // namespace

void story_picture(ImDrawList* dl, const StorySummary& s, const std::string& country, ImVec2 a, ImVec2 b,
                   float rounding) {
    if (s.image.empty()) {
        monogram(dl, s, country, a, b, rounding);
        return;
    }
    if (draw_image_cover(dl, s.image, a, b, rounding)) return;
    ImageTexture t;
    image_placeholder(dl, a, b, rounding, s.outlet, image(s.image, &t) == ImageState::Loading);
}

float reader_picture_height(bool has_image, float width) {
    return std::round(has_image ? width * 9 / 16 : std::clamp(width * 0.24f, 96.0f, 132.0f));
}

}  // namespace ng::ui
