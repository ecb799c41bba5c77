// Fuzzes the ingest feed parser end to end: charset detection, XML repair
// and salvage, libxml2, the RSS/RDF/Atom reader, HTML to text and dates;
// then the normalising steps the build applies to what it returns.
// Properties: no crash or hang; a failure explains itself and returns no
// items; every text is clean UTF-8 within its limit; every link and image
// is an openable http(s) URL, and stays one through canonical_url.
#include <cstdint>
#include <string>

#include "canonical_url.hpp"
#include "feed.hpp"
#include "fuzz_invariants.hpp"
#include "html_text.hpp"
#include "language_id.hpp"

namespace {

// Valid UTF-8 without control characters, of any length (for warnings).
void check_sentence(const std::string& s) { fuzz::check_text(s, s.size()); }

void check_feed(const ingest::ParsedFeed& f) {
    fuzz::require(f.error.empty() || f.items.empty());
    check_sentence(f.error);
    for (const std::string& w : f.warnings) {
        fuzz::require(!w.empty());
        check_sentence(w);
    }
    fuzz::check_text(f.title, ng::kMaxLineBytes);
    fuzz::check_link(f.link);
    fuzz::check_text(f.language, 35);
    for (const ingest::FeedItem& i : f.items) {
        fuzz::require(!i.title.empty());
        fuzz::check_text(i.title, ng::kMaxLineBytes);
        fuzz::check_text(i.description, ng::kMaxSummaryBytes);
        for (const std::string& p : i.content) {
            fuzz::require(!p.empty());
            fuzz::check_text(p, ng::kMaxParagraphBytes);
        }
        fuzz::require(ng::is_openable_url(i.link));
        fuzz::check_link(i.image);
        fuzz::check_text(i.guid, ng::kMaxLineBytes);
        fuzz::check_text(i.author, ng::kMaxNameBytes);
        fuzz::check_text(i.language, 35);
        for (const std::string& c : i.categories) fuzz::check_text(c, ng::kMaxNameBytes);
        fuzz::require(i.published >= 0 && i.updated >= 0);

        std::string canonical = ingest::canonical_url(i.link);
        fuzz::check_link(canonical);
        fuzz::require(canonical.empty() || ingest::canonical_url(canonical) == canonical);  // idempotent
        fuzz::check_text(ingest::short_extract(i.description), 320);
        ingest::LanguageGuess g = ingest::detect_language(i.title + " " + i.description, f.language);
        fuzz::require(g.language.empty() || ingest::normalize_language_tag(g.language) == g.language);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string body(reinterpret_cast<const char*>(data), size);
    // The same bytes without a charset, and with one that varies with the input.
    static constexpr const char* kContentTypes[] = {
        "application/rss+xml; charset=utf-8", "text/xml; charset=KOI8-R", "text/xml; charset=Shift_JIS",
        "text/xml; charset=ISO-8859-1", "application/atom+xml; charset=utf-16", "text/html; charset=gb2312"};
    check_feed(ingest::parse_feed(body, "", "https://feeds.example.org/news/rss.xml"));
    check_feed(ingest::parse_feed(body, kContentTypes[size % 6], "https://feeds.example.ru/rss"));
    return 0;
}
