// news_encode — the inverse of news_decode: the news model written as the
// documents of docs/api.md, for the programs that publish the API (the
// sample generator, the ingest service). Keys come in the order docs/api.md
// lists them, absent values are left out rather than written as null, times
// are written as RFC 3339 UTC ("2026-11-25T06:40:00Z"), and the text is
// indented by one space and ends with a newline, so the same model always
// gives the same bytes. Invalid UTF-8 (which the model should never hold)
// is replaced by U+FFFD instead of aborting.
//
// What is written when (the model cannot tell "absent" from "empty"
// otherwise):
// - `alternative_takes` whenever the article has a `story_id`: takes are
//   relative to a story, so [] then means "no other outlet found", while an
//   article outside any story has no field at all;
// - `content` "excerpt" when excerpt_only; "full" with `licence` and
//   `licence_url` when a licence is named; otherwise nothing (the body, if
//   any, is the article, as in documents older than the field);
// - `source.sample` always, as a boolean.
#pragma once
#include <string>

#include "core/news_model.hpp"

namespace ng {

std::string encode_countries(const CountriesIndex& index);
std::string encode_story_page(const StoryPage& page);
std::string encode_article(const Article& article);
std::string encode_story(const StoryDocument& story);

}  // namespace ng
