// generated_feed — a large RSS 2.0 feed built in memory (never committed),
// shaped like a busy WordPress feed: CDATA descriptions with HTML, entities
// in titles, content:encoded paragraphs, media:content images, categories
// and RFC 822 dates. Used by the 10 MB feed test and bench_parse_feed.
#pragma once
#include <cstddef>
#include <cstdio>
#include <string>

namespace ingest_test {

struct GeneratedFeed {
    std::string xml;
    std::size_t items = 0;
};

// Titles mix ASCII and Cyrillic, so the feed also converts to windows-1251.
inline std::string generated_title(std::size_t i) {
    return "Story " + std::to_string(i) + ": council &amp; unions agree on route " + std::to_string(i % 97) +
           " (\u043c\u0430\u0440\u0448\u0440\u0443\u0442)";
}

inline GeneratedFeed generate_feed(std::size_t target_bytes) {
    GeneratedFeed feed;
    feed.xml.reserve(target_bytes + 4096);
    feed.xml +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
        "xmlns:media=\"http://search.yahoo.com/mrss/\">\n<channel>\n<title>Generated Example Times</title>\n"
        "<link>https://generated.example.org/</link>\n<language>en-gb</language>\n";
    static constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    char date[64];
    while (feed.xml.size() < target_bytes) {
        std::size_t i = feed.items++;
        std::snprintf(date, sizeof date, "%s, %02zu Nov 2026 %02zu:%02zu:00 +0000", kDays[i % 7], 1 + i % 28,
                      i / 60 % 24, i % 60);
        std::string n = std::to_string(i);
        feed.xml += "<item>\n<title>" + generated_title(i) + "</title>\n<link>https://generated.example.org/2026/11/" +
                    n + "/story-" + n + "/?utm_source=rss</link>\n<dc:creator><![CDATA[Reporter " +
                    std::to_string(i % 13) + "]]></dc:creator>\n<pubDate>" + date +
                    "</pubDate>\n<category><![CDATA[Transport]]></category>\n<guid isPermaLink=\"false\">"
                    "https://generated.example.org/?p=" + n +
                    "</guid>\n<description><![CDATA[<p>The council met the unions for the " + n +
                    "th time on Tuesday. Both sides said the talks had been &#8220;constructive&#8221;.</p>"
                    "<p>The post <a href=\"#\">Story</a> appeared first on <a href=\"#\">Generated</a>.</p>]]>"
                    "</description>\n<content:encoded><![CDATA[<p>First paragraph of story " + n +
                    ", with <em>emphasis</em> and a <a href=\"https://generated.example.org/\">link</a>.</p>"
                    "<p>Second paragraph: fares, routes &amp; timetables.</p>]]></content:encoded>\n"
                    "<media:content url=\"https://generated.example.org/img/" + n +
                    ".jpg\" medium=\"image\" width=\"800\"/>\n</item>\n";
    }
    feed.xml += "</channel>\n</rss>\n";
    return feed;
}

}  // namespace ingest_test
