// The build step end to end on the committed fixture captures
// (tests/fixtures/ingest/sources → captures): the output equals the golden
// API in tests/fixtures/ingest/golden, validates against the schemas,
// decodes in the client without a skipped item, is byte-identical when
// built twice or from shuffled input, and says honestly what it did.
//
// Regenerate the golden output after an intended change with
//   NEWSGLOBE_UPDATE_GOLDEN=1 build/native/ingest/ingest_tests --gtest_filter='BuildGolden.*'
// and review the diff (docs/ingest.md, "Build step").
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "api_schemas.hpp"
#include "build.hpp"
#include "capture.hpp"
#include "capture_spec.hpp"
#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "fake_libretranslate.hpp"
#include "scratch_files.hpp"
#include "subprocess.hpp"


using namespace ingest;
using testing_support::read;
using testing_support::temp_dir;
using testing_support::write;
using testing_support::FakeLibreTranslate;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const fs::path kFixtures = fs::path(NEWSGLOBE_SOURCE_DIR) / "tests/fixtures/ingest";

// Every file under `root`, by relative path.
std::map<std::string, std::string> tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    if (!fs::exists(root)) return files;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) files[fs::relative(e.path(), root).generic_string()] = read(e.path());
    return files;
}

BuildOptions fixture_options(const fs::path& out) {
    BuildOptions o;
    o.outlets_path = (kFixtures / "outlets.json").string();
    o.feed_list_path = (kFixtures / "feed_list.json").string();
    o.captures_dir = (kFixtures / "captures").string();
    o.out_dir = out.string();
    o.translator = "http";
    return o;
}

// What the fake translator knows as a real service would: the fixture story
// reported in four countries (COP31), so the golden build has a story across
// borders. Everything else comes back as "[en] " + text.
FakeLibreTranslate::Options fixture_translations() {
    FakeLibreTranslate::Options o;
    o.dictionary = {
        {"La COP31 de Antalya cierra con un acuerdo de 300.000 millones para el clima",
         "COP31 in Antalya closes with a 300 billion climate agreement"},
        {"Los negociadores pactaron en Antalya un fondo de 300.000 millones de dólares al año para los países más expuestos.",
         "Negotiators in Antalya agreed on a fund of 300 billion dollars a year for the most exposed countries."},
        {"COP31 : accord à Antalya sur un fonds climat de 300 milliards de dollars",
         "COP31: agreement in Antalya on a 300 billion dollar climate fund"},
        {"La conférence d'Antalya s'achève sur un fonds de 300 milliards de dollars par an.",
         "The Antalya conference ends with a fund of 300 billion dollars a year."},
        {"COP31、アンタルヤで閉幕　気候資金3000億ドルで合意", "COP31 closes in Antalya with agreement on 300 billion dollars of climate finance"},
        {"トルコのアンタルヤで開かれたCOP31は、年3000億ドルの気候資金で合意した。",
         "COP31, held in Antalya, Turkey, agreed on 300 billion dollars a year of climate finance."},
    };
    return o;
}

// The fixture build, translated by a fake LibreTranslate (fixture_translations).
struct FixtureBuild {
    FakeLibreTranslate fake{fixture_translations()};
    fs::path out;
    BuildReport report;

    explicit FixtureBuild(const std::string& name, BuildOptions options = {}) : out(temp_dir(name)) {
        if (options.outlets_path.empty()) options = fixture_options(out);
        options.out_dir = out.string();
        auto translator = make_http_translator({fake.url(), "", 10, 50, 8000});
        report = build_api(options, translator.get());
    }
    ~FixtureBuild() { fs::remove_all(out); }
    std::map<std::string, std::string> api() const { return tree(out / "v1"); }
    json article(const std::string& id) const { return ng::json_util::parse(read(out / "v1/articles" / (id + ".json"))); }
};

// The report without what differs between runs (time, memory).
std::string stable_report(const BuildReport& report) {
    BuildReport r = report;
    r.elapsed_ms = 0;
    r.peak_rss_kb = 0;
    r.stage_ms.clear();
    return report_json(r);
}

