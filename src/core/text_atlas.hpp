// text_atlas — where rasterised lines of text live on the GPU: a few pages
// (textures) of one size, each filled shelf by shelf. When every page is
// full, the page used longest ago is cleared and reused: its lines are drawn
// again when they next show. Plain bookkeeping, no GL: ui/text owns the
// textures.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

namespace ng {

struct AtlasSlot {
    int page = -1;
    uint32_t generation = 0;  // the page's generation when the slot was given
    int x = 0, y = 0, w = 0, h = 0;
};

class TextAtlas {
public:
    TextAtlas(int page_width, int page_height, int max_pages);
    // A place for a w×h bitmap, or nothing when it is larger than a page.
    // `frame` marks the page used now; a page reused for it is cleared.
    std::optional<AtlasSlot> place(int w, int h, int frame);
    // True while the slot's page has not been cleared since it was given.
    bool valid(const AtlasSlot& slot) const;
    void touch(const AtlasSlot& slot, int frame);  // the slot was drawn this frame
    int pages() const { return int(pages_.size()); }
    int page_width() const { return page_w_; }
    int page_height() const { return page_h_; }

private:
    struct Shelf {
        int y, h, x;
    };
    struct Page {
        std::vector<Shelf> shelves;
        int bottom = 0;  // first free row below the shelves
        int last_used = 0;
        uint32_t generation = 1;
    };
    std::optional<AtlasSlot> place_in(int page, int w, int h);

    int page_w_, page_h_, max_pages_;
    std::vector<Page> pages_;
};

}  // namespace ng
