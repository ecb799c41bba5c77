#include "cluster_places.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "cluster_places_data.hpp"

namespace ingest::cluster_places {
namespace {

using cluster_text::Token;
using cluster_text::TokenizedText;
using cluster_text::TokenKind;
namespace data = cluster_places_data;

// [SECTION] the place registry: every country code, then every city

struct Place {
    std::string key;      // "FR" or "FR/paris"
    std::string country;  // alpha-2; empty for a city of disputed country
    bool city = false;
};

struct Registry {
    std::vector<Place> places;
    std::unordered_map<std::string, PlaceId> by_key;
    std::unordered_map<std::string, std::string> display;  // alpha-2 -> English name

    PlaceId add(const std::string& key, const std::string& country, bool city) {
        auto it = by_key.find(key);
        if (it != by_key.end()) return it->second;
        PlaceId id = PlaceId(places.size());
        places.push_back({key, country, city});
        by_key.emplace(key, id);
        return id;
    }
};

const Registry& registry() {
    static const Registry reg = [] {
        Registry r;
        for (std::size_t i = 0; i < data::kDisplayNameCount; ++i) {
            r.display.emplace(data::kDisplayNames[i].iso, data::kDisplayNames[i].name);
            r.add(data::kDisplayNames[i].iso, data::kDisplayNames[i].iso, false);
        }
        for (std::size_t i = 0; i < data::kCityCount; ++i) {
            const data::City& c = data::kCities[i];
            r.add(std::string(c.iso) + "/" + c.key, c.iso, true);
        }
        return r;
    }();
    return reg;
}

// [SECTION] per-language name index

// How a name must be written in the text to count (derived from how the
// table writes it): "US" in capitals, "Turkey" capitalised, "francés" as is.
enum class CaseRule : unsigned char { None, Capitalised, AllCaps };

struct Candidate {
    PlaceId place;
    CaseRule rule;
};

struct Index {
    std::unordered_map<std::string, std::vector<Candidate>> phrases;  // folded words joined by ' '
    std::unordered_map<std::string, std::size_t> first_words;         // a phrase's first word -> its longest phrase
    std::unordered_map<std::string, std::vector<Candidate>> stems;    // a word's beginning
    std::unordered_map<std::string, std::vector<PlaceId>> run_names;  // names in unsegmented scripts
    std::size_t max_run = 0;                                          // in code points
};

bool token_in_capitals(const Token& t) { return t.all_caps || (t.capitalised && t.folded.size() == 1); }

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

bool is_inflecting(std::string_view lang) {
    static const char* const langs[] = {"ru", "uk", "be", "bg", "mk", "sr", "hr", "bs", "sl", "cs", "sk",
                                        "pl", "lt", "lv", "fi", "et", "hu", "tr", "az", "kk", "uz"};
    return std::any_of(std::begin(langs), std::end(langs), [&](const char* l) { return lang == l; });
}

// Adds one written form. `stem`: the form is a word beginning (see
// Adjectives); `inflects`: the form's language inflects names ("Россия",
// "России"), so its last letter may vary.
void add_form(Index& index, std::string_view form, PlaceId place, bool stem, bool inflects) {
    TokenizedText tt = cluster_text::tokenize(form);
    if (tt.tokens.empty()) return;
    bool unsegmented =
        std::all_of(tt.tokens.begin(), tt.tokens.end(), [](const Token& t) { return t.kind == TokenKind::Pair; });
    if (unsegmented) {
        if (tt.runs.size() != 1) return;
        index.run_names[tt.runs[0]].push_back(place);
        index.max_run = std::max(index.max_run, code_points(tt.runs[0]));
        return;
    }
    if (std::any_of(tt.tokens.begin(), tt.tokens.end(), [](const Token& t) { return t.kind == TokenKind::Pair; }))
        return;  // mixed scripts: no such names worth the complexity
    int letters = 0;
    bool all_caps = true;
    for (const Token& t : tt.tokens) {
        letters += int(code_points(t.folded));
        all_caps &= token_in_capitals(t);
    }
    CaseRule rule = all_caps && letters >= 2   ? CaseRule::AllCaps
                    : tt.tokens[0].capitalised ? CaseRule::Capitalised
                                               : CaseRule::None;
    std::string key;
    for (const Token& t : tt.tokens) key += (key.empty() ? "" : " ") + t.folded;
    if (stem && tt.tokens.size() == 1) {
        index.stems[key].push_back({place, rule});
        return;
    }
    index.phrases[key].push_back({place, rule});
    std::size_t& longest = index.first_words[tt.tokens[0].folded];
    longest = std::max(longest, tt.tokens.size());
    if (!inflects || tt.tokens.size() != 1 || rule == CaseRule::AllCaps) return;
    // Case endings: "Киевом" is Kyiv, "России" Russia, "Polsce" stays unmatched
    // (a changed stem). The ending replaces a final vowel, so cut it in the
    // original script, before transliteration.
    if (key.size() >= 4) index.stems[key].push_back({place, rule});
    std::string_view original = tt.tokens[0].original;
    std::size_t last = original.size();
    while (last > 0 && (static_cast<unsigned char>(original[last - 1]) & 0xC0) == 0x80) --last;
    std::string cut = cluster_text::fold(original.substr(0, last > 0 ? last - 1 : 0));
    if (cut.size() >= 4 && cut.size() < key.size() &&
        std::string_view("aeiouy").find(key.back()) != std::string_view::npos)
        index.stems[cut].push_back({place, rule});
}

// Calls fn(form, is_stem) for each '|'-separated form; "x*" is a stem.
template <typename Fn>
void for_each_form(std::string_view forms, Fn fn) {
    std::size_t start = 0;
    while (start <= forms.size()) {
        std::size_t end = forms.find('|', start);
        if (end == std::string_view::npos) end = forms.size();
        std::string_view f = forms.substr(start, end - start);
        if (!f.empty()) {
            bool stem = f.back() == '*';
            fn(stem ? f.substr(0, f.size() - 1) : f, stem);
        }
        start = end + 1;
    }
}

std::unique_ptr<Index> build_index(const std::string& lang) {
    const Registry& reg = registry();
    auto index = std::make_unique<Index>();
    for (std::size_t i = 0; i < data::kCountryNameCount; ++i) {
        const data::CountryName& n = data::kCountryNames[i];
        std::string_view name_lang = n.language;
        if (name_lang != lang && name_lang != "en") continue;
        auto it = reg.by_key.find(n.iso);
        if (it != reg.by_key.end()) add_form(*index, n.name, it->second, false, is_inflecting(name_lang));
    }
    for (std::size_t i = 0; i < data::kCityCount; ++i) {
        const data::City& c = data::kCities[i];
        PlaceId id = reg.by_key.at(std::string(c.iso) + "/" + c.key);
        for_each_form(c.names,
                      [&](std::string_view form, bool) { add_form(*index, form, id, false, is_inflecting(lang)); });
    }
    for (std::size_t i = 0; i < data::kAdjectiveCount; ++i) {
        const data::Adjectives& a = data::kAdjectives[i];
        if (lang != a.language) continue;
        PlaceId id = reg.by_key.at(a.iso);
        for_each_form(a.forms, [&](std::string_view form, bool stem) {
            add_form(*index, form, id, stem, false);
            if (!stem && lang == "en") add_form(*index, std::string(form) + "s", id, false, false);
        });
    }
    return index;
}

const Index& index_for(const std::string& lang) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<Index>> indexes;
    std::lock_guard<std::mutex> lock(mutex);
    auto& slot = indexes[lang];
    if (!slot) slot = build_index(lang);
    return *slot;
}

// [SECTION] matching

bool satisfies(CaseRule rule, const std::vector<Token>& tokens, std::size_t first, std::size_t count, bool lower_text) {
    switch (rule) {
        case CaseRule::None: return true;
        case CaseRule::Capitalised: return lower_text || tokens[first].capitalised;
        case CaseRule::AllCaps:
            for (std::size_t k = first; k < first + count; ++k)
                if (!token_in_capitals(tokens[k])) return false;
            return true;
    }
    return false;
}

void add_mention(std::vector<PlaceMention>& out, PlaceId place, std::size_t first, std::size_t count) {
    out.push_back({first, count, place});
    const Place& p = registry().places[place];
    if (p.city && !p.country.empty()) out.push_back({first, count, registry().by_key.at(p.country)});
}

// The longest phrase starting at `first`; 0 when none.
std::size_t match_at(const Index& index, const std::vector<Token>& tokens, std::size_t first, bool lower_text,
                     std::vector<PlaceMention>& out) {
    auto first_word = index.first_words.find(tokens[first].folded);
    std::size_t longest = first_word == index.first_words.end() ? 0 : first_word->second;
    std::size_t words = 0;
    while (first + words < tokens.size() && words < longest && tokens[first + words].kind == TokenKind::Word) ++words;
    for (std::size_t n = words; n >= 1; --n) {
        std::string key;
        for (std::size_t k = first; k < first + n; ++k) key += (key.empty() ? "" : " ") + tokens[k].folded;
        auto it = index.phrases.find(key);
        if (it == index.phrases.end()) continue;
        bool found = false;
        for (const Candidate& c : it->second)
            if (satisfies(c.rule, tokens, first, n, lower_text)) {
                add_mention(out, c.place, first, n);
                found = true;
            }
        if (found) return n;
    }
    const std::string& w = tokens[first].folded;
    std::size_t shortest = w.size() > 8 ? w.size() - 4 : 4;
    for (std::size_t len = w.size(); len >= shortest && len >= 1; --len) {
        auto it = index.stems.find(w.substr(0, len));
        if (it == index.stems.end()) continue;
        bool found = false;
        for (const Candidate& c : it->second)
            if (satisfies(c.rule, tokens, first, 1, lower_text)) {
                add_mention(out, c.place, first, 1);
                found = true;
            }
        if (found) return 1;
    }
    return 0;
}

void match_runs(const Index& index, const std::vector<std::string>& runs, std::vector<PlaceMention>& out) {
    if (index.max_run == 0) return;
    for (const std::string& run : runs) {
        std::vector<std::size_t> starts;  // byte offset of each code point, plus the end
        for (std::size_t i = 0; i < run.size(); ++i)
            if ((static_cast<unsigned char>(run[i]) & 0xC0) != 0x80) starts.push_back(i);
        starts.push_back(run.size());
        std::size_t n = starts.size() - 1;
        for (std::size_t i = 0; i < n;) {
            std::size_t matched = 0;
            for (std::size_t len = std::min(index.max_run, n - i); len >= 2 && !matched; --len) {
                auto it = index.run_names.find(run.substr(starts[i], starts[i + len] - starts[i]));
                if (it == index.run_names.end()) continue;
                for (PlaceId p : it->second) add_mention(out, p, 0, 0);
                matched = len;
            }
            i += matched ? matched : 1;
        }
    }
}

}  // namespace

std::vector<PlaceMention> find_places(const TokenizedText& text, std::string_view language) {
    std::string lang = cluster_text::primary_language(language);
    const Index& index = index_for(lang.empty() ? "en" : lang);
    std::vector<PlaceMention> out;
    bool lower_text = !text.has_upper_case;
    for (std::size_t i = 0; i < text.tokens.size();) {
        std::size_t n = text.tokens[i].kind == TokenKind::Word ? match_at(index, text.tokens, i, lower_text, out) : 0;
        i += n ? n : 1;
    }
    match_runs(index, text.runs, out);
    return out;
}

const std::string& place_key(PlaceId place) { return registry().places.at(place).key; }

bool is_city(PlaceId place) { return registry().places.at(place).city; }

std::string country_name(std::string_view iso) {
    const auto& display = registry().display;
    auto it = display.find(std::string(iso));
    return it != display.end() ? it->second : std::string(iso);
}

}  // namespace ingest::cluster_places
