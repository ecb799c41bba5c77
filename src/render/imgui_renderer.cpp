#include "render/imgui_renderer.hpp"

#include <imgui.h>

#include <cstdint>

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

static struct {
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font = 0;
    GLint proj = -1, tex = -1;
    unsigned first_vertex = ~0u;  // where the vertex attributes point in the bound buffer
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
    state.program = link_program(kVS, kFS, "imgui");
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
}

void render(ImDrawData* d) {
    int fb_w = int(d->DisplaySize.x * d->FramebufferScale.x), fb_h = int(d->DisplaySize.y * d->FramebufferScale.y);
    if (fb_w <= 0 || fb_h <= 0 || d->CmdListsCount == 0) return;
    setup_state(d, fb_w, fb_h);
    ImVec2 off = d->DisplayPos, scale = d->FramebufferScale;
    for (int n = 0; n < d->CmdListsCount; ++n) {
        const ImDrawList* list = d->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size * sizeof(ImDrawVert)), list->VtxBuffer.Data,
                     GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size * sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    setup_state(d, fb_w, fb_h);
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
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_BLEND);
    glBindVertexArray(0);
}

}  // namespace ng::imgui_renderer
