// cluster_places — a cross-lingual gazetteer for story clustering: finds the
// countries and major cities a headline names, in whatever language it is
// written, and gives each a language-neutral id. "Allemagne", "Германия",
// "ドイツ" and "German" all name DE; "Kyiv", "Kiew", "Київ" and "キーウ" name
// the city (and with it UA).
//
// Sources: country names in ~80 languages come from the npm package
// i18n-iso-countries (MIT License, Copyright (c) 2016 widdix GmbH), turned
// into a table at build time (ingest/tools/cluster_gen_country_names.cpp); the
// English display names are the app's (assets/country_overrides.json). City
// names and national adjectives are a small table written for this project
// (cluster_places_data.cpp).
//
// Matching is careful about words that are also names: in cased scripts a
// name must be capitalised ("Turkey", not "turkey"), and names of three
// letters or fewer must be written in capitals ("US", not "us"), unless the
// whole text is in lower case.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cluster_text.hpp"

namespace ingest::cluster_places {

using PlaceId = uint32_t;

struct PlaceMention {
    std::size_t first_token = 0;  // into TokenizedText::tokens
    std::size_t token_count = 0;  // 0: found inside an unsegmented run (no word tokens to consume)
    PlaceId place = 0;
};

// Places named in `text`, written in `language` (ISO 639-1; names in that
// language, English names and city names are looked up). A city mention
// comes with a second mention of its country.
std::vector<PlaceMention> find_places(const cluster_text::TokenizedText& text, std::string_view language);

// "FR" for a country, "FR/paris" for a city; stable across runs and builds.
const std::string& place_key(PlaceId place);
bool is_city(PlaceId place);

// English display name of an ISO alpha-2 code ("DE" -> "Germany"); the code
// itself when it is unknown.
std::string country_name(std::string_view iso);

}  // namespace ingest::cluster_places