// The article of `outlet` whose original (or only) headline starts with `start`.
json find_article(const std::map<std::string, std::string>& api, const std::string& start) {
    for (const auto& [path, bytes] : api) {
        if (path.rfind("articles/", 0) != 0) continue;
        json a = ng::json_util::parse(bytes);
        std::string original = a.contains("original_headline") ? a["original_headline"].get<std::string>() : "";
        std::string headline = a["headline"].get<std::string>();
        if (original.rfind(start, 0) == 0 || headline.rfind(start, 0) == 0) return a;
    }
    return json();
}

}  // namespace

TEST(BuildGolden, FixtureCapturesAreWhatTheirSourcesDescribe) {
    fs::path out = temp_dir("captures");
    std::string problem;
    ASSERT_TRUE(write_captures_from_spec_file(kFixtures / "sources/captures.json", out, problem)) << problem;
    EXPECT_EQ(tree(out), tree(kFixtures / "captures"))
        << "tests/fixtures/ingest/captures is stale: regenerate it with make_fixture_captures (see its header)";
    for (const Capture& c : list_captures(kFixtures / "captures"))
        EXPECT_TRUE(verify_capture(c.dir).empty()) << c.id;
    fs::remove_all(out);
}

TEST(BuildGolden, OutputEqualsTheGoldenApi) {
    FixtureBuild build("golden");
    ASSERT_TRUE(build.report.ok) << build.report.error;
    std::map<std::string, std::string> api = build.api();
    fs::path golden = kFixtures / "golden";
    if (std::getenv("NEWSGLOBE_UPDATE_GOLDEN")) {
        fs::remove_all(golden);
        for (const auto& [path, bytes] : api) write(golden / "v1" / path, bytes);
        write(golden / "build-report.json", stable_report(build.report));
        GTEST_SKIP() << "golden output rewritten in " << golden;
    }
    std::map<std::string, std::string> expected = tree(golden / "v1");
    ASSERT_FALSE(expected.empty()) << "no golden output: run with NEWSGLOBE_UPDATE_GOLDEN=1";
    std::vector<std::string> got_names, want_names;
    for (const auto& f : api) got_names.push_back(f.first);
    for (const auto& f : expected) want_names.push_back(f.first);
    ASSERT_EQ(got_names, want_names);
    for (const auto& [path, bytes] : expected) EXPECT_EQ(api[path], bytes) << path;
    EXPECT_EQ(stable_report(build.report), read(golden / "build-report.json"));
}

TEST(BuildGolden, EveryDocumentIsValidAndDecodesWithoutSkips) {
    FixtureBuild build("valid");
    ASSERT_TRUE(build.report.ok) << build.report.error;
    int articles = 0, pages = 0, stories = 0;
    for (const auto& [path, bytes] : build.api()) {
        json doc = ng::json_util::parse(bytes);
        if (path == "countries.json") {
            for (const auto& v : api_schema(ApiDocument::Countries).validate(doc)) ADD_FAILURE() << path << v.describe();
            auto r = ng::decode_countries(bytes);
            ASSERT_TRUE(r.ok()) << r.error.message;
            EXPECT_EQ(r.skipped, 0);
            EXPECT_EQ(r.value.generated.text, "2026-11-30T09:16:40Z");  // the newest capture's finish, not the clock
            EXPECT_FALSE(r.value.sample);
            EXPECT_EQ(r.value.attribution.size(), 3u);  // the table's notice, the feed list's and GDELT's
        } else if (path.rfind("countries/", 0) == 0) {
            for (const auto& v : api_schema(ApiDocument::StoryPage).validate(doc)) ADD_FAILURE() << path << v.describe();
            auto r = ng::decode_story_page(bytes);
            ASSERT_TRUE(r.ok()) << path << r.error.message;
            EXPECT_EQ(r.skipped, 0) << path;
            ++pages;
        } else if (path.rfind("stories/", 0) == 0) {
            for (const auto& v : api_schema(ApiDocument::Story).validate(doc)) ADD_FAILURE() << path << v.describe();
            auto r = ng::decode_story(bytes);
            ASSERT_TRUE(r.ok()) << path << r.error.message;
            EXPECT_EQ(r.skipped, 0) << path;
            ++stories;
        } else {
            for (const auto& v : api_schema(ApiDocument::Article).validate(doc)) ADD_FAILURE() << path << v.describe();
            auto r = ng::decode_article(bytes);
            ASSERT_TRUE(r.ok()) << path << r.error.message;
            EXPECT_EQ(r.skipped, 0) << path;
            EXPECT_TRUE(r.value.image.empty()) << path << ": never a publisher's image";
            ++articles;
        }
    }
    EXPECT_EQ(articles, 21);
    EXPECT_EQ(pages, 7);
    EXPECT_EQ(stories, 1);
}

