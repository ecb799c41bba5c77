// Invariants of the built-in sample news API that tools/gen_sample_api writes
// into the site at build time (docs/api.md): the counts the product promises
// (50 countries, 150 outlets, 500 articles), consistent paging, symmetric
// alternative takes, honest provenance fields (which fields are translated,
// the outlets' own summaries, excerpts without bodies, an open licence, a
// failed translation, a disputed language), stories across borders, and
// valid UTF-8 throughout; and the untranslated stories of outlets in the
// world's other scripts (tools/sample_api/scripts.hpp), seven more countries
// among them.
//
// The core is built with JSON_NOEXCEPTION, so this file only uses nlohmann's
// non-throwing access: parse(..., nullptr, false), contains and is_*.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;

namespace {

const std::string kApi = std::string(NEWSGLOBE_SITE_DIR) + "/api/v1/";

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

bool file_exists(const std::string& path) { return static_cast<bool>(std::ifstream(path)); }

json load(const std::string& relative) {
  std::string text;
  if (!read_file(kApi + relative, text)) return json(json::value_t::discarded);
  return json::parse(text, nullptr, false);
}

// Non-throwing field access: a missing or mistyped field reads as empty.
const json& field(const json& j, const char* key) {
  static const json null_value;
  return j.is_object() && j.contains(key) ? j[key] : null_value;
}
std::string str(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}
long long integer(const json& j, const char* key) {
  const json& v = field(j, key);
  return v.is_number_integer() ? v.get<long long>() : -1;
}

bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const size_t extra = lead < 0x80           ? 0
                         : (lead >> 5) == 0x6  ? 1
                         : (lead >> 4) == 0xE  ? 2
                         : (lead >> 3) == 0x1E ? 3
                                               : 9;  // not a lead byte
    if (extra == 9 || i + extra >= s.size() + (extra == 0)) return false;
    for (size_t k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    i += extra + 1;
  }
  return true;
}

bool has_non_ascii(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return false;
}

// Visits every string in a document.
template <class F>
void each_string(const json& j, F&& f) {
  if (j.is_string()) f(j.get<std::string>());
  if (j.is_structured())
    for (const auto& v : j) each_string(v, f);
}

// An RFC 3339 time ("2026-11-25T09:00:00Z") moved by some seconds, in the same form.
std::string shifted(const std::string& rfc3339, long long seconds) {
  std::tm t{};
  t.tm_year = std::atoi(rfc3339.substr(0, 4).c_str()) - 1900;
  t.tm_mon = std::atoi(rfc3339.substr(5, 2).c_str()) - 1;
  t.tm_mday = std::atoi(rfc3339.substr(8, 2).c_str());
  t.tm_hour = std::atoi(rfc3339.substr(11, 2).c_str());
  t.tm_min = std::atoi(rfc3339.substr(14, 2).c_str());
  t.tm_sec = std::atoi(rfc3339.substr(17, 2).c_str());
  std::time_t moved = timegm(&t) + seconds;
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&moved));
  return buf;
}

// Published time, or first-seen time when the publication time is unknown.
std::string when(const json& item) {
  const std::string published = str(item, "published");
  return published.empty() ? str(item, "first_seen") : published;
}

// The whole generated API, loaded once for all tests.
struct SampleApi {
  json index;
  std::map<std::string, std::vector<json>> pages;  // ISO -> pages in order
  std::map<std::string, json> articles;            // id -> article of the day's stories across borders
  std::map<std::string, json> in_scripts;          // id -> untranslated article in another script
  std::map<std::string, json> stories;             // story id -> story document
  std::string error;                               // why loading failed

  SampleApi() {
    index = load("countries.json");
    if (!index.is_object()) {
      error = "cannot read " + kApi + "countries.json: build the site_data target first";
      return;
    }
    for (const auto& c : field(index, "countries")) {
      const std::string iso = str(c, "iso");
      for (int page = 1;; ++page) {
        json doc = load("countries/" + iso + "/stories-" + std::to_string(page) + ".json");
        if (doc.is_discarded()) break;
        for (const auto& item : field(doc, "stories")) {
          const std::string id = str(item, "id");
          if (articles.count(id) || in_scripts.count(id)) continue;
          json a = load("articles/" + id + ".json");
          const std::string story = str(a, "story_id");
          if (!story.empty() && !stories.count(story)) stories[story] = load("stories/" + story + ".json");
          auto& into = a.is_object() && story.empty() ? in_scripts : articles;
          into[id] = std::move(a);
        }
        pages[iso].push_back(std::move(doc));
      }
    }
  }
};

