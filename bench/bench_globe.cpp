// bench_globe — prints the figures of the globe's CPU work: decoding the map
// assets, tessellating them (the light map's mesh is what the first frame
// waits for), and picking (exact and snapping). Run on the built assets:
// build/native/bench_globe [path/to/world.bin [path/to/world-light.bin]]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "core/picking.hpp"
#include "core/tessellate.hpp"

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

static bool load(const std::string& path, ng::World* world, const char* label) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    std::string error;
    auto t = Clock::now();
    const int decode_runs = 20;
    for (int i = 0; i < decode_runs; ++i)
        if (!ng::decode_world_asset(bytes, world, &error)) {
            std::fprintf(stderr, "bench_globe: %s: %s\n", path.c_str(), error.c_str());
            return false;
        }
    std::printf("%-17s %zu bytes, %zu countries, decode %.2f ms\n", label, bytes.size(), world->countries.size(),
                ms_since(t) / decode_runs);
    return true;
}

int main(int argc, char** argv) {
    const std::string data = std::string(NEWSGLOBE_SOURCE_DIR) + "/build/site/data/";
    ng::World world, light;
    if (!load(argc > 1 ? argv[1] : data + "world.bin", &world, "map asset:") ||
        !load(argc > 2 ? argv[2] : data + "world-light.bin", &light, "light map asset:"))
        return 1;

    auto t = Clock::now();
    const int light_runs = 20;
    size_t light_triangles = 0;
    for (int i = 0; i < light_runs; ++i) light_triangles = ng::tessellate_world(light, ng::kLightMeshOptions).land_indices.size() / 3;
    std::printf("light mesh:       %.1f ms → %zu land triangles\n", ms_since(t) / light_runs, light_triangles);

    // the first view's half (the app's default view, the globe seen whole)
    const ng::SphereCap first_view{ng::to_unit_vector({20, 10}), 72 * ng::kDegToRad};
    t = Clock::now();
    for (int i = 0; i < light_runs; ++i)
        light_triangles = ng::tessellate_world(light, ng::kLightMeshOptions, &first_view).land_indices.size() / 3;
    std::printf("  in view:        %.1f ms → %zu land triangles (what the first frame waits for)\n",
                ms_since(t) / light_runs, light_triangles);

    t = Clock::now();
    ng::GlobeMesh mesh = ng::tessellate_world(world);
    std::printf("tessellation:     %.1f ms → %zu land triangles, %zu vertices, %zu border segments\n", ms_since(t),
                mesh.land_indices.size() / 3, mesh.land_country.size(), mesh.border_xyz.size() / 6);

    t = Clock::now();
    ng::CountryPicker picker(world);
    std::printf("picking grid:     %.1f ms to build\n", ms_since(t));

    // uniform points on the sphere: most picks are ocean, as on a real globe
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(-1, 1), lon(-180, 180);
    std::vector<ng::LatLon> points(200000);
    for (auto& p : points) p = {std::asin(u(rng)) * ng::kRadToDeg, lon(rng)};
    int land = 0;
    t = Clock::now();
    for (const auto& p : points) land += picker.country_at(p) >= 0;
    double exact_ms = ms_since(t);
    std::printf("exact pick:       %.0f picks/s (%.2f µs each, %d%% land)\n", points.size() / exact_ms * 1000,
                exact_ms * 1000 / points.size(), int(100.0 * land / points.size()));

    // snapping: points near Europe's microstates, radius 0.1°
    std::uniform_real_distribution<double> elat(35, 50), elon(5, 20);
    for (auto& p : points) p = {elat(rng), elon(rng)};
    t = Clock::now();
    const size_t snap_n = 20000;
    for (size_t i = 0; i < snap_n; ++i) picker.country_near(points[i], 0.1);
    double snap_ms = ms_since(t);
    std::printf("snapping pick:    %.0f picks/s (%.1f µs each, 0.1° radius over Europe)\n", snap_n / snap_ms * 1000,
                snap_ms * 1000 / snap_n);
    return 0;
}
