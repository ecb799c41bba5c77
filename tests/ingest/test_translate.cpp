// Translation: the real Apertium on Spanish and Serbian headlines, the HTTP
// engine against a local fake LibreTranslate (batching, refused texts,
// refused keys, a service that is down or slow), and the cache file.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>

#include "fake_libretranslate.hpp"
#include "file_util.hpp"
#include "scratch_files.hpp"
#include "subprocess.hpp"
#include "translate.hpp"


using namespace ingest;
using testing_support::temp_dir;
using testing_support::FakeLibreTranslate;
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool has_cyrillic(const std::string& s) {
    return std::regex_search(s, std::regex("[\xD0-\xD3]"));
}

}  // namespace

TEST(Translate, NoneKeepsEveryOriginal) {
    auto none = make_no_translator();
    EXPECT_EQ(none->engine("es"), "");
    EXPECT_EQ(none->unsupported_reason("es"), "Translation is off (--translator none).");
}

TEST(Translate, ApertiumPairsIntoEnglish) {
    EXPECT_EQ(apertium_pair("es"), "spa-eng");
    EXPECT_EQ(apertium_pair("ca"), "cat-eng");
    EXPECT_EQ(apertium_pair("sr"), "hbs-eng");
    EXPECT_EQ(apertium_pair("hr"), "hbs-eng");
    EXPECT_EQ(apertium_pair("bs"), "hbs-eng");
    EXPECT_EQ(apertium_pair("mk"), "mkd-eng");
    EXPECT_EQ(apertium_pair("is"), "isl-eng");
    EXPECT_EQ(apertium_pair("pt-BR"), "");
    EXPECT_EQ(apertium_pair("en"), "");
}

TEST(Translate, ApertiumMarksGoUnlessTheInputHadThem) {
    EXPECT_EQ(remove_apertium_marks("The *Xylofonista #goed to @Lisboa", "El Xylofonista fue a Lisboa"),
              "The Xylofonista goed to Lisboa");
    // A hashtag and a handle in the headline itself stay.
    EXPECT_EQ(remove_apertium_marks("#DANA: @AEMET warns", "#DANA: @AEMET avisa"), "#DANA: @AEMET warns");
    EXPECT_EQ(remove_apertium_marks("# 5 * 3 @", "# 5 * 3 @"), "# 5 * 3 @");  // lone signs are not marks
}

TEST(Translate, ApertiumTranslatesSpanishHeadlinesForReal) {
    if (!program_exists("apertium")) GTEST_SKIP() << "apertium is not installed (scripts/setup.sh installs it)";
    auto apertium = make_apertium_translator();
    std::string engine = apertium->engine("es");
    ASSERT_FALSE(engine.empty()) << apertium->unsupported_reason("es");
    EXPECT_TRUE(std::regex_match(engine, std::regex("apertium [0-9][0-9.]* spa-eng"))) << engine;
    std::vector<TranslationResult> r = apertium->translate(
        {"El Gobierno aprueba la nueva ley de vivienda", "La lluvia vuelve a Madrid tras tres meses de sequía",
         "Precio: 5 € [vídeo] #DANA"},
        "es");
    ASSERT_EQ(r.size(), 3u);
    for (const auto& t : r) EXPECT_TRUE(t.ok()) << t.error;
    EXPECT_NE(lower(r[0].text).find("government"), std::string::npos) << r[0].text;
    EXPECT_NE(lower(r[0].text).find("law"), std::string::npos) << r[0].text;
    EXPECT_NE(lower(r[1].text).find("rain"), std::string::npos) << r[1].text;
    EXPECT_NE(r[1].text.find("Madrid"), std::string::npos) << r[1].text;
    EXPECT_NE(r[2].text.find("#DANA"), std::string::npos) << r[2].text;  // one line out per line in
    EXPECT_EQ(r[2].text.find('*'), std::string::npos) << r[2].text;
}

