// language_id — what language a text is in (CLD2, Debian's libcld2), and
// language tags as feeds and the outlet list write them, put in the API's
// form (docs/api.md: ISO 639-1, optionally one subtag: "fr", "pt-BR",
// "zh-Hant").
#pragma once
#include <string>
#include <string_view>

namespace ingest {

struct LanguageGuess {
    std::string language;   // "fr", "zh-Hans", "zh-Hant", "sr-ME"; empty when unknown
    bool reliable = false;  // CLD2's own verdict; short headlines are often unreliable
    int percent = 0;        // share of the text in that language
};

// Detects the language of plain UTF-8 text (give it headline and description
// together: a headline alone is short). `hint` improves close calls: a
// language tag ("hr", "pt-BR") is passed as the declared language, a host
// or top-level domain ("index.hr", ".hr") as the domain. Invalid UTF-8 and
// text CLD2 cannot place give an empty language.
LanguageGuess detect_language(std::string_view text, std::string_view hint = {});

// A language tag in the API's form: primary subtag lower-case ISO 639-1
// where one exists, plus at most one subtag — a script for Chinese and
// Serbian ("zh-Hant", "sr-Latn"), else a region ("pt-BR", "en-US"). It
// accepts and repairs what feeds and country_feeds.json really say:
//   "en_US", "EN-us", "en-us.utf-8"   -> "en-US"
//   "fra", "deu", "zho" (ISO 639-2/3) -> "fr", "de", "zh"
//   "gr", "jp", "cn", "cz", "dk", "ua", "vn" (country codes used as
//   languages; none is an ISO 639-1 code)  -> "el", "ja", "zh", "cs", …
//   "iw", "in", "ji", "jw", "mo" (withdrawn codes) -> "he", "id", "yi", "jv", "ro"
//   "arq", "ary", "arz", "apc", … (Arabic varieties) -> "ar"
//   "cnr" (Montenegrin: no ISO 639-1 code; written in the shared
//   Serbo-Croatian standard) -> "sr-ME", as CLD2 names it
//   "zh-CN", "zh-SG", "zh-Hans-CN" -> "zh-Hans"; "zh-TW", "zh-HK", "zh-MO" -> "zh-Hant"
//   "sq-XK": private-use regions (XK, AA, QM–QZ, XA–XZ, ZZ) are dropped -> "sq"
//   "English", "french" (GDELT-style names) -> "en", "fr"
// Empty when the tag is not a language tag at all.
std::string normalize_language_tag(std::string_view tag);

// True when a detected language agrees with a declared one: the same
// primary language, or languages CLD2 cannot reliably tell apart
// (Serbian/Croatian/Bosnian/Montenegrin, Norwegian Bokmål/Nynorsk/Danish,
// Malay/Indonesian). Tags in any form normalize_language_tag accepts.
bool languages_match(std::string_view declared, std::string_view detected);

}  // namespace ingest
