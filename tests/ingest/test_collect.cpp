// Reading captures and merging observations: a stale 304 never overwrites a
// fresher feed, GSG embeddings reach their articles, and entries that cannot
// be used (a damaged body, an outlet the table lacks) are reported, not fatal.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "capture_spec.hpp"
#include "collect.hpp"
#include "core/json_util.hpp"
#include "core/time_format.hpp"
#include "scratch_files.hpp"


using namespace ingest;
using testing_support::temp_dir;
using testing_support::write;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string rss(const std::string& title, const std::string& link) {
    return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>" + title +
           "</title><link>" + link + "</link><description>One sentence.</description></item></channel></rss>";
}

struct Fixture {
    fs::path dir = temp_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    OutletTable table = parse_outlet_table(R"({"outlets": [
        {"id": "a", "name": "A", "country": "ES", "domain": "a.example", "language": "es", "feeds": ["https://a.example/1", "https://a.example/2"]}]})");
    OutletIndex index;
    BuildReport report;

    Fixture() {
        for (const Outlet& o : table.outlets) index.add(o);
    }
    ~Fixture() { fs::remove_all(dir); }

    void body(const std::string& name, const std::string& bytes) { write(dir / name, bytes); }

    std::vector<CollectedItem> collect(const std::string& spec) {
        std::string problem;
        EXPECT_TRUE(write_captures_from_spec(ng::json_util::parse(spec), dir, dir / "captures", problem)) << problem;
        return collect_items(list_captures(dir / "captures"), index, report);
    }
};

}  // namespace

TEST(Collect, AStale304NeverOverwritesAFresherFeed) {
    Fixture f;
    f.body("old.xml", rss("Old headline", "https://a.example/story"));
    f.body("new.xml", rss("New headline", "https://a.example/story?utm_source=rss"));
    // Run 1: both feeds show the old headline. Run 2: feed 1 has the new one
    // (200), feed 2 answers 304 a few seconds later, its body the old one.
    auto items = f.collect(R"({"captures": [
      {"started": "2026-11-30T08:00:00Z", "finished": "2026-11-30T08:01:00Z", "entries": [
        {"outlet": "a", "url": "https://a.example/1", "status": 200, "requested_at": "2026-11-30T08:00:01Z", "body": "old.xml"},
        {"outlet": "a", "url": "https://a.example/2", "status": 200, "requested_at": "2026-11-30T08:00:02Z", "body": "old.xml"}]},
      {"started": "2026-11-30T09:00:00Z", "finished": "2026-11-30T09:01:00Z", "entries": [
        {"outlet": "a", "url": "https://a.example/1", "status": 200, "requested_at": "2026-11-30T09:00:01Z", "body": "new.xml"},
        {"outlet": "a", "url": "https://a.example/2", "status": 304, "requested_at": "2026-11-30T09:00:05Z", "body": "old.xml"}]}]})");
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].canonical_url, "https://a.example/story");
    EXPECT_EQ(items[0].best.title, "New headline");
    EXPECT_EQ(items[0].first_seen, ng::parse_rfc3339("2026-11-30T08:00:01Z"));
    EXPECT_EQ(f.report.observations, 4u);
}

TEST(Collect, GsgEmbeddingsReachTheirArticles) {
    Fixture f;
    f.body("feed.xml", rss("Headline", "https://a.example/story"));
    json row = {{"date", "20261130T080000Z"}, {"url", "https://a.example/story?utm_medium=gdelt"}, {"lang", "es"},
                {"title", "Headline"}, {"model", "USEv4"}, {"docembed", std::vector<float>(512, 0.125f)}};
    f.body("gsg.jsonl", row.dump() + "\n");
    auto items = f.collect(R"({"captures": [
      {"started": "2026-11-30T08:00:00Z", "finished": "2026-11-30T08:01:00Z", "entries": [
        {"outlet": "a", "url": "https://a.example/1", "status": 200, "requested_at": "2026-11-30T08:00:01Z", "body": "feed.xml"},
        {"kind": "gdelt-gsg", "url": "http://data.gdeltproject.org/gdeltv3/gsg_docembed/x.gsg.docembed.json.gz",
         "status": 200, "requested_at": "2026-11-30T08:00:09Z", "body": "gsg.jsonl", "gzip": true}]}]})");
    ASSERT_EQ(items.size(), 1u);
    ASSERT_EQ(items[0].embedding.size(), 512u);
    EXPECT_FLOAT_EQ(items[0].embedding[0], 0.125f);
}

TEST(Collect, UnusableEntriesAreReportedAndTheRestKept) {
    Fixture f;
    f.body("feed.xml", rss("Headline", "https://a.example/story"));
    std::string spec = R"({"captures": [
      {"started": "2026-11-30T08:00:00Z", "finished": "2026-11-30T08:01:00Z", "entries": [
        {"outlet": "a", "url": "https://a.example/1", "status": 200, "requested_at": "2026-11-30T08:00:01Z", "body": "feed.xml"},
        {"outlet": "gone", "url": "https://gone.example/rss", "status": 200, "requested_at": "2026-11-30T08:00:02Z", "body": "feed.xml"}]},
      {"started": "2026-11-30T09:00:00Z", "finished": "2026-11-30T09:01:00Z", "entries": [
        {"outlet": "a", "url": "https://a.example/2", "status": 200, "requested_at": "2026-11-30T09:00:01Z", "body": "feed.xml"}]}]})";
    std::string problem;
    ASSERT_TRUE(write_captures_from_spec(ng::json_util::parse(spec), f.dir, f.dir / "captures", problem)) << problem;
    // Damage the second run's only body.
    std::vector<Capture> captures = list_captures(f.dir / "captures");
    ASSERT_EQ(captures.size(), 2u);
    std::ofstream(captures[1].dir / "bodies" / captures[1].entries[0].sha256, std::ios::binary) << "tampered";
    auto items = collect_items(captures, f.index, f.report);
    ASSERT_EQ(items.size(), 1u);  // from the first run
    EXPECT_EQ(f.report.entries_unusable, 1u);
    EXPECT_EQ(f.report.dropped["unknown-outlet"], 1u);
    bool damaged = false, unknown = false;
    for (const std::string& p : f.report.problems) {
        damaged |= p.find("checksum mismatch") != std::string::npos;
        unknown |= p.find("\"gone\", which the outlet table lacks") != std::string::npos;
    }
    EXPECT_TRUE(damaged);
    EXPECT_TRUE(unknown);
}

TEST(Collect, CountryTopLevelDomains) {
    EXPECT_EQ(country_of_domain("diario.pe"), "PE");
    EXPECT_EQ(country_of_domain("news.bbc.co.uk"), "GB");
    EXPECT_EQ(country_of_domain("worldwire.com"), "");
    EXPECT_EQ(country_of_domain("startup.io"), "");  // sold as a generic name
    EXPECT_EQ(country_of_domain("europa.eu"), "");
    EXPECT_EQ(country_of_domain("localhost"), "");
}
