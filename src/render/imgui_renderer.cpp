#include "render/imgui_renderer.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/pixel_rects.hpp"
#include "render/gl_program.hpp"

namespace ng::imgui_renderer {
namespace {

const char* kVS = R"(#version 300 es
uniform mat4 u_proj;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = a_uv;
    v_color = a_color;
    gl_Position = u_proj * vec4(a_pos, 0.0, 1.0);
})";

const char* kFS = R"(#version 300 es
precision mediump float;
uniform sampler2D u_tex;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() { o_color = v_color * texture(u_tex, v_uv); })";

// The UI layer copied onto the screen: premultiplied, one texel a pixel.
const char* kLayerVS = R"(#version 300 es
void main() {  // a triangle over the whole screen; the scissor picks the part
    vec2 p = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
    gl_Position = vec4(p, 0.0, 1.0);
})";

const char* kLayerFS = R"(#version 300 es
precision mediump float;
uniform sampler2D u_layer;
out vec4 o_color;
void main() { o_color = texelFetch(u_layer, ivec2(gl_FragCoord.xy), 0); })";

static struct {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font = 0;
    GLint proj = -1, tex = -1;
    unsigned first_vertex = ~0u;  // where the vertex attributes point in the bound buffer
    unsigned font_builds = 0;
    // The windows' draw lists, drawn once into a texture and copied from it
    // while they stay the same (see render()).
    struct {
        GLuint program = 0, vao = 0, fbo = 0, tex = 0;
        int width = 0, height = 0;
        uint64_t holds = 0;  // the signature of what the texture holds, 0: nothing
        uint64_t last = 0;   // the last frame's signature
        std::vector<PixelRect> rects;  // where the layer has pixels (framebuffer, y down), not overlapping
    } layer;
} state;

// Points the vertex attributes at `first_vertex` of the bound buffer. WebGL2
// has no glDrawElementsBaseVertex, so this is how a draw command's
// VtxOffset is honoured: 16-bit indices then count from there, and a draw
// list may hold any number of vertices (ImGui starts a new offset every
// 64 K vertices once the backend says it can, RendererHasVtxOffset).
void point_attributes(unsigned first_vertex) {
    if (first_vertex == state.first_vertex) return;
    state.first_vertex = first_vertex;
    const GLsizei stride = sizeof(ImDrawVert);
    const uintptr_t base = uintptr_t(first_vertex) * sizeof(ImDrawVert);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, (void*)(base + offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, (void*)(base + offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, (void*)(base + offsetof(ImDrawVert, col)));
}

void setup_state(ImDrawData* d, int fb_w, int fb_h) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_w, fb_h);
    float l = d->DisplayPos.x, r = d->DisplayPos.x + d->DisplaySize.x;
    float t = d->DisplayPos.y, b = d->DisplayPos.y + d->DisplaySize.y;
    const float proj[16] = {2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0,
                            (r + l) / (l - r), (t + b) / (b - t), 0, 1};
    glUseProgram(state.program);
    glUniformMatrix4fv(state.proj, 1, GL_FALSE, proj);
    glUniform1i(state.tex, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(state.vao);
    glBindBuffer(GL_ARRAY_BUFFER, state.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, state.ibo);
}

}  // namespace

bool init() {
    GLuint ui = start_program(kVS, kFS), layer = start_program(kLayerVS, kLayerFS);
    state.program = finish_program(ui, "imgui");
    state.layer.program = finish_program(layer, "imgui layer");
    glGenVertexArrays(1, &state.layer.vao);  // no attributes: the vertices come from gl_VertexID
    state.proj = glGetUniformLocation(state.program, "u_proj");
    state.tex = glGetUniformLocation(state.program, "u_tex");

    glGenVertexArrays(1, &state.vao);
    glGenBuffers(1, &state.vbo);
    glGenBuffers(1, &state.ibo);
    glBindVertexArray(state.vao);
    glBindBuffer(GL_ARRAY_BUFFER, state.vbo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    point_attributes(0);
    glBindVertexArray(0);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "newsglobe_webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return state.program != 0;
}

void rebuild_font_texture() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (!state.font) glGenTextures(1, &state.font);
    glBindTexture(GL_TEXTURE_2D, state.font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(intptr_t(state.font)));
    io.Fonts->ClearTexData();  // the GPU has it now
    ++state.font_builds;       // same texture name, new pixels: the layer is stale
}

