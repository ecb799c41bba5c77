#include <gtest/gtest.h>

#include "core/url_util.hpp"

using namespace ng;

TEST(UrlUtil, OpensPlainHttpLinks) {
    for (const char* ok : {"https://example.org", "http://example.org/a?b=c#d", "HTTPS://Example.ORG/Path",
                           "https://sub.example.co.uk:8443/x", "https://[2001:db8::1]/x", "http://127.0.0.1:8080/",
                           "https://münchen.example/straße", "https://example.org/%20encoded"}) {
        EXPECT_TRUE(is_openable_url(ok)) << ok;
    }
}

TEST(UrlUtil, RefusesDangerousOrDisguisedLinks) {
    for (const char* bad : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
                            "file:///etc/passwd", "vbscript:msgbox(1)", " https://example.org",
                            "https://example.org ", "java\tscript:alert(1)", "https://exa\nmple.org",
                            "https:\\\\example.org", "https:/example.org", "https:example.org", "https://",
                            "https:///path", "https://user:pw@example.org/", "https://bank.example@evil.example",
                            "https://example.org:99999/", "https://example.org:/", "https://exa mple.org",
                            "ftp://example.org", "//example.org/x", "/relative/path", "",
                            "https://ex<ample.org", "https://[zz::1]/", "https://..../"}) {
        EXPECT_FALSE(is_openable_url(bad)) << bad;
    }
    EXPECT_FALSE(is_openable_url("https://example.org/\x7f"));
    EXPECT_FALSE(is_openable_url(std::string("https://example.org/\0x", 22)));
    EXPECT_FALSE(is_openable_url("https://example.org/\xc2\x85"));  // U+0085, a C1 line break
    EXPECT_FALSE(is_openable_url("https://example.org/" + std::string(5000, 'a')));
    // DNS names have at most 253 bytes: a longer host is no server's
    std::string label(63, 'a'), host253 = label + "." + label + "." + label + "." + std::string(61, 'b');
    EXPECT_TRUE(is_openable_url("https://" + host253 + "/"));
    EXPECT_FALSE(is_openable_url("https://" + host253 + "c/"));
    EXPECT_EQ(url_host("https://" + host253 + "c/"), "");
}

TEST(UrlUtil, FetchableReferencesAllowRelativePaths) {
    EXPECT_TRUE(is_fetchable_reference("img/a.svg"));
    EXPECT_TRUE(is_fetchable_reference("../img/a.svg"));
    EXPECT_TRUE(is_fetchable_reference("./api"));
    EXPECT_TRUE(is_fetchable_reference("/img/a.svg?v=2"));
    EXPECT_TRUE(is_fetchable_reference("//cdn.example/a.svg"));
    EXPECT_TRUE(is_fetchable_reference("https://cdn.example/a.svg"));
    EXPECT_TRUE(is_fetchable_reference("a/b:c.svg"));  // a colon after the first slash is not a scheme
    EXPECT_FALSE(is_fetchable_reference("javascript:alert(1)"));
    EXPECT_FALSE(is_fetchable_reference("data:image/png;base64,AAAA"));
    EXPECT_FALSE(is_fetchable_reference("img a.svg"));
    EXPECT_FALSE(is_fetchable_reference("//"));
    EXPECT_FALSE(is_fetchable_reference(""));
}

TEST(UrlUtil, ExtractsHosts) {
    EXPECT_EQ(url_host("https://API.GdeltProject.org/api/v2/doc/doc?query=x"), "api.gdeltproject.org");
    EXPECT_EQ(url_host("http://user@example.org:8080/x"), "example.org");
    EXPECT_EQ(url_host("https://[::1]:8443/"), "[::1]");
    EXPECT_EQ(url_host("./api/v1/countries.json"), "");
    EXPECT_EQ(url_host("mailto:someone@example.org"), "");
}

