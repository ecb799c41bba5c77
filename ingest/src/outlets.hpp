// outlets — the table of news sources the ingest reads: who publishes, from
// which country, in which language, through which feeds, under which licence.
// One JSON file (docs/ingest.md, "The outlet table"); the repository's curated
// table is ingest/outlets.json and an operator passes their own with
// --outlets. A second, wider tier is built from a bare feed list in the shape
// of ingest/feeds/country_feeds.json (country → language + feed URLs).
//
// Loading never aborts: an entry with a bad field is skipped with a message
// that names it, the rest of the table is kept.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

struct Outlet {
    std::string id;        // ^[a-z0-9][a-z0-9-]{0,63}$, stable: captures and caches key on it
    std::string name;      // "Le Monde"; empty in the wide tier: the feed's own title is used
    std::string country;   // ISO 3166-1 alpha-2, upper case
    std::string domain;    // homepage host, "lemonde.fr"
    std::string language;  // the outlet's main language (ISO 639-1, optional region: "pt-BR")
    std::vector<std::string> feeds;  // http(s) URLs (any host, local ones included)
    // What the outlet lets us show. "excerpt" (the default, for press under
    // ordinary copyright): headline, a 1–2 sentence description and the link.
    // An open licence identifier ("CC-BY-4.0", "CC-BY-SA-4.0") allows the
    // full text a feed carries, shown with attribution.
    std::string licence = "excerpt";
    std::string licence_url;  // where the licence is stated, for open licences
    bool wide_tier = false;   // from the bare feed list, not the curated table

    bool allows_full_text() const { return licence != "excerpt"; }
};

struct OutletTable {
    std::vector<Outlet> outlets;       // in file order; ids unique
    std::string notice;                // attribution the table carries (e.g. the feed list's MIT notice)
    std::vector<std::string> problems; // one sentence per skipped entry or field
};

// Reads the outlet-table JSON text (see the header comment). A text that is not
// a table at all gives an empty table whose problems say why.
OutletTable parse_outlet_table(std::string_view json_text);

// Reads a bare feed list ({"_source": notice, "countries": {"FR": {"category",
// "source_language", "feeds": [...]}}}) into wide-tier outlets: one per
// feed host, id "w-" + host with dots as dashes, language normalised by
// `normalize_language`. Hosts already present in `curated` are left out.
OutletTable parse_feed_list(std::string_view json_text, const OutletTable& curated);

// Loads a file with either parser; problems include a missing or unreadable file.
OutletTable load_outlet_table(const std::string& path);
OutletTable load_feed_list(const std::string& path, const OutletTable& curated);

bool is_valid_outlet_id(std::string_view id);

// A feed list's language tags as our API spells them: "gr" → "el", "arq" →
// "ar", "sq-XK" → "sq", "zh-Hans" → "zh-Hans", "pt-br" → "pt-BR". Empty for
// anything that is not a language tag.
std::string normalize_language(std::string_view tag);

}  // namespace ingest
