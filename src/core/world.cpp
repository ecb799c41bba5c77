#include "core/world.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace ng {

// [SECTION] lookup and containment ------------------------------------------

int World::find(std::string_view iso) const {
    if (iso.size() != 2) return -1;
    char up[2] = {char(std::toupper((unsigned char)iso[0])), char(std::toupper((unsigned char)iso[1]))};
    for (size_t i = 0; i < countries.size(); ++i)
        if (countries[i].iso.size() == 2 && countries[i].iso[0] == up[0] && countries[i].iso[1] == up[1]) return int(i);
    return -1;
}

bool ring_contains(const Ring& ring, LatLon p) {
    bool inside = false;
    const auto& pts = ring.points;
    for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
        const LatLon& a = pts[i];
        const LatLon& b = pts[j];
        if ((a.lat > p.lat) != (b.lat > p.lat)) {
            double x = a.lon + (p.lat - a.lat) / (b.lat - a.lat) * (b.lon - a.lon);
            if (p.lon < x) inside = !inside;
        }
    }
    return inside;
}

bool country_contains(const Country& c, LatLon p) {
    if (!c.bbox.contains(p)) return false;
    for (const Polygon& poly : c.polygons) {
        if (poly.rings.empty() || !ring_contains(poly.rings[0], p)) continue;
        bool in_hole = false;
        for (size_t r = 1; r < poly.rings.size() && !in_hole; ++r) in_hole = ring_contains(poly.rings[r], p);
        if (!in_hole) return true;
    }
    return false;
}

bool is_artificial_edge(LatLon a, LatLon b) {
    const double e = 1e-3;  // the data's -89.999 stands for the pole
    bool on_antimeridian = std::fabs(std::fabs(a.lon) - 180) < e && std::fabs(std::fabs(b.lon) - 180) < e;
    bool on_pole = std::fabs(std::fabs(a.lat) - 90) < 0.01 && std::fabs(std::fabs(b.lat) - 90) < 0.01;
    return on_antimeridian || on_pole;
}

// [SECTION] labels and areas --------------------------------------------------

static double distance_to_edges_deg(const Polygon& poly, LatLon p) {
    double k = std::cos(p.lat * kDegToRad);  // local equirectangular scale
    double best = 1e30;
    for (const Ring& ring : poly.rings) {
        const auto& pts = ring.points;
        for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
            double ax = pts[j].lon * k, ay = pts[j].lat, bx = pts[i].lon * k, by = pts[i].lat;
            double px = p.lon * k, py = p.lat;
            double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / len2, 0.0, 1.0) : 0.0;
            double ex = ax + t * dx - px, ey = ay + t * dy - py;
            best = std::min(best, ex * ex + ey * ey);
        }
    }
    return std::sqrt(best);
}

static bool polygon_contains(const Polygon& poly, LatLon p) {
    if (poly.rings.empty() || !ring_contains(poly.rings[0], p)) return false;
    for (size_t r = 1; r < poly.rings.size(); ++r)
        if (ring_contains(poly.rings[r], p)) return false;
    return true;
}

LatLon polygon_label_point(const Polygon& poly) {
    // Coarse-to-fine search for the inside point farthest from any edge, so
    // markers and fly-to targets sit inside even for C- or ring-shaped lands.
    LonLatBox box;
    for (const LatLon& p : poly.rings[0].points) box.add(p);
    LatLon best = poly.rings[0].points[0];
    double best_d = -1;
    double cx = (box.min_lon + box.max_lon) / 2, cy = (box.min_lat + box.max_lat) / 2;
    double hw = (box.max_lon - box.min_lon) / 2, hh = (box.max_lat - box.min_lat) / 2;
    for (int round = 0; round < 4; ++round) {
        const int n = round == 0 ? 32 : 10;
        for (int i = 0; i <= n; ++i)
            for (int j = 0; j <= n; ++j) {
                LatLon p{cy - hh + 2 * hh * j / n, cx - hw + 2 * hw * i / n};
                if (!polygon_contains(poly, p)) continue;
                double d = distance_to_edges_deg(poly, p);
                if (d > best_d) best_d = d, best = p;
            }
        cx = best.lon, cy = best.lat;
        hw = hw * 3 / (round == 0 ? 32 : 10), hh = hh * 3 / (round == 0 ? 32 : 10);
    }
    return best;
}

