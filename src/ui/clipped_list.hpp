// clipped_list — a long list of rows of different heights, drawn only where
// the scroll view shows it. The rows' heights are measured once per layout
// (the `key`: which rows, how wide, in which fonts) and kept as running
// offsets; each frame submits only the rows in the visible part, plus a few
// on either side so that keyboard navigation can step onto the next one
// (ImGui then scrolls it into view), and stands in for the others with empty
// space of the same height. So a frame costs about the same for 20 rows as
// for 10,000, and a draw list never holds more than a screenful of them.
// (ImGuiListClipper does this for rows of one height.)
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

namespace ng::ui {

class ClippedList {
public:
    // Measures the rows if `key` differs from the last call's: height(i) is
    // row i's height including any space after it. Then returns the rows to
    // submit, [first, last), for a list whose top is at screen y `top` in a
    // scroll view showing screen y from `clip_top` to `clip_bottom`.
    struct Range {
        int first = 0, last = 0;
    };
    Range layout(std::uint64_t key, int count, const std::function<float(int)>& height, float top, float clip_top,
                 float clip_bottom);

    // Empty space for rows [from, to): before the first row submitted and
    // after the last.
    void skip(int from, int to) const;
    float height_of(int from, int to) const;

private:
    std::uint64_t key_ = 0;
    bool measured_ = false;
    std::vector<float> offsets_;  // offsets_[i]: top of row i from the list's top; offsets_[count]: its height
};

// A key from the things a list's layout depends on (FNV-1a over their bytes).
class LayoutKey {
public:
    LayoutKey& add(const void* bytes, std::size_t size);
    template <class T>
    LayoutKey& operator<<(const T& value) {
        return add(&value, sizeof value);
    }
    std::uint64_t value() const { return hash_; }

private:
    std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace ng::ui
