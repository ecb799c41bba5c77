// news_model — the news documents of docs/api.md as plain structs, shared by
// every source adapter and the UI. Conventions, so absence is always spelled
// the same way: absent text is an empty string; absent numbers and objects are
// std::optional; absent times are a Timestamp with seconds == 0. Text fields hold
// cleaned UTF-8 (see clean_text in news_decode.hpp); URL fields hold only
// links that passed url_util's checks.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time_format.hpp"

namespace ng {

struct Outlet {
    std::string name;     // required in every document
    std::string domain;   // "courrier-valence.example"
    std::string country;  // ISO alpha-2 of the outlet's home country
};

// Who translated a text and when. Absent (std::nullopt) means headline and
// summary are in their original language (`language`).
struct Translation {
    std::string from;               // ISO 639-1 of the original
    std::string by;                 // the translator (a service or a person): "apertium 3.8.3 spa-eng"
    Timestamp at;
    // Which fields are machine translations ("headline", "summary"); empty:
    // not stated (older documents: headline and body).
    std::vector<std::string> fields;
};

// One item of a story list; also the common part of an Article.
struct StorySummary {
    std::string id;                 // matches ^[A-Za-z0-9_-]{1,64}$
    std::string headline;           // in English when translated, else in `language`
    std::string original_headline;  // the outlet's own wording, when translated
    std::string language;           // ISO 639-1 code of the original ("fr"); empty when unknown
    Outlet outlet;
    // The outlet's own publication time. Kept apart from first_seen, which is
    // when a crawler noticed the article: the UI labels that "first seen" and
    // never presents it as a publication time (see describe_story_time).
    Timestamp published;
    Timestamp first_seen;
    std::string image;              // http(s) URL, already resolved against the document's URL
    std::string summary;
    std::optional<int> coverage;    // how many countries' press carry the story
    std::string url;                // the original article, when the source gives it
    std::string story_id;           // the story (cluster of articles) it belongs to; empty: none assigned
    // Provenance of the text (docs/api.md, "Provenance"). original_summary is
    // the outlet's own summary when `summary` is a translation;
    // language_detected is set only when automatic language identification
    // disagrees with the declared `language`.
    std::string original_summary;
    std::string language_detected;
    std::optional<Translation> translation;
};

struct CountryEntry {
    std::string iso;                // upper-case ISO 3166-1 alpha-2
    std::string name;               // empty: the UI uses its own name for `iso`
    // Stories available. nullopt = unknown (adapters for sources without an
    // index): the UI must treat the country as selectable and say nothing
    // about counts, rather than showing 0 or hiding it.
    std::optional<int> story_count;
    Timestamp latest;               // newest story's time
    // How many of its stories other countries' press also cover (a story
    // spanning two or more countries); nullopt: not stated by the source.
    std::optional<int> covered_abroad;
};

struct CountriesIndex {
    Timestamp generated;            // when the data was built: the "updated" time the UI shows
    std::string source_name;        // shown in the top bar
    bool sample = false;            // true: label everything as sample data
    std::vector<std::string> attribution;  // notices the data's sources require (licences, credits)
    std::vector<CountryEntry> countries;
};

struct StoryPage {
    std::string country;            // ISO alpha-2
    int page = 1;                   // 1-based
    int page_count = 0;
    int total = 0;
    std::vector<StorySummary> stories;  // newest first
};

struct Section {
    std::string heading;
    std::vector<std::string> paragraphs;
};

struct AlternativeTake {
    std::string article_id;         // empty: the take points only to `url`
    std::string headline;
    std::string angle;              // one line on how this outlet frames the story
    std::string country;
    Outlet outlet;
    std::string url;
};

struct Article : StorySummary {
    std::string country;            // ISO alpha-2 the article is filed under
    std::vector<std::string> body;  // paragraphs
    std::vector<Section> sections;
    std::string world_take;
    std::vector<AlternativeTake> alternative_takes;
    // True when the article is only an excerpt (the API's "content":
    // "excerpt", or adapters for list-only sources): headline, summary and
    // link; the UI offers `url` ("Read at <outlet>") for the full text.
    bool excerpt_only = false;
    // For full text under an open licence ("content": "full"): its name
    // ("CC-BY-4.0") and where it is stated; shown as attribution.
    std::string licence;
    std::string licence_url;
};

// One story across borders: every article the clustering grouped, with the
// countries covering it (the API's v1/stories/{id}.json).
struct StoryCountry {
    std::string iso;                // ISO alpha-2
    int articles = 0;               // its press's articles in the story (syndicated copies excluded)
    int outlets = 0;
};

struct StoryMember : StorySummary {
    std::string country;            // ISO alpha-2 the article is filed under
};

struct StoryDocument {
    std::string id;                 // the story id articles carry in story_id
    std::string headline;           // the most central headline, in English when one exists
    std::string world_take;         // the automatic synthesis, as on its articles
    Timestamp first_reported;       // the earliest member's time
    std::vector<StoryCountry> countries;  // most attention first
    std::vector<StoryMember> articles;    // earliest first
};

}  // namespace ng
