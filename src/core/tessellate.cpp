#include "core/tessellate.hpp"

#include <algorithm>
#include <cmath>

#include <mapbox/earcut.hpp>

namespace ng {
namespace {

// lon, lat: earcut's point type. Made without being set, so that making
// room for points about to be written is free (the page's wasm, built for
// size, otherwise zeroes a vector with a call per point).
struct Pt {
    double v[2];
    Pt() {}  // NOLINT: deliberately uninitialised
    Pt(double lon, double lat) : v{lon, lat} {}
    double& operator[](int k) { return v[k]; }
    double operator[](int k) const { return v[k]; }
};

}  // namespace
}  // namespace ng

template <std::size_t I>
struct mapbox::util::nth<I, ng::Pt> {
    static double get(const ng::Pt& p) { return p[int(I)]; }
};

namespace ng {
namespace {

// An edge from a to b cut into steps no longer than max_deg (in either
// coordinate), so that straight-in-lon/lat edges stay straight in lon/lat on
// the sphere: densify_steps counts them, densify writes their points from
// `out` on (a and those after it; b too with include_end) and returns the
// end. Counted first so that room is made once (see clip()).
int densify_steps(LatLon a, LatLon b, double max_deg) {
    double span = std::max(std::fabs(b.lon - a.lon), std::fabs(b.lat - a.lat));
    return std::max(1, int(std::ceil(span / max_deg)));
}
Pt* densify(Pt* out, LatLon a, LatLon b, int steps, bool include_end) {
    for (int s = 0; s < steps + (include_end ? 1 : 0); ++s) {
        double t = double(s) / steps;
        *out++ = {a.lon + (b.lon - a.lon) * t, a.lat + (b.lat - a.lat) * t};
    }
    return out;
}

// A vertex as the GPU gets it (floats), so winding is judged on what is drawn.
Vec3 as_drawn(Vec3 v) { return {double(float(v.x)), double(float(v.y)), double(float(v.z))}; }

float* put_xyz(float* out, Vec3 v) {
    out[0] = float(v.x), out[1] = float(v.y), out[2] = float(v.z);
    return out + 3;
}

// ---- tiles ----

constexpr double kTileDeg = 10;
constexpr int kTileCols = 36, kTileRows = 18;

// From lon/lat, which the builder has: no inverse trigonometry per primitive.
uint16_t tile_of(double lon, double lat) {
    int col = std::clamp(int((lon + 180) / kTileDeg), 0, kTileCols - 1);
    int row = std::clamp(int((lat + 90) / kTileDeg), 0, kTileRows - 1);
    return uint16_t(row * kTileCols + col);
}

using Rings = std::vector<std::vector<Pt>>;

// Sutherland–Hodgman against one axis-aligned half-plane (axis 0 = lon,
// 1 = lat), into `out`. On a concave ring it leaves zero-width bridges along
// the cut, which the triangulator turns into zero-area triangles: harmless.
// No call per point, which the page's wasm (built for size) would make:
// each edge adds at most two points, so room is made once.
void clip(const std::vector<Pt>& in, int axis, double bound, bool keep_below, std::vector<Pt>& out) {
    const size_t n = in.size();
    out.resize(2 * n);
    Pt* o = out.data();
    const Pt* p = in.data();
    const double sign = keep_below ? 1 : -1;  // inside: sign * (v - bound) <= 0
    for (size_t i = 0; i < n; ++i) {
        const Pt& a = p[i];
        const Pt& b = p[i + 1 == n ? 0 : i + 1];
        bool ain = sign * (a[axis] - bound) <= 0, bin = sign * (b[axis] - bound) <= 0;
        if (ain) *o++ = a;
        if (ain != bin) {
            double t = (bound - a[axis]) / (b[axis] - a[axis]);
            Pt q{a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t};
            q[axis] = bound;  // exact, so both sides of a cut agree
            *o++ = q;
        }
    }
    out.resize(size_t(o - out.data()));
}

// The great-circle distance from p to a lon/lat box's nearest point, exact.
// On every parallel the box's point nearest p is on p's meridian, or else
// on the box's edge meridian nearer it; along that meridian the distance is
// least at one latitude (atan2 below), or at the box's top or bottom.
double distance_to_box_deg(LatLon p, const LonLatBox& box) {
    double lon = p.lon;
    if (lon < box.min_lon || lon > box.max_lon)
        lon = std::fabs(wrap_longitude(lon - box.min_lon)) < std::fabs(wrap_longitude(lon - box.max_lon)) ? box.min_lon
                                                                                                           : box.max_lon;
    double lat = p.lat * kDegToRad;
    double nearest_lat = std::atan2(std::sin(lat), std::cos(lat) * std::cos((lon - p.lon) * kDegToRad)) / kDegToRad;
    double d = angular_distance_deg(p, {std::clamp(nearest_lat, box.min_lat, box.max_lat), lon});
    return std::min({d, angular_distance_deg(p, {box.min_lat, lon}), angular_distance_deg(p, {box.max_lat, lon})});
}

// Which part of the mesh a cap selects: what a lon/lat box can reach into
// it, or the rest. Without a cap, everything.
class CapFilter {
public:
    CapFilter(const SphereCap* cap, CapSide side)
        : cap_(cap), side_(side), centre_(cap ? to_lat_lon(cap->centre) : LatLon{}) {}