TEST(BuildGolden, TwoBuildsAndShuffledInputGiveTheSameBytes) {
    FixtureBuild first("first"), second("second");
    ASSERT_TRUE(first.report.ok && second.report.ok);
    EXPECT_EQ(first.api(), second.api());
    EXPECT_EQ(first.report.release, second.report.release);

    // The same captures with every capture's entries reversed and the
    // outlet table in the opposite order.
    fs::path shuffled = temp_dir("shuffled-input");
    json spec = ng::json_util::parse(read(kFixtures / "sources/captures.json"));
    for (auto& capture : spec["captures"]) std::reverse(capture["entries"].begin(), capture["entries"].end());
    std::string problem;
    ASSERT_TRUE(write_captures_from_spec(spec, kFixtures / "sources", shuffled / "captures", problem)) << problem;
    json table = ng::json_util::parse(read(kFixtures / "outlets.json"));
    std::reverse(table["outlets"].begin(), table["outlets"].end());
    write(shuffled / "outlets.json", table.dump());
    BuildOptions options = fixture_options({});
    options.outlets_path = (shuffled / "outlets.json").string();
    options.captures_dir = (shuffled / "captures").string();
    FixtureBuild third("third", options);
    ASSERT_TRUE(third.report.ok) << third.report.error;
    EXPECT_EQ(first.api(), third.api());
    fs::remove_all(shuffled);
}

TEST(BuildGolden, ItemsAreNormalisedAndHonestAboutTheirTimes) {
    FixtureBuild build("items");
    ASSERT_TRUE(build.report.ok);
    auto api = build.api();
    // The newest observation's headline, the first capture of the window's time.
    json law = find_article(api, "El Gobierno aprueba la ley de vivienda con cambios");
    ASSERT_TRUE(law.is_object());
    EXPECT_EQ(law["first_seen"], "2026-11-30T08:00:02Z");  // not the 27 Nov capture: outside the window
    EXPECT_EQ(law["published"], "2026-11-30T06:12:00Z");   // 07:12 +0100, as the feed stated
    EXPECT_EQ(law["url"], "https://diario-ebro.example/politica/ley-vivienda");  // tracking parameters gone
    // No pubDate: first seen only, never an invented publication time.
    json strike = find_article(api, "Huelga de autobuses");
    EXPECT_FALSE(strike.contains("published"));
    EXPECT_EQ(strike["first_seen"], "2026-11-30T08:00:02Z");
    // A publication time two days ahead is a wrong clock.
    json future = find_article(api, "A headline published in the future");
    EXPECT_FALSE(future.contains("published"));
    EXPECT_EQ(build.report.corrected.at("future-publication-time-ignored"), 1u);
    // Relative links resolved against the feed.
    EXPECT_EQ(find_article(api, "[en] La lluvia vuelve")["url"], "https://diario-ebro.example/sociedad/lluvia-zaragoza");
    EXPECT_EQ(find_article(api, "[en] Nantes")["url"], "https://courrier-loire.example/actualites/tramway-reze");
    // GDELT's tokenised title, detokenised; its country from the domain.
    json andes = find_article(api, "[en] ¿Qué ofrece el nuevo plan hídrico para Lima?");
    ASSERT_TRUE(andes.is_object());
    EXPECT_EQ(andes["country"], "PE");
    EXPECT_EQ(andes["original_headline"], "¿Qué ofrece el nuevo plan hídrico para Lima?");
    // A wide-tier outlet (from the bare feed list) is named by its feed.
    json austral = find_article(api, "Punta Arenas inaugura");
    EXPECT_EQ(austral["outlet"]["name"], "Crónica Austral");
    EXPECT_EQ(austral["country"], "CL");
    // Drops, each with its reason.
    const auto& dropped = build.report.dropped;
    EXPECT_EQ(dropped.at("duplicate-title"), 1u);        // m.diario-ebro.example repeats a headline
    EXPECT_EQ(dropped.at("duplicate-url"), 1u);          // GDELT's copy of a feed item
    EXPECT_EQ(dropped.at("older-than-retention"), 1u);   // September's fair
    EXPECT_EQ(dropped.at("no-country"), 1u);             // a .com outlet outside the table
    EXPECT_EQ(build.report.entries_unusable, 1u);        // an HTML error page
    EXPECT_EQ(build.report.entries_without_body, 2u);    // a 404 and a timeout
    bool link_warning = false;
    for (const std::string& p : build.report.problems) link_warning |= p.find("without an http(s) link") != std::string::npos;
    EXPECT_TRUE(link_warning);
}

