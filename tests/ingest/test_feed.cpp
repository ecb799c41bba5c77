#include <gtest/gtest.h>

#include <algorithm>

#include "../fixtures/read_fixture.hpp"
#include "core/time_format.hpp"
#include "feed.hpp"
#include "generated_feed.hpp"

using namespace ingest;

namespace {

ParsedFeed parse_fixture(const std::string& name, const std::string& content_type = "application/rss+xml",
                         const std::string& url = "https://feeds.example.org/feed.xml") {
    return parse_feed(read_fixture("ingest/feeds/" + name), content_type, url);
}

std::string utc(int64_t t) { return ng::format_rfc3339(t); }

bool any_warning_contains(const ParsedFeed& f, const std::string& text) {
    return std::any_of(f.warnings.begin(), f.warnings.end(),
                       [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

const FeedItem* find_item(const ParsedFeed& f, const std::string& title) {
    for (const FeedItem& i : f.items)
        if (i.title == title) return &i;
    return nullptr;
}

}  // namespace

// ---- formats ---------------------------------------------------------------------------

TEST(Feed, WordPressRss2) {
    ParsedFeed f = parse_fixture("wordpress_rss2.xml", "application/rss+xml; charset=UTF-8",
                                 "https://nairobi-daily.example.co.ke/feed/");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.format, FeedFormat::Rss2);
    EXPECT_EQ(f.title, "Nairobi Example Daily");
    EXPECT_EQ(f.link, "https://nairobi-daily.example.co.ke");
    EXPECT_EQ(f.language, "en-us");
    EXPECT_EQ(f.charset, "UTF-8");
    ASSERT_EQ(f.items.size(), 3u);

    const FeedItem& a = f.items[0];
    EXPECT_EQ(a.title, "Matatu operators\u2019 strike enters \u2018third day\u2019 & talks stall");
    EXPECT_EQ(a.link, "https://nairobi-daily.example.co.ke/2026/11/25/matatu-strike-third-day/"
                      "?utm_source=rss&utm_medium=rss&utm_campaign=matatu-strike");
    EXPECT_EQ(a.guid, "https://nairobi-daily.example.co.ke/?p=48213");
    EXPECT_EQ(utc(a.published), "2026-11-25T06:40:00Z");
    EXPECT_EQ(a.author, "Achieng Example");
    EXPECT_EQ(a.categories, (std::vector<std::string>{"Transport", "Nairobi"}));
    // WordPress's "The post … appeared first on …" is not the article's.
    EXPECT_EQ(a.description, "Commuters walked to work for a third morning as matatu owners and the county failed to "
                             "agree on new parking fees. Talks are set to resume on Thursday.");
    // Script and style never reach the text; headings are paragraphs.
    ASSERT_EQ(a.content.size(), 4u);
    EXPECT_EQ(a.content[1],
              "\u201CWe cannot pay twice for the same street,\u201D said an operators\u2019 spokesperson.");
    EXPECT_EQ(a.content[2], "What happens next");
    // The widest media:content image.
    EXPECT_EQ(a.image, "https://nairobi-daily.example.co.ke/wp-content/uploads/2026/11/stage-1024x683.jpg");

    // A relative link and a relative <img> in the description resolve against the feed's address.
    const FeedItem& b = f.items[1];
    EXPECT_EQ(b.link, "https://nairobi-daily.example.co.ke/2026/11/25/county-budget-passes/");
    EXPECT_EQ(b.image, "https://nairobi-daily.example.co.ke/wp-content/uploads/2026/11/assembly.jpg");
    EXPECT_EQ(b.description, "Members approved the spending plan after a night sitting.");
    EXPECT_TRUE(b.content.empty());

    // No <link>, but a guid that is a permalink.
    EXPECT_EQ(f.items[2].link, "https://nairobi-daily.example.co.ke/2026/11/24/guid-permalink/");

    // The untitled item and the javascript: one are dropped and counted.
    EXPECT_TRUE(any_warning_contains(f, "1 item without a title was dropped."));
    EXPECT_TRUE(any_warning_contains(f, "1 item without an http(s) link was dropped."));
    EXPECT_EQ(find_item(f, "Hostile link"), nullptr);
}

TEST(Feed, Rss1Rdf) {
    ParsedFeed f = parse_fixture("rdf_rss1_de.xml");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.format, FeedFormat::Rss1);
    EXPECT_EQ(f.title, "Beispiel-Zeitung \u2013 Nachrichten");
    EXPECT_EQ(f.language, "de");
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[0].title, "Bundestag berät über den Haushalt 2027");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T07:15:00Z");  // dc:date, +01:00
    EXPECT_EQ(f.items[0].description,
              "Die Abgeordneten streiten über Schulden und Investitionen. Eine Einigung gilt als unwahrscheinlich.");
    EXPECT_EQ(f.items[0].author, "Jana Beispiel");
    EXPECT_EQ(f.items[0].categories, std::vector<std::string>{"Politik"});
    // No <link>: rdf:about names the item.
    EXPECT_EQ(f.items[1].link, "https://www.beispiel-zeitung.example.de/wirtschaft/bahn-tarif.html");
    EXPECT_EQ(utc(f.items[1].published), "2026-11-24T17:30:00Z");
}