const SampleApi& api() {
  static const SampleApi instance;
  return instance;
}

const json& article(const std::string& id) {
  static const json missing(json::value_t::discarded);
  auto it = api().articles.find(id);
  if (it != api().articles.end()) return it->second;
  it = api().in_scripts.find(id);
  return it == api().in_scripts.end() ? missing : it->second;
}

const std::vector<json>& pages_of(const std::string& iso) {
  static const std::vector<json> none;
  auto it = api().pages.find(iso);
  return it == api().pages.end() ? none : it->second;
}

// The first story item of a country, or null.
const json& first_item(const std::vector<json>& pages) {
  static const json null_value;
  if (pages.empty()) return null_value;
  const json& stories = field(pages.front(), "stories");
  return stories.is_array() && !stories.empty() ? stories.front() : null_value;
}

class SampleApiTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(api().error.empty()) << api().error; }
};

TEST_F(SampleApiTest, IndexDescribesTheSampleCountries) {
  const json& index = api().index;
  EXPECT_EQ(integer(index, "version"), 1);
  EXPECT_EQ(str(field(index, "source"), "name"), "newsglobe sample data");
  EXPECT_TRUE(field(field(index, "source"), "sample").is_boolean() &&
              field(field(index, "source"), "sample").get<bool>());
  // The build runs the generator with the hour it runs in: the news is a day's up to then.
  const std::string generated = str(index, "generated");
  ASSERT_EQ(generated.size(), 20u) << generated;
  std::string newest, oldest = "9999";
  for (const auto& [id, a] : api().articles) newest = std::max(newest, when(a)), oldest = std::min(oldest, when(a));
  EXPECT_LE(newest, generated);
  EXPECT_GE(newest, shifted(generated, -3600)) << "the newest story is minutes old when the sample is made";
  EXPECT_GE(oldest, shifted(generated, -48 * 3600));
  std::set<std::string> isos;
  for (const auto& c : field(index, "countries")) {
    const std::string iso = str(c, "iso");
    EXPECT_EQ(iso.size(), 2u);
    EXPECT_TRUE(isos.insert(iso).second) << "duplicate country " << iso;
    EXPECT_FALSE(str(c, "name").empty()) << iso;
    EXPECT_GE(integer(c, "story_count"), 2) << iso;
  }
  EXPECT_EQ(isos.size(), 50u + 7u);  // and Taiwan, Iran, Bangladesh, Cambodia, Myanmar, Georgia, Armenia
  for (const char* iso : {"MT", "SG", "LU", "US", "BR", "IN", "CN", "NG", "ZA", "AU", "JP", "UA", "GR", "FJ", "TW", "MM"})
    EXPECT_TRUE(isos.count(iso)) << iso;
}

TEST_F(SampleApiTest, PagesHoldAtMostTenNewestFirstAndMatchTheIndex) {
  int most = 0, fewest = 1000;
  for (const auto& c : field(api().index, "countries")) {
    const std::string iso = str(c, "iso");
    const auto& pages = pages_of(iso);
    const long long total = integer(c, "story_count");
    ASSERT_FALSE(pages.empty()) << iso;
    EXPECT_EQ(static_cast<long long>(pages.size()), (total + 9) / 10) << iso;
    long long items = 0;
    std::string previous = "9999";
    for (size_t p = 0; p < pages.size(); ++p) {
      const json& page = pages[p];
      EXPECT_EQ(integer(page, "version"), 1);
      EXPECT_EQ(str(page, "country"), iso);
      EXPECT_EQ(integer(page, "page"), static_cast<long long>(p + 1));
      EXPECT_EQ(integer(page, "page_count"), static_cast<long long>(pages.size()));
      EXPECT_EQ(integer(page, "total"), total);
      EXPECT_LE(field(page, "stories").size(), 10u);
      for (const auto& item : field(page, "stories")) {
        EXPECT_LE(when(item), previous) << str(item, "id") << " is not newest first";
        previous = when(item);
        ++items;
      }
    }
    EXPECT_EQ(items, total) << iso;
    EXPECT_EQ(str(c, "latest"), when(first_item(pages))) << iso;
    most = std::max(most, static_cast<int>(total));
    fewest = std::min(fewest, static_cast<int>(total));
  }
  // Some countries have several pages, some only a few stories.
  EXPECT_GE(most, 20);
  EXPECT_LE(fewest, 3);
}

