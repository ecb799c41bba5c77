// images — story pictures, decoded by the browser and uploaded as WebGL
// textures: an <img> with crossOrigin="anonymous" (so other origins need
// CORS) drawn into a canvas no wider than needed, then texImage2D. A picture
// that fails (404, no CORS, not an image) reports texture 0. The textures are
// registered in Emscripten's GL table, so ImGui draws them by name.
#pragma once
#include <string>

namespace ng::web {

// Where finished loads are reported: `texture` is the GL texture name, 0 when
// the picture failed; width and height are the texture's pixels.
using ImageLoaded = void (*)(int handle, unsigned texture, int width, int height);
void set_image_handler(ImageLoaded handler);

// Starts loading `url` into a texture at most `max_width` pixels wide; the
// handler hears about `handle` once, later.
void load_image(int handle, const std::string& url, int max_width);
void delete_texture(unsigned texture);

// The page's report of a finished load (ng_image_done).
void image_loaded(int handle, unsigned texture, int width, int height);

}  // namespace ng::web
