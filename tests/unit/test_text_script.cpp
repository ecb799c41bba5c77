// text_script: the atlas' ranges, paragraph direction, display cleaning of
// hostile text, and the CJK region of a text.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/text_atlas.hpp"
#include "core/text_script.hpp"

namespace {

using ng::text::base_direction;
using ng::text::cjk_region;
using ng::text::Direction;
using ng::text::display_text;

TEST(TextScript, AtlasRangesAreTheOnesTheFontBuildUses) {
    std::ifstream in(std::string(NEWSGLOBE_SOURCE_DIR) + "/assets/atlas_ranges.txt");
    ASSERT_TRUE(in);
    std::string line;
    int i = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        ASSERT_LT(i, ng::text::kAtlasRangeCount) << line;
        size_t dash = line.find('-');
        uint32_t first = uint32_t(std::stoul(line.substr(0, dash), nullptr, 16));
        uint32_t last = dash == std::string::npos ? first : uint32_t(std::stoul(line.substr(dash + 1), nullptr, 16));
        EXPECT_EQ(ng::text::kAtlasRanges[i].first, first) << line;
        EXPECT_EQ(ng::text::kAtlasRanges[i].last, last) << line;
        ++i;
    }
    EXPECT_EQ(i, ng::text::kAtlasRangeCount);
}

TEST(TextScript, AtlasCoversLatin1Only) {
    EXPECT_TRUE(ng::text::atlas_covers("Côte d’Ivoire — São Tomé, Øresund, «Straße»: €12 → 15 % … ₹5, ₺3"));
    // Extended-A (Polish, Turkish, Czech), Greek, Cyrillic, Vietnamese and
    // Extended-B (Romanian ș) go to the browser's engine, as do decomposed
    // accents and symbols the UI never draws
    EXPECT_FALSE(ng::text::atlas_covers("Łódź"));
    EXPECT_FALSE(ng::text::atlas_covers("İstanbul"));
    EXPECT_FALSE(ng::text::atlas_covers("Cafe\u0301"));
    EXPECT_FALSE(ng::text::atlas_covers("⇒ ℃"));
    EXPECT_FALSE(ng::text::atlas_covers("Ελλάδα"));
    EXPECT_FALSE(ng::text::atlas_covers("Україна"));
    EXPECT_FALSE(ng::text::atlas_covers("Tuổi Trẻ"));
    EXPECT_FALSE(ng::text::atlas_covers("București"));
    EXPECT_FALSE(ng::text::atlas_covers("東京"));
    EXPECT_FALSE(ng::text::atlas_covers("الجزيرة"));
    EXPECT_FALSE(ng::text::atlas_covers("ქართული"));
}

TEST(TextScript, DirectionIsTheFirstStrongCharacters) {
    EXPECT_EQ(base_direction("Hello"), Direction::Ltr);
    EXPECT_EQ(base_direction("الجزيرة"), Direction::Rtl);
    EXPECT_EQ(base_direction("הארץ"), Direction::Rtl);
    EXPECT_EQ(base_direction("کیهان"), Direction::Rtl);
    // digits and punctuation are not strong: the Arabic after them decides
    EXPECT_EQ(base_direction("2026 «COP30» في بيليم"), Direction::Ltr);  // C of COP is strong L first
    EXPECT_EQ(base_direction("2026: قمة المناخ COP30"), Direction::Rtl);
    EXPECT_EQ(base_direction("(٢٠٢٦) قمة"), Direction::Rtl);
    EXPECT_EQ(base_direction("123 …"), Direction::Ltr);  // no strong character
    EXPECT_EQ(base_direction("दैनिक भास्कर"), Direction::Ltr);
    EXPECT_EQ(base_direction("人民日报"), Direction::Ltr);
}

TEST(TextScript, DisplayTextDropsBidiControlsThatCouldFlipTheUi) {
    // RLO, LRO, PDF, isolates, embeddings: gone, the letters stay in logical order
    EXPECT_EQ(display_text("\u202Eevil\u202C tail"), "evil tail");
    EXPECT_EQ(display_text("a\u202Db\u202Ac\u2067d\u2069"), "abcd");
    EXPECT_EQ(display_text("\u2066\u2068x\u2069"), "x");
}