TEST_F(SampleApiTest, FiveHundredArticlesFromOneHundredFiftyInventedOutlets) {
  const auto& articles = api().articles;
  EXPECT_EQ(articles.size(), 500u);
  std::map<std::string, std::string> outlets;  // domain -> name
  for (const auto& [id, a] : articles) {
    ASSERT_TRUE(a.is_object()) << "article " << id << " is missing or not JSON";
    EXPECT_EQ(str(a, "id"), id);
    EXPECT_EQ(integer(a, "version"), 1);
    const std::string iso = str(a, "country");
    ASSERT_EQ(iso.size(), 2u) << id;
    // {iso lowercase}-{4 digits}
    EXPECT_EQ(id.size(), 7u) << id;
    const std::string prefix = {static_cast<char>(iso[0] - 'A' + 'a'), static_cast<char>(iso[1] - 'A' + 'a')};
    EXPECT_EQ(id.substr(0, 2), prefix) << id;
    EXPECT_EQ(id.find_first_not_of("0123456789", 3), std::string::npos) << id;

    const json& outlet = field(a, "outlet");
    const std::string domain = str(outlet, "domain");
    EXPECT_EQ(str(outlet, "country"), iso) << id;
    ASSERT_GT(domain.size(), 8u) << id;
    EXPECT_EQ(domain.substr(domain.size() - 8), ".example") << id;
    auto [it, fresh] = outlets.emplace(domain, str(outlet, "name"));
    EXPECT_TRUE(fresh || it->second == str(outlet, "name")) << domain << " has two names";
    const std::string date = when(a).substr(0, 4) + "/" + when(a).substr(5, 2) + "/" + when(a).substr(8, 2);
    EXPECT_EQ(str(a, "url").rfind("https://" + domain + "/" + date + "/", 0), 0u) << id;
  }
  EXPECT_EQ(outlets.size(), 150u);
}

TEST_F(SampleApiTest, StoryItemsSummariseTheirArticles) {
  for (const auto& [iso, pages] : api().pages)
    for (const auto& page : pages)
      for (const auto& item : field(page, "stories")) {
        const json& a = article(str(item, "id"));
        EXPECT_EQ(str(a, "country"), iso);
        for (const char* key : {"headline", "original_headline", "language", "summary", "image", "published",
                                "first_seen", "url", "story_id", "translation", "original_summary",
                                "language_detected"})
          EXPECT_EQ(field(item, key), field(a, key)) << str(item, "id") << " " << key;
        EXPECT_EQ(field(item, "outlet"), field(a, "outlet"));
        if (api().in_scripts.count(str(item, "id"))) continue;  // not a story across borders: no coverage
        EXPECT_EQ(integer(item, "coverage"), static_cast<long long>(field(a, "alternative_takes").size()) + 1);
      }
}

TEST_F(SampleApiTest, AlternativeTakesAreSymmetricAcrossCountries) {
  const auto& articles = api().articles;
  int covered_widely = 0;
  for (const auto& [id, a] : articles) {
    const json& takes = field(a, "alternative_takes");
    ASSERT_TRUE(takes.is_array()) << id;
    if (takes.size() >= 1 && takes.size() <= 11) ++covered_widely;
    EXPECT_LE(takes.size(), 11u) << id;
    EXPECT_FALSE(str(a, "world_take").empty()) << id;
    std::set<std::string> countries = {str(a, "country")};
    for (const auto& take : takes) {
      const std::string other = str(take, "article_id");
      const json& b = article(other);
      ASSERT_TRUE(b.is_object()) << id << " points to missing " << other;
      EXPECT_TRUE(countries.insert(str(take, "country")).second) << id << ": two takes from one country";
      EXPECT_EQ(str(take, "country"), str(b, "country"));
      EXPECT_EQ(str(take, "headline"), str(b, "headline"));
      EXPECT_EQ(field(take, "outlet"), field(b, "outlet"));
      EXPECT_FALSE(str(take, "angle").empty());
      EXPECT_EQ(str(b, "story_id"), str(a, "story_id"));
      EXPECT_EQ(str(b, "world_take"), str(a, "world_take"));
      bool back = false;
      for (const auto& t : field(b, "alternative_takes")) back = back || str(t, "article_id") == id;
      EXPECT_TRUE(back) << other << " does not point back to " << id;
    }
  }
  EXPECT_GE(covered_widely, 450);  // most stories are covered by 2-12 countries
}

