// globe_renderer — draws the globe with WebGL2 in a handful of draw calls:
// atmosphere glow, ocean disk, all land in one indexed mesh (colour looked
// up per country in a 256×1 palette texture, so hover, selection and coverage
// shading never rebuild geometry), border lines and an optional graticule.
#pragma once
#include <cstdint>

#include "core/camera.hpp"
#include "core/tessellate.hpp"

namespace ng {

struct GlobeTheme {
    float background[3], ocean[3], ocean_limb[3], border[4], graticule[4], atmosphere[4];
};
GlobeTheme globe_theme(bool dark);

namespace globe_renderer {

bool init();  // compiles shaders; false if WebGL2 is missing
// The land and borders at two levels of detail: a light mesh for the globe
// seen whole (core/simplify.hpp) and the full one for close views.
enum class Detail { Light, Full };
void upload_mesh(const GlobeMesh& mesh, Detail detail);
// 256 RGBA colours, one per country index.
void upload_palette(const uint8_t* rgba256);
// framebuffer size in device pixels; viewport is the CSS-pixel view.
// Draws with the full mesh when `detail` asks for it and it was uploaded.
void draw(const GlobeCamera& cam, const Viewport& vp, int fb_width, int fb_height, const GlobeTheme& theme,
          bool graticule, Detail detail);

}  // namespace globe_renderer
}  // namespace ng