TEST(TextScript, DisplayTextKeepsJoinersScriptsNeed) {
    // Persian: ZWNJ between the prefix and the verb; Hindi: ZWJ for an explicit half form
    EXPECT_EQ(display_text("می\u200Cخواهد"), "می\u200Cخواهد");
    EXPECT_EQ(display_text("क्\u200D"), "क्\u200D");
}

TEST(TextScript, DisplayTextOmitsEmojiCleanly) {
    EXPECT_EQ(display_text("Floods 🌊 hit the coast"), "Floods hit the coast");
    EXPECT_EQ(display_text("👨\u200D👩\u200D👧 families"), "families");
    EXPECT_EQ(display_text("🇯🇵 Japan"), "Japan");
    EXPECT_EQ(display_text("👍🏽 ok"), "ok");
    EXPECT_EQ(display_text("☀\uFE0F sunny"), "☀ sunny");  // a symbol the fonts have stays, without its emoji selector
}

TEST(TextScript, DisplayTextCapsStackedMarks) {
    std::string zalgo = "Z";
    for (int i = 0; i < 40; ++i) zalgo += "\u0301\u0316";
    std::string shown = display_text(zalgo + "algo");
    EXPECT_EQ(shown, "Z\u0301\u0316\u0301algo");
    // ordinary accents and Vietnamese double diacritics survive
    EXPECT_EQ(display_text("e\u0301te\u0302\u0300"), "e\u0301te\u0302\u0300");
    // Hebrew with niqqud and Arabic with shadda and a vowel survive
    EXPECT_EQ(display_text("שָׁלוֹם"), "שָׁלוֹם");
    EXPECT_EQ(display_text("مُحَمَّد"), "مُحَمَّد");
}

TEST(TextScript, DisplayTextDropsControlsAndCollapsesSpaces) {
    EXPECT_EQ(display_text("  a\tb\n\nc\x01\x7F\u0085d\uFEFF  "), "a b cd");
    EXPECT_EQ(display_text(std::string("x\xff\xfe y")), "x y");  // invalid UTF-8 bytes dropped
    EXPECT_EQ(display_text("\u200B"), "\u200B");                   // zero width space: harmless, a break hint
}

TEST(TextScript, CjkRegionFromLanguageThenText) {
    EXPECT_STREQ(cjk_region("ja", "東京"), "jp");
    EXPECT_STREQ(cjk_region("ko", "서울"), "kr");
    EXPECT_STREQ(cjk_region("zh-Hant", "臺灣"), "tc");
    EXPECT_STREQ(cjk_region("zh-TW", "臺灣"), "tc");
    EXPECT_STREQ(cjk_region("zh-Hans", "北京"), "sc");
    EXPECT_STREQ(cjk_region("zh", "北京"), "sc");
    EXPECT_STREQ(cjk_region("", "東京タイムズ"), "jp");
    EXPECT_STREQ(cjk_region("", "조선일보"), "kr");
    EXPECT_STREQ(cjk_region("", "人民日报"), "sc");
    EXPECT_STREQ(ng::text::language_of_country("TW"), "zh-Hant");
    EXPECT_STREQ(ng::text::language_of_country("FR"), "");
}

TEST(TextAtlas, PacksShelvesAndReusesTheLeastRecentlyUsedPage) {
    ng::TextAtlas atlas(256, 64, 2);
    auto a = atlas.place(100, 20, 1);
    auto b = atlas.place(100, 18, 1);  // same shelf: 18 is within a third of 20
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->page, 0);
    EXPECT_EQ(b->y, a->y);
    EXPECT_GT(b->x, a->x + 99);
    auto c = atlas.place(200, 40, 2);  // a new shelf below
    ASSERT_TRUE(c);
    EXPECT_EQ(c->page, 0);
    EXPECT_GE(c->y, 20);
    auto d = atlas.place(200, 60, 3);  // page 0 is full: a second page
    ASSERT_TRUE(d);
    EXPECT_EQ(d->page, 1);
    atlas.touch(*a, 5);  // page 0 drawn recently; page 1 not
    auto e = atlas.place(250, 60, 6);  // both full: page 1 is reused
    ASSERT_TRUE(e);
    EXPECT_EQ(e->page, 1);
    EXPECT_FALSE(atlas.valid(*d));
    EXPECT_TRUE(atlas.valid(*a));
    EXPECT_FALSE(atlas.place(300, 10, 7));  // wider than a page
    EXPECT_FALSE(atlas.place(10, 0, 7));
}

}  // namespace
