// clipped_list — only the visible rows of a long list (see clipped_list.hpp).
#include "ui/clipped_list.hpp"

#include <imgui.h>

#include <algorithm>

namespace ng::ui {
namespace {

constexpr int kMarginRows = 2;  // submitted beyond each edge, for keyboard navigation

}  // namespace

ClippedList::Range ClippedList::layout(std::uint64_t key, int count, const std::function<float(int)>& height,
                                       float top, float clip_top, float clip_bottom) {
    if (!measured_ || key != key_ || int(offsets_.size()) != count + 1) {
        offsets_.assign(size_t(count) + 1, 0);
        for (int i = 0; i < count; ++i) offsets_[size_t(i) + 1] = offsets_[size_t(i)] + height(i);
        key_ = key;
        measured_ = true;
    }
    // the first row whose bottom is below the clip's top, the first whose top is below its bottom
    auto begin = offsets_.begin() + 1, end = offsets_.end();
    int first = int(std::upper_bound(begin, end, clip_top - top) - begin);
    int last = int(std::lower_bound(begin - 1, end - 1, clip_bottom - top) - (begin - 1));
    Range r;
    r.first = std::max(0, first - kMarginRows);
    r.last = std::min(count, std::max(last, first) + kMarginRows);
    return r;
}

float ClippedList::height_of(int from, int to) const {
    if (offsets_.empty() || to <= from) return 0;
    return offsets_[size_t(to)] - offsets_[size_t(from)];
}

void ClippedList::skip(int from, int to) const {
    float h = height_of(from, to);
    if (h > 0) ImGui::Dummy(ImVec2(1, h));
}

LayoutKey& LayoutKey::add(const void* bytes, std::size_t size) {
    const unsigned char* p = static_cast<const unsigned char*>(bytes);
    for (std::size_t i = 0; i < size; ++i) {
        hash_ ^= p[i];
        hash_ *= 0x100000001b3ULL;
    }
    return *this;
}

}  // namespace ng::ui