// The fields a translation names ("headline", "summary", "body").
std::set<std::string> translated_fields(const json& a) {
  std::set<std::string> out;
  for (const auto& f : field(field(a, "translation"), "fields"))
    if (f.is_string()) out.insert(f.get<std::string>());
  return out;
}

TEST_F(SampleApiTest, ProvenanceIsHonest) {
  int translated = 0, first_seen = 0, without_image = 0, without_summary = 0, without_sections = 0;
  int untranslated_headlines = 0;
  for (const auto& [id, a] : api().articles) {
    const std::string lang = str(a, "language");
    const json& translation = field(a, "translation");
    const std::set<std::string> fields = translated_fields(a);
    if (lang == "en") {
      EXPECT_TRUE(translation.is_null()) << id << ": English needs no translation";
      EXPECT_TRUE(field(a, "original_headline").is_null()) << id;
    } else if (!fields.count("headline")) {
      // the one headline whose translation "failed": kept as the outlet wrote it, and said so
      ++untranslated_headlines;
      EXPECT_EQ(lang, "de") << id;
      EXPECT_TRUE(field(a, "original_headline").is_null()) << id;
    } else {
      ++translated;
      EXPECT_EQ(str(translation, "from"), lang) << id;
      EXPECT_EQ(str(translation, "by"), "newsglobe-sample-mt") << id;
      EXPECT_GE(str(translation, "at"), when(a)) << id;
      EXPECT_FALSE(str(a, "original_headline").empty()) << id;
      // a field is listed exactly when the article has it
      EXPECT_EQ(fields.count("summary"), field(a, "summary").is_null() ? 0u : 1u) << id;
      EXPECT_EQ(fields.count("body"), field(a, "body").is_null() ? 0u : 1u) << id;
    }
    if (str(a, "published").empty()) {
      ++first_seen;
      EXPECT_FALSE(str(a, "first_seen").empty()) << id << " has no time at all";
    }
    const std::string image = str(a, "image");
    if (image.empty()) {
      ++without_image;
    } else {
      EXPECT_EQ(image, "img/" + id + ".svg");  // relative to {base}/v1/
      EXPECT_TRUE(file_exists(kApi + image)) << id << ": every picture named exists";
    }
    if (field(a, "summary").is_null()) ++without_summary;
    if (field(a, "sections").is_null()) ++without_sections;
    const json& body = field(a, "body");
    if (str(a, "content") != "excerpt") {
      EXPECT_GE(body.size(), 3u) << id;
      EXPECT_LE(body.size(), 9u) << id;
    }
    EXPECT_LE(field(a, "sections").size(), 4u) << id;
  }
  EXPECT_EQ(untranslated_headlines, 1);
  EXPECT_GT(translated, 250);
  EXPECT_GE(first_seen, 10);
  EXPECT_LE(first_seen, 40);
  EXPECT_GE(without_image, 100);  // every excerpt, and some others
  EXPECT_LE(without_image, 200);
  EXPECT_GE(without_summary, 25);
  EXPECT_LE(without_summary, 80);
  EXPECT_GE(without_sections, 150);
  EXPECT_LE(without_sections, 280);
}

TEST_F(SampleApiTest, ExcerptsCarryHeadlineSummaryAndLinkOnly) {
  std::set<std::string> excerpt_outlets;
  int with_original_summary = 0;
  for (const auto& [id, a] : api().articles) {
    if (str(a, "content") != "excerpt") {
      EXPECT_TRUE(field(a, "original_summary").is_null()) << id << ": only excerpts here have the outlet's own summary";
      continue;
    }
    excerpt_outlets.insert(str(field(a, "outlet"), "domain"));
    EXPECT_TRUE(field(a, "body").is_null()) << id;
    EXPECT_TRUE(field(a, "sections").is_null()) << id;
    EXPECT_TRUE(field(a, "image").is_null()) << id << ": like the ingest's press items, no picture";
    EXPECT_FALSE(str(a, "summary").empty()) << id << ": an excerpt is never empty";
    EXPECT_EQ(str(a, "url").rfind("https://", 0), 0u) << id;
    if (str(a, "language") != "en") {
      ++with_original_summary;
      EXPECT_FALSE(str(a, "original_summary").empty()) << id;
      EXPECT_NE(str(a, "original_summary"), str(a, "summary")) << id;
      EXPECT_EQ(translated_fields(a), (std::set<std::string>{"headline", "summary"})) << id;
    }
  }
  EXPECT_EQ(excerpt_outlets.size(), 25u) << "one outlet in every other country";
  EXPECT_GE(with_original_summary, 20);
}