double polygon_area_km2(const Polygon& poly) {
    // Exact for edges that are straight in Lambert's equal-area projection.
    const double r_km = 6371.0;
    double total = 0;
    for (size_t r = 0; r < poly.rings.size(); ++r) {
        const auto& pts = poly.rings[r].points;
        double a = 0;
        for (size_t i = 0, j = pts.size() - 1; i < pts.size(); j = i++)
            a += (pts[i].lon - pts[j].lon) * kDegToRad *
                 (std::sin(pts[i].lat * kDegToRad) + std::sin(pts[j].lat * kDegToRad)) / 2;
        total += (r == 0 ? 1 : -1) * std::fabs(a);
    }
    return std::max(0.0, total) * r_km * r_km;
}

// [SECTION] TopoJSON arcs -----------------------------------------------------

// A quantised position (the sum of an arc's steps so far) in degrees.
static LatLon topo_point(const TopoTransform& t, int64_t x, int64_t y) {
    return {double(y) * t.scale_lat + t.translate_lat, double(x) * t.scale_lon + t.translate_lon};
}

// Points are written through pointers into room made once, here and below:
// the page's wasm (built for size) makes a call of every push_back, and the
// map's first decoding is on the way to the first frame.
std::vector<std::vector<LatLon>> decode_topo_arcs(
    const TopoTransform& t, const std::vector<std::vector<std::pair<int32_t, int32_t>>>& arcs) {
    std::vector<std::vector<LatLon>> out(arcs.size());
    for (size_t a = 0; a < arcs.size(); ++a) {
        int64_t x = 0, y = 0;
        out[a].resize(arcs[a].size());
        LatLon* o = out[a].data();
        for (auto [dx, dy] : arcs[a]) {
            x += dx, y += dy;
            *o++ = topo_point(t, x, y);
        }
    }
    return out;
}

Ring ring_from_arc_refs(const std::vector<std::vector<LatLon>>& arcs, const std::vector<int32_t>& refs) {
    // consecutive arcs share their joining point: each after the first
    // starts at its second
    size_t n = 0;
    for (int32_t ref : refs) {
        size_t index = size_t(ref < 0 ? ~ref : ref);
        if (index < arcs.size() && !arcs[index].empty()) n += arcs[index].size() - (n ? 1 : 0);
    }
    Ring ring;
    ring.points.resize(n);
    LatLon* o = ring.points.data();
    for (int32_t ref : refs) {
        bool reversed = ref < 0;
        size_t index = size_t(reversed ? ~ref : ref);
        if (index >= arcs.size() || arcs[index].empty()) continue;
        const LatLon* pts = arcs[index].data();
        const size_t size = arcs[index].size();
        for (size_t k = o == ring.points.data() ? 0 : 1; k < size; ++k) *o++ = pts[reversed ? size - 1 - k : k];
    }
    if (ring.points.size() > 1) {
        const LatLon& f = ring.points.front();
        const LatLon& l = ring.points.back();
        if (f.lat == l.lat && f.lon == l.lon) ring.points.pop_back();
    }
    return ring;
}

static bool hugs_pole(const Ring& ring) {
    for (const LatLon& p : ring.points)
        if (std::fabs(p.lat) < 89.99) return false;
    return true;
}

// Net longitude a ring travels: 0 for ordinary rings, ±360 for one that
// circles a pole.
static double longitude_winding(const Ring& ring) {
    double sum = 0;
    const auto& pts = ring.points;
    for (size_t i = 0; i < pts.size(); ++i) sum += wrap_longitude(pts[(i + 1) % pts.size()].lon - pts[i].lon);
    return sum;
}