TEST(Feed, AtomWithXmlBase) {
    ParsedFeed f = parse_fixture("atom_xmlbase_fr.xml", "application/atom+xml");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.format, FeedFormat::Atom);
    EXPECT_EQ(f.title, "Nouvelles Exemple");
    EXPECT_EQ(f.link, "https://nouvelles.exemple.ca/");
    EXPECT_EQ(f.language, "fr-ca");
    ASSERT_EQ(f.items.size(), 3u);

    const FeedItem& a = f.items[0];
    EXPECT_EQ(a.title, "Le verglas paralyse Québec");  // type="html": tags removed
    // The entry's xml:base ("/regions/") applies on top of the feed's.
    EXPECT_EQ(a.link, "https://nouvelles.exemple.ca/regions/quebec/verglas-2026.html");
    EXPECT_EQ(a.image, "https://nouvelles.exemple.ca/images/verglas.jpg");  // rel="enclosure"
    EXPECT_EQ(a.guid, "tag:nouvelles.exemple.ca,2026:verglas");
    EXPECT_EQ(utc(a.published), "2026-11-25T11:30:00Z");
    EXPECT_EQ(utc(a.updated), "2026-11-25T14:00:00Z");
    EXPECT_EQ(a.author, "Marie Exemple");
    EXPECT_EQ(a.categories, (std::vector<std::string>{"Météo", "quebec"}));
    EXPECT_EQ(a.description, "Des milliers de foyers sont privés d\u2019électricité. Les écoles restent fermées.");
    // type="xhtml" content keeps its paragraphs.
    EXPECT_EQ(a.content, (std::vector<std::string>{"Des milliers de foyers sont privés d\u2019électricité.",
                                                   "Les écoles restent fermées & les routes glissantes."}));

    // type="text" escaped twice still reads right; only <updated>: published stays unknown.
    const FeedItem& b = f.items[1];
    EXPECT_EQ(b.title, "Tom & Jerry au festival");
    EXPECT_EQ(b.published, 0);
    EXPECT_EQ(utc(b.updated), "2026-11-24T20:00:00Z");
    EXPECT_EQ(b.description, "Un texte simple, sans balises.");

    // No alternate link: an http(s) id is the link.
    EXPECT_EQ(f.items[2].link, "https://nouvelles.exemple.ca/id-comme-lien.html");
}

// ---- character sets ----------------------------------------------------------------------

TEST(Feed, RussianWindows1251FromTheDeclaration) {
    ParsedFeed f = parse_fixture("windows1251_ru.xml", "text/xml");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.charset, "windows-1251");
    EXPECT_EQ(f.title, "Пример Новости");
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[0].title, "Правительство утвердило бюджет на 2027 год");
    EXPECT_EQ(f.items[0].description, "Депутаты одобрили документ во втором чтении. Голосование заняло час.");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T06:40:00Z");
    EXPECT_EQ(utc(f.items[1].published), "2026-11-25T04:15:00Z");  // "MSK"
    EXPECT_TRUE(f.warnings.empty());
}