TEST_F(SampleApiTest, OneOutletPublishesUnderAnOpenLicence) {
  std::set<std::string> outlets;
  for (const auto& [id, a] : api().articles) {
    if (str(a, "content") != "full") {
      EXPECT_TRUE(field(a, "licence").is_null()) << id;
      continue;
    }
    outlets.insert(str(field(a, "outlet"), "domain"));
    EXPECT_EQ(str(a, "licence"), "CC-BY-4.0") << id;
    EXPECT_EQ(str(a, "licence_url"), "https://creativecommons.org/licenses/by/4.0/") << id;
    EXPECT_GE(field(a, "body").size(), 3u) << id;
    EXPECT_EQ(str(a, "country"), "KE") << id;
  }
  EXPECT_EQ(outlets.size(), 1u);
}

TEST_F(SampleApiTest, OneArticleReadsAsAnotherLanguageThanDeclared) {
  std::vector<std::string> disputed;
  for (const auto& [id, a] : api().articles)
    if (!field(a, "language_detected").is_null()) {
      disputed.push_back(id);
      EXPECT_EQ(str(a, "language"), "es") << id;
      EXPECT_EQ(str(a, "language_detected"), "ca") << id;
      EXPECT_EQ(str(a, "country"), "ES") << id;
    }
  EXPECT_EQ(disputed.size(), 1u);
}

TEST_F(SampleApiTest, TheIndexCreditsItsSourcesAndCountsStoriesCoveredAbroad) {
  const json& attribution = field(field(api().index, "source"), "attribution");
  ASSERT_TRUE(attribution.is_array());
  EXPECT_GE(attribution.size(), 1u);
  for (const auto& notice : attribution) EXPECT_TRUE(notice.is_string() && !notice.get<std::string>().empty());
  for (const auto& c : field(api().index, "countries")) {
    long long abroad = 0;
    for (const auto& page : pages_of(str(c, "iso")))
      for (const auto& item : field(page, "stories")) abroad += integer(item, "coverage") >= 2;
    EXPECT_EQ(integer(c, "covered_abroad"), abroad) << str(c, "iso");
  }
}

TEST_F(SampleApiTest, EveryStoryDocumentListsItsArticlesAndCountries) {
  ASSERT_EQ(api().stories.size(), 100u);
  for (const auto& [story_id, doc] : api().stories) {
    ASSERT_TRUE(doc.is_object()) << story_id << " has no story document";
    EXPECT_EQ(str(doc, "id"), story_id);
    EXPECT_FALSE(str(doc, "headline").empty()) << story_id;
    std::set<std::string> countries;
    for (const auto& c : field(doc, "countries")) countries.insert(str(c, "iso"));
    std::string previous;
    for (const auto& m : field(doc, "articles")) {
      const json& a = article(str(m, "id"));
      EXPECT_EQ(str(a, "story_id"), story_id);
      EXPECT_EQ(str(m, "country"), str(a, "country"));
      EXPECT_EQ(field(m, "translation"), field(a, "translation")) << str(m, "id");
      EXPECT_TRUE(countries.count(str(m, "country"))) << story_id << " does not list " << str(m, "country");
      EXPECT_GE(when(m), previous) << story_id << ": earliest first";
      previous = when(m);
    }
    EXPECT_EQ(field(doc, "articles").size(), countries.size()) << story_id << ": one article per country";
  }
}

TEST_F(SampleApiTest, TextIsValidUtf8WithNonAsciiNamesAndPlaces) {
  int non_ascii = 0;
  std::set<std::string> languages;
  for (const auto& entry : api().articles) {
    const std::string& id = entry.first;  // named, not bound: clang 14 lambdas cannot capture bindings
    const auto& a = entry.second;
    each_string(a, [&](const std::string& s) {
      EXPECT_TRUE(valid_utf8(s)) << id;
      EXPECT_EQ(s.find('{'), std::string::npos) << id << ": unfilled slot in " << s;
    });
    if (has_non_ascii(str(a, "original_headline")) || has_non_ascii(str(field(a, "outlet"), "name"))) ++non_ascii;
    languages.insert(str(a, "language"));
  }
  EXPECT_GT(non_ascii, 150);
  EXPECT_GE(languages.size(), 15u);
  for (const char* lang : {"fr", "de", "uk", "el", "ja", "zh", "ar", "pl", "tr"}) EXPECT_TRUE(languages.count(lang));
}

