// cluster_places_data — the tables behind cluster_places. Country names are
// generated at build time from i18n-iso-countries (MIT License, Copyright (c)
// 2016 widdix GmbH) by ingest/tools/cluster_gen_country_names.cpp; cities and
// national adjectives are written by hand in cluster_places_data.cpp.
#pragma once
#include <cstddef>

namespace ingest::cluster_places_data {

// [SECTION] generated

struct CountryName {
    const char* language;  // ISO 639-1 of the name ("de")
    const char* iso;       // ISO 3166-1 alpha-2
    const char* name;      // "Deutschland"
};
extern const CountryName kCountryNames[];
extern const std::size_t kCountryNameCount;

struct DisplayName {
    const char* iso;
    const char* name;  // English, as the app shows it ("United States")
};
extern const DisplayName kDisplayNames[];
extern const std::size_t kDisplayNameCount;

// [SECTION] written for this project

struct City {
    const char* key;    // stable id, lower-case ASCII ("kyiv")
    const char* iso;    // its country; empty when the country is disputed
    const char* names;  // '|'-separated, in the languages news is written in
};
extern const City kCities[];
extern const std::size_t kCityCount;

// National adjectives. In `forms`, '|'-separated; a form ending in '*' is a
// stem that matches words up to four letters longer ("francés*" covers
// francesa, franceses), any other form matches exactly. A form written in
// capitals must appear in capitals ("ABD"), a capitalised one capitalised.
struct Adjectives {
    const char* language;
    const char* iso;
    const char* forms;
};
extern const Adjectives kAdjectives[];
extern const std::size_t kAdjectiveCount;

}  // namespace ingest::cluster_places_data
