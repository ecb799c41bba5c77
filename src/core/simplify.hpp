// simplify — a lighter copy of the map for the whole-globe view. Seen whole,
// the globe is a few hundred pixels across and the 50m outlines put several
// points in each pixel; Douglas–Peucker with a tolerance under a pixel keeps
// what can be seen and drops most of the vertices a software rasteriser
// would otherwise transform every frame (docs/development.md has the figures).
// Only drawing uses it: picking and labels keep the full map.
#pragma once
#include "core/world.hpp"

namespace ng {

// Every outline and border arc within `tolerance_deg` (degrees of latitude
// and longitude) of the original; a ring keeps at least a triangle, so no
// country or island disappears.
World simplify_world(const World& world, double tolerance_deg);

}  // namespace ng