// Makes a ring's longitudes continuous (no ±360 jumps), shifted so that the
// ring starts within [-180, 180]; a ring that crosses the antimeridian then
// reaches past 180.
static void unwrap_longitudes(Ring& ring) {
    auto& pts = ring.points;
    for (size_t i = 1; i < pts.size(); ++i) pts[i].lon = pts[i - 1].lon + wrap_longitude(pts[i].lon - pts[i - 1].lon);
    double lo = 1e9;
    for (const LatLon& p : pts) lo = std::min(lo, p.lon);
    if (lo < -180)
        for (LatLon& p : pts) p.lon += 360;
}

// Sutherland–Hodgman against the meridian `bound`, keeping one side.
static Ring clip_at_meridian(const Ring& in, double bound, bool keep_west) {
    Ring out;
    const auto& pts = in.points;
    auto inside = [&](const LatLon& p) { return keep_west ? p.lon <= bound : p.lon >= bound; };
    for (size_t i = 0; i < pts.size(); ++i) {
        const LatLon& a = pts[i];
        const LatLon& b = pts[(i + 1) % pts.size()];
        if (inside(a)) out.points.push_back(a);
        if (inside(a) != inside(b)) {
            double t = (bound - a.lon) / (b.lon - a.lon);
            out.points.push_back({a.lat + (b.lat - a.lat) * t, bound});
        }
    }
    return out;
}

// Closes a ring that circles a pole into a plane polygon through that pole.
static void close_around_pole(Ring& ring) {
    auto& pts = ring.points;
    size_t jump = 0;
    for (size_t i = 0; i < pts.size(); ++i)
        if (std::fabs(pts[(i + 1) % pts.size()].lon - pts[i].lon) > 180) jump = (i + 1) % pts.size();
    std::rotate(pts.begin(), pts.begin() + long(jump), pts.end());
    double sum_lat = 0;
    for (const LatLon& p : pts) sum_lat += p.lat;
    double pole = sum_lat < 0 ? -90 : 90;
    LatLon first = pts.front(), last = pts.back();
    double last_side = last.lon < 0 ? -180 : 180, first_side = -last_side;
    pts.push_back({last.lat, last_side});
    pts.push_back({pole, last_side});
    pts.push_back({pole, first_side});
    pts.push_back({first.lat, first_side});
}

std::vector<Polygon> polygons_from_arc_refs(const std::vector<std::vector<LatLon>>& arcs,
                                            const std::vector<std::vector<int32_t>>& ring_refs) {
    Polygon whole;
    bool crosses = false;
    for (const auto& refs : ring_refs) {
        Ring ring = ring_from_arc_refs(arcs, refs);
        if (ring.points.size() < 3 || hugs_pole(ring)) continue;
        if (std::fabs(longitude_winding(ring)) > 180) {
            close_around_pole(ring);
        } else {
            unwrap_longitudes(ring);
            for (const LatLon& p : ring.points) crosses |= p.lon > 180;
        }
        whole.rings.push_back(std::move(ring));
    }
    if (!crosses) {
        std::vector<Polygon> out;  // moved in: a braced list would copy every point
        if (!whole.rings.empty()) out.push_back(std::move(whole));
        return out;
    }
    // Cut at the antimeridian: the part past 180° moves to the western edge.
    Polygon west, east;
    for (const Ring& ring : whole.rings) {
        Ring w = clip_at_meridian(ring, 180, true), e = clip_at_meridian(ring, 180, false);
        for (LatLon& p : e.points) p.lon -= 360;
        if (w.points.size() >= 3) west.rings.push_back(std::move(w));
        if (e.points.size() >= 3) east.rings.push_back(std::move(e));
    }
    std::vector<Polygon> out;
    for (Polygon* p : {&west, &east})
        if (!p->rings.empty()) out.push_back(std::move(*p));
    return out;
}

// [SECTION] binary asset --------------------------------------------------------

