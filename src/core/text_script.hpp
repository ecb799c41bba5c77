// text_script — what the UI needs to know about a text before it draws it:
// whether the app's own font atlas can (Latin) or the
// browser's text engine must (every other script, shaping, bidi), the
// paragraph's direction, which CJK typeface suits it, and the text cleaned
// for display so hostile input cannot flip or smear what surrounds it.
// Plain C++, no locale; docs/text.md tells the whole text path.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace ng::text {

// The code points the atlas covers (assets/atlas_ranges.txt says the same;
// a unit test checks).
struct CodeRange {
    uint32_t first, last;
};
extern const CodeRange kAtlasRanges[];
extern const int kAtlasRangeCount;
bool in_atlas_ranges(uint32_t cp);
// True when every character of `utf8` is in the atlas' ranges.
bool atlas_covers(std::string_view utf8);

enum class Direction { Ltr, Rtl };
// The paragraph direction by the Unicode Bidirectional Algorithm's rules
// P2–P3: the first strong character (Hebrew, Arabic, Syriac, Thaana, N'Ko…
// right to left; any other letter left to right) decides; none: left to right.
Direction base_direction(std::string_view utf8);

// The text as the engine should draw it. Drops what must never reach the
// screen: control characters, bidi embeddings, overrides and isolates (each
// drawn text is its own isolated paragraph; an override inside it would
// still reorder it), a byte-order mark, and emoji with their modifiers,
// variation selectors, tags and keycaps (a clean omission: the fonts have
// no colour emoji). Caps stacked combining marks at kMaxMarks per character
// so a "Zalgo" string cannot smear over the lines around it. Collapses the
// spaces that leaves and trims the ends. Invalid UTF-8 bytes are dropped.
constexpr int kMaxMarks = 3;
std::string display_text(std::string_view utf8);

// The Noto Sans CJK region for a text: "jp", "kr", "tc" (Traditional) or
// "sc" (Simplified) from its language tag ("ja", "ko", "zh-Hant", "zh-TW",
// "zh"), else from the text (kana: "jp", Hangul: "kr"); "sc" for Han alone.
// Han characters share code points across regions but not shapes.
const char* cjk_region(std::string_view language, std::string_view utf8);
// A language hint from a country for text whose language is unknown (an
// outlet's name): "ja" for Japan, "ko" for the Koreas, "zh-Hant" for Taiwan,
// Hong Kong and Macao, "zh-Hans" for China and Singapore; "" elsewhere.
const char* language_of_country(std::string_view iso);

}  // namespace ng::text
