// Loads the real map asset the build prepared (site/data/world.bin) once for
// all tests that need countries.
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

inline const ng::World& test_world() {
    static ng::World world = [] {
        ng::World w;
        std::string error;
        std::string bytes = read_file_bytes(std::string(NEWSGLOBE_SITE_DIR) + "/data/world.bin");
        if (!ng::decode_world_asset(bytes, &w, &error)) w.countries.clear();
        return w;
    }();
    return world;
}