TEST(BuildGolden, TranslationAndRightsProvenance) {
    FixtureBuild build("provenance");
    ASSERT_TRUE(build.report.ok);
    auto api = build.api();
    json law = find_article(api, "El Gobierno aprueba la ley de vivienda");
    EXPECT_EQ(law["headline"], "[en] El Gobierno aprueba la ley de vivienda con cambios de última hora");
    EXPECT_EQ(law["translation"]["from"], "es");
    EXPECT_EQ(law["translation"]["by"], "libretranslate 127.0.0.1");
    EXPECT_EQ(law["translation"]["at"], "2026-11-30T09:16:40Z");  // capture time, not the clock
    EXPECT_EQ(law["translation"]["fields"], json({"headline", "summary"}));
    EXPECT_EQ(law["original_summary"], "El texto pasa al Senado la próxima semana con dos enmiendas nuevas.");
    EXPECT_EQ(law["content"], "excerpt");
    EXPECT_FALSE(law.contains("body"));  // press: never the full text
    // English needs no translation.
    json rains = find_article(api, "Rains return to the Rift Valley");
    EXPECT_FALSE(rains.contains("translation"));
    EXPECT_FALSE(rains.contains("original_headline"));
    // An openly licensed outlet's full text, attributed.
    json matatu = find_article(api, "Nairobi’s matatu artists");
    EXPECT_EQ(matatu["content"], "full");
    EXPECT_EQ(matatu["licence"], "CC-BY-4.0");
    EXPECT_EQ(matatu["body"].size(), 3u);
    // An English story in a French outlet's feed: flagged, and not "translated" from French.
    json frost = find_article(api, "Loire valley vineyards");
    EXPECT_EQ(frost["language"], "fr");
    EXPECT_EQ(frost["language_detected"], "en");
    EXPECT_FALSE(frost.contains("translation"));
    ASSERT_EQ(build.report.language_mismatches.size(), 1u);
    EXPECT_EQ(build.report.language_mismatches[0].outlet, "courrier-loire");
    // Story items carry the same provenance as their articles.
    json page = ng::json_util::parse(api["countries/ES/stories-1.json"]);
    for (const json& item : page["stories"]) {
        json a = build.article(item["id"]);
        for (const char* key : {"headline", "original_headline", "summary", "original_summary", "translation", "url"})
            EXPECT_EQ(item.value(key, json()), a.value(key, json())) << key;
    }
}

TEST(BuildGolden, ApertiumTranslatesTheSpanishOutletForReal) {
    if (!program_exists("apertium")) GTEST_SKIP() << "apertium is not installed (scripts/setup.sh installs it)";
    fs::path out = temp_dir("apertium");
    BuildOptions options = fixture_options(out);
    options.translator = "apertium";
    BuildReport report = build_api(options);
    ASSERT_TRUE(report.ok) << report.error;
    json law = find_article(tree(out / "v1"), "El Gobierno aprueba la ley de vivienda");
    std::string headline = law["headline"];
    for (char& c : headline) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_NE(headline.find("government"), std::string::npos) << headline;
    EXPECT_NE(headline.find("law"), std::string::npos) << headline;
    EXPECT_EQ(law["translation"]["by"].get<std::string>().rfind("apertium ", 0), 0u);
    EXPECT_EQ(report.translation.unsupported.count("ja"), 1u);  // no Japanese pair: kept, and said so
    fs::remove_all(out);
}

