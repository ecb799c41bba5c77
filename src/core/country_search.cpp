#include "core/country_search.hpp"

#include <algorithm>
#include <cstdint>

#include "core/utf8.hpp"

namespace ng {
namespace {

// Reads one code point; returns false (and skips a byte) on invalid UTF-8.
bool next_code_point(std::string_view s, size_t& i, uint32_t& cp) {
    size_t len = utf8::decode(s, i, cp);
    i += len ? len : 1;
    return len != 0;
}

// Base letters of U+00C0..U+00FF; '1' = "ae", '2' = "th", '3' = "ss", '*' = keep.
constexpr const char kLatin1[] = "aaaaaa1ceeeeiiiidnooooo*ouuuuy23aaaaaa1ceeeeiiiidnooooo*ouuuuy2y";
// Base letters of U+0100..U+017F; '4' = "ij", '5' = "oe".
constexpr const char kLatinExtA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkkllllllllllnnnnnnnnnoooooo55"
    "rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(sizeof(kLatin1) == 64 + 1, "U+00C0..U+00FF");
static_assert(sizeof(kLatinExtA) == 128 + 1, "U+0100..U+017F");

// Appends the folded form of one code point (nothing for combining marks).
void fold_code_point(uint32_t cp, std::string& out) {
    auto letters = [&](char c) {
        switch (c) {
            case '1': out += "ae"; break;
            case '2': out += "th"; break;
            case '3': out += "ss"; break;
            case '4': out += "ij"; break;
            case '5': out += "oe"; break;
            default: out += c;
        }
    };
    if (cp < 0x80) {
        out += char(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (cp >= 0xC0 && cp <= 0xFF) {
        char c = kLatin1[cp - 0xC0];
        if (c == '*') utf8::append(out, cp);
        else letters(c);
    } else if (cp >= 0x100 && cp <= 0x17F) {
        letters(kLatinExtA[cp - 0x100]);
    } else if (cp == 0x218 || cp == 0x219) {
        out += 's';  // Ș ș (Romanian)
    } else if (cp == 0x21A || cp == 0x21B) {
        out += 't';  // Ț ț
    } else if (cp >= 0x300 && cp <= 0x36F) {
        // combining accents: dropped
    } else if (cp >= 0x386 && cp <= 0x3CE) {
        // Greek: lower case without tonos or dialytika, final sigma as sigma
        switch (cp) {
            case 0x386: case 0x3AC: cp = 0x3B1; break;
            case 0x388: case 0x3AD: cp = 0x3B5; break;
            case 0x389: case 0x3AE: cp = 0x3B7; break;
            case 0x38A: case 0x3AF: case 0x3AA: case 0x3CA: case 0x390: cp = 0x3B9; break;
            case 0x38C: case 0x3CC: cp = 0x3BF; break;
            case 0x38E: case 0x3CD: case 0x3AB: case 0x3CB: case 0x3B0: cp = 0x3C5; break;
            case 0x38F: case 0x3CE: cp = 0x3C9; break;
            case 0x3C2: cp = 0x3C3; break;
            default:
                if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;
        }
        utf8::append(out, cp);
    } else if (cp >= 0x400 && cp <= 0x42F) {
        // Cyrillic capitals; Ё/ё fold to е, Й keeps its breve (a separate letter)
        if (cp == 0x401) cp = 0x435;
        else if (cp < 0x410) cp += 0x50;
        else cp += 0x20;
        utf8::append(out, cp);
    } else if (cp == 0x451) {
        utf8::append(out, 0x435);
    } else if ((cp >= 0x64B && cp <= 0x65F) || cp == 0x670 || cp == 0x640 || (cp >= 0x591 && cp <= 0x5C7 && cp != 0x5BE)) {
        // Arabic vowel marks and tatweel, Hebrew points: dropped
    } else if (cp == 0x622 || cp == 0x623 || cp == 0x625 || cp == 0x671) {
        utf8::append(out, 0x627);  // alef with hamza or madda: alef
    } else if (cp == 0x649 || cp == 0x6CC || cp == 0x64A) {
        utf8::append(out, 0x64A);  // alef maqsura, Persian yeh: yeh
    } else if (cp == 0x6A9) {
        utf8::append(out, 0x643);  // Persian keheh: kaf
    } else if (cp >= 0x30A1 && cp <= 0x30F6) {
        utf8::append(out, cp - 0x60);  // katakana: hiragana
    } else if (cp >= 0xFF21 && cp <= 0xFF3A) {
        out += char(cp - 0xFF21 + 'a');  // fullwidth Latin
    } else if (cp >= 0xFF41 && cp <= 0xFF5A) {
        out += char(cp - 0xFF41 + 'a');
    } else if (cp >= 0xFF10 && cp <= 0xFF19) {
        out += char(cp - 0xFF10 + '0');
    } else {
        utf8::append(out, cp);
    }
}

bool is_separator(uint32_t cp) {
    if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
    // nbsp, ʼ, general punctuation (’ ‘ – —), Arabic comma, ideographic
    // space and stops, katakana middle dot (ボスニア・ヘルツェゴビナ), fullwidth punctuation
    return cp == 0xA0 || cp == 0x2BC || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x60C || (cp >= 0x3000 && cp <= 0x3002) ||
           cp == 0x30FB || (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20);
}

std::string join(const std::vector<std::string>& words) {
    std::string s;
    for (const std::string& w : words) {
        if (!s.empty()) s += ' ';
        s += w;
    }
    return s;
}

bool starts_with(const std::string& s, const std::string& prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// How well `query` (folded words) matches a candidate text: 0 whole text, 1
// starts with the query, 2 every query word starts some word; -1 no match.
int match_rank(const std::vector<std::string>& query, const std::vector<std::string>& words) {
    if (words.empty() || query.empty()) return -1;
    for (const std::string& q : query) {
        bool found = false;
        for (const std::string& w : words)
            if (starts_with(w, q)) {
                found = true;
                break;
            }
        if (!found) return -1;
    }
    if (join(words) == join(query)) return 0;
    if (starts_with(words[0], query[0])) return 1;
    return 2;
}

}  // namespace

std::string fold_for_search(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    size_t i = 0;
    uint32_t cp = 0;
    while (i < utf8.size())
        if (next_code_point(utf8, i, cp)) fold_code_point(cp, out);
    return out;
}

std::vector<std::string> search_words(std::string_view utf8) {
    std::vector<std::string> words;
    std::string word;
    size_t i = 0;
    uint32_t cp = 0;
    while (i < utf8.size()) {
        if (!next_code_point(utf8, i, cp)) continue;
        if (is_separator(cp)) {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            fold_code_point(cp, word);
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::vector<SearchHit> search_countries(const std::vector<SearchEntry>& entries, std::string_view query, size_t limit) {
    std::vector<SearchHit> hits;
    std::vector<std::string> q = search_words(query);
    if (q.empty()) return hits;
    std::string q_joined = join(q);
    for (size_t i = 0; i < entries.size(); ++i) {
        const SearchEntry& e = entries[i];
        // ranks: 0 name typed whole, 1 an alias or the code typed whole,
        // 2 name starts with the query, 3 an alias starts with it,
        // 4 a later word of the name, 5 a later word of an alias
        int best = -1;
        std::string via;
        int r = match_rank(q, search_words(e.name));
        if (r >= 0) best = r == 0 ? 0 : r == 1 ? 2 : 4;
        if (!e.iso.empty() && fold_for_search(e.iso) == q_joined && (best < 0 || best > 1)) best = 1, via.clear();
        for (const std::string& alias : e.aliases) {
            int a = match_rank(q, search_words(alias));
            if (a < 0) continue;
            int rank = a == 0 ? 1 : a == 1 ? 3 : 5;
            if (best < 0 || rank < best) best = rank, via = alias;
        }
        if (best >= 0) hits.push_back({i, best, via});
    }
    std::sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
        if (a.rank != b.rank) return a.rank < b.rank;
        const SearchEntry& ea = entries[a.index];
        const SearchEntry& eb = entries[b.index];
        if (ea.weight != eb.weight) return ea.weight > eb.weight;
        if (ea.name != eb.name) return ea.name < eb.name;
        return a.index < b.index;
    });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

}  // namespace ng
