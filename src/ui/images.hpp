// images — story pictures as WebGL textures for ImGui. The browser decodes
// and uploads them (web/images.hpp: an <img> with crossOrigin="anonymous",
// so other origins need CORS); a picture that fails (404, no CORS, not an
// image) stays a styled placeholder. Textures are loaded on first sight and
// the least recently drawn are freed beyond a small budget.
#pragma once
#include <imgui.h>

#include <string>

namespace ng::ui {

struct ImageTexture {
    ImTextureID id = nullptr;
    float width = 0, height = 0;  // pixels of the uploaded texture
};

enum class ImageState { Loading, Ready, Failed };

// Starts loading `url` the first time it is asked for (only openable
// http(s) or relative URLs are loaded). *out is set when Ready.
ImageState image(const std::string& url, ImageTexture* out);

// Draws the picture into [a, b] cropped to fill it ("cover"), with rounded
// corners. Returns false (drawing nothing) when it is not ready.
bool draw_image_cover(ImDrawList* dl, const std::string& url, ImVec2 a, ImVec2 b, float rounding);

}  // namespace ng::ui