TEST(Feed, RussianKoi8rFromTheHttpHeader) {
    ParsedFeed f = parse_fixture("koi8r_ru.xml", "application/rss+xml; charset=KOI8-R");
    ASSERT_EQ(f.items.size(), 1u);
    EXPECT_EQ(f.charset, "KOI8-R");
    EXPECT_EQ(f.title, "Старая Газета");
    EXPECT_EQ(f.items[0].title, "Морозы продлятся до конца недели");
    // Without the header nothing names KOI8-R: the text is still read, and the guess is reported.
    ParsedFeed unlabelled = parse_fixture("koi8r_ru.xml", "application/rss+xml");
    ASSERT_EQ(unlabelled.items.size(), 1u);
    EXPECT_FALSE(unlabelled.items[0].title.empty());
    EXPECT_TRUE(any_warning_contains(unlabelled, "names no character set and is not UTF-8"));
}

TEST(Feed, FrenchIso88591WithWindows1252Quotes) {
    ParsedFeed f = parse_fixture("latin1_fr.xml");
    ASSERT_EQ(f.items.size(), 1u);
    EXPECT_EQ(f.charset, "windows-1252");
    EXPECT_EQ(f.items[0].title, "L\u2019été indien se prolonge dans le Sud-Ouest");
    EXPECT_EQ(f.items[0].description, "Les températures dépassent 20 °C. « Du jamais vu », selon Météo-France.");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T06:40:00Z");  // "mar., 25 nov. 2026 07:40:00 +0100"
}

TEST(Feed, JapaneseShiftJis) {
    ParsedFeed f = parse_fixture("shiftjis_jp.xml");
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.charset, "Shift_JIS");
    EXPECT_EQ(f.title, "例示新聞");
    EXPECT_EQ(f.items[0].title, "東京で初雪　平年より１０日早く");
    EXPECT_EQ(f.items[0].description, "気象庁によると、東京都心で初雪を観測した。");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T06:40:00Z");  // JST
    EXPECT_EQ(utc(f.items[1].published), "2026-11-25T12:10:00Z");  // 2026年11月25日 12:10, no zone
}

TEST(Feed, ByteOrderMarksWin) {
    ParsedFeed f = parse_fixture("bom_utf8_es.xml", "text/xml; charset=ISO-8859-1");
    ASSERT_EQ(f.items.size(), 1u);
    EXPECT_EQ(f.charset, "UTF-8");
    EXPECT_EQ(f.items[0].title, "¿Qué cambia con la reforma eléctrica?");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T07:40:00Z");  // CST: US Central
    EXPECT_TRUE(any_warning_contains(f, "byte-order mark says UTF-8"));

    ParsedFeed le = parse_fixture("utf16le_pt.xml");
    ASSERT_EQ(le.items.size(), 1u);
    EXPECT_EQ(le.charset, "UTF-16LE");
    EXPECT_EQ(le.items[0].title, "Eleição municipal: apuração começa às 17h");
    EXPECT_EQ(utc(le.items[0].published), "2026-11-25T17:00:00Z");
}

TEST(Feed, DeclaredUtf8ThatIsNotStillYieldsText) {
    ParsedFeed es = parse_fixture("mislabelled_utf8_es.xml", "application/rss+xml; charset=utf-8",
                                  "https://noticias-ejemplo.example.es/rss");
    ASSERT_EQ(es.items.size(), 1u);
    EXPECT_EQ(es.charset, "windows-1252");
    EXPECT_EQ(es.items[0].title, "La campaña de Navidad empieza con récord de ventas");
    EXPECT_EQ(es.items[0].description, "Los comercios esperan un año \u201Cexcepcional\u201D.");
    EXPECT_TRUE(any_warning_contains(es, "labelled utf-8 but is not; it was read as windows-1252"));

    ParsedFeed ru = parse_fixture("mislabelled_utf8_ru.xml", "text/xml", "https://gorodskie-vesti.example.ru/rss");
    ASSERT_EQ(ru.items.size(), 1u);
    EXPECT_EQ(ru.charset, "windows-1251");
    EXPECT_EQ(ru.items[0].title, "Мэрия открыла новый каток");
}

// ---- what real feeds get wrong ------------------------------------------------------------

