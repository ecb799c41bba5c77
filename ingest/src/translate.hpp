// translate — machine translation of headlines and summaries into English,
// honest about itself. A Translator turns a batch of texts in one language
// into English and names itself for provenance ("apertium 3.8.3 spa-eng",
// "libretranslate translate.example.org"); a failure is per text and never
// throws: the text stays untranslated, with a sentence saying why, and the
// build goes on. Engines:
//
//   none       — keeps every original (the API then carries no
//                `translation`, and `language` tells the reader what it is)
//   apertium   — offline, Debian's language pairs into English, run as
//                `apertium -u <pair>` on a batch, one text per line
//   http       — a LibreTranslate-compatible service:
//                POST {url}/translate {q: [...], source, target: "en", format: "text", api_key}
//                → {translatedText: [...]}
//
// TranslationCache keeps every translation by (engine, source language,
// text) in a file, so a text is translated once, and records when that was
// (in capture time, so rebuilding gives the same bytes).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ingest {

struct TranslationResult {
    std::string text;   // the English text; empty when it failed
    std::string error;  // non-empty: why it stayed untranslated (one sentence)
    bool ok() const { return error.empty() && !text.empty(); }
};

class Translator {
public:
    virtual ~Translator() = default;
    // The engine's name for a source language, as provenance shows it and the
    // cache keys it; empty when this engine cannot translate from `from`.
    virtual std::string engine(std::string_view from) = 0;
    // Why engine(from) is empty, for the build report.
    virtual std::string unsupported_reason(std::string_view from) = 0;
    // Translates `texts` (one language, clean one-line text) into English.
    // Returns one result per text, in order.
    virtual std::vector<TranslationResult> translate(const std::vector<std::string>& texts, std::string_view from) = 0;
};

// Keeps originals: engine() is always empty.
std::unique_ptr<Translator> make_no_translator();

struct ApertiumOptions {
    std::string program = "apertium";  // found on PATH
    int timeout_seconds = 300;         // per batch
};
// The Debian pairs into English; a language without an installed pair is
// unsupported (see docs/ingest.md). Serbian in Cyrillic is transliterated
// with the Cyrl-Latn mode first, as hbs-eng reads Latin script.
std::unique_ptr<Translator> make_apertium_translator(ApertiumOptions options = {});

// The Apertium mode that translates `language` (our tag: "es", "sr", "pt-BR")
// into English, or empty: "es" → "spa-eng", "sr"/"hr"/"bs" → "hbs-eng".
std::string apertium_pair(std::string_view language);

// Removes what Apertium marks: a word it did not know ("*casa", without
// -u), could not generate ("#casa") or found no translation for ("@casa"),
// unless the same word, mark included, was in the input (a hashtag, a handle).
std::string remove_apertium_marks(std::string_view output, std::string_view input);

struct HttpTranslatorOptions {
    std::string url;                 // the service: "https://translate.example.org" (+"/translate")
    std::string api_key;             // sent as api_key when non-empty
    int timeout_seconds = 60;        // per request
    size_t max_batch_texts = 50;     // texts per request
    size_t max_batch_bytes = 8000;   // bytes of text per request
};
std::unique_ptr<Translator> make_http_translator(HttpTranslatorOptions options);

// ---- the cache ------------------------------------------------------------------

struct CachedTranslation {
    std::string text;
    int64_t at = 0;       // when it was first translated (Unix seconds, capture time)
    bool used = false;    // looked up or added in this run (unused old entries are pruned)
};

class TranslationCache {
public:
    // Reads a cache file. A missing file is an empty cache; an unreadable or
    // damaged one is an empty cache plus a problem sentence (the build goes
    // on and rewrites it).
    bool load(const std::string& path, std::string& problem);
    // Writes atomically (a temporary file renamed over the old one), entries
    // sorted, so the same cache gives the same bytes. Entries not used in
    // this run and translated before `prune_before` are dropped.
    bool save(const std::string& path, int64_t prune_before, std::string& problem);

    const CachedTranslation* find(const std::string& engine, const std::string& from, const std::string& text);
    void put(const std::string& engine, const std::string& from, const std::string& text, std::string translation,
             int64_t at);
    size_t size() const { return entries_.size(); }

private:
    std::map<std::tuple<std::string, std::string, std::string>, CachedTranslation> entries_;
};

}  // namespace ingest
