// The capture folder (fetch → build boundary) and the outlet table.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "capture.hpp"
#include "outlets.hpp"

namespace fs = std::filesystem;
using namespace ingest;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("ng-ingest-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                                            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

CaptureEntry feed_entry(const std::string& url, int status) {
    CaptureEntry e;
    e.outlet = "fr-example";
    e.url = e.final_url = url;
    e.status = status;
    e.requested_at = 1796032800;  // 2026-11-30T10:00:00Z
    return e;
}

}  // namespace

TEST(Capture, Sha256MatchesKnownVector) {
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Capture, WrittenCaptureReadsBackWithItsBodies) {
    TempDir tmp;
    std::string body = "<rss><channel><title>Le Monde</title></channel></rss>";
    fs::path dir;
    {
        CaptureWriter w(tmp.path, 1796032800, "newsglobe-ingest test");
        ASSERT_TRUE(w.error().empty());
        ASSERT_TRUE(w.add(feed_entry("https://a.example/rss", 200), &body));
        ASSERT_TRUE(w.add(feed_entry("https://a.example/same", 304), &body));  // stored once
        CaptureEntry failed = feed_entry("https://dead.example/rss", 0);
        failed.error = "The connection timed out after 20 s.";
        ASSERT_TRUE(w.add(failed, nullptr));
        dir = w.commit(1796032860);
    }
    EXPECT_EQ(dir.filename(), "20261130T100000Z");
    EXPECT_TRUE(verify_capture(dir).empty());
    std::vector<Capture> all = list_captures(tmp.path);
    ASSERT_EQ(all.size(), 1u);
    const Capture& c = all[0];
    EXPECT_EQ(c.started, 1796032800);
    EXPECT_EQ(c.finished, 1796032860);
    ASSERT_EQ(c.entries.size(), 3u);
    EXPECT_TRUE(c.entries[1].not_modified());
    EXPECT_EQ(c.entries[0].sha256, c.entries[1].sha256);
    EXPECT_FALSE(c.entries[2].has_body());
    EXPECT_EQ(c.entries[2].error, "The connection timed out after 20 s.");
    std::string read, problem;
    ASSERT_TRUE(read_body(c, c.entries[0], read, problem)) << problem;
    EXPECT_EQ(read, body);
}

TEST(Capture, DamagedBodyIsReportedNotReturned) {
    TempDir tmp;
    std::string body = "original bytes";
    CaptureWriter w(tmp.path, 1796032800, "t");
    w.add(feed_entry("https://a.example/rss", 200), &body);
    fs::path dir = w.commit(1796032801);
    Capture c;
    std::string problem, read;
    ASSERT_TRUE(read_capture(dir, c, problem));
    std::ofstream(dir / "bodies" / c.entries[0].sha256, std::ios::trunc) << "tampered";
    EXPECT_FALSE(read_body(c, c.entries[0], read, problem));
    EXPECT_NE(problem.find("checksum"), std::string::npos);
    EXPECT_FALSE(verify_capture(dir).empty());
}

TEST(Capture, UncommittedRunLeavesNothingAndIdsStayUnique) {
    TempDir tmp;
    { CaptureWriter abandoned(tmp.path, 1796032800, "t"); }
    EXPECT_TRUE(fs::is_empty(tmp.path));
    CaptureWriter a(tmp.path, 1796032800, "t");
    fs::path first = a.commit(1796032800);
    CaptureWriter b(tmp.path, 1796032800, "t");
    fs::path second = b.commit(1796032800);
    EXPECT_EQ(first.filename(), "20261130T100000Z");
    EXPECT_EQ(second.filename(), "20261130T100000Z-2");
    EXPECT_EQ(list_captures(tmp.path).size(), 2u);
}

TEST(Capture, UnchangedBodiesAreSharedWithTheEarlierCaptureNotCopied) {
    TempDir tmp;
    std::string same = "<rss>unchanged</rss>", fresh = "<rss>new</rss>";
    CaptureWriter first(tmp.path, 1796032800, "t");
    first.add(feed_entry("https://a.example/rss", 200), &same);
    fs::path one = first.commit(1796032801);
    CaptureWriter second(tmp.path, 1796033700, "t");
    second.link_bodies_from({one});
    second.add(feed_entry("https://a.example/rss", 304), &same);
    second.add(feed_entry("https://b.example/rss", 200), &fresh);
    fs::path two = second.commit(1796033701);
    EXPECT_TRUE(verify_capture(two).empty());
    std::string sha = sha256_hex(same);
    EXPECT_TRUE(fs::equivalent(one / "bodies" / sha, two / "bodies" / sha)) << "one file, two links";
    EXPECT_EQ(fs::hard_link_count(two / "bodies" / sha256_hex(fresh)), 1u);
    prune_captures(tmp.path, 1796033000, 1);  // the first capture goes; the second keeps its body
    EXPECT_FALSE(fs::exists(one));
    EXPECT_TRUE(verify_capture(two).empty());
}

