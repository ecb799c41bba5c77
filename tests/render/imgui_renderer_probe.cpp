// imgui_renderer_probe — our ImGui renderer (src/render/imgui_renderer.cpp)
// alone in a WebGL2 canvas, for tests/browser/renderer.test.mjs. One ImGui
// window fills the canvas with a grid of small squares, each a colour that
// encodes its index: with cells of 4 px that is 20,000+ squares, more than
// 80,000 vertices in one draw list, past what 16-bit indices reach without
// VtxOffset. After drawing, every cell's centre pixel is read back and
// compared with the colour it should have.
//
//   probe_run(font, font_bytes, cell_px) -> cells drawn wrong (-1: no WebGL2)
//   probe_vertices()                     -> vertices in the largest draw list
//   probe_render_ms(frames)              -> main-thread ms in the renderer per frame
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <vector>

#include "render/imgui_renderer.hpp"

namespace {

static struct {
    int width = 0, height = 0, cell = 4;
    int largest_list = 0;
    double render_ms = 0;  // in the renderer, summed over frames
} probe;

// The colour of cell i: distinct for neighbours and for cells 16,384 apart
// (where a wrapped 16-bit index would land: 65,536 vertices / 4).
ImU32 cell_colour(int i) {
    int r = (i * 37) % 251, g = (i / 7 * 53) % 241, b = (i / 64 * 91) % 239;
    return IM_COL32(r, g, b, 255);
}

void draw_frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(probe.width), float(probe.height));
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::Begin("grid", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int cols = probe.width / probe.cell, rows = probe.height / probe.cell;
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            ImVec2 a(float(x * probe.cell), float(y * probe.cell));
            dl->AddRectFilled(a, ImVec2(a.x + float(probe.cell), a.y + float(probe.cell)), cell_colour(y * cols + x));
        }
    ImGui::End();
    ImGui::PopStyleVar(2);
    ImGui::Render();
    ImDrawData* d = ImGui::GetDrawData();
    probe.largest_list = 0;
    for (int n = 0; n < d->CmdListsCount; ++n) probe.largest_list = std::max(probe.largest_list, d->CmdLists[n]->VtxBuffer.Size);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    double start = emscripten_performance_now();
    ng::imgui_renderer::render(d);
    probe.render_ms += emscripten_performance_now() - start;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int probe_run(const unsigned char* font, int font_bytes, int cell_px) {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.antialias = false;
    attrs.preserveDrawingBuffer = true;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (gl <= 0) return -1;
    emscripten_webgl_make_context_current(gl);
    emscripten_get_canvas_element_size("#canvas", &probe.width, &probe.height);
    probe.cell = cell_px;

    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(font), font_bytes, 16, &config);
    if (!ng::imgui_renderer::init()) return -1;
    ng::imgui_renderer::rebuild_font_texture();
    draw_frame();

    std::vector<unsigned char> pixels(size_t(probe.width) * size_t(probe.height) * 4);
    glReadPixels(0, 0, probe.width, probe.height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    int cols = probe.width / probe.cell, rows = probe.height / probe.cell, wrong = 0;
    for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
            int px = x * probe.cell + probe.cell / 2, py = probe.height - 1 - (y * probe.cell + probe.cell / 2);
            const unsigned char* p = &pixels[(size_t(py) * size_t(probe.width) + size_t(px)) * 4];
            ImU32 want = cell_colour(y * cols + x);
            int dr = std::abs(int(p[0]) - int(want & 0xff)), dg = std::abs(int(p[1]) - int((want >> 8) & 0xff)),
                db = std::abs(int(p[2]) - int((want >> 16) & 0xff));
            if (dr + dg + db > 6) ++wrong;
        }
    return wrong;
}

EMSCRIPTEN_KEEPALIVE int probe_vertices() { return probe.largest_list; }

EMSCRIPTEN_KEEPALIVE double probe_render_ms(int frames) {
    probe.render_ms = 0;
    for (int i = 0; i < frames; ++i) draw_frame();
    return probe.render_ms / frames;
}

}  // extern "C"