TEST(BuildGolden, TheCacheGivesTheSameBytesWhenTheServiceIsGone) {
    fs::path work = temp_dir("cache");
    BuildOptions options = fixture_options({});
    options.translation_cache = (work / "translations.json").string();
    std::map<std::string, std::string> with_service;
    {
        FixtureBuild build("cache-1", options);
        ASSERT_TRUE(build.report.ok);
        EXPECT_GT(build.report.translation.texts_translated, 0u);
        with_service = build.api();
    }
    fs::path out = temp_dir("cache-2");
    options.out_dir = out.string();
    auto down = make_http_translator({"http://127.0.0.1:9", "", 2, 50, 8000});  // nothing listens there
    BuildReport report = build_api(options, down.get());
    ASSERT_TRUE(report.ok);
    EXPECT_EQ(report.translation.texts_translated, 0u);
    EXPECT_EQ(report.translation.texts_failed, 0u);
    EXPECT_GT(report.translation.texts_from_cache, 0u);
    EXPECT_EQ(tree(out / "v1"), with_service);
    fs::remove_all(out);
    fs::remove_all(work);
}

TEST(BuildGolden, WithoutTheServiceTextsStayOriginalAndTheBuildGoesOn) {
    fs::path out = temp_dir("no-service");
    BuildOptions options = fixture_options(out);
    auto down = make_http_translator({"http://127.0.0.1:9", "", 2, 50, 8000});
    BuildReport report = build_api(options, down.get());
    ASSERT_TRUE(report.ok) << report.error;
    EXPECT_EQ(report.translation.items_translated, 0u);
    EXPECT_GT(report.translation.texts_failed, 0u);
    ASSERT_FALSE(report.translation.errors.empty());
    EXPECT_NE(report.translation.errors[0].find("could not be reached"), std::string::npos);
    json law = find_article(tree(out / "v1"), "El Gobierno aprueba la ley de vivienda");
    EXPECT_FALSE(law.contains("translation"));
    EXPECT_FALSE(law.contains("original_headline"));
    EXPECT_EQ(law["language"], "es");
    fs::remove_all(out);
}

TEST(BuildGolden, ALongerRetentionWindowReachesTheOlderCapture) {
    BuildOptions options = fixture_options({});
    options.retention_hours = 100;
    FixtureBuild build("retention", options);
    ASSERT_TRUE(build.report.ok);
    EXPECT_EQ(build.report.captures.size(), 3u);
    EXPECT_EQ(find_article(build.api(), "El Gobierno aprueba")["first_seen"], "2026-11-27T08:00:02Z");
}

TEST(BuildCommand, ErrorsAreClearAndPublishNothing) {
    fs::path out = temp_dir("errors");
    BuildOptions options = fixture_options(out);
    options.translator = "none";
    options.outlets_path = (out / "missing.json").string();
    BuildReport report = build_api(options);
    EXPECT_FALSE(report.ok);
    EXPECT_NE(report.error.find("has no usable outlet"), std::string::npos) << report.error;
    EXPECT_FALSE(fs::exists(out / "v1"));
    EXPECT_TRUE(fs::exists(out / "build-report.json"));  // the report says why

    options = fixture_options(out);
    options.translator = "none";
    options.captures_dir = (out / "nothing-here").string();
    report = build_api(options);
    EXPECT_FALSE(report.ok);
    EXPECT_NE(report.error.find("No capture in"), std::string::npos) << report.error;

    // Captures where every feed failed: the live API is not blanked.
    json failed = ng::json_util::parse(R"({"captures": [{"started": "2026-11-30T08:00:00Z", "finished": "2026-11-30T08:01:00Z",
        "entries": [{"outlet": "diario-ebro", "url": "https://diario-ebro.example/rss/portada.xml", "status": 503,
                     "error": "HTTP 503.", "requested_at": "2026-11-30T08:00:01Z"}]}]})");
    std::string problem;
    ASSERT_TRUE(write_captures_from_spec(failed, out, out / "failed-captures", problem)) << problem;
    options.captures_dir = (out / "failed-captures").string();
    report = build_api(options);
    EXPECT_FALSE(report.ok);
    EXPECT_EQ(report.error, "No article is left to publish (0 feeds read); the live API is left as it was.");
    EXPECT_FALSE(fs::exists(out / "v1"));

    options = fixture_options(out);
    options.translator = "http";
    report = build_api(options);
    EXPECT_EQ(report.error, "--translator http needs --translate-url (or NEWSGLOBE_TRANSLATE_URL).");
    options.translator = "deepl";
    report = build_api(options);
    EXPECT_FALSE(report.ok);
    EXPECT_NE(report.error.find("--translator must be none, apertium or http"), std::string::npos);
    fs::remove_all(out);
}

