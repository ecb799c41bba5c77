// Publishing: the documents docs/api.md defines, paged newest first, valid
// against the schemas, written as a release and switched live atomically,
// with the previous release kept and a broken document publishing nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "core/news_decode.hpp"
#include "publish.hpp"
#include "scratch_files.hpp"


using namespace ingest;
using testing_support::read;
using testing_support::temp_dir;
namespace fs = std::filesystem;

namespace {

ng::Timestamp at(int64_t t) { return {ng::format_rfc3339(t), t}; }

ng::Article article(const std::string& country, int n, int64_t time) {
    ng::Article a;
    a.id = country + "-" + std::to_string(1000 + n);
    for (char& c : a.id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    a.headline = "Headline " + std::to_string(n);
    a.language = "en";
    a.outlet = {"Outlet " + country, "outlet-" + a.id.substr(0, 2) + ".example", country};
    a.country = country;
    a.first_seen = at(time);
    if (n % 2 == 0) a.published = at(time - 60);
    a.summary = "One sentence.";
    a.excerpt_only = true;
    a.url = "https://outlet.example/" + std::to_string(n);
    return a;
}

const int64_t kNow = 1796032800;  // 2026-12-01T10:00:00Z

std::vector<ng::Article> sample_articles(int spanish) {
    std::vector<ng::Article> list;
    for (int n = 0; n < spanish; ++n) list.push_back(article("ES", n, kNow - 600 * n));
    list.push_back(article("JP", 1, kNow - 300));
    return list;
}

ApiMeta meta() {
    ApiMeta m;
    m.generated = kNow;
    m.source_name = "newsglobe test";
    m.attribution = {"Test feeds"};
    return m;
}

}  // namespace

TEST(Publish, RendersPagedNewestFirstListsAndAnIndex) {
    std::map<std::string, std::string> files;
    render_api(sample_articles(23), {}, meta(), [&](const std::string& p, const std::string& b) { files[p] = b; });
    ASSERT_TRUE(files.count("v1/countries.json"));
    EXPECT_TRUE(files.count("v1/countries/ES/stories-3.json"));
    EXPECT_FALSE(files.count("v1/countries/ES/stories-4.json"));
    EXPECT_TRUE(files.count("v1/countries/JP/stories-1.json"));
    EXPECT_EQ(files.size(), 1u + 3u + 1u + 24u);

    ng::Result<ng::CountriesIndex> index = ng::decode_countries(files["v1/countries.json"]);
    ASSERT_TRUE(index.ok()) << index.error.message;
    ASSERT_EQ(index.value.countries.size(), 2u);
    EXPECT_EQ(index.value.countries[0].iso, "ES");
    EXPECT_EQ(index.value.countries[0].story_count, 23);
    EXPECT_EQ(index.value.generated.seconds, kNow);
    EXPECT_EQ(index.value.attribution, std::vector<std::string>{"Test feeds"});
    // latest is the newest item's shown time: its publication time when known.
    EXPECT_EQ(index.value.countries[0].latest.seconds, kNow - 60);

    int64_t previous = INT64_MAX;
    int items = 0;
    for (int page = 1; page <= 3; ++page) {
        auto r = ng::decode_story_page(files["v1/countries/ES/stories-" + std::to_string(page) + ".json"]);
        ASSERT_TRUE(r.ok()) << r.error.message;
        EXPECT_EQ(r.skipped, 0);
        EXPECT_EQ(r.value.page_count, 3);
        EXPECT_EQ(r.value.total, 23);
        EXPECT_LE(r.value.stories.size(), 10u);
        for (const ng::StorySummary& s : r.value.stories) {
            int64_t t = s.published.known() ? s.published.seconds : s.first_seen.seconds;
            EXPECT_LE(t, previous) << s.id;
            previous = t;
            ++items;
            EXPECT_EQ(s.url.rfind("https://outlet.example/", 0), 0u);
        }
    }
    EXPECT_EQ(items, 23);
    auto a = ng::decode_article(files["v1/articles/es-1000.json"]);
    ASSERT_TRUE(a.ok()) << a.error.message;
    EXPECT_TRUE(a.value.excerpt_only);
}

TEST(Publish, SwitchesReleasesAtomicallyAndKeepsThePreviousOne) {
    fs::path out = temp_dir("publish");
    PublishResult first = publish_api(out, sample_articles(3), {}, meta(), "20261201T100000Z");
    ASSERT_TRUE(first.ok) << first.error;
    EXPECT_TRUE(fs::is_symlink(out / "v1"));
    EXPECT_EQ(fs::read_symlink(out / "v1"), fs::path("releases") / first.release / "v1");  // relative: the folder can move
    EXPECT_TRUE(std::regex_match(first.release, std::regex("20261201T100000Z-[0-9a-f]{12}"))) << first.release;
    EXPECT_EQ(first.documents, 1u + 2u + 4u);
    std::string index = read(out / "v1/countries.json");
    EXPECT_NE(index.find("\"story_count\": 3"), std::string::npos);

    // Same articles: same release, nothing rewritten.
    PublishResult again = publish_api(out, sample_articles(3), {}, meta(), "20261201T100000Z");
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_TRUE(again.unchanged);
    EXPECT_EQ(again.release, first.release);

    // New content: a new release goes live, the previous one stays.
    PublishResult second = publish_api(out, sample_articles(5), {}, meta(), "20261201T101500Z");
    ASSERT_TRUE(second.ok) << second.error;
    EXPECT_NE(second.release, first.release);
    EXPECT_TRUE(fs::exists(out / "releases" / first.release / "v1/countries.json"));
    EXPECT_NE(read(out / "v1/countries.json").find("\"story_count\": 5"), std::string::npos);
    // And the one before that goes at the next switch.
    PublishResult third = publish_api(out, sample_articles(6), {}, meta(), "20261201T103000Z");
    ASSERT_TRUE(third.ok) << third.error;
    EXPECT_FALSE(fs::exists(out / "releases" / first.release));
    EXPECT_TRUE(fs::exists(out / "releases" / second.release));
    size_t releases = 0;
    for (const auto& e : fs::directory_iterator(out / "releases")) releases += e.is_directory();
    EXPECT_EQ(releases, 2u);
    fs::remove_all(out);
}

TEST(Publish, ADocumentTheSchemaRefusesPublishesNothing) {
    fs::path out = temp_dir("publish-invalid");
    ASSERT_TRUE(publish_api(out, sample_articles(2), {}, meta(), "20261201T100000Z").ok);
    std::string before = read(out / "v1/countries.json");
    std::vector<ng::Article> broken = sample_articles(4);
    broken[1].language = "Spanish (Spain)";  // not a language tag
    PublishResult r = publish_api(out, broken, {}, meta(), "20261201T101500Z");
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find("nothing was published"), std::string::npos) << r.error;
    ASSERT_FALSE(r.violations.empty());
    // The path of the document, the field, and the rule.
    EXPECT_NE(r.violations[0].find("v1/countries/ES/stories-1.json: /stories/"), std::string::npos) << r.violations[0];
    EXPECT_NE(r.violations[0].find("/language: \"Spanish (Spain)\" does not match the pattern"), std::string::npos)
        << r.violations[0];
    EXPECT_EQ(read(out / "v1/countries.json"), before);  // the live API is untouched
    for (const auto& e : fs::directory_iterator(out / "releases"))
        EXPECT_NE(e.path().filename().string().rfind(".partial", 0), 0u);  // no leftovers
    fs::remove_all(out);
}

TEST(Publish, APlainFolderInTheWayIsKeptAsThePreviousRelease) {
    fs::path out = temp_dir("publish-plain");
    fs::create_directories(out / "v1");
    std::ofstream(out / "v1/countries.json") << "{\"version\":1,\"countries\":[]}";
    PublishResult r = publish_api(out, sample_articles(2), {}, meta(), "20261201T100000Z");
    ASSERT_TRUE(r.ok) << r.error;
    EXPECT_TRUE(fs::is_symlink(out / "v1"));
    EXPECT_TRUE(fs::exists(out / "releases" / ("previous-" + r.release) / "v1/countries.json"));
    fs::remove_all(out);
}
