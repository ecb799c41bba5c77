// text_atlas — shelf packing in pages, least recently used page reused (see text_atlas.hpp).
#include "core/text_atlas.hpp"

namespace ng {

TextAtlas::TextAtlas(int page_width, int page_height, int max_pages)
    : page_w_(page_width), page_h_(page_height), max_pages_(max_pages < 1 ? 1 : max_pages) {}

std::optional<AtlasSlot> TextAtlas::place_in(int index, int w, int h) {
    Page& page = pages_[size_t(index)];
    // the lowest shelf that fits without wasting more than a third of its height
    Shelf* best = nullptr;
    for (Shelf& s : page.shelves)
        if (h <= s.h && h * 3 >= s.h * 2 && s.x + w <= page_w_ && (!best || s.h < best->h)) best = &s;
    if (!best) {
        int shelf_h = (h + 3) / 4 * 4;  // round up so nearby heights share shelves
        if (page.bottom + shelf_h > page_h_) {
            if (page.bottom + h > page_h_) return std::nullopt;
            shelf_h = h;
        }
        page.shelves.push_back({page.bottom, shelf_h, 0});
        page.bottom += shelf_h;
        best = &page.shelves.back();
    }
    AtlasSlot slot{index, page.generation, best->x, best->y, w, h};
    best->x += w + 1;  // a pixel apart: linear filtering never bleeds between lines
    return slot;
}

std::optional<AtlasSlot> TextAtlas::place(int w, int h, int frame) {
    if (w <= 0 || h <= 0 || w > page_w_ || h > page_h_) return std::nullopt;
    for (int i = 0; i < int(pages_.size()); ++i)
        if (auto slot = place_in(i, w, h)) {
            pages_[size_t(i)].last_used = frame;
            return slot;
        }
    int index = int(pages_.size());
    if (index < max_pages_) {
        pages_.emplace_back();
    } else {
        index = 0;
        for (int i = 1; i < int(pages_.size()); ++i)
            if (pages_[size_t(i)].last_used < pages_[size_t(index)].last_used) index = i;
        Page& page = pages_[size_t(index)];
        page.shelves.clear();
        page.bottom = 0;
        ++page.generation;
    }
    pages_[size_t(index)].last_used = frame;
    return place_in(index, w, h);
}

bool TextAtlas::valid(const AtlasSlot& slot) const {
    return slot.page >= 0 && slot.page < int(pages_.size()) && pages_[size_t(slot.page)].generation == slot.generation;
}

void TextAtlas::touch(const AtlasSlot& slot, int frame) {
    if (valid(slot)) pages_[size_t(slot.page)].last_used = frame;
}

}  // namespace ng
