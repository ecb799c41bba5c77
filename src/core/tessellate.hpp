// tessellate — turns the world's lon/lat outlines into GPU-ready geometry on
// the unit sphere: filled land (one mesh, a country index per vertex so colour
// comes from a lookup table) and border lines. Plain data; the renderer uploads it.
//
// Why this shape: polygons are cut along a 3° lon/lat grid and each piece is
// triangulated by earcut in the lon/lat plane (where Natural Earth's rings are
// valid and picking tests them). No flat triangle then spans more than a cell,
// so none sinks more than 1.2e-3 of the radius under the curved surface: the
// limb stays round (a third of a pixel seen whole).
//
// The land's triangles, the border and graticule segments are sorted into 10° tiles,
// each with the cap that holds it, so a frame draws only the tiles it can
// see (a software rasteriser otherwise transforms the far side too).
#pragma once
#include <cstdint>
#include <vector>

#include "core/world.hpp"

namespace ng {

// A run of land indices or border vertices lying in one tile, and the
// spherical cap around them.
struct MeshTile {
    uint32_t first = 0, count = 0;  // in indices (land) or vertices (borders)
    Vec3 centre;                    // unit vector
    double radius = 0;              // radians
};

struct GlobeMesh {
    std::vector<float> land_xyz;          // 3 floats a vertex, on the unit sphere
    std::vector<float> land_country;      // country index a vertex (float for GL)
    std::vector<uint32_t> land_indices;   // triangles, sorted by tile
    std::vector<float> border_xyz;        // line segments: 2 vertices each, sorted by tile
    std::vector<float> graticule_xyz;     // line segments every 15°
    std::vector<MeshTile> land_tiles, border_tiles, graticule_tiles;  // in order, covering all
};

// The ranges (first, count) of the tiles that meet the cap, adjacent ones
// merged: what to draw.
std::vector<std::pair<uint32_t, uint32_t>> visible_runs(const std::vector<MeshTile>& tiles, const SphereCap& cap);

struct TessellateOptions {
    double grid_deg = 3.0;        // cell size: bounds how far a triangle sags
    double max_edge_deg = 0.5;    // outlines and lines are densified to this
    double graticule_step_deg = 15.0;
};
// The light map's mesh (the globe seen whole): a 2° chord sags a tenth of a
// pixel there, and the mesh has a fifth fewer triangles and a quarter fewer
// border segments than with 0.5° (and is quicker to build).
inline constexpr TessellateOptions kLightMeshOptions{3.0, 2.0, 15.0};

// With a cap, one part of the mesh: the pieces of land and runs of border
// that reach within the cap (grown by a margin), or all the others. The first
// frame waits only for the part the camera can see; the rest is appended a
// frame later. The two parts hold every triangle and segment once.
enum class CapSide { Within, Beyond };
GlobeMesh tessellate_world(const World& world, const TessellateOptions& opt = {}, const SphereCap* cap = nullptr,
                           CapSide side = CapSide::Within);
// Appends one part's land and borders (not its graticule, the same in both).
void append_mesh(GlobeMesh& into, const GlobeMesh& part);

}  // namespace ng