TEST(BuildCommand, CommandLine) {
    BuildOptions o;
    std::string problem;
    std::vector<std::string> args = {"--outlets", "o.json", "--captures", "c", "--out", "api", "--translator", "apertium",
                                     "--retention-hours", "24", "--now", "2026-11-30T10:00:00Z", "--translation-cache", "t.json"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    ASSERT_TRUE(parse_build_options(static_cast<int>(argv.size()), argv.data(), o, problem)) << problem;
    EXPECT_EQ(o.retention_hours, 24);
    EXPECT_EQ(o.now, ng::parse_rfc3339("2026-11-30T10:00:00Z"));
    EXPECT_EQ(o.translator, "apertium");
    EXPECT_EQ(o.translation_cache, "t.json");

    auto refuse = [&](std::vector<std::string> bad) {
        std::vector<char*> v;
        for (std::string& a : bad) v.push_back(a.data());
        BuildOptions x;
        std::string why;
        EXPECT_FALSE(parse_build_options(static_cast<int>(v.size()), v.data(), x, why));
        return why;
    };
    EXPECT_EQ(refuse({"--outlets", "o.json", "--captures", "c"}), "Missing --out.");
    EXPECT_EQ(refuse({"--outlets", "o.json", "--captures", "c", "--out", "a", "--now", "yesterday"}),
              "--now wants an RFC 3339 time (2026-11-30T10:00:00Z), not \"yesterday\".");
    EXPECT_EQ(refuse({"--frobnicate", "1"}), "Unknown option --frobnicate.");
    EXPECT_EQ(refuse({"--out"}), "--out needs a value (API_DIR).");
    EXPECT_EQ(refuse({"--help"}), "");  // not an error: usage on stdout

    std::vector<std::string> cli = {"newsglobe-ingest", "build", "--bogus"};
    std::vector<char*> cv;
    for (std::string& a : cli) cv.push_back(a.data());
    EXPECT_EQ(run_build(static_cast<int>(cv.size()), cv.data()), 2);
}

// A story four countries' press carry (Spain, France, Kenya, Japan; three of
// them translated) becomes one story: every article names it, counts four
// countries, offers one take per other country, and the story document and
// the index's covered_abroad agree.
TEST(BuildStories, OneEventInFourCountriesBecomesOneStoryWithTakes) {
    FixtureBuild build("stories");
    ASSERT_TRUE(build.report.ok) << build.report.error;
    EXPECT_EQ(build.report.stories, 1u);
    std::map<std::string, std::string> api = build.api();
    json es = find_article(api, "La COP31");
    ASSERT_TRUE(es.is_object());
    std::string story_id = es["story_id"];
    EXPECT_EQ(es["coverage"], 4);
    ASSERT_EQ(es["alternative_takes"].size(), 3u);
    std::set<std::string> take_countries;
    for (const json& t : es["alternative_takes"]) take_countries.insert(t["country"].get<std::string>());
    EXPECT_EQ(take_countries, (std::set<std::string>{"FR", "KE", "JP"}));
    EXPECT_NE(es["world_take"].get<std::string>().find("4 countries"), std::string::npos) << es["world_take"];

    json story = ng::json_util::parse(api.at("stories/" + story_id + ".json"));
    EXPECT_EQ(story["articles"].size(), 4u);
    EXPECT_EQ(story["countries"].size(), 4u);
    EXPECT_EQ(story["headline"].get<std::string>().find("[en]"), std::string::npos) << story["headline"];
    json index = ng::json_util::parse(api.at("countries.json"));
    for (const json& c : index["countries"]) {
        bool carries = c["iso"] == "ES" || c["iso"] == "FR" || c["iso"] == "KE" || c["iso"] == "JP";
        EXPECT_EQ(c["covered_abroad"], carries ? 1 : 0) << c["iso"];
    }
    ng::Result<ng::StoryDocument> decoded = ng::decode_story(api.at("stories/" + story_id + ".json"));
    ASSERT_TRUE(decoded.ok()) << decoded.error.message;
    EXPECT_EQ(decoded.skipped, 0);
}

