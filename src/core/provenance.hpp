// provenance — what the reader says about where a story's text came from
// (docs/api.md, "Provenance and rights"): which fields a machine translated,
// by what and when; the language an outlet wrote in; a language the automatic
// identifier disagrees with; the licence of a full text. Plain sentences,
// shared by the reader, the story list, the mirror and the tests.
#pragma once
#include <string>
#include <string_view>

#include "core/news_model.hpp"

namespace ng {

// True when `field` ("headline", "summary", "body") is a machine
// translation. A translation that names no fields (documents from before
// `translation.fields`) covers the headline, the summary and the body.
bool is_translated(const StorySummary& s, std::string_view field);

// The language the outlet wrote in: the translation's source, else `language`.
std::string original_language(const StorySummary& s);

// "Translated from Spanish by apertium 3.8.3 spa-eng, 30 Nov 2026" (the date
// when `with_date` and known); "" without a translation.
std::string translation_label(const StorySummary& s, bool with_date);

// For a headline nobody translated: "In Spanish, as published (not
// translated)."; "" for English or an unknown language.
std::string untranslated_note(const StorySummary& s);

// "Declared Spanish, reads as Catalan." when automatic identification
// disagrees with the outlet's declared language; "" otherwise.
std::string language_note(const StorySummary& s);

// A headline left in another language than English, which the browser's own
// translator could offer to translate.
bool headline_needs_translation(const StorySummary& s);

// "CC-BY-4.0" -> "CC BY 4.0", "CC-BY-SA-4.0" -> "CC BY-SA 4.0", "CC0-1.0" ->
// "CC0 1.0"; other names unchanged.
std::string licence_label(const std::string& licence);

// The story list's small marker: "ES" with translated = true for a headline
// machine-translated from Spanish, "ES" with translated = false for one kept
// in Spanish; empty code for English (nothing to mark). `tooltip` says it in words.
struct HeadlineMarker {
    std::string code;
    bool translated = false;
    std::string tooltip;
};
HeadlineMarker headline_marker(const StorySummary& s);

}  // namespace ng
