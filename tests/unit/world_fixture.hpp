// Loads the real map assets the build prepared (site/data/world.bin and the
// light world-light.bin) once for all tests that need countries.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "core/world.hpp"

inline std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline ng::World load_test_world(const char* file) {
    ng::World w;
    std::string error;
    std::string bytes = read_file_bytes(std::string(NEWSGLOBE_SITE_DIR) + "/data/" + file);
    if (!ng::decode_world_asset(bytes, &w, &error)) w.countries.clear();
    return w;
}

inline const ng::World& test_world() {
    static ng::World world = load_test_world("world.bin");
    return world;
}

// The light map the first view fetches (data/world-light.bin, core/simplify.hpp).
inline const ng::World& test_light_world() {
    static ng::World world = load_test_world("world-light.bin");
    return world;
}
