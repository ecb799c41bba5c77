#include "core/coverage.hpp"

#include <algorithm>
#include <cmath>

namespace ng {

Rgb viridis(double t) {
    // matplotlib's viridis at 9 stops, linearly interpolated
    static const float k[9][3] = {{0.267f, 0.005f, 0.329f}, {0.283f, 0.141f, 0.458f}, {0.254f, 0.265f, 0.530f},
                                  {0.207f, 0.372f, 0.553f}, {0.164f, 0.471f, 0.558f}, {0.128f, 0.567f, 0.551f},
                                  {0.135f, 0.659f, 0.518f}, {0.478f, 0.821f, 0.318f}, {0.993f, 0.906f, 0.144f}};
    t = std::clamp(t, 0.0, 1.0) * 8;
    int i = std::min(7, int(t));
    float f = float(t - i);
    return {k[i][0] + (k[i + 1][0] - k[i][0]) * f, k[i][1] + (k[i + 1][1] - k[i][1]) * f,
            k[i][2] + (k[i + 1][2] - k[i][2]) * f};
}

const std::vector<CoverageBin>& coverage_bins() {
    static const std::vector<CoverageBin> bins = {{1, "1"}, {2, "2–3"}, {4, "4–7"}, {8, "8–15"}, {16, "16+"}};
    return bins;
}

int coverage_bin_of(int story_count) {
    if (story_count <= 0) return -1;
    const auto& bins = coverage_bins();
    int bin = 0;
    for (size_t i = 0; i < bins.size(); ++i)
        if (story_count >= bins[i].min_count) bin = int(i);
    return bin;
}

Rgb coverage_colour(int story_count, bool dark_theme) {
    int bin = coverage_bin_of(story_count);
    if (bin < 0) return no_data_colour(dark_theme);
    // skip viridis' darkest purple: it would vanish into a dark ocean
    double t = 0.25 + 0.75 * bin / double(coverage_bins().size() - 1);
    return viridis(t);
}

Rgb no_data_colour(bool dark_theme) { return dark_theme ? Rgb{0.25f, 0.28f, 0.33f} : Rgb{0.80f, 0.80f, 0.78f}; }

std::array<uint8_t, 256 * 4> build_palette(const PaletteInput& in) {
    std::array<uint8_t, 256 * 4> out{};
    const Rgb accent = {1.0f, 0.55f, 0.22f};  // selection: warm, off the viridis ramp
    for (size_t i = 0; i < 256; ++i) {
        int count = i < in.story_counts.size() ? in.story_counts[i] : 0;
        Highlight h = i < in.highlight.size() ? in.highlight[i] : Highlight::None;
        Rgb c = count < 0 ? no_data_colour(in.dark_theme) : coverage_colour(count, in.dark_theme);
        if (in.coverage_mode) {
            // the story's coverage map: covering countries bright, the rest faded
            c = h == Highlight::Covering || h == Highlight::Selected ? viridis(0.85) : no_data_colour(in.dark_theme);
        }
        auto mix = [&](Rgb to, float f) {
            c = {c.r + (to.r - c.r) * f, c.g + (to.g - c.g) * f, c.b + (to.b - c.b) * f};
        };
        if (h == Highlight::Selected) c = accent;
        if (h == Highlight::Hovered) mix({1, 1, 1}, 0.35f);
        out[i * 4 + 0] = uint8_t(std::clamp(c.r, 0.0f, 1.0f) * 255 + 0.5f);
        out[i * 4 + 1] = uint8_t(std::clamp(c.g, 0.0f, 1.0f) * 255 + 0.5f);
        out[i * 4 + 2] = uint8_t(std::clamp(c.b, 0.0f, 1.0f) * 255 + 0.5f);
        out[i * 4 + 3] = 255;
    }
    return out;
}

}  // namespace ng
