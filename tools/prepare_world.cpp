// prepare_world — builds the app's compact map assets (format in
// src/core/world.hpp) from npm world-atlas's Natural Earth 50m TopoJSON and
// i18n-iso-countries' codes and English names, applying the documented
// choices in assets/country_overrides.json. Runs at build time. Writes the
// full map (--out, data/world.bin) and, with --light-out, the light map the
// first view fetches (data/world-light.bin, core/simplify.hpp).
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/simplify.hpp"
#include "core/world.hpp"

using nlohmann::json;

namespace {


[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "prepare_world: %s\n", why.c_str());
    std::exit(1);
}

// What the app will read back: every country, each with land.
void check_decodes(const std::string& bytes, const char* what) {
    ng::World world;
    std::string error;
    if (!ng::decode_world_asset(bytes, &world, &error)) fail(std::string(what) + " does not decode: " + error);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    if (!out.write(bytes.data(), std::streamsize(bytes.size()))) fail("cannot write " + path);
}

json read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail("cannot read " + path);
    std::stringstream ss;
    ss << in.rdbuf();
    json j = json::parse(ss.str(), nullptr, false);
    if (j.is_discarded()) fail(path + " is not valid JSON");
    return j;
}

std::string string_or(const json& j, const char* key, std::string fallback = "") {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

std::vector<std::string> strings_of(const json& j) {  // "a" or ["a", "b"]
    std::vector<std::string> out;
    if (j.is_string()) out.push_back(j.get<std::string>());
    if (j.is_array())
        for (const json& s : j)
            if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

std::vector<int32_t> refs_of(const json& ring) {
    std::vector<int32_t> refs;
    for (const json& r : ring)
        if (r.is_number_integer()) refs.push_back(r.get<int32_t>());
    return refs;
}

}  // namespace

int main(int argc, char** argv) {
    std::map<std::string, std::string> args;
    for (int i = 1; i + 1 < argc; i += 2) args[argv[i]] = argv[i + 1];
    for (const char* need : {"--topojson", "--codes", "--names", "--overrides", "--out"})
        if (!args.count(need)) fail(std::string("missing ") + need);

    json topo = read_json(args["--topojson"]);
    json codes = read_json(args["--codes"]);
    json names = read_json(args["--names"])["countries"];
    json overrides = read_json(args["--overrides"]);

    std::map<std::string, std::string> alpha2_by_numeric;
    for (const json& row : codes)
        if (row.is_array() && row.size() >= 3 && row[0].is_string() && row[2].is_string())
            alpha2_by_numeric[row[2].get<std::string>()] = row[0].get<std::string>();

    ng::WorldAssetSource src;
    const json& tr = topo["transform"];
    src.transform = {tr["scale"][0].get<double>(), tr["scale"][1].get<double>(),
                     tr["translate"][0].get<double>(), tr["translate"][1].get<double>()};
    for (const json& arc : topo["arcs"]) {
        src.arcs.emplace_back();
        for (const json& p : arc) src.arcs.back().push_back({p[0].get<int32_t>(), p[1].get<int32_t>()});
    }
    auto lonlat_arcs = ng::decode_topo_arcs(src.transform, src.arcs);

    // Group Natural Earth features by ISO code (several features can be one country).
    std::map<std::string, size_t> entry_by_key;
    const json& by_name = overrides["iso_by_feature_name"];
    int unnamed = 0;
    for (const json& g : topo["objects"]["countries"]["geometries"]) {
        std::string ne_name = g.contains("properties") ? string_or(g["properties"], "name") : "";
        std::string iso = alpha2_by_numeric[string_or(g, "id")];
        if (by_name.contains(ne_name)) iso = by_name[ne_name].get<std::string>();
        if (iso.empty()) ++unnamed;
        std::string key = iso.empty() ? "--" + ne_name : iso;
        if (!entry_by_key.count(key)) {
            entry_by_key[key] = src.countries.size();
            ng::WorldAssetSource::Entry e;
            e.iso = iso;
            std::vector<std::string> official = iso.empty() ? std::vector<std::string>{} : strings_of(names[iso]);
            e.name = string_or(overrides["display_names"], iso.c_str(), official.empty() ? ne_name : official[0]);
            std::set<std::string> seen{e.name};
            official.push_back(ne_name);
            if (!iso.empty()) for (auto& a : strings_of(overrides["extra_aliases"][iso])) official.push_back(a);
            for (auto& a : official)
                if (seen.insert(a).second) e.aliases.push_back(a);
            src.countries.push_back(std::move(e));
        }
        auto& entry = src.countries[entry_by_key[key]];
        std::string type = string_or(g, "type");
        const json& arcs = g["arcs"];
        if (type == "Polygon") {
            entry.polygons.emplace_back();
            for (const json& ring : arcs) entry.polygons.back().push_back(refs_of(ring));
        } else if (type == "MultiPolygon") {
            for (const json& poly : arcs) {
                entry.polygons.emplace_back();
                for (const json& ring : poly) entry.polygons.back().push_back(refs_of(ring));
            }
        }
    }

    size_t points = 0;
    for (const auto& a : src.arcs) points += a.size();
    for (auto& e : src.countries) {
        double best_area = -1;
        for (const auto& poly_refs : e.polygons) {
            for (const ng::Polygon& poly : ng::polygons_from_arc_refs(lonlat_arcs, poly_refs)) {
                double area = ng::polygon_area_km2(poly);
                e.area_km2 += area;
                if (area > best_area) best_area = area, e.label = ng::polygon_label_point(poly);
            }
        }
    }

    std::string bytes = ng::encode_world_asset(src);
    check_decodes(bytes, "the map");
    write_file(args["--out"], bytes);
    std::printf("prepare_world: %zu countries (%d without an ISO code), %zu arcs, %zu points, %zu bytes\n",
                src.countries.size(), unnamed, src.arcs.size(), points, bytes.size());
    if (args.count("--light-out")) {
        ng::WorldAssetSource light = ng::simplify_asset(src, ng::kLightMapToleranceDeg);
        std::string light_bytes = ng::encode_world_asset(light);
        check_decodes(light_bytes, "the light map");
        write_file(args["--light-out"], light_bytes);
        size_t light_points = 0;
        for (const auto& a : light.arcs) light_points += a.size();
        std::printf("prepare_world: light map within %g deg: %zu points, %zu bytes\n", ng::kLightMapToleranceDeg,
                    light_points, light_bytes.size());
    }
    return 0;
}
