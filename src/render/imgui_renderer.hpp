// imgui_renderer — draws Dear ImGui's draw lists with WebGL2.
//
// Why not imgui_impl_opengl3: that backend backs up and restores GL state
// every frame with ~20 glGet*/glIsEnabled queries. In a browser each can be a
// synchronous round trip to the GPU process that waits for all queued drawing
// (with software WebGL, the whole globe): measured at ~150 ms of main-thread
// time per frame here. This renderer owns the state it needs, so it queries
// nothing. Implemented: RGBA font atlas, user textures (ImTextureID = GL
// texture name), clip rectangles, framebuffer scale (HiDPI), 16-bit indices
// with VtxOffset (ImGuiBackendFlags_RendererHasVtxOffset: a draw list may
// hold more than 65,535 vertices), ImDrawCallback_ResetRenderState, and the
// windows kept as a layer while they do not change (render()).
#pragma once

struct ImDrawData;

namespace ng::imgui_renderer {

bool init();
void rebuild_font_texture();  // after the font atlas changed
// `texture_writes`: a count that changes whenever pixels were written into a
// texture the windows draw from under the same name (web::text_rasters()).
void render(ImDrawData* data, unsigned texture_writes = 0);

}  // namespace ng::imgui_renderer
