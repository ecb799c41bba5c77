// floor — the bare stack newsglobe is built on, as a benchmark: SDL2, a WebGL2
// context, Dear ImGui with its stock SDL2 and OpenGL3 backends, the demo
// window over a cleared screen. Built with the app's toolchain and flags
// (cmake/wasm.cmake), served beside it (build/site/bench/floor/), and
// measured against it in one run by tools/bench_web.mjs: what newsglobe costs
// above this is ours to justify.
//
// Its page reads, like the app's: performance.mark('first-frame') once a
// frame is on screen, and window.floorStats() for the frames drawn, the
// main-thread CPU of each frame (the same clock the app's frameCpu() uses)
// and the wasm heap.
#include <SDL.h>
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>

namespace {

SDL_Window* window = nullptr;
int frames = 0;
double cpu_total_ms = 0, cpu_max_ms = 0;
int cpu_frames = 0;

void frame() {
    double start = emscripten_get_now();
    SDL_Event e;
    while (SDL_PollEvent(&e)) ImGui_ImplSDL2_ProcessEvent(&e);
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    int w = 0, h = 0;
    SDL_GetWindowSize(window, &w, &h);
    if (int(css_w) != w || int(css_h) != h) SDL_SetWindowSize(window, int(css_w), int(css_h));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    ImGui::ShowDemoWindow();
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    SDL_GL_GetDrawableSize(window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.05f, 0.07f, 0.12f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (++frames == 1) EM_ASM(performance.mark('first-frame'));
    double ms = emscripten_get_now() - start;
    cpu_total_ms += ms, cpu_max_ms = std::max(cpu_max_ms, ms), ++cpu_frames;
}

}  // namespace

extern "C" {
// [frames drawn, average frame CPU ms, max frame CPU ms] since the last reset
EMSCRIPTEN_KEEPALIVE double floor_stat(int which, int reset) {
    double v = which == 0 ? frames : which == 1 ? (cpu_frames ? cpu_total_ms / cpu_frames : 0) : cpu_max_ms;
    if (reset) cpu_total_ms = 0, cpu_max_ms = 0, cpu_frames = 0;
    return v;
}
}

int main() {
    SDL_Init(SDL_INIT_VIDEO);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    window = SDL_CreateWindow("floor", 0, 0, 1280, 720,
                              SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    SDL_GL_MakeCurrent(window, gl);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().Fonts->AddFontDefault();
    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, true);
}