TEST(Feed, EntitiesAndHtmlInTitles) {
    ParsedFeed f = parse_fixture("entities_in.xml", "text/xml", "https://delhi-post.example.in/rss");
    ASSERT_TRUE(f.error.empty()) << f.error;
    ASSERT_EQ(f.items.size(), 3u);
    // &nbsp; and &ndash; are not XML: read as HTML would.
    EXPECT_EQ(f.items[0].title, "Sensex & Nifty close higher \u2013 IT stocks lead");
    // A bare '&' in a link.
    EXPECT_EQ(f.items[0].link, "https://delhi-post.example.in/markets/close?id=1&ref=rss&page=2");
    // Markup escaped twice.
    EXPECT_EQ(f.items[0].description, "Markets rose for a third session.");
    EXPECT_EQ(utc(f.items[0].published), "2026-11-25T10:10:00Z");  // IST
    // CDATA with tags; "a < 2" and a vertical tab in text.
    EXPECT_EQ(f.items[1].title, "Monsoon review: rainfall 8% above normal & rising");
    EXPECT_EQ(f.items[1].description,
              "Rainfall was 8% above normal. Scientists say a < 2 degree rise matters. Farmers welcomed it.");
    EXPECT_EQ(utc(f.items[1].published), "2026-11-25T03:35:00Z");  // "9:05 GMT+5:30"
    // AT&T, &#146; as windows-1252, &eacute;, an unknown name kept as text.
    EXPECT_EQ(f.items[2].title, "AT&T\u2019s India unit éxpands \u2014 &bogus; entity kept");
    EXPECT_TRUE(any_warning_contains(f, "not valid XML were repaired"));
}

TEST(Feed, MalformedXmlLosesOnlyTheBrokenItem) {
    ParsedFeed f = parse_fixture("malformed_ng.xml");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.title, "Lagos Example Times");
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[0].title, "Fuel queues return to Lagos");
    EXPECT_EQ(f.items[1].title, "Super Eagles name squad");
    ASSERT_EQ(f.warnings.size(), 1u);
    EXPECT_EQ(f.warnings[0], "The feed is not well-formed XML (line 5: Opening and ending tag mismatch: b line 5 and "
                             "title); 1 damaged item was dropped; 2 items were read.");
}

TEST(Feed, TruncatedDownloadKeepsItsCompleteItems) {
    ParsedFeed f = parse_fixture("truncated_ph.xml");
    ASSERT_TRUE(f.error.empty()) << f.error;
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[1].title, "Senate opens budget hearings");
    EXPECT_EQ(f.items[1].description, "The chamber begins a two-week review.");
    EXPECT_TRUE(any_warning_contains(f, "it ends inside an item (a cut-off download?), which was dropped"));
}

TEST(Feed, BodiesThatAreNotFeedsSayWhatTheyAre) {
    EXPECT_EQ(parse_fixture("html_error_page.html", "text/html").error,
              "The address answered with a web page, not a feed: \"502 Bad Gateway\".");
    EXPECT_EQ(parse_fixture("sitemap.xml").error, "The document is XML with a <urlset> root, not an RSS or Atom feed.");
    EXPECT_EQ(parse_fixture("not_a_feed.json").error, "The address answered with JSON, not an RSS or Atom feed.");
    EXPECT_EQ(parse_feed("", "", "").error, "The feed is empty.");
    EXPECT_EQ(parse_feed(" \r\n\t ", "", "").error, "The feed is empty.");
    EXPECT_EQ(parse_feed("Service Unavailable", "text/plain", "").error,
              "The address answered with plain text, not a feed: \"Service Unavailable\".");
    EXPECT_EQ(parse_feed("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "", "")
                  .error,
              "The address answered with a web page, not a feed.");
    EXPECT_EQ(parse_feed("<<<>>>", "", "").error.substr(0, 34), "The feed is not well-formed XML (l");
    std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0", 33);
    EXPECT_EQ(parse_feed(png, "", "").error, "The address answered with binary data, not a feed.");
    EXPECT_EQ(parse_feed(std::string("\x1F\x8B\x08\0\0\0\0\0", 8), "", "").error,
              "The feed is gzip-compressed data that could not be decompressed.");
    ParsedFeed huge = parse_feed(std::string((64u << 20) + 1, ' '), "", "");
    EXPECT_EQ(huge.error, "The feed is larger than 64 MB, so it was not read.");
}

TEST(Feed, GzippedBodiesAreDecompressed) {
    std::string gz = read_fixture("ingest/feeds/wordpress_rss2.xml.gz");
    ParsedFeed f = parse_feed(gz, "application/x-gzip", "https://nairobi-daily.example.co.ke/feed/");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.items.size(), 3u);
    EXPECT_TRUE(any_warning_contains(f, "The feed was gzip-compressed; it was decompressed."));
    // Cut off (inside the third item): the complete items still count.
    ParsedFeed cut = parse_feed(gz.substr(0, 1300), "", "https://nairobi-daily.example.co.ke/feed/");
    EXPECT_EQ(cut.items.size(), 2u);
    EXPECT_TRUE(any_warning_contains(cut, "The feed was gzip-compressed: The gzip data ends early"));
}