    bool reaches(const LonLatBox& box) const {
        if (!cap_) return true;
        constexpr double kSpareDeg = 1;  // float vertices, and the camera's turn before the rest arrives
        return distance_to_box_deg(centre_, box) <= cap_->radius / kDegToRad + kSpareDeg;
    }
    // `reached`: the box and every box it was cut from reach the cap (so the
    // two parts split the pieces exactly, whatever the test says of a piece
    // cut from a box it said does not reach)
    bool prunes(bool reached) const { return cap_ && side_ == CapSide::Within && !reached; }
    bool keeps(bool reached) const { return !cap_ || reached == (side_ == CapSide::Within); }

private:
    const SphereCap* cap_;
    CapSide side_;
    LatLon centre_;
};

// Splits polygons along grid lines until every piece lies in one grid cell,
// then triangulates each piece: pieces are small, so earcut is fast and no
// flat triangle spans more than a cell.
class LandBuilder {
public:
    LandBuilder(GlobeMesh& mesh, std::vector<uint16_t>& tiles, double grid, const CapFilter& part)
        : mesh_(mesh), tiles_(tiles), grid_(grid), part_(part) {}

    void add_polygon(const Polygon& poly, float country, double max_edge) {
        Rings rings;
        rings.reserve(poly.rings.size());
        for (const Ring& ring : poly.rings) {
            const auto& pts = ring.points;
            const size_t n = pts.size();
            size_t total = 0;  // counted, then written (the steps are cheaper to count twice than to keep)
            for (size_t i = 0; i < n; ++i) total += size_t(densify_steps(pts[i], pts[i + 1 == n ? 0 : i + 1], max_edge));
            rings.emplace_back(total);
            Pt* o = rings.back().data();
            for (size_t i = 0; i < n; ++i) {
                const LatLon &a = pts[i], &b = pts[i + 1 == n ? 0 : i + 1];
                o = densify(o, a, b, densify_steps(a, b, max_edge), false);
            }
        }
        add_piece(rings, country, true);
    }

private:
    void add_piece(const Rings& rings, float country, bool reached) {
        double lo[2] = {1e9, 1e9}, hi[2] = {-1e9, -1e9};
        const Pt* pts = rings[0].data();
        for (size_t i = 0, n = rings[0].size(); i < n; ++i) {
            double x = pts[i][0], y = pts[i][1];
            if (x < lo[0]) lo[0] = x;
            if (x > hi[0]) hi[0] = x;
            if (y < lo[1]) lo[1] = y;
            if (y > hi[1]) hi[1] = y;
        }
        reached = reached && part_.reaches({lo[0], lo[1], hi[0], hi[1]});
        if (part_.prunes(reached)) return;
        // the first grid line strictly inside the box, on the longer axis
        for (int axis : {hi[0] - lo[0] >= hi[1] - lo[1] ? 0 : 1, hi[0] - lo[0] >= hi[1] - lo[1] ? 1 : 0}) {
            double mid = (lo[axis] + hi[axis]) / 2;
            double line = std::round(mid / grid_) * grid_;
            if (line <= lo[axis] || line >= hi[axis]) line = (std::floor(lo[axis] / grid_) + 1) * grid_;
            if (line <= lo[axis] || line >= hi[axis]) continue;
            for (bool below : {true, false}) {
                Rings part = spare(spare_pieces_);
                for (const auto& ring : rings) {
                    part.push_back(spare(spare_rings_));
                    clip(ring, axis, line, below, part.back());
                    if (part.back().size() >= 3) continue;
                    spare_rings_.push_back(std::move(part.back()));
                    part.pop_back();
                    if (part.empty()) break;  // the outer ring is gone: nothing on this side
                }
                if (!part.empty()) add_piece(part, country, reached);
                for (auto& ring : part) spare_rings_.push_back(std::move(ring));
                part.clear();
                spare_pieces_.push_back(std::move(part));
            }
            return;
        }
        if (part_.keeps(reached)) emit(rings, country);
    }

