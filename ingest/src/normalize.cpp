#include "normalize.hpp"

#include <cctype>
#include <set>
#include <vector>

#include "capture.hpp"
#include "core/news_decode.hpp"

namespace ingest {

std::string article_id(std::string_view country, std::string_view canonical_url) {
    std::string id;
    for (char c : country) id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id + "-" + sha256_hex(std::string(canonical_url)).substr(0, 16);
}

// ---- excerpts ---------------------------------------------------------------------

namespace {

bool starts_with_any(std::string_view s, size_t at, std::initializer_list<std::string_view> options) {
    for (std::string_view o : options)
        if (s.substr(at, o.size()) == o) return true;
    return false;
}

// The length of a sentence end at `at` (its punctuation), or 0. Western
// ends need a following space and must not close a short abbreviation
// ("U.S.", "Sen.", "3.5"); CJK and Arabic ends stand alone.
size_t sentence_end(std::string_view s, size_t at) {
    for (std::string_view wide : {"。", "！", "？", "؟", "।"})
        if (s.substr(at, wide.size()) == wide) return wide.size();
    size_t len = starts_with_any(s, at, {"…"}) ? 3 : (s[at] == '.' || s[at] == '!' || s[at] == '?') ? 1 : 0;
    if (len == 0 || at + len >= s.size() || s[at + len] != ' ') return 0;
    if (s[at] == '.') {
        size_t word = at;
        while (word > 0 && s[word - 1] != ' ') --word;
        if (at - word <= 3) return 0;  // "Sen.", "Dr.", "U.S." read as abbreviations
    }
    unsigned char next = static_cast<unsigned char>(s[at + len + 1 < s.size() ? at + len + 1 : at]);
    return std::islower(next) ? 0 : len;  // "etc. and" continues the sentence
}

// `text` cut to at most max_bytes at a space, ending in "…".
std::string cut_at_word(std::string_view text, size_t max_bytes) {
    const std::string_view ellipsis = "…";
    if (text.size() <= max_bytes) return std::string(text);
    size_t cut = text.rfind(' ', max_bytes - ellipsis.size());
    if (cut == std::string_view::npos || cut < max_bytes / 2) return ng::clean_text(text, max_bytes);
    std::string out(text.substr(0, cut));
    while (!out.empty() && std::ispunct(static_cast<unsigned char>(out.back()))) out.pop_back();
    return out + std::string(ellipsis);
}

}  // namespace

std::string excerpt(std::string_view text, size_t max_bytes) {
    std::string clean = ng::clean_text(text, 1 << 20);
    std::vector<size_t> ends;  // byte offsets just past each sentence's punctuation
    for (size_t i = 0; i < clean.size() && ends.size() < 2; ++i) {
        size_t len = sentence_end(clean, i);
        if (len == 0) continue;
        i += len - 1;
        ends.push_back(i + 1);
    }
    if (ends.empty()) return cut_at_word(clean, max_bytes);
    if (ends[0] > max_bytes) return cut_at_word(clean.substr(0, ends[0]), max_bytes);
    size_t keep = ends.size() > 1 && ends[1] <= max_bytes ? ends[1] : ends[0];
    return clean.substr(0, keep);
}

// ---- GDELT titles -----------------------------------------------------------------

std::string detokenize_gdelt_title(std::string_view title) {
    static const std::set<std::string_view> kNoSpaceBefore = {",", ".", ":", ";", "?", "!", ")", "]", "}",
                                                              "%", "»", "”", "…", "..."};
    static const std::set<std::string_view> kNoSpaceAfter = {"¿", "¡", "(", "[", "{", "«", "“"};
    std::string clean = ng::clean_text(title, ng::kMaxLineBytes);
    std::vector<std::string_view> tokens;
    for (size_t i = 0; i < clean.size();) {
        size_t end = clean.find(' ', i);
        if (end == std::string::npos) end = clean.size();
        tokens.push_back(std::string_view(clean).substr(i, end - i));
        i = end + 1;
    }
    auto is_number = [](std::string_view t) { return !t.empty() && std::isdigit(static_cast<unsigned char>(t[0])); };
    std::string out;
    for (size_t k = 0; k < tokens.size(); ++k) {
        std::string_view t = tokens[k];
        bool glue = k == 0 || kNoSpaceBefore.count(t) || kNoSpaceAfter.count(tokens[k - 1]);
        // "6 , 438" and "3 . 5": a separator between digits joins them.
        if (k >= 2 && is_number(t) && is_number(tokens[k - 2]) && (tokens[k - 1] == "," || tokens[k - 1] == "."))
            glue = true;
        if (!glue) out += ' ';
        out += t;
    }
    return out;
}

// ---- comparing headlines and languages ---------------------------------------------

std::string headline_key(std::string_view headline) {
    std::string key;
    for (char c : headline) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u >= 0x80) key += c;  // letters of other scripts (and their punctuation) are kept as they are
        else if (std::isalnum(u)) key += static_cast<char>(std::tolower(u));
    }
    return key;
}

std::string primary_language(std::string_view tag) {
    std::string out;
    for (char c : tag.substr(0, tag.find_first_of("-_")))
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool same_language(std::string_view a, std::string_view b) {
    auto group = [](const std::string& primary) -> std::string {
        static const std::set<std::string> kSerboCroatian = {"sr", "hr", "bs", "sh", "me", "cnr"};
        static const std::set<std::string> kNorwegian = {"no", "nb", "nn"};
        static const std::set<std::string> kMalay = {"ms", "id"};
        if (kSerboCroatian.count(primary)) return "sh";
        if (kNorwegian.count(primary)) return "no";
        if (kMalay.count(primary)) return "ms";
        return primary;
    };
    return group(primary_language(a)) == group(primary_language(b));
}

}  // namespace ingest