TEST(Translate, ApertiumReadsSerbianInEitherScript) {
    if (!program_exists("apertium")) GTEST_SKIP() << "apertium is not installed (scripts/setup.sh installs it)";
    auto apertium = make_apertium_translator();
    ASSERT_FALSE(apertium->engine("sr").empty()) << apertium->unsupported_reason("sr");
    std::vector<TranslationResult> r =
        apertium->translate({"Влада усвојила нови закон о становању", "Vlada usvojila novi zakon o stanovanju"}, "sr");
    ASSERT_EQ(r.size(), 2u);
    ASSERT_TRUE(r[0].ok()) << r[0].error;
    EXPECT_FALSE(has_cyrillic(r[0].text)) << r[0].text;
    EXPECT_NE(lower(r[0].text).find("law"), std::string::npos) << r[0].text;
    EXPECT_EQ(r[0].text, r[1].text);  // the same words in two scripts
}

TEST(Translate, ApertiumSaysWhichLanguagesItCannotDo) {
    auto apertium = make_apertium_translator({"/nonexistent/apertium", 10});
    EXPECT_EQ(apertium->engine("es"), "");
    EXPECT_NE(apertium->unsupported_reason("es").find("not installed"), std::string::npos);
    if (!program_exists("apertium")) return;
    auto real = make_apertium_translator();
    EXPECT_EQ(real->engine("pt"), "");
    EXPECT_EQ(real->unsupported_reason("pt"), "Apertium has no pair from pt into English.");
    std::vector<TranslationResult> r = real->translate({"Olá"}, "pt");
    EXPECT_FALSE(r[0].ok());
}

TEST(Translate, HttpBatchesAndNamesTheServiceByHost) {
    FakeLibreTranslate::Options o;
    o.api_key = "k3y";
    o.dictionary = {{"Hola", "Hello"}, {"Adiós", "Goodbye"}};
    FakeLibreTranslate fake(o);
    auto http = make_http_translator({fake.url() + "/", "k3y", 10, 2, 8000});
    EXPECT_EQ(http->engine("es"), "libretranslate 127.0.0.1");
    std::vector<TranslationResult> r = http->translate({"Hola", "Adiós", "Buenos días"}, "es");
    ASSERT_EQ(r.size(), 3u);
    EXPECT_EQ(r[0].text, "Hello");
    EXPECT_EQ(r[1].text, "Goodbye");
    EXPECT_EQ(r[2].text, "[en] Buenos días");
    // Two texts per request: two requests.
    EXPECT_EQ(fake.batches(), (std::vector<std::vector<std::string>>{{"Hola", "Adiós"}, {"Buenos días"}}));
    // A language the service does not list is never sent.
    EXPECT_EQ(http->engine("pt"), "");
    EXPECT_EQ(http->unsupported_reason("pt"), "The translation service does not offer pt into English.");
}

TEST(Translate, HttpRefusedTextCostsOnlyItself) {
    FakeLibreTranslate fake({});
    auto http = make_http_translator({fake.url(), "", 10, 50, 8000});
    std::vector<TranslationResult> r = http->translate({"uno", "dos \xF0\x9F\x92\xA5", "tres", "cuatro"}, "es");
    EXPECT_EQ(r[0].text, "[en] uno");
    EXPECT_EQ(r[2].text, "[en] tres");
    EXPECT_EQ(r[3].text, "[en] cuatro");
    EXPECT_FALSE(r[1].ok());
    EXPECT_EQ(r[1].error, "The translation service answered HTTP 400: Cannot translate this text");
    // And the engine keeps working afterwards.
    EXPECT_EQ(http->translate({"cinco"}, "es")[0].text, "[en] cinco");
}

TEST(Translate, HttpRefusedKeyStopsAskingAtOnce) {
    FakeLibreTranslate::Options o;
    o.api_key = "right";
    FakeLibreTranslate fake(o);
    auto http = make_http_translator({fake.url(), "wrong", 10, 1, 8000});
    std::vector<TranslationResult> r = http->translate({"uno", "dos", "tres"}, "es");
    for (const auto& t : r) EXPECT_EQ(t.error, "The translation service answered HTTP 403: Invalid API key");
    EXPECT_EQ(fake.batches().size(), 0u);  // refused before the batch was recorded: one request only
    EXPECT_EQ(http->engine("es"), "");  // nothing more is sent this run
}

