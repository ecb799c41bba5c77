// images — pictures loaded by the browser into WebGL textures (see images.hpp).
#include "ui/images.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "core/url_util.hpp"
#include "platform/web.hpp"

namespace {

// Loads an image and uploads it as a texture registered in Emscripten's GL
// table, so ImGui's OpenGL backend can bind it by id. Reports back through
// ng_image_done(handle, texture id or 0, width, height).
EM_JS(void, js_load_image, (int handle, const char* url, int max_width), {
    var done = function(id, w, h) { if (Module._ng_image_done) Module._ng_image_done(handle, id, w, h); };
    try {
        var img = new Image();
        img.crossOrigin = "anonymous";
        img.decoding = "async";
        img.onload = function() {
            try {
                var w = img.naturalWidth || 640, h = img.naturalHeight || 360;
                var scale = Math.min(1, max_width / w);
                var cw = Math.max(1, Math.round(w * scale)), ch = Math.max(1, Math.round(h * scale));
                var canvas = document.createElement("canvas");
                canvas.width = cw;
                canvas.height = ch;
                canvas.getContext("2d").drawImage(img, 0, 0, cw, ch);
                var gl = GLctx;
                if (!gl) return done(0, 0, 0);
                var previous = gl.getParameter(gl.TEXTURE_BINDING_2D);
                var tex = gl.createTexture();
                gl.bindTexture(gl.TEXTURE_2D, tex);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
                gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
                gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, canvas);
                gl.bindTexture(gl.TEXTURE_2D, previous);
                var id = GL.getNewId(GL.textures);
                tex.name = id;
                GL.textures[id] = tex;
                done(id, cw, ch);
            } catch (e) {
                done(0, 0, 0);  // a tainted canvas (no CORS) or no GL
            }
        };
        img.onerror = function() { done(0, 0, 0); };
        img.src = UTF8ToString(url);
    } catch (e) {
        done(0, 0, 0);
    }
});

EM_JS(void, js_delete_texture, (int id), {
    var tex = GL.textures[id];
    if (tex && GLctx) GLctx.deleteTexture(tex);
    GL.textures[id] = null;
});

constexpr size_t kBudget = 64;  // textures kept
constexpr int kMaxWidth = 960;  // px: enough for the reader at 2x density

struct Slot {
    std::string url;
    ng::ui::ImageState state = ng::ui::ImageState::Loading;
    ng::ui::ImageTexture texture;
    int last_used = 0;
};

std::unordered_map<int, Slot> g_slots;
std::unordered_map<std::string, int> g_by_url;
int g_next_handle = 1;

void evict(int frame) {
    size_t ready = 0;
    for (const auto& [h, s] : g_slots) ready += s.state == ng::ui::ImageState::Ready;
    while (ready > kBudget) {
        int victim = 0, oldest = frame;
        for (const auto& [h, s] : g_slots)
            if (s.state == ng::ui::ImageState::Ready && s.last_used < oldest) oldest = s.last_used, victim = h;
        if (!victim) return;  // everything was drawn this frame
        Slot& s = g_slots[victim];
        js_delete_texture(int(reinterpret_cast<intptr_t>(s.texture.id)));
        g_by_url.erase(s.url);
        g_slots.erase(victim);
        --ready;
    }
}

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void ng_image_done(int handle, int texture, int width, int height) {
    auto it = g_slots.find(handle);
    if (it == g_slots.end()) {
        if (texture) js_delete_texture(texture);
        return;
    }
    Slot& s = it->second;
    if (texture) {
        s.state = ng::ui::ImageState::Ready;
        s.texture = {reinterpret_cast<ImTextureID>(intptr_t(texture)), float(width), float(height)};
    } else {
        s.state = ng::ui::ImageState::Failed;
    }
    ng::web::wake();
}

namespace ng::ui {

ImageState image(const std::string& url, ImageTexture* out) {
    if (url.empty() || (!is_openable_url(url) && !is_fetchable_reference(url))) return ImageState::Failed;
    int frame = ImGui::GetFrameCount();
    auto it = g_by_url.find(url);
    if (it == g_by_url.end()) {
        int handle = g_next_handle++;
        Slot& s = g_slots[handle];
        s.url = url;
        s.last_used = frame;
        g_by_url[url] = handle;
        js_load_image(handle, url.c_str(), kMaxWidth);
        return ImageState::Loading;
    }
    Slot& s = g_slots[it->second];
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
