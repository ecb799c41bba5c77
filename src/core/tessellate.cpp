#include "core/tessellate.hpp"

#include <array>
#include <cmath>

#include <mapbox/earcut.hpp>

namespace ng {
namespace {

using Pt = std::array<double, 2>;  // lon, lat (earcut's point type)

// Inserts points so no edge is longer than max_deg (in either coordinate),
// so that straight-in-lon/lat edges stay straight in lon/lat on the sphere.
void densify_into(std::vector<Pt>& out, LatLon a, LatLon b, double max_deg, bool include_end) {
    double span = std::max(std::fabs(b.lon - a.lon), std::fabs(b.lat - a.lat));
    int steps = std::max(1, int(std::ceil(span / max_deg)));
    for (int s = 0; s < steps + (include_end ? 1 : 0); ++s) {
        double t = double(s) / steps;
        out.push_back({a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t});
    }
}

void push_xyz(std::vector<float>& out, double lon, double lat) {
    Vec3 v = to_unit_vector({lat, lon});
    out.push_back(float(v.x)), out.push_back(float(v.y)), out.push_back(float(v.z));
}

struct ClipPt {
    Pt p;
    int64_t index;  // existing vertex, or -1 for a point made by clipping
};

// Sutherland–Hodgman against one axis-aligned half-plane (axis 0 = lon, 1 = lat).
std::vector<ClipPt> clip(const std::vector<ClipPt>& in, int axis, double bound, bool keep_below) {
    std::vector<ClipPt> out;
    auto inside = [&](const ClipPt& c) { return keep_below ? c.p[axis] <= bound : c.p[axis] >= bound; };
    for (size_t i = 0; i < in.size(); ++i) {
        const ClipPt& a = in[i];
        const ClipPt& b = in[(i + 1) % in.size()];
        bool ain = inside(a), bin = inside(b);
        if (ain) out.push_back(a);
        if (ain != bin) {
            double t = (bound - a.p[axis]) / (b.p[axis] - a.p[axis]);
            Pt q{a.p[0] + (b.p[0] - a.p[0]) * t, a.p[1] + (b.p[1] - a.p[1]) * t};
            q[axis] = bound;  // exact, so neighbouring triangles agree
            out.push_back({q, -1});
        }
    }
    return out;
}

class LandBuilder {
public:
    LandBuilder(GlobeMesh& mesh, double grid) : mesh_(mesh), grid_(grid) {}

    void add_polygon(const Polygon& poly, float country, double max_edge) {
        std::vector<std::vector<Pt>> rings;
        for (const Ring& ring : poly.rings) {
            rings.emplace_back();
            const auto& pts = ring.points;
            for (size_t i = 0; i < pts.size(); ++i)
                densify_into(rings.back(), pts[i], pts[(i + 1) % pts.size()], max_edge, false);
        }
        uint32_t base = vertex_count();
        for (const auto& ring : rings)
            for (const Pt& p : ring) add_vertex(p, country);
        std::vector<uint32_t> tris = mapbox::earcut<uint32_t>(rings);
        std::vector<Pt> flat;
        for (const auto& ring : rings) flat.insert(flat.end(), ring.begin(), ring.end());
        for (size_t t = 0; t + 2 < tris.size(); t += 3)
            add_triangle({ClipPt{flat[tris[t]], base + tris[t]}, ClipPt{flat[tris[t + 1]], base + tris[t + 1]},
                          ClipPt{flat[tris[t + 2]], base + tris[t + 2]}},
                         country);
    }

private:
    uint32_t vertex_count() const { return uint32_t(mesh_.land_country.size()); }

    uint32_t add_vertex(const Pt& p, float country) {
        push_xyz(mesh_.land_xyz, p[0], p[1]);
        mesh_.land_country.push_back(country);
        return vertex_count() - 1;
    }

    void add_triangle(const std::vector<ClipPt>& tri, float country) {
        double lo[2] = {1e9, 1e9}, hi[2] = {-1e9, -1e9};
        for (const ClipPt& c : tri)
            for (int k = 0; k < 2; ++k) lo[k] = std::min(lo[k], c.p[k]), hi[k] = std::max(hi[k], c.p[k]);
        int c0 = int(std::floor(lo[0] / grid_)), c1 = int(std::ceil(hi[0] / grid_));
        int r0 = int(std::floor(lo[1] / grid_)), r1 = int(std::ceil(hi[1] / grid_));
        if (c1 - c0 <= 1 && r1 - r0 <= 1) return emit_fan(tri, country);  // already small
        for (int c = c0; c < c1; ++c) {
            auto column = clip(clip(tri, 0, c * grid_, false), 0, (c + 1) * grid_, true);
            if (column.size() < 3) continue;
            for (int r = r0; r < r1; ++r) {
                auto piece = clip(clip(column, 1, r * grid_, false), 1, (r + 1) * grid_, true);
                if (piece.size() >= 3) emit_fan(piece, country);
            }
        }
    }

    void emit_fan(const std::vector<ClipPt>& piece, float country) {  // piece is convex
        std::vector<uint32_t> idx;
        for (const ClipPt& c : piece) idx.push_back(c.index >= 0 ? uint32_t(c.index) : add_vertex(c.p, country));
        for (size_t i = 1; i + 1 < idx.size(); ++i) {
            mesh_.land_indices.push_back(idx[0]);
            mesh_.land_indices.push_back(idx[i]);
            mesh_.land_indices.push_back(idx[i + 1]);
        }
    }

    GlobeMesh& mesh_;
    double grid_;
};

void add_line(std::vector<float>& out, LatLon a, LatLon b, double max_deg) {
    std::vector<Pt> pts;
    densify_into(pts, a, b, max_deg, true);
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        push_xyz(out, pts[i][0], pts[i][1]);
        push_xyz(out, pts[i + 1][0], pts[i + 1][1]);
    }
}

}  // namespace

GlobeMesh tessellate_world(const World& world, const TessellateOptions& opt) {
    GlobeMesh mesh;
    LandBuilder land(mesh, opt.grid_deg);
    for (size_t c = 0; c < world.countries.size(); ++c)
        for (const Polygon& poly : world.countries[c].polygons) land.add_polygon(poly, float(c), opt.max_edge_deg);

    for (const Arc& arc : world.arcs)
        for (size_t i = 0; i + 1 < arc.points.size(); ++i)
            if (!is_artificial_edge(arc.points[i], arc.points[i + 1]))
                add_line(mesh.border_xyz, arc.points[i], arc.points[i + 1], opt.max_edge_deg);

    const double step = opt.graticule_step_deg;
    for (double lon = -180; lon < 180; lon += step) add_line(mesh.graticule_xyz, {-90 + step / 3, lon}, {90 - step / 3, lon}, 2.0);
    for (double lat = -90 + step; lat < 90; lat += step) {
        add_line(mesh.graticule_xyz, {lat, -180}, {lat, 0}, 2.0);
        add_line(mesh.graticule_xyz, {lat, 0}, {lat, 180}, 2.0);
    }
    return mesh;
}

}  // namespace ng
