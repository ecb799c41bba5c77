// feed — reads one downloaded feed (RSS 2.0, RSS 1.0/RDF or Atom) into clean
// items. Tolerant by design: feeds in the wild declare wrong charsets, mix
// HTML into titles, invent date formats and leave out whatever they like.
// Never throws and never aborts; a body that is not a feed at all (an HTML
// error page, malformed XML, an empty answer) gives `error`, a sentence fit
// for the feed-health report.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ingest {

// One entry as the feed states it, reduced to clean text.
struct FeedItem {
    std::string title;                    // plain text: entities decoded, tags removed, spaces collapsed
    std::string description;              // plain text, the feed's summary/description
    std::vector<std::string> content;     // full-text paragraphs (content:encoded / atom:content), when given
    std::string link;                     // absolute http(s) URL, resolved against xml:base / the feed URL
    std::string guid;                     // guid / atom:id / rdf:about, as given
    int64_t published = 0;                // Unix seconds; 0 when absent or unparseable
    int64_t updated = 0;                  // Unix seconds; 0 when absent
    std::string image;                    // absolute http(s) URL (enclosure, media:content, media:thumbnail)
    std::string language;                 // item-level language tag, when given
    std::string author;
    std::vector<std::string> categories;
};

enum class FeedFormat { Unknown, Rss2, Rss1, Atom };

struct ParsedFeed {
    FeedFormat format = FeedFormat::Unknown;
    std::string title;                    // channel title (an outlet-name fallback)
    std::string link;                     // channel homepage
    std::string language;                 // channel language tag, lower-case ("fr", "pt-br")
    std::string charset;                  // the character set the bytes were decoded from
    std::vector<FeedItem> items;          // in feed order
    std::string error;                    // non-empty: nothing could be read (why, in one sentence)
    std::vector<std::string> warnings;    // readable notes (e.g. "3 items without a link were dropped")
};

// `content_type` is the HTTP Content-Type header (its charset parameter is a
// hint that the XML declaration and a BOM may override, in the order the XML
// specification gives); `feed_url` resolves relative links.
ParsedFeed parse_feed(std::string_view bytes, std::string_view content_type, std::string_view feed_url);

}  // namespace ingest