    // A buffer a piece or ring used before, with its room (or a new one):
    // cutting a country into cells would otherwise allocate at every cut.
    template <typename T>
    static T spare(std::vector<T>& pool) {
        if (pool.empty()) return T();
        T v = std::move(pool.back());
        pool.pop_back();
        return v;
    }

    void emit(const Rings& rings, float country) {
        const uint32_t base = uint32_t(mesh_.land_country.size());
        size_t n = 0;
        for (const auto& ring : rings) n += ring.size();
        at_.resize(n), lon_lat_.resize(n);
        mesh_.land_xyz.resize(3 * (base + n));
        mesh_.land_country.resize(base + n, country);
        float* xyz = &mesh_.land_xyz[3 * size_t(base)];
        size_t k = 0;
        for (const auto& ring : rings)
            for (const Pt& p : ring) {
                Vec3 v = as_drawn(to_unit_vector({p[1], p[0]}));
                at_[k] = v, lon_lat_[k] = p;
                xyz[3 * k] = float(v.x), xyz[3 * k + 1] = float(v.y), xyz[3 * k + 2] = float(v.z);
                ++k;
            }
        // every triangle counter-clockwise seen from outside the globe (as
        // a chord of the sphere, which a long thin one near a parallel can
        // turn against its winding in lon/lat; judged on the float vertices
        // the GPU gets): the far side is then culled before it is rasterised
        earcut_(rings);
        std::vector<uint32_t>& tris = earcut_.indices;
        size_t out = mesh_.land_indices.size();
        mesh_.land_indices.resize(out + tris.size());
        uint32_t* idx = mesh_.land_indices.data();
        for (size_t t = 0; t + 2 < tris.size(); t += 3) {
            // the zero-width bridges clipping leaves along a cut (a few square
            // metres at most): nothing to draw
            const Pt &p = lon_lat_[tris[t]], &q = lon_lat_[tris[t + 1]], &r = lon_lat_[tris[t + 2]];
            if (std::fabs((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])) < 1e-9) continue;
            const Vec3 &a = at_[tris[t]], &b = at_[tris[t + 1]], &c = at_[tris[t + 2]];
            bool flip = dot(cross(b - a, c - a), a + b + c) < 0;
            idx[out] = base + tris[t];
            idx[out + 1] = base + tris[t + (flip ? 2 : 1)];
            idx[out + 2] = base + tris[t + (flip ? 1 : 2)];
            out += 3;
            tiles_.push_back(tile_of(p[0], p[1]));
        }
        mesh_.land_indices.resize(out);
    }

