// bench_globe — prints the figures of the globe's CPU work: decoding the map
// asset, tessellating it, and picking (exact and snapping). Run on the built
// asset: build/native/bench_globe [path/to/world.bin]
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

int main(int argc, char** argv) {
    std::string path = argc > 1 ? argv[1] : std::string(NEWSGLOBE_SOURCE_DIR) + "/build/site/data/world.bin";
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();

    ng::World world;
    std::string error;
    auto t = Clock::now();
    const int decode_runs = 20;
    for (int i = 0; i < decode_runs; ++i)
        if (!ng::decode_world_asset(bytes, &world, &error)) {
            std::fprintf(stderr, "bench_globe: %s: %s\n", path.c_str(), error.c_str());
            return 1;
        }
    std::printf("map asset:        %zu bytes, %zu countries, decode %.2f ms\n", bytes.size(), world.countries.size(),
                ms_since(t) / decode_runs);

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