namespace {

struct Writer {
    std::string out;
    void bytes(const void* p, size_t n) { out.append(static_cast<const char*>(p), n); }
    void u32(uint32_t v) { bytes(&v, 4); }
    void f32(float v) { bytes(&v, 4); }
    void f64(double v) { bytes(&v, 8); }
    void varint(uint64_t v) {
        do {
            uint8_t b = v & 0x7f;
            v >>= 7;
            out.push_back(char(b | (v ? 0x80 : 0)));
        } while (v);
    }
    static uint64_t zigzagged(int64_t v) { return (uint64_t(v) << 1) ^ uint64_t(v >> 63); }
    void zigzag(int64_t v) { varint(zigzagged(v)); }
    void str(const std::string& s) { varint(s.size()), out += s; }
    // A TopoJSON arc reference (~i = arc i reversed) as the step from the
    // country's previous arc index, with the direction in the low bit: a
    // country's arcs are mostly numbered in a run, so the steps are short.
    void arc_ref(int32_t ref, int64_t& last) {
        int64_t index = ref < 0 ? ~int64_t(ref) : ref;
        varint(zigzagged(index - last) << 1 | (ref < 0 ? 1 : 0));
        last = index;
    }
};

struct Reader {
    std::string_view in;
    size_t pos = 0;
    bool ok = true;
    bool take(void* p, size_t n) {
        if (!ok || in.size() - pos < n) return ok = false;
        std::memcpy(p, in.data() + pos, n);
        pos += n;
        return true;
    }
    uint32_t u32() { uint32_t v = 0; take(&v, 4); return v; }
    float f32() { float v = 0; take(&v, 4); return v; }
    double f64() { double v = 0; take(&v, 8); return v; }
    // byte by byte from the view, not through take(): two or more a point
    uint64_t varint() {
        uint64_t v = 0;
        const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
        for (int shift = 0; shift < 64; shift += 7) {
            if (!ok || pos >= in.size()) return ok = false, 0;
            uint8_t b = bytes[pos++];
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        ok = false;
        return 0;
    }
    static int64_t unzigzagged(uint64_t v) { return int64_t(v >> 1) ^ -int64_t(v & 1); }
    int64_t zigzag() { return unzigzagged(varint()); }
    int32_t arc_ref(int64_t& last) {
        uint64_t v = varint();
        int64_t index = last + unzigzagged(v >> 1);
        if (index < 0 || index > INT32_MAX) ok = false, index = 0;
        last = index;
        return v & 1 ? ~int32_t(index) : int32_t(index);
    }
    // a count that cannot exceed the bytes left (each item takes >= 1 byte)
    size_t count() {
        uint64_t n = varint();
        if (n > in.size() - pos) ok = false;
        return ok ? size_t(n) : 0;
    }
    std::string str() {
        size_t n = count();
        std::string s(n, '\0');
        if (n) take(s.data(), n);
        return s;
    }
};

// The map is decoded once, at start-up, on the way to the first frame, and
// V8 optimises a wasm function only for its later calls (no on-stack
// replacement): a loop inside decode_world_asset would run to its end on
// baseline code and have the whole function optimised for nothing, on the
// two cores the start-up needs. So its two loops call a function per item
// (an arc, a country), which V8 optimises after the first few hundred and
// the rest then use (docs/performance.md, "Decoding item by item").

// One arc, straight to degrees (as decode_topo_arcs() would from the
// quantised steps). Called through a pointer: Binaryen inlines any function
// with a single caller under 200 nodes (cmake/wasm.cmake), this one too.
bool read_arc(Reader& r, const TopoTransform& t, std::vector<LatLon>& arc) {
    arc.resize(r.count());
    int64_t x = 0, y = 0;
    for (LatLon& p : arc) {
        x += int32_t(r.zigzag());
        y += int32_t(r.zigzag());
        p = topo_point(t, x, y);
    }
    return r.ok;
}
bool (*volatile const read_arc_out_of_line)(Reader&, const TopoTransform&, std::vector<LatLon>&) = read_arc;

// One country: its names, label and land; nullptr, or why the file is bad.
// `ring_refs` is scratch space, reused. Large enough that Binaryen leaves it
// alone; noinline for LLVM's inliner.
[[gnu::noinline]] const char* read_country(Reader& r, const std::vector<std::vector<LatLon>>& arcs,
                                           std::vector<std::vector<int32_t>>& ring_refs, Country& c) {
    char iso[2] = {};
    r.take(iso, 2);
    c.iso = iso[0] == '-' ? "" : std::string(iso, 2);
    c.name = r.str();
    c.aliases.resize(r.count());
    for (auto& a : c.aliases) a = r.str();
    c.label.lat = r.f32(), c.label.lon = r.f32(), c.area_km2 = r.f32();
    size_t polygon_count = r.count();
    int64_t last = 0;
    for (size_t n = 0; n < polygon_count; ++n) {
        ring_refs.resize(r.count());
        for (auto& refs : ring_refs) {
            refs.resize(r.count());
            for (int32_t& ref : refs) ref = r.arc_ref(last);
        }
        if (!r.ok) return "map file is truncated (rings)";
        for (Polygon& part : polygons_from_arc_refs(arcs, ring_refs)) {
            for (const LatLon& p : part.rings[0].points) c.bbox.add(p);
            c.polygons.push_back(std::move(part));
        }
    }
    if (c.polygons.empty()) return "map file has a country without land";
    if (!r.ok) return "map file is truncated (countries)";
    return nullptr;
}

constexpr char kMagic[4] = {'N', 'G', 'W', '1'};
constexpr uint32_t kVersion = 2;  // 2: arc references as steps (1 had them as they are)

}  // namespace

std::string encode_world_asset(const WorldAssetSource& src) {
    Writer w;
    w.bytes(kMagic, 4);
    w.u32(kVersion);
    w.f64(src.transform.scale_lon), w.f64(src.transform.scale_lat);
    w.f64(src.transform.translate_lon), w.f64(src.transform.translate_lat);
    w.varint(src.arcs.size());
    for (const auto& arc : src.arcs) {
        w.varint(arc.size());
        for (auto [dx, dy] : arc) w.zigzag(dx), w.zigzag(dy);
    }
    w.varint(src.countries.size());
    for (const auto& c : src.countries) {
        std::string iso = c.iso.size() == 2 ? c.iso : "--";
        w.bytes(iso.data(), 2);
        w.str(c.name);
        w.varint(c.aliases.size());
        for (const auto& a : c.aliases) w.str(a);
        w.f32(float(c.label.lat)), w.f32(float(c.label.lon)), w.f32(float(c.area_km2));
        w.varint(c.polygons.size());
        int64_t last = 0;
        for (const auto& poly : c.polygons) {
            w.varint(poly.size());
            for (const auto& ring : poly) {
                w.varint(ring.size());
                for (int32_t ref : ring) w.arc_ref(ref, last);
            }
        }
    }
    return w.out;
}

bool decode_world_asset(std::string_view bytes, World* out, std::string* error) {
    auto fail = [&](const char* why) { *error = why; return false; };
    Reader r{bytes};
    char magic[4] = {};
    if (!r.take(magic, 4) || std::memcmp(magic, kMagic, 4) != 0) return fail("not a newsglobe map file");
    if (r.u32() != kVersion) return fail("unsupported map file version");
    TopoTransform t;
    t.scale_lon = r.f64(), t.scale_lat = r.f64(), t.translate_lon = r.f64(), t.translate_lat = r.f64();
    // arcs straight to degrees: no room for the quantised steps is made and touched first
    std::vector<std::vector<LatLon>> arcs(r.count());
    for (auto& arc : arcs)
        if (!read_arc_out_of_line(r, t, arc)) return fail("map file is truncated (arcs)");
    World world;
    std::vector<std::vector<int32_t>> ring_refs;  // a polygon's, reused: each keeps its room
    world.countries.resize(r.count());
    for (Country& c : world.countries)
        if (const char* why = read_country(r, arcs, ring_refs, c)) return fail(why);
    world.arcs.resize(arcs.size());
    for (size_t i = 0; i < arcs.size(); ++i) world.arcs[i].points = std::move(arcs[i]);
    *out = std::move(world);
    return true;
}

}  // namespace ng