TEST(Translate, HttpServiceDownOrSlowLeavesTextsUntranslated) {
    int port = 0;
    {
        FakeLibreTranslate gone({});
        port = std::stoi(gone.url().substr(gone.url().rfind(':') + 1));
    }  // closed: connections are refused
    auto down = make_http_translator({"http://127.0.0.1:" + std::to_string(port), "", 5, 1, 8000});
    std::vector<TranslationResult> r = down->translate({"a", "b", "c", "d", "e"}, "es");
    for (const auto& t : r) EXPECT_FALSE(t.ok());
    EXPECT_NE(r[0].error.find("could not be reached"), std::string::npos) << r[0].error;
    EXPECT_NE(r[4].error.find("3 times in a row"), std::string::npos) << r[4].error;

    FakeLibreTranslate::Options slow;
    slow.delay_ms = 1500;
    FakeLibreTranslate fake(slow);
    auto start = std::chrono::steady_clock::now();
    auto http = make_http_translator({fake.url(), "", 1, 50, 8000});
    r = http->translate({"hola"}, "es");
    EXPECT_FALSE(r[0].ok());
    EXPECT_NE(r[0].error.find("Timeout"), std::string::npos) << r[0].error;
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(8));
}

TEST(TranslationCache, RoundTripsDeterministicallyAndPrunesWhatIsStale) {
    fs::path dir = temp_dir("cache");
    std::string path = (dir / "translations.json").string(), problem;
    TranslationCache cache;
    ASSERT_TRUE(cache.load(path, problem)) << problem;  // missing: empty
    cache.put("apertium 3.8.3 spa-eng", "es", "Hola", "Hello", 2000);
    cache.put("apertium 3.8.3 spa-eng", "es", "Adiós", "Goodbye", 1000);
    cache.put("libretranslate x", "es", "Hola", "Hi", 1500);
    ASSERT_TRUE(cache.save(path, 0, problem)) << problem;
    std::string first;
    ASSERT_TRUE(read_whole_file(path, first, problem));

    TranslationCache again;
    ASSERT_TRUE(again.load(path, problem)) << problem;
    EXPECT_EQ(again.size(), 3u);
    const CachedTranslation* hit = again.find("apertium 3.8.3 spa-eng", "es", "Hola");
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->text, "Hello");
    EXPECT_EQ(hit->at, 2000);
    EXPECT_EQ(again.find("apertium 3.8.3 spa-eng", "ca", "Hola"), nullptr);  // language is part of the key
    // Entries unused in this run and older than the cut-off go; used ones stay.
    ASSERT_TRUE(again.save(path, 1800, problem));
    TranslationCache pruned;
    ASSERT_TRUE(pruned.load(path, problem));
    EXPECT_EQ(pruned.size(), 1u);

    // Same entries, same bytes, whatever order they were added in.
    TranslationCache reordered;
    reordered.put("libretranslate x", "es", "Hola", "Hi", 1500);
    reordered.put("apertium 3.8.3 spa-eng", "es", "Adiós", "Goodbye", 1000);
    reordered.put("apertium 3.8.3 spa-eng", "es", "Hola", "Hello", 2000);
    ASSERT_TRUE(reordered.save(path, 0, problem));
    std::string second;
    ASSERT_TRUE(read_whole_file(path, second, problem));
    EXPECT_EQ(first, second);

    // A damaged file is reported and replaced, not fatal.
    std::ofstream(path) << "{\"version\": 1, \"entries\": [tru";
    TranslationCache damaged;
    EXPECT_FALSE(damaged.load(path, problem));
    EXPECT_NE(problem.find("damaged"), std::string::npos);
    EXPECT_EQ(damaged.size(), 0u);
    fs::remove_all(dir);
}
