#include <gtest/gtest.h>

#include "canonical_url.hpp"

using namespace ingest;

TEST(CanonicalUrl, OneSpellingPerAddress) {
    EXPECT_EQ(canonical_url("HTTPS://WWW.Example.COM:443/News/Story?id=7#comments"),
              "https://www.example.com/News/Story?id=7");
    EXPECT_EQ(canonical_url("http://example.com:80"), "http://example.com/");
    EXPECT_EQ(canonical_url("http://example.com:8080/a"), "http://example.com:8080/a");
    EXPECT_EQ(canonical_url("https://example.com./a/./b/../c"), "https://example.com/a/c");
    EXPECT_EQ(canonical_url("https://example.com/%7Euser/caf%c3%a9%2fx"), "https://example.com/~user/caf%C3%A9%2Fx");
    EXPECT_EQ(canonical_url("  https://example.com/a b\n"), "https://example.com/a%20b");
    EXPECT_EQ(canonical_url("https://example.com/caf\u00e9"), "https://example.com/caf%C3%A9");
    EXPECT_EQ(canonical_url("https://example.com/a?"), "https://example.com/a");
    EXPECT_EQ(canonical_url("https://example.com//double/slash"), "https://example.com//double/slash");
    // Internationalised host names stay readable.
    EXPECT_EQ(canonical_url("https://\u043d\u043e\u0432\u043e\u0441\u0442\u0438.\u0440\u0444/a"),
              "https://\u043d\u043e\u0432\u043e\u0441\u0442\u0438.\u0440\u0444/a");
}

TEST(CanonicalUrl, OnlyHttpAndHttps) {
    for (const char* bad : {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://example.com/a",
                            "mailto:a@example.com", "https://user:pw@example.com/", "https://", "", "   ",
                            "//example.com/a", "/relative/without/base"})
        EXPECT_EQ(canonical_url(bad), "") << bad;
}

TEST(CanonicalUrl, RelativeLinksResolveAgainstTheBase) {
    EXPECT_EQ(canonical_url("/2026/11/25/story/", "https://news.example.co.ke/feed/"),
              "https://news.example.co.ke/2026/11/25/story/");
    EXPECT_EQ(canonical_url("../b.html", "https://x.example/a/c/feed.xml"), "https://x.example/a/b.html");
    EXPECT_EQ(canonical_url("//cdn.example/a.jpg", "http://x.example/"), "http://cdn.example/a.jpg");
    EXPECT_EQ(canonical_url("https://other.example/x", "https://x.example/"), "https://other.example/x");
}

TEST(CanonicalUrl, TrackingParametersAreDropped) {
    EXPECT_EQ(canonical_url("https://n.example/a?utm_source=rss&id=42&utm_medium=feed&fbclid=AbC&gclid=1"),
              "https://n.example/a?id=42");
    EXPECT_EQ(canonical_url("https://n.example/a?at_medium=RSS&at_campaign=KARANGA&ns_mchannel=rss&ocid=msn"),
              "https://n.example/a");
    EXPECT_EQ(canonical_url("https://n.example/a?CMP=share_btn_tw&cmpid=rss&xtor=RSS-3&mc_cid=1&mc_eid=2"),
              "https://n.example/a");
    EXPECT_EQ(canonical_url("https://n.example/a?ref=rss&from=feedburner&page=2"), "https://n.example/a?page=2");
    // A ref that is not about a feed stays; order is kept; values are untouched.
    EXPECT_EQ(canonical_url("https://n.example/a?z=1&ref=homepage&a=b%20c"),
              "https://n.example/a?z=1&ref=homepage&a=b%20c");
    EXPECT_TRUE(is_tracking_parameter("UTM_Campaign", "x"));
    EXPECT_TRUE(is_tracking_parameter("WT.mc_id", "x"));
    EXPECT_FALSE(is_tracking_parameter("id", "rss"));
    EXPECT_FALSE(is_tracking_parameter("source", "reuters"));
}

TEST(CanonicalUrl, RedirectorsWithTheTargetInAParameter) {
    EXPECT_EQ(canonical_url("https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fpaper.example%2Fa%3Futm_source%3Dg"
                            "&ct=ga&cd=1"),
              "https://paper.example/a");
    EXPECT_EQ(canonical_url("https://news.google.com/news/url?sa=t&fd=R&url=https://paper.example/b&usg=x"),
              "https://paper.example/b");
    EXPECT_EQ(canonical_url("https://www.bing.com/news/apiclick.aspx?ref=FexRss&aid=&tid=1&url=https%3a%2f%2fpaper."
                            "example%2fc&c=1"),
              "https://paper.example/c");
    EXPECT_EQ(canonical_url("https://l.facebook.com/l.php?u=https%3A%2F%2Fpaper.example%2Fd&h=x"),
              "https://paper.example/d");
    // Google News' article links encode their target: kept as they are.
    EXPECT_EQ(canonical_url("https://news.google.com/rss/articles/CBMiSmh0dHBzOi8v?oc=5"),
              "https://news.google.com/rss/articles/CBMiSmh0dHBzOi8v?oc=5");
    // A redirector whose target is not http(s) is not followed.
    EXPECT_EQ(canonical_url("https://www.google.com/url?q=javascript:alert(1)"),
              "https://www.google.com/url?q=javascript:alert(1)");
}

TEST(AbsoluteUrl, ResolvesAndCleansButChangesNothingElse) {
    EXPECT_EQ(absolute_url(" /a?utm_source=rss#top ", "https://x.example/feed"),
              "https://x.example/a?utm_source=rss#top");
    EXPECT_EQ(absolute_url("javascript:alert(1)", "https://x.example/"), "");
    EXPECT_EQ(absolute_url("a.html", ""), "");
}

TEST(UrlDomain, RegistrableParts) {
    EXPECT_EQ(url_domain("https://www.bbc.co.uk/news/1"), "bbc.co.uk");
    EXPECT_EQ(url_domain("https://feeds.bbci.co.uk/news/rss.xml"), "bbci.co.uk");
    EXPECT_EQ(url_domain("https://edition.cnn.com/a"), "cnn.com");
    EXPECT_EQ(url_domain("https://www.abc.net.au/news"), "abc.net.au");
    EXPECT_EQ(url_domain("https://www.gob.mx/presidencia"), "gob.mx");
    EXPECT_EQ(url_domain("https://www.presidencia.gob.mx/x"), "presidencia.gob.mx");
    EXPECT_EQ(url_domain("https://m.lemonde.fr/a"), "lemonde.fr");
    EXPECT_EQ(url_domain("https://WWW.Spiegel.DE./a"), "spiegel.de");
    EXPECT_EQ(url_domain("https://news.example.co.jp/a"), "example.co.jp");
    EXPECT_EQ(url_domain("https://example.com"), "example.com");
    EXPECT_EQ(url_domain("http://192.168.1.20:8080/feed"), "192.168.1.20");
    EXPECT_EQ(url_domain("/relative"), "");
}