TEST(UrlUtil, PercentEncodesAndDecodes) {
    EXPECT_EQ(percent_encode("sourcecountry:UK"), "sourcecountry%3AUK");
    EXPECT_EQ(percent_encode("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
    EXPECT_EQ(percent_decode("a%20b%2Fc+d", true), "a b/c d");
    EXPECT_EQ(percent_decode("a+b", false), "a+b");
    EXPECT_EQ(percent_decode("100%", true), "100%");   // a lone percent stays
    EXPECT_EQ(percent_decode("%zz%4", true), "%zz%4");  // malformed escapes stay
    EXPECT_EQ(percent_decode(percent_encode("ünïcode & ?#"), false), "ünïcode & ?#");
}

TEST(UrlUtil, ParsesQueryStrings) {
    auto q = parse_query("?source=gdelt&proxy=https%3A%2F%2Fp.example%2F%3Furl%3D&flag&&key=a+b#frag=1");
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[0], (std::pair<std::string, std::string>{"source", "gdelt"}));
    EXPECT_EQ(q[1], (std::pair<std::string, std::string>{"proxy", "https://p.example/?url="}));
    EXPECT_EQ(q[2], (std::pair<std::string, std::string>{"flag", ""}));
    EXPECT_EQ(q[3], (std::pair<std::string, std::string>{"key", "a b"}));
    EXPECT_TRUE(parse_query("").empty());
    EXPECT_TRUE(parse_query("?").empty());
}

TEST(UrlUtil, JoinsBaseAndPath) {
    EXPECT_EQ(join_url("./api", "v1/countries.json"), "./api/v1/countries.json");
    EXPECT_EQ(join_url("https://x.example/api/", "/v1/a.json"), "https://x.example/api/v1/a.json");
    EXPECT_EQ(join_url("https://x.example", "v1"), "https://x.example/v1");
    EXPECT_EQ(join_url("", "v1/a.json"), "v1/a.json");
    EXPECT_EQ(join_url("https://x.example/api", ""), "https://x.example/api");
}

TEST(UrlUtil, ResolvesReferencesLikeABrowser) {
    const std::string doc = "https://x.example/api/v1/articles/a.json?v=1#top";
    EXPECT_EQ(resolve_url(doc, "img/a.svg"), "https://x.example/api/v1/articles/img/a.svg");
    EXPECT_EQ(resolve_url(doc, "../img/a.svg"), "https://x.example/api/v1/img/a.svg");
    EXPECT_EQ(resolve_url(doc, "../../../../../img/a.svg"), "https://x.example/img/a.svg");
    EXPECT_EQ(resolve_url(doc, "/img/a.svg"), "https://x.example/img/a.svg");
    EXPECT_EQ(resolve_url(doc, "./b/./c/../d.svg"), "https://x.example/api/v1/articles/b/d.svg");
    EXPECT_EQ(resolve_url(doc, "//cdn.example/a.svg"), "https://cdn.example/a.svg");
    EXPECT_EQ(resolve_url(doc, "https://other.example/a.svg"), "https://other.example/a.svg");
    EXPECT_EQ(resolve_url(doc, "?v=2"), "https://x.example/api/v1/articles/a.json?v=2");
    EXPECT_EQ(resolve_url(doc, "b.svg?size=2#f"), "https://x.example/api/v1/articles/b.svg?size=2#f");
    EXPECT_EQ(resolve_url("https://x.example", "a.svg"), "https://x.example/a.svg");
    EXPECT_EQ(resolve_url(doc, "dir/"), "https://x.example/api/v1/articles/dir/");
    EXPECT_EQ(resolve_url(doc, ".."), "https://x.example/api/v1/");
}

TEST(UrlUtil, ResolvesAgainstRelativeBases) {
    EXPECT_EQ(resolve_url("./api/v1/countries/FR/stories-1.json", "../../../img/fr.svg"), "./api/img/fr.svg");
    EXPECT_EQ(resolve_url("./api/v1/articles/a.json", "img/b.svg"), "./api/v1/articles/img/b.svg");
    EXPECT_EQ(resolve_url("api/a.json", "../../x.svg"), "../x.svg");
    EXPECT_EQ(resolve_url("../data/api/a.json", "img/b.svg"), "../data/api/img/b.svg");
    EXPECT_EQ(resolve_url("./api/a.json", "/img/b.svg"), "/img/b.svg");
}