TEST(Feed, NothingOutsideTheDocumentIsLoaded) {
    // External entities (XXE) are neither fetched nor read from disk.
    ParsedFeed f = parse_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">"
        "<!ENTITY remote SYSTEM \"http://127.0.0.1:1/x\">]><rss><channel><item><title>A &secret; B &remote;</title>"
        "<link>https://x.example/a</link></item></channel></rss>",
        "", "");
    ASSERT_EQ(f.items.size(), 1u);
    EXPECT_EQ(f.items[0].title, "A B");
    // Entity amplification ("billion laughs") is refused, and reported.
    std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"lol\">";
    for (char c = 'b'; c <= 'k'; ++c) {
        std::string previous = std::string("&") + static_cast<char>(c - 1) + ";";
        std::string tenfold;
        for (int i = 0; i < 10; ++i) tenfold += previous;
        laughs += std::string("<!ENTITY ") + c + " \"" + tenfold + "\">";
    }
    laughs += "]><rss><channel><item><title>x &k; y</title><link>https://x.example/b</link></item></channel></rss>";
    ParsedFeed l = parse_feed(laughs, "", "");
    EXPECT_TRUE(l.items.empty());
    EXPECT_TRUE(any_warning_contains(l, "not well-formed XML"));
    // A harmless internal entity gives its text.
    ParsedFeed named = parse_feed(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY org \"Example Org\">]><rss><channel><item>"
        "<title>&org; news</title><link>https://x.example/c</link></item></channel></rss>",
        "", "");
    ASSERT_EQ(named.items.size(), 1u);
    EXPECT_EQ(named.items[0].title, "Example Org news");
}

TEST(Feed, ItemsWithoutTitleOrLinkAreCountedNotKept) {
    ParsedFeed f = parse_feed(
        "<rss><channel><item><description>no title</description><link>https://x.example/1</link></item>"
        "<item><title>No link</title></item><item><title>Data link</title><link>data:text/html,x</link></item>"
        "<item><title>Not a permalink</title><guid isPermaLink=\"false\">https://x.example/2</guid></item>"
        "<item><title>Kept</title><link>https://x.example/3</link></item></channel></rss>",
        "", "");
    ASSERT_EQ(f.items.size(), 1u);
    EXPECT_EQ(f.items[0].title, "Kept");
    EXPECT_EQ(f.warnings, (std::vector<std::string>{"1 item without a title was dropped.",
                                                    "3 items without an http(s) link were dropped."}));
}

TEST(Feed, ATenMegabyteFeed) {
    ingest_test::GeneratedFeed big = ingest_test::generate_feed(10u << 20);
    ASSERT_GT(big.items, 10000u);
    ParsedFeed f = parse_feed(big.xml, "application/rss+xml; charset=utf-8", "https://generated.example.org/feed/");
    ASSERT_TRUE(f.error.empty()) << f.error;
    EXPECT_TRUE(f.warnings.empty());
    ASSERT_EQ(f.items.size(), big.items);
    const FeedItem& last = f.items.back();
    EXPECT_EQ(last.title, "Story " + std::to_string(big.items - 1) + ": council & unions agree on route " +
                              std::to_string((big.items - 1) % 97) + " (маршрут)");
    EXPECT_EQ(last.image, "https://generated.example.org/img/" + std::to_string(big.items - 1) + ".jpg");
    EXPECT_EQ(last.content.size(), 2u);
    EXPECT_EQ(last.description.find("appeared first"), std::string::npos);
    EXPECT_NE(last.published, 0);
}