TEST(Capture, PruneKeepsTheNewestAndTheWindow) {
    TempDir tmp;
    for (int64_t t : {1000000000, 1000003600, 1000007200}) CaptureWriter(tmp.path, t, "t").commit(t);
    fs::create_directories(tmp.path / ".partial-crashed");
    std::vector<std::string> removed = prune_captures(tmp.path, 1000003600, 1);
    EXPECT_EQ(removed.size(), 1u);
    EXPECT_EQ(list_captures(tmp.path).size(), 2u);
    EXPECT_FALSE(fs::exists(tmp.path / ".partial-crashed"));
    EXPECT_EQ(prune_captures(tmp.path, 2000000000, 1).size(), 1u);  // never below keep_at_least
    EXPECT_EQ(list_captures(tmp.path).size(), 1u);
}

TEST(Outlets, TableKeepsGoodEntriesAndNamesBadOnes) {
    OutletTable t = parse_outlet_table(R"J({
      "notice": "test table",
      "outlets": [
        {"id": "fr-lemonde", "name": "Le Monde", "country": "fr", "domain": "LeMonde.fr", "language": "fr",
         "feeds": ["https://www.lemonde.fr/rss/une.xml", "javascript:alert(1)"]},
        {"id": "gv-en", "name": "Global Voices", "country": "NL", "domain": "globalvoices.org", "language": "en",
         "feeds": ["http://127.0.0.1:8000/gv.xml"], "licence": "CC-BY-4.0",
         "licence_url": "https://globalvoices.org/about/global-voices-attribution-policy/"},
        {"id": "Bad Id", "name": "X", "country": "FR", "language": "fr", "feeds": ["https://x.example/"]},
        {"id": "fr-lemonde", "name": "Dup", "country": "FR", "language": "fr", "feeds": ["https://y.example/"]},
        {"id": "no-feeds", "name": "Y", "country": "FR", "language": "fr", "feeds": []},
        "not an object"
      ]})J");
    ASSERT_EQ(t.outlets.size(), 2u);
    EXPECT_EQ(t.notice, "test table");
    EXPECT_EQ(t.outlets[0].country, "FR");
    EXPECT_EQ(t.outlets[0].domain, "lemonde.fr");
    EXPECT_EQ(t.outlets[0].feeds.size(), 1u);
    EXPECT_FALSE(t.outlets[0].allows_full_text());
    EXPECT_TRUE(t.outlets[1].allows_full_text());
    EXPECT_EQ(t.problems.size(), 5u);  // the bad feed, bad id, duplicate, no feeds, not an object
}

TEST(Outlets, FeedListBecomesWideTierWithoutCuratedHosts) {
    OutletTable curated = parse_outlet_table(R"({"outlets": [{"id": "gr-kathimerini", "name": "Kathimerini",
        "country": "GR", "domain": "ekathimerini.com", "language": "el", "feeds": ["https://www.ekathimerini.com/rss"]}]})");
    OutletTable wide = parse_feed_list(R"({"_source": "MIT notice", "countries": {
        "GR": {"category": "Greece", "source_language": "gr", "feeds": [
           "https://www.ekathimerini.com/feed", "https://www.tanea.gr/feed/", "https://www.tanea.gr/politics/feed/"]},
        "DZ": {"source_language": "arq", "feeds": ["https://www.elkhabar.com/rss"]},
        "TW": {"source_language": "zh-Hant", "feeds": ["https://news.ltn.com.tw/rss/all.xml"]}}})",
                                       curated);
    EXPECT_EQ(wide.notice, "MIT notice");
    ASSERT_EQ(wide.outlets.size(), 3u);
    // Kathimerini is curated; tanea.gr's two feeds are one outlet.
    const Outlet* tanea = nullptr;
    for (const Outlet& o : wide.outlets) if (o.id == "w-tanea-gr") tanea = &o;
    ASSERT_NE(tanea, nullptr);
    EXPECT_EQ(tanea->feeds.size(), 2u);
    EXPECT_EQ(tanea->language, "el");
    EXPECT_TRUE(tanea->wide_tier);
    for (const Outlet& o : wide.outlets) {
        if (o.country == "DZ") {
            EXPECT_EQ(o.language, "ar");
        } else if (o.country == "TW") {
            EXPECT_EQ(o.language, "zh-Hant");
        }
    }
}

TEST(Outlets, LanguageTagsNormalise) {
    EXPECT_EQ(normalize_language("pt-br"), "pt-BR");
    EXPECT_EQ(normalize_language("EN_us"), "en-US");
    EXPECT_EQ(normalize_language("zh-Hans"), "zh-Hans");
    EXPECT_EQ(normalize_language("zh-TW"), "zh-Hant");
    EXPECT_EQ(normalize_language("cnr"), "sr");
    EXPECT_EQ(normalize_language("english"), "");
    EXPECT_EQ(normalize_language(""), "");
}