    GlobeMesh& mesh_;
    std::vector<uint16_t>& tiles_;  // a triangle's tile, by its first vertex
    double grid_;
    const CapFilter& part_;
    std::vector<Vec3> at_;  // the piece's vertices, reused
    std::vector<Pt> lon_lat_;
    std::vector<Rings> spare_pieces_;          // empty, with room
    std::vector<std::vector<Pt>> spare_rings_;  // any size, with room
    mapbox::detail::Earcut<uint32_t> earcut_;  // reused: earcut's own buffers kept between pieces
};

// Line segments from a to b, densified; each point's vector computed once,
// and each segment's tile (`tiles`, when given) by its first point. `pts`
// is scratch space, reused. An edge across the antimeridian (Fiji's coast
// from 179.99° to -180°) goes the short way, not round the world.
void add_line(std::vector<float>& out, LatLon a, LatLon b, double max_deg, std::vector<Pt>& pts,
              std::vector<uint16_t>* tiles = nullptr) {
    if (b.lon - a.lon > 180) b.lon -= 360;
    else if (a.lon - b.lon > 180) b.lon += 360;
    const int steps = densify_steps(a, b, max_deg);
    pts.resize(size_t(steps) + 1);
    densify(pts.data(), a, b, steps, true);
    size_t at = out.size();
    out.resize(at + 6 * size_t(steps));
    float* o = out.data() + at;
    Vec3 from = to_unit_vector({pts[0][1], pts[0][0]});
    for (int i = 0; i < steps; ++i) {
        Vec3 to = to_unit_vector({pts[i + 1][1], pts[i + 1][0]});
        o = put_xyz(put_xyz(o, from), to);
        if (tiles) tiles->push_back(tile_of(pts[i][0], pts[i][1]));
        from = to;
    }
}

// Reorders primitives (`stride` items each, `points` points) so each tile's
// are together, by `tile` (one per primitive), and returns the tiles: first
// and count in items per point (an index, or a vertex's 3 floats). A
// counting sort (stable: a tile keeps its primitives' order), written
// through pointers, no list per tile.
template <typename T, typename PointOf>
std::vector<MeshTile> sort_by_tile(std::vector<T>& items, const std::vector<uint16_t>& tile, size_t stride, size_t points,
                                   PointOf point_of) {
    constexpr size_t kTiles = kTileCols * kTileRows;
    const size_t primitives = items.size() / stride;
    std::vector<uint32_t> first(kTiles + 1, 0);  // a tile's first primitive, once summed
    for (size_t p = 0; p < primitives; ++p) ++first[tile[p] + 1];
    for (size_t t = 0; t < kTiles; ++t) first[t + 1] += first[t];
    std::vector<uint32_t> next(first.begin(), first.end() - 1);
    std::vector<T> sorted(items.size());
    const T* in = items.data();
    T* out = sorted.data();
    for (size_t p = 0; p < primitives; ++p, in += stride) {
        T* o = out + size_t(next[tile[p]]++) * stride;
        for (size_t k = 0; k < stride; ++k) o[k] = in[k];
    }
    std::vector<MeshTile> tiles;
    for (size_t t = 0; t < kTiles; ++t) {
        if (first[t] == first[t + 1]) continue;
        MeshTile m;
        m.first = uint32_t(first[t] * points);
        m.count = uint32_t((first[t + 1] - first[t]) * points);
        Vec3 sum{0, 0, 0};
        for (size_t p = first[t]; p < first[t + 1]; ++p)
            for (size_t k = 0; k < points; ++k) sum = sum + point_of(&out[p * stride], k);
        m.centre = normalize(sum);
        double nearest_dot = 1;  // of the point farthest from the centre
        for (size_t p = first[t]; p < first[t + 1]; ++p)
            for (size_t k = 0; k < points; ++k) nearest_dot = std::min(nearest_dot, dot(m.centre, point_of(&out[p * stride], k)));
        m.radius = std::acos(std::max(-1.0, nearest_dot)) + 1e-6;  // float vertices: a hair of room
        tiles.push_back(m);
    }
    items = std::move(sorted);
    return tiles;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> visible_runs(const std::vector<MeshTile>& tiles, const SphereCap& cap) {
    std::vector<std::pair<uint32_t, uint32_t>> runs;
    for (const MeshTile& t : tiles) {
        double apart = std::acos(std::clamp(dot(t.centre, cap.centre), -1.0, 1.0));
        if (apart - t.radius >= cap.radius) continue;
        if (!runs.empty() && runs.back().first + runs.back().second == t.first) runs.back().second += t.count;
        else runs.push_back({t.first, t.count});
    }
    return runs;
}

void append_mesh(GlobeMesh& into, const GlobeMesh& part) {
    const auto base = uint32_t(into.land_country.size());
    const auto first_index = uint32_t(into.land_indices.size()), first_vertex = uint32_t(into.border_xyz.size() / 3);
    into.land_xyz.insert(into.land_xyz.end(), part.land_xyz.begin(), part.land_xyz.end());
    into.land_country.insert(into.land_country.end(), part.land_country.begin(), part.land_country.end());
    for (uint32_t i : part.land_indices) into.land_indices.push_back(base + i);
    into.border_xyz.insert(into.border_xyz.end(), part.border_xyz.begin(), part.border_xyz.end());
    for (MeshTile t : part.land_tiles) t.first += first_index, into.land_tiles.push_back(t);
    for (MeshTile t : part.border_tiles) t.first += first_vertex, into.border_tiles.push_back(t);
}

GlobeMesh tessellate_world(const World& world, const TessellateOptions& opt, const SphereCap* cap, CapSide side) {
    GlobeMesh mesh;
    std::vector<uint16_t> land_tile, border_tile;
    std::vector<Pt> scratch;
    const CapFilter part(cap, side);
    LandBuilder land(mesh, land_tile, opt.grid_deg, part);
    for (size_t c = 0; c < world.countries.size(); ++c)
        for (const Polygon& poly : world.countries[c].polygons) land.add_polygon(poly, float(c), opt.max_edge_deg);

    // arcs in runs of up to 64 edges, each kept or left as a whole (a coast
    // can run a third of the way round the world)
    constexpr size_t kRun = 64;
    for (const Arc& arc : world.arcs)
        for (size_t first = 0; first + 1 < arc.points.size(); first += kRun) {
            size_t last = std::min(first + kRun, arc.points.size() - 1);
            LonLatBox box;
            for (size_t i = first; i <= last; ++i) box.add(arc.points[i]);
            if (!part.keeps(part.reaches(box))) continue;
            for (size_t i = first; i < last; ++i)
                if (!is_artificial_edge(arc.points[i], arc.points[i + 1]))
                    add_line(mesh.border_xyz, arc.points[i], arc.points[i + 1], opt.max_edge_deg, scratch, &border_tile);
        }
    const std::vector<float>& land_xyz = mesh.land_xyz;
    mesh.land_tiles = sort_by_tile(mesh.land_indices, land_tile, 3, 3, [&](const uint32_t* tri, size_t k) {
        const float* p = &land_xyz[size_t(tri[k]) * 3];
        return Vec3{p[0], p[1], p[2]};
    });
    auto segment_point = [](const float* seg, size_t k) { return Vec3{seg[3 * k], seg[3 * k + 1], seg[3 * k + 2]}; };
    mesh.border_tiles = sort_by_tile(mesh.border_xyz, border_tile, 6, 2, segment_point);

    std::vector<uint16_t> graticule_tile;
    const double step = opt.graticule_step_deg;
    for (double lon = -180; lon < 180; lon += step)
        add_line(mesh.graticule_xyz, {-90 + step / 3, lon}, {90 - step / 3, lon}, 2.0, scratch, &graticule_tile);
    for (double lat = -90 + step; lat < 90; lat += step) {
        add_line(mesh.graticule_xyz, {lat, -180}, {lat, 0}, 2.0, scratch, &graticule_tile);
        add_line(mesh.graticule_xyz, {lat, 0}, {lat, 180}, 2.0, scratch, &graticule_tile);
    }
    mesh.graticule_tiles = sort_by_tile(mesh.graticule_xyz, graticule_tile, 6, 2, segment_point);
    return mesh;
}

}  // namespace ng
