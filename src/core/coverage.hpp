// coverage — colours for the globe: countries shaded by how many stories
// their press has, on a perceptually uniform ramp (viridis), with countries
// without stories in a neutral grey, plus hover/selection/coverage-map accents.
// Produces the renderer's 256-entry palette.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ng {

struct Rgb {
    float r, g, b;
};

Rgb viridis(double t);  // t in [0, 1]

// Story-count bins shown in the legend: 1, 2–3, 4–7, 8–15, 16+.
struct CoverageBin {
    int min_count;
    std::string label;
};
const std::vector<CoverageBin>& coverage_bins();
int coverage_bin_of(int story_count);  // -1 for no stories
Rgb coverage_colour(int story_count, bool dark_theme);
Rgb no_data_colour(bool dark_theme);

enum class Highlight : uint8_t { None, Hovered, Selected, Covering };

struct PaletteInput {
    std::vector<int> story_counts;         // per country index; < 0: unknown
    std::vector<Highlight> highlight;      // per country index
    bool dark_theme = true;
    bool coverage_mode = false;            // a story is open: dim the rest
};
// 256 × RGBA8, ready for globe_renderer::upload_palette.
std::array<uint8_t, 256 * 4> build_palette(const PaletteInput& in);

}  // namespace ng
