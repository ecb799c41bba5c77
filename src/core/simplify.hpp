// simplify — the light map, drawn while the globe is seen whole and fetched
// first. Seen whole, the globe is a few hundred pixels across and the 50m
// outlines put several points in each pixel; Douglas–Peucker with a
// tolerance under a pixel keeps what can be seen and drops most of the
// vertices a software rasteriser would otherwise transform every frame, and
// most of the bytes the first view would download (docs/performance.md).
// tools/prepare_world writes it beside the full map; picking and labels
// switch to the full map once it has arrived.
#pragma once
#include "core/world.hpp"

namespace ng {

// The map's shared arcs simplified together, so neighbours still share one
// border: every arc stays within `tolerance_deg` (degrees of latitude and
// longitude) of the original, keeps its end points and the map's seams
// (the antimeridian cut, the poles); a ring that would be left with fewer
// than three points keeps its arcs' farthest ones, so no country or island
// disappears. The kept points are quantised to half the tolerance (each
// moves at most 0.36 of it; the seams stay exact: ±180° falls on the grid). Countries, names, labels
// and areas are the full map's.
WorldAssetSource simplify_asset(const WorldAssetSource& src, double tolerance_deg);

// The light map's tolerance (degrees of arc): with its grid, outlines stay
// within 0.095° of the full map's, half a pixel on a globe seen whole at
// 1280×720 (310 px in radius), 0.8 device pixels on a phone at DPR 3;
// closer than 1.5× the full map takes over (docs/globe.md).
inline constexpr double kLightMapToleranceDeg = 0.07;

}  // namespace ng
