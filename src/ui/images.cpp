// images — pictures loaded by the browser into WebGL textures (see images.hpp).
#include "ui/images.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "core/url_util.hpp"
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

}  // namespace ng::ui
