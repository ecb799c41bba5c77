// world — the countries of the map: outlines as lon/lat rings, shared border
// arcs, names and search aliases. Loaded from the compact binary asset that
// tools/prepare_world.cpp builds from Natural Earth (world-atlas 50m).
//
// Asset format "NGW1" (little-endian, varints are LEB128, zigzag for signed):
//   "NGW1" u32 version=2
//   f64 scale_lon, scale_lat, translate_lon, translate_lat   (TopoJSON transform)
//   varint arc_count, per arc: varint point_count, then per point zigzag
//          deltas of the quantised x, y (as in TopoJSON)
//   varint country_count, per country:
//          2 bytes ISO alpha-2 ("--" for land that belongs to no country)
//          string name, varint alias_count, strings
//          f32 label_lat, f32 label_lon, f32 area_km2
//          varint polygon_count, per polygon: varint ring_count, per ring:
//          varint ref_count, refs: per ref, with i its TopoJSON arc index
//          (~i = reversed), varint (zigzag(i - previous i in this country,
//          from 0) << 1 | reversed)
//   strings are varint length + UTF-8 bytes.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"

namespace ng {

struct Ring {
    std::vector<LatLon> points;  // closed implicitly: last point != first
};

struct Polygon {
    std::vector<Ring> rings;  // rings[0] is the outer ring, the rest are holes
};

struct LonLatBox {
    double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
    void add(LatLon p) {  // here, to be inlined: decoding adds every outline point
        min_lon = p.lon < min_lon ? p.lon : min_lon, max_lon = p.lon > max_lon ? p.lon : max_lon;
        min_lat = p.lat < min_lat ? p.lat : min_lat, max_lat = p.lat > max_lat ? p.lat : max_lat;
    }
    bool contains(LatLon p) const {
        return p.lon >= min_lon && p.lon <= max_lon && p.lat >= min_lat && p.lat <= max_lat;
    }
};

struct Country {
    std::string iso;                   // ISO 3166-1 alpha-2, upper case; "" if none
    std::string name;                  // English display name
    std::vector<std::string> aliases;  // other names people search for
    std::vector<Polygon> polygons;
    LatLon label;                      // a point well inside the largest polygon
    double area_km2 = 0;
    LonLatBox bbox;
};

// A border or coast line shared by up to two countries, drawn once.
struct Arc {
    std::vector<LatLon> points;
};

struct World {
    std::vector<Country> countries;
    std::vector<Arc> arcs;

    int find(std::string_view iso) const;  // index or -1
};

// Ring point-in-polygon in the lon/lat plane. Natural Earth cuts every
// polygon at the antimeridian and runs Antarctica's outline along the pole,
// so the plane test is exact for this data.
bool ring_contains(const Ring& ring, LatLon p);
bool country_contains(const Country& c, LatLon p);  // even-odd over all rings

// Outline edges that exist only because the data is cut at the antimeridian or
// runs along a pole: not coasts or borders, so never drawn or snapped to.
bool is_artificial_edge(LatLon a, LatLon b);

// Geometry helpers the asset builder uses (and tests check).
LatLon polygon_label_point(const Polygon& poly);
double polygon_area_km2(const Polygon& poly);

// ---- the binary asset -----------------------------------------------------
struct TopoTransform {
    double scale_lon = 1, scale_lat = 1, translate_lon = 0, translate_lat = 0;
};

// What the builder writes: TopoJSON-style quantised arcs and arc references.
struct WorldAssetSource {
    TopoTransform transform;
    std::vector<std::vector<std::pair<int32_t, int32_t>>> arcs;  // delta-encoded, as TopoJSON
    struct Entry {
        std::string iso, name;
        std::vector<std::string> aliases;
        LatLon label;
        double area_km2 = 0;
        std::vector<std::vector<std::vector<int32_t>>> polygons;  // polygon → ring → arc refs
    };
    std::vector<Entry> countries;
};

std::string encode_world_asset(const WorldAssetSource& src);
// Decodes an asset; false with a message in *error on malformed input.
bool decode_world_asset(std::string_view bytes, World* out, std::string* error);

// Resolves TopoJSON arc references into lon/lat rings (used by both sides).
std::vector<std::vector<LatLon>> decode_topo_arcs(
    const TopoTransform& t, const std::vector<std::vector<std::pair<int32_t, int32_t>>>& arcs);
Ring ring_from_arc_refs(const std::vector<std::vector<LatLon>>& arcs, const std::vector<int32_t>& refs);
// A polygon from its rings' arc references, made valid in the lon/lat plane.
// world-atlas is drawn for spherical renderers: rings may cross the
// antimeridian (Russia, Fiji) and Antarctica's coast wraps all the way round
// with a tiny ring at the pole. Here crossing polygons are cut in two at ±180°,
// the polar coast is closed along the antimeridian and the pole, and the pole
// ring is dropped — so plane triangulation and point-in-polygon are exact.
std::vector<Polygon> polygons_from_arc_refs(const std::vector<std::vector<LatLon>>& arcs,
                                            const std::vector<std::vector<int32_t>>& ring_refs);

}  // namespace ng