namespace {

void draw_list(const ImDrawData* d, const ImDrawList* list, int fb_h) {
    ImVec2 off = d->DisplayPos, scale = d->FramebufferScale;
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size * sizeof(ImDrawVert)), list->VtxBuffer.Data,
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size * sizeof(ImDrawIdx)), list->IdxBuffer.Data,
                 GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
        if (cmd.UserCallback) {
            if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                setup_state(const_cast<ImDrawData*>(d), int(d->DisplaySize.x * scale.x), fb_h);
            else
                cmd.UserCallback(list, &cmd);
            continue;
        }
        ImVec2 clip_min((cmd.ClipRect.x - off.x) * scale.x, (cmd.ClipRect.y - off.y) * scale.y);
        ImVec2 clip_max((cmd.ClipRect.z - off.x) * scale.x, (cmd.ClipRect.w - off.y) * scale.y);
        if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) continue;
        glScissor(int(clip_min.x), int(fb_h - clip_max.y), int(clip_max.x - clip_min.x), int(clip_max.y - clip_min.y));
        glBindTexture(GL_TEXTURE_2D, GLuint(intptr_t(cmd.GetTexID())));
        point_attributes(cmd.VtxOffset);
        glDrawElements(GL_TRIANGLES, GLsizei(cmd.ElemCount), sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                       (void*)(intptr_t(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
}

// FNV-1a, eight bytes at a time: ~0.1 ms for a panel of 500 stories' lists.
struct Hash {
    uint64_t h = 0xcbf29ce484222325ULL;
    void word(uint64_t w) { h = (h ^ w) * 0x100000001b3ULL; }
    void bytes(const void* p, size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        for (; n >= 8; n -= 8, b += 8) {
            uint64_t w;
            std::memcpy(&w, b, 8);
            word(w);
        }
        uint64_t tail = 0;
        std::memcpy(&tail, b, n);
        word(tail ^ n);
    }
};

// Everything that decides the windows' pixels: their vertices, indices and
// commands, the view, and the pixels of the textures they draw from.
uint64_t signature(const ImDrawData* d, int first, int end, int fb_w, int fb_h, unsigned texture_writes) {
    Hash h;
    const float view[6] = {d->DisplayPos.x, d->DisplayPos.y, d->DisplaySize.x, d->DisplaySize.y, d->FramebufferScale.x,
                           d->FramebufferScale.y};
    h.bytes(view, sizeof view);
    h.word(uint64_t(fb_w) << 32 | uint32_t(fb_h));
    h.word(uint64_t(state.font_builds) << 32 | texture_writes);
    for (int n = first; n < end; ++n) {
        const ImDrawList* list = d->CmdLists[n];
        h.bytes(list->VtxBuffer.Data, size_t(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        h.bytes(list->IdxBuffer.Data, size_t(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            h.bytes(&cmd.ClipRect, sizeof cmd.ClipRect);
            h.word(uint64_t(intptr_t(cmd.GetTexID())));
            h.word(uint64_t(cmd.VtxOffset) << 32 | cmd.IdxOffset);
            h.word(uint64_t(cmd.ElemCount) << 1 | (cmd.UserCallback ? 1 : 0));
        }
    }
    return h.h | 1;  // never 0, which means "nothing held"
}

// Where the windows drew: each list's vertices, bounded (a window's first
// commands are clipped to the whole view, not to the window), in whole
// pixels that hold every pixel a triangle between them can touch.
std::vector<PixelRect> window_rects(const ImDrawData* d, int first, int end, int fb_w, int fb_h) {
    std::vector<PixelRect> rects;
    ImVec2 off = d->DisplayPos, scale = d->FramebufferScale;
    for (int n = first; n < end; ++n) {
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        for (const ImDrawVert& v : d->CmdLists[n]->VtxBuffer) {
            x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
            x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
        }
        PixelRect r{std::max(0, int(std::floor((x0 - off.x) * scale.x))), std::max(0, int(std::floor((y0 - off.y) * scale.y))),
                    std::min(fb_w, int(std::ceil((x1 - off.x) * scale.x)) + 1),
                    std::min(fb_h, int(std::ceil((y1 - off.y) * scale.y)) + 1)};
        if (r.x1 > r.x0 && r.y1 > r.y0) rects.push_back(r);
    }
    return rects;
}

// Draws the windows' lists into the layer's texture (made or resized to
// the framebuffer), cleared to transparent. The blending (setup_state) keeps
// the colour premultiplied by the coverage and the alpha as the coverage, so
// copying the layer with (1, 1 - alpha) gives what drawing the lists
// straight onto the screen gives, to a level of rounding.
void draw_into_layer(const ImDrawData* d, int first, int end, int fb_w, int fb_h) {
    auto& layer = state.layer;
    if (!layer.fbo) glGenFramebuffers(1, &layer.fbo), glGenTextures(1, &layer.tex);
    glBindFramebuffer(GL_FRAMEBUFFER, layer.fbo);
    if (layer.width != fb_w || layer.height != fb_h) {
        glBindTexture(GL_TEXTURE_2D, layer.tex);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fb_w, fb_h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, layer.tex, 0);
        layer.width = fb_w, layer.height = fb_h;
    }
    glDisable(GL_SCISSOR_TEST);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    for (int n = first; n < end; ++n) draw_list(d, d->CmdLists[n], fb_h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void copy_layer(const std::vector<PixelRect>& rects, int fb_h) {
    glUseProgram(state.layer.program);
    glBindVertexArray(state.layer.vao);
    glBindTexture(GL_TEXTURE_2D, state.layer.tex);
    glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    for (const PixelRect& r : rects) {
        glScissor(r.x0, fb_h - r.y1, r.x1 - r.x0, r.y1 - r.y0);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
}

}  // namespace

// The windows (top bar, panels, legend) are the same frame after frame
// while the globe turns under them, and on a software rasteriser redrawing
// their glyphs costs 6 ms a frame, a panel of stories 17 (docs/performance.md).
// So once they have stayed the same for a frame they are drawn into a
// texture, and while they stay so the texture is copied where they are.
// The background list (the globe's dots, which move with it) and the
// foreground list (toasts) are drawn straight, under and over them.
void render(ImDrawData* d, unsigned texture_writes) {
    int fb_w = int(d->DisplaySize.x * d->FramebufferScale.x), fb_h = int(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0 || d->CmdListsCount == 0) return;
    setup_state(d, fb_w, fb_h);
    int first = 0, end = d->CmdListsCount;
    if (d->CmdLists[0] == ImGui::GetBackgroundDrawList()) draw_list(d, d->CmdLists[first++], fb_h);
    const ImDrawList* foreground = end > first && d->CmdLists[end - 1] == ImGui::GetForegroundDrawList() ? d->CmdLists[--end] : nullptr;
    auto& layer = state.layer;
    uint64_t now = first < end && layer.program ? signature(d, first, end, fb_w, fb_h, texture_writes) : 0;
    bool steady = now != 0 && now == layer.last;
    layer.last = now;
    if (!steady) {
        for (int n = first; n < end; ++n) draw_list(d, d->CmdLists[n], fb_h);
    } else {
        if (layer.holds != now) {
            draw_into_layer(d, first, end, fb_w, fb_h);
            layer.rects = disjoint_union(window_rects(d, first, end, fb_w, fb_h));
            layer.holds = now;
        }
        copy_layer(layer.rects, fb_h);
        setup_state(d, fb_w, fb_h);
    }
    if (foreground) draw_list(d, foreground, fb_h);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glBindVertexArray(0);
}

}  // namespace ng::imgui_renderer