TEST_F(SampleApiTest, OutletsInOtherScriptsCarryUntranslatedExcerpts) {
  std::set<std::string> languages, outlets;
  for (const auto& entry : api().in_scripts) {
    const std::string& id = entry.first;
    const json& a = entry.second;
    const std::string lang = str(a, "language");
    languages.insert(lang);
    outlets.insert(str(field(a, "outlet"), "domain"));
    EXPECT_TRUE(field(a, "translation").is_null()) << id << ": carried as published";
    EXPECT_TRUE(field(a, "original_headline").is_null()) << id;
    EXPECT_TRUE(has_non_ascii(str(a, "headline"))) << id;
    EXPECT_TRUE(has_non_ascii(str(field(a, "outlet"), "name"))) << id;
    EXPECT_EQ(str(a, "content"), "excerpt") << id;
    EXPECT_EQ(field(a, "body").size(), 1u) << id;
    EXPECT_EQ(id.substr(3, 2), "09") << id;  // after the day's other ids
  }
  EXPECT_EQ(api().in_scripts.size(), 39u);
  EXPECT_EQ(outlets.size(), 18u);
  for (const char* lang : {"ja", "zh-Hans", "zh-Hant", "ko", "ar", "fa", "ur", "he", "hi", "bn", "ta", "th", "km", "my",
                           "ka", "hy", "am"})
    EXPECT_TRUE(languages.count(lang)) << lang;
}

TEST_F(SampleApiTest, PagesBeyondTheLastDoNotExist) {
  for (const auto& [iso, pages] : api().pages)
    EXPECT_FALSE(file_exists(kApi + "countries/" + iso + "/stories-" + std::to_string(pages.size() + 1) + ".json"));
}

}  // namespace

// ---- the generator's clock (native only: it runs the tool) -------------------

#ifdef NEWSGLOBE_GEN_SAMPLE_API
namespace {

namespace fs = std::filesystem;

// Runs gen_sample_api into a fresh folder with extra arguments (and an
// environment prefix); returns the folder's v1/.
fs::path generate(const std::string& name, const std::string& args, const std::string& env = "") {
  fs::path out = fs::temp_directory_path() / ("newsglobe-sample-" + name);
  fs::remove_all(out);
  std::string command = env + " '" + std::string(NEWSGLOBE_GEN_SAMPLE_API) + "' --out '" + out.string() + "' " + args +
                        " > /dev/null";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return out / "v1";
}

std::string generated_of(const fs::path& v1) {
  std::string text;
  read_file((v1 / "countries.json").string(), text);
  return str(json::parse(text, nullptr, false), "generated");
}

}  // namespace

TEST(SampleApiClock, TheSameClockGivesTheSameBytes) {
  fs::path a = generate("a", "--now 2026-11-25T09:00:00Z"), b = generate("b", "--now 2026-11-25T09:00:00Z");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(a)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    std::string x, y;
    ASSERT_TRUE(read_file(entry.path().string(), x));
    ASSERT_TRUE(read_file((b / fs::relative(entry.path(), a)).string(), y)) << entry.path();
    ASSERT_EQ(x, y) << entry.path();
  }
  EXPECT_GT(files, 1000u);
}

TEST(SampleApiClock, TheNewsIsDatedByTheClock) {
  // the clock set by hand, by a date (its end), and by SOURCE_DATE_EPOCH (2031-02-03T17:20:00Z)
  std::string morning = generated_of(generate("morning", "--now 2026-11-25T09:00:00Z"));
  EXPECT_LE(morning, "2026-11-25T09:00:00Z");
  EXPECT_GE(morning, "2026-11-25T08:00:00Z");
  std::string dated = generated_of(generate("dated", "--date 2027-01-02"));
  EXPECT_EQ(dated.substr(0, 13), "2027-01-02T23") << dated;
  std::string epoch = generated_of(generate("epoch", "", "SOURCE_DATE_EPOCH=1927905600"));
  EXPECT_LE(epoch, "2031-02-03T17:00:00Z") << "the current hour, from SOURCE_DATE_EPOCH";
  EXPECT_GE(epoch, "2031-02-03T16:00:00Z");
}
#endif
