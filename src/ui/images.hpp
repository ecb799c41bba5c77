// images — story pictures as WebGL textures for ImGui. The browser decodes
// and uploads them (web/images.hpp: an <img> with crossOrigin="anonymous",
// so other origins need CORS); a picture that fails (404, no CORS, not an
// image) stays a styled placeholder. Textures are loaded on first sight and
// the least recently drawn are freed beyond a small budget.
#pragma once
#include <imgui.h>

#include <string>

#include "core/news_model.hpp"

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

// A story's picture in [a, b], never an empty hole: the image once it has
// loaded, a soft placeholder while it loads or after it failed, and for a
// story that has none (every item of the ingest service) the outlet's
// monogram on a tint of its country's colour. `country` is the ISO code the
// story is filed under.
void story_picture(ImDrawList* dl, const StorySummary& s, const std::string& country, ImVec2 a, ImVec2 b,
                   float rounding);
// The reader's picture height at `width`: 16:9, or a lower band for the
// monogram of a story without a picture (the loading skeleton uses the same).
float reader_picture_height(bool has_image, float width);

}  // namespace ng::ui
