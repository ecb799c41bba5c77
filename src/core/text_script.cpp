// text_script — scripts, direction and display cleaning (see text_script.hpp).
#include "core/text_script.hpp"

#include <vector>

#include "core/utf8.hpp"

namespace ng::text {

const CodeRange kAtlasRanges[] = {{0x0020, 0x007E}, {0x00A0, 0x00FF}, {0x2000, 0x203A}, {0x2044, 0x2044},
                                  {0x205F, 0x206F}, {0x20A3, 0x20A4}, {0x20A6, 0x20A6}, {0x20A8, 0x20AD},
                                  {0x20B1, 0x20B1}, {0x20B4, 0x20B5}, {0x20B8, 0x20BF}, {0x2116, 0x2116},
                                  {0x2122, 0x2122}, {0x2190, 0x2193}, {0x2212, 0x2212}};
const int kAtlasRangeCount = int(sizeof kAtlasRanges / sizeof kAtlasRanges[0]);

namespace {

bool in(uint32_t cp, uint32_t first, uint32_t last) { return cp >= first && cp <= last; }

// Decodes every valid code point (invalid bytes are skipped).
std::vector<uint32_t> code_points(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        uint32_t cp = 0;
        size_t len = utf8::decode(s, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

// [SECTION] bidi classes (the strong ones, for P2–P3) ----------------------------------

// Right-to-left letters: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
// Mandaic and their presentation forms, minus their marks and digits (which
// are not strong).
bool is_strong_rtl(uint32_t cp) {
    if (in(cp, 0x0591, 0x05C7) || in(cp, 0x0600, 0x061A) || in(cp, 0x064B, 0x066C) || cp == 0x0670 ||
        in(cp, 0x06D6, 0x06ED) || in(cp, 0x06F0, 0x06F9))
        return false;  // marks, Arabic-Indic digits, number signs
    return in(cp, 0x0590, 0x08FF) || in(cp, 0xFB1D, 0xFDFF) || in(cp, 0xFE70, 0xFEFE) || in(cp, 0x10800, 0x10FFF) ||
           in(cp, 0x1E800, 0x1EFFF);
}

// Left-to-right letters, approximately: Latin, Greek, Cyrillic, Armenian and
// every script from Devanagari on, without punctuation, symbols and digits.
bool is_strong_ltr(uint32_t cp) {
    if (cp < 0x80) return in(cp, 'A', 'Z') || in(cp, 'a', 'z');
    if (cp < 0x100) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
    if (in(cp, 0x0100, 0x02B8) || in(cp, 0x0370, 0x0373) || in(cp, 0x0376, 0x037D) || in(cp, 0x0386, 0x0482) ||
        in(cp, 0x048A, 0x0589))
        return cp != 0x0387;
    if (in(cp, 0x0900, 0x1FFF)) return !in(cp, 0x1680, 0x169F);  // Indic … Greek Extended (not Ogham space)
    if (in(cp, 0x2C00, 0x2DFF) || in(cp, 0x3040, 0x9FFF) || in(cp, 0xA000, 0xD7FF) || in(cp, 0xF900, 0xFAFF))
        return !in(cp, 0x3000, 0x303F) && !in(cp, 0x2E00, 0x2E7F) && !in(cp, 0x31C0, 0x31EF);
    if (in(cp, 0xFF21, 0xFF3A) || in(cp, 0xFF41, 0xFF5A) || in(cp, 0xFF66, 0xFFDC)) return true;
    return cp >= 0x10000 && !is_strong_rtl(cp) && !in(cp, 0x1F000, 0x1FFFF);
}

// [SECTION] what display_text drops ---------------------------------------------------

bool is_control(uint32_t cp) { return cp < 0x20 || in(cp, 0x7F, 0x9F) || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF; }
bool is_bidi_control(uint32_t cp) { return in(cp, 0x202A, 0x202E) || in(cp, 0x2066, 0x2069); }
bool is_space(uint32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029; }

// Emoji and what only emoji use: pictographs, emoticons, transport, flags
// (regional indicators), skin tones (all U+1F000..U+1FAFF), the emoji
// variation selectors, tags (subdivision flags) and the keycap.
bool is_emoji_part(uint32_t cp) {
    return in(cp, 0x1F000, 0x1FAFF) || cp == 0xFE0E || cp == 0xFE0F || in(cp, 0xE0000, 0xE007F) || cp == 0x20E3;
}

// Marks that stack on the character before them: the generic combining
// diacritics and the vowel and cantillation marks of scripts that take many.
bool is_stacking_mark(uint32_t cp) {
    return in(cp, 0x0300, 0x036F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) || in(cp, 0x20D0, 0x20FF) ||
           in(cp, 0xFE20, 0xFE2F) || in(cp, 0x0483, 0x0489) || in(cp, 0x0591, 0x05BD) || in(cp, 0x05C1, 0x05C2) ||
           in(cp, 0x05C4, 0x05C5) || cp == 0x05C7 || in(cp, 0x0610, 0x061A) || in(cp, 0x064B, 0x065F) ||
           cp == 0x0670 || in(cp, 0x06D6, 0x06DC) || in(cp, 0x06DF, 0x06E4) || in(cp, 0x06E7, 0x06E8) ||
           in(cp, 0x06EA, 0x06ED) || cp == 0x0E31 || in(cp, 0x0E34, 0x0E3A) || in(cp, 0x0E47, 0x0E4E) ||
           cp == 0x0EB1 || in(cp, 0x0EB4, 0x0EBC) || in(cp, 0x0EC8, 0x0ECD);
}

}  // namespace

bool in_atlas_ranges(uint32_t cp) {
    for (const CodeRange& r : kAtlasRanges)
        if (in(cp, r.first, r.last)) return true;
    return false;
}

bool atlas_covers(std::string_view utf8) {
    for (uint32_t cp : code_points(utf8))
        if (!in_atlas_ranges(cp) && !is_control(cp)) return false;
    return true;
}

Direction base_direction(std::string_view utf8) {
    for (uint32_t cp : code_points(utf8)) {
        if (is_strong_rtl(cp)) return Direction::Rtl;
        if (is_strong_ltr(cp)) return Direction::Ltr;
    }
    return Direction::Ltr;
}

std::string display_text(std::string_view utf8) {
    std::vector<uint32_t> cps = code_points(utf8);
    std::string out;
    out.reserve(utf8.size());
    bool pending_space = false;
    int marks = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
        uint32_t cp = cps[i];
        if (is_space(cp)) {
            pending_space = !out.empty();
            continue;
        }
        // a joiner between emoji (a family, a profession) goes with them
        bool joins_emoji = cp == 0x200D && ((i > 0 && is_emoji_part(cps[i - 1])) ||
                                            (i + 1 < cps.size() && is_emoji_part(cps[i + 1])));
        if (is_control(cp) || is_bidi_control(cp) || is_emoji_part(cp) || joins_emoji) continue;
        if (is_stacking_mark(cp)) {
            if (++marks > kMaxMarks) continue;
        } else {
            marks = 0;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        utf8::append(out, cp);
    }
    return out;
}

const char* cjk_region(std::string_view language, std::string_view utf8) {
    auto starts = [&](std::string_view p) {
        if (language.size() < p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if ((language[i] | 0x20) != p[i]) return false;
        return language.size() == p.size() || language[p.size()] == '-' || language[p.size()] == '_';
    };
    auto has = [&](std::string_view sub) {
        for (size_t i = 0; i + sub.size() <= language.size(); ++i) {
            bool match = true;
            for (size_t k = 0; k < sub.size() && match; ++k) match = (language[i + k] | 0x20) == (sub[k] | 0x20);
            if (match) return true;
        }
        return false;
    };
    if (starts("ja")) return "jp";
    if (starts("ko")) return "kr";
    if (starts("zh") || starts("yue")) return has("hant") || has("-tw") || has("-hk") || has("-mo") || starts("yue") ? "tc" : "sc";
    for (uint32_t cp : code_points(utf8)) {
        if (in(cp, 0x3040, 0x30FF) || in(cp, 0x31F0, 0x31FF) || in(cp, 0xFF66, 0xFF9F)) return "jp";
        if (in(cp, 0xAC00, 0xD7A3) || in(cp, 0x1100, 0x11FF) || in(cp, 0x3130, 0x318F)) return "kr";
    }
    return "sc";
}

const char* language_of_country(std::string_view iso) {
    if (iso == "JP") return "ja";
    if (iso == "KR" || iso == "KP") return "ko";
    if (iso == "TW" || iso == "HK" || iso == "MO") return "zh-Hant";
    if (iso == "CN" || iso == "SG") return "zh-Hans";
    return "";
}

}  // namespace ng::text
