// gen_sample_api — writes newsglobe's built-in sample news API (docs/api.md) as
// static files: the countries index, paged story lists, 500 articles and their
// SVG illustrations, for the day of invented world news up to a moment (its
// clock): the newest stories are from minutes before it, the oldest from the
// day before, so the app shows them as today's news when the clock is now.
//
//   gen_sample_api --out DIR [--seed N] [--now YYYY-MM-DDTHH:MM:SSZ | --date YYYY-MM-DD]
//
// The clock is --now, or the end of the day --date names, or else the
// current hour (SOURCE_DATE_EPOCH instead of the system clock when it is
// set, for reproducible builds). The build passes the hour it runs in.
//
// Why generate instead of checking files in: 500 articles whose alternative
// takes point at each other, per-country page counts and coverage numbers are
// far easier to keep consistent from one program. The output is byte-identical
// for a given seed and clock on every machine: the PRNG is our own splitmix64
// (std:: distributions differ between standard libraries), shuffles are our
// own, all maths is integer, sorts have total orders, and the documents are
// written by the core's encoder (src/core/news_encode.hpp), whose key order
// is fixed.
//
// (Each random draw is its own statement: the operands of + are evaluated in
// an order that differs between compilers.)
//
// Everything is fictional: outlets live under .example domains (RFC 2606),
// stories and names are made up, and the index says "sample": true.
//
// Provenance and rights look the way the ingest service writes them
// (docs/api.md, "Provenance and rights"), so the reader's handling of real
// news can be seen on the sample: translations name their fields; one outlet
// per even-numbered country publishes only excerpts (headline, a summary
// with the outlet's own words beside its translation, the link; no body, no
// picture); one outlet's text is under an open licence; one article's
// headline translation "failed" (the browser may offer its own); one
// article's language is disputed by the identifier.

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/news_encode.hpp"
#include "core/news_model.hpp"
#include "core/time_format.hpp"
#include "sample_api/countries.hpp"
#include "sample_api/phrases.hpp"
#include "sample_api/scripts.hpp"
#include "sample_api/stories.hpp"

namespace fs = std::filesystem;
using namespace sample;

namespace {

constexpr int kArticleCount = 500;
constexpr int kPageSize = 10;
constexpr int kMinArticlesPerCountry = 3;  // one per outlet, so all 150 outlets appear
constexpr int kMaxCoverage = 12;
constexpr int kExclusiveStories = 8;       // stories only one country's press carries
constexpr const char* kTranslator = "newsglobe-sample-mt";
// The outlet whose texts are under an open licence: Kenya's second (in English).
constexpr const char* kOpenLicenceCountry = "KE";
constexpr int kOpenLicenceOutlet = 1;
constexpr int kExcerptOutlet = 2;  // in every even-numbered country of the table

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "gen_sample_api: %s\n", message.c_str());
  std::exit(1);
}

// ---- deterministic randomness ----------------------------------------------

uint64_t splitmix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  // An independent stream per purpose and index, so changing how one article
  // draws its numbers never shifts the numbers of any other.
  Rng(uint64_t seed, uint64_t purpose, uint64_t index) : state_(seed) {
    state_ ^= splitmix(purpose) + 0x632BE59BD9B4E019ull * (index + 1);
    splitmix(state_);
  }
  uint64_t next() { return splitmix(state_); }
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int range(int lo, int hi) { return lo + below(hi - lo + 1); }
  bool percent(int p) { return below(100) < p; }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[static_cast<size_t>(below(static_cast<int>(i)))]);
  }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[static_cast<size_t>(below(static_cast<int>(v.size())))]; }

 private:
  uint64_t state_;
};

enum Purpose : uint64_t { kCoverage = 1, kAssign, kStory, kAngles, kArticle, kIds, kImage, kProvenance };

// ---- command line ----------------------------------------------------------

int64_t days_from_civil(int64_t y, int m, int d);

struct Options {
  fs::path out;
  uint64_t seed = 20261125;
  int64_t now = -1;  // the clock, UTC seconds; -1: the current hour
};

// The end of the day a date names: its next midnight.
bool parse_date(const std::string& s, Options& o) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return false;
  const int year = std::atoi(s.substr(0, 4).c_str());
  const int month = std::atoi(s.substr(5, 2).c_str());
  const int day = std::atoi(s.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  o.now = (days_from_civil(year, month, day) + 1) * 86400;
  return true;
}

// This hour, from SOURCE_DATE_EPOCH when set (reproducible builds), else the system clock.
int64_t current_hour() {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  int64_t t = epoch && *epoch ? std::strtoll(epoch, nullptr, 10) : static_cast<int64_t>(std::time(nullptr));
  return t - t % 3600;
}

const std::string kUsage =
    "usage: gen_sample_api --out DIR [--seed N] [--now YYYY-MM-DDTHH:MM:SSZ | --date YYYY-MM-DD]";

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc) fail("missing value after " + arg);
    std::string value = argv[++i];
    if (arg == "--out") {
      o.out = value;
    } else if (arg == "--seed") {
      char* end = nullptr;
      o.seed = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end) fail("--seed wants a non-negative integer, got " + value);
    } else if (arg == "--date") {
      if (!parse_date(value, o)) fail("--date wants YYYY-MM-DD, got " + value);
    } else if (arg == "--now") {
      o.now = ng::parse_rfc3339(value);
      if (o.now <= 0) fail("--now wants a UTC time like 2026-11-25T09:00:00Z, got " + value);
    } else {
      fail("unknown option " + arg + " (" + kUsage + ")");
    }
  }
  if (o.out.empty()) fail(kUsage);
  if (o.now < 0) o.now = current_hour();
  o.now -= o.now % 60;  // times are written to the minute
  return o;
}

// ---- time (UTC seconds since 1970, civil-date algorithms by H. Hinnant) -------

int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month, day, hour, minute;
};

Civil civil_from_time(int64_t t) {
  int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const int64_t secs = t - days * 86400;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d, static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60)};
}

std::string rfc3339(int64_t t) {
  const Civil c = civil_from_time(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:00Z", static_cast<long long>(c.year), c.month, c.day,
                c.hour, c.minute);
  return buf;
}

// ---- text ------------------------------------------------------------------

using Slots = std::vector<std::pair<std::string, std::string>>;

// Replaces every {key}; an unknown key is a bug in a phrase bank, so it stops
// the build rather than shipping a literal "{key}" to readers.
std::string fill(const std::string& text, const Slots& slots) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '{') {
      out += text[i++];
      continue;
    }
    const size_t close = text.find('}', i);
    if (close == std::string::npos) fail("unclosed slot in: " + text);
    const std::string key = text.substr(i + 1, close - i - 1);
    auto it = std::find_if(slots.begin(), slots.end(), [&](const auto& s) { return s.first == key; });
    if (it == slots.end()) fail("unknown slot {" + key + "} in: " + text);
    out += it->second;
    i = close + 1;
  }
  return out;
}

std::string zero_padded(int value, int width) {
  std::string digits = std::to_string(value);
  return std::string(static_cast<size_t>(std::max(0, width - static_cast<int>(digits.size()))), '0') + digits;
}

std::string capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Decodes one UTF-8 code point at s[i] (the input is our own valid UTF-8).
uint32_t next_code_point(const std::string& s, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  uint32_t c = byte(i);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
  for (++i; extra-- > 0 && i < s.size(); ++i) c = (c << 6) | (byte(i) & 0x3F);
  return c;
}

// ASCII spelling of the accented Latin letters our outlets use, for URL slugs.
const char* fold_latin(uint32_t c) {
  static const std::map<uint32_t, const char*> table = {
      {0xE0, "a"}, {0xE1, "a"}, {0xE2, "a"}, {0xE3, "a"}, {0xE4, "a"}, {0xE5, "a"}, {0xE7, "c"},
      {0xE8, "e"}, {0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"}, {0xEC, "i"}, {0xED, "i"}, {0xEE, "i"},
      {0xEF, "i"}, {0xF1, "n"}, {0xF2, "o"}, {0xF3, "o"}, {0xF4, "o"}, {0xF5, "o"}, {0xF6, "o"},
      {0xF8, "o"}, {0xF9, "u"}, {0xFA, "u"}, {0xFB, "u"}, {0xFC, "u"}, {0xFD, "y"}, {0xDF, "ss"},
      {0x105, "a"}, {0x107, "c"}, {0x119, "e"}, {0x11F, "g"}, {0x131, "i"}, {0x142, "l"}, {0x144, "n"},
      {0x14D, "o"}, {0x15B, "s"}, {0x15F, "s"}, {0x17A, "z"}, {0x17C, "z"}, {0x111, "d"}, {0x1B0, "u"},
      {0x1A1, "o"}, {0x103, "a"}};
  auto it = table.find(c);
  return it == table.end() ? nullptr : it->second;
}

// The lower-case ASCII for an accented Latin letter of either case, or null.
const char* ascii_for(uint32_t c) {
  if (c >= 0xC0 && c < 0xDF && c != 0xD7) return fold_latin(c | 0x20);  // Latin-1 capitals
  if (c >= 0x100 && c < 0x180) return fold_latin(c) ? fold_latin(c) : fold_latin(c + 1);  // pairs
  return c >= 0xDF && c < 0x100 ? fold_latin(c) : nullptr;
}

// "Les négociations : premières réactions" -> "les-negociations-premieres-reactions".
// Letters outside ASCII and the table (Cyrillic, CJK, ...) act as separators.
std::string slugify(const std::string& text, int max_words = 8) {
  std::vector<std::string> words(1);
  for (size_t i = 0; i < text.size();) {
    uint32_t c = next_code_point(text, i);
    if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
      words.back() += static_cast<char>(std::tolower(static_cast<int>(c)));
    } else if (const char* ascii = ascii_for(c)) {
      words.back() += ascii;
    } else if (c != '\'' && c != 0x2019 && !words.back().empty()) {
      words.emplace_back();
    }
  }
  std::string slug;
  int count = 0;
  for (const auto& w : words) {
    if (w.size() < 2 || count == max_words) continue;
    slug += (slug.empty() ? "" : "-") + w;
    ++count;
  }
  return slug;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

// "France", "France and Japan", "France, Japan and Kenya", "..., and 4 other countries"
std::string join_names(const std::vector<std::string>& names) {
  constexpr size_t kShown = 3;
  std::vector<std::string> shown(names.begin(), names.begin() + static_cast<long>(std::min(names.size(), kShown)));
  if (names.size() > kShown + 1) shown.push_back(std::to_string(names.size() - kShown) + " other countries");
  else if (names.size() == kShown + 1) shown.push_back(names.back());
  std::string out;
  for (size_t i = 0; i < shown.size(); ++i) out += (i == 0 ? "" : i + 1 == shown.size() ? " and " : ", ") + shown[i];
  return out;
}

const LanguageBank& language_bank(const std::string& lang) {
  for (const auto& bank : kLanguages)
    if (lang == bank.lang) return bank;
  fail("no headline patterns for language " + lang);
}

std::string localized_topic(const StoryKind& kind, const std::string& lang, const std::string& name) {
  for (const auto& t : kind.topic)
    if (lang == t.lang) return fill(t.text, {{"name", name}});
  fail(std::string("story kind ") + kind.key + " has no topic in language " + lang);
}

// ---- the day's plan: who covers which story ----------------------------------

constexpr int kCountryCount = static_cast<int>(std::size(kCountries));

struct Story {
  std::string id;
  const StoryKind* kind;
  std::string name;
  std::vector<int> countries;  // indexes into kCountries, one article each
  int host = 0;                // where the story happens
  int host_place = 0;
  int64_t breaks = 0;          // when the first outlet could report it
  int n = 0, pct = 0, big = 0; // the story's numbers, shared by every outlet
  std::string world_take;
  std::vector<int> articles;
};

// Articles per country, summing to exactly kArticleCount (largest remainder):
// at least one per outlet, the rest in proportion to the squared weights, so
// big countries get 20 or more stories and microstates only a handful.
std::vector<int> country_quotas() {
  int weight_sum = 0;
  for (const auto& c : kCountries) weight_sum += c.weight * c.weight;
  const int spare = kArticleCount - kMinArticlesPerCountry * kCountryCount;
  std::vector<int> quota(kCountryCount);
  std::vector<std::pair<int, int>> remainders;  // (-remainder, index): sorts largest first
  int given = 0;
  for (int i = 0; i < kCountryCount; ++i) {
    const int share = spare * kCountries[i].weight * kCountries[i].weight;
    quota[i] = kMinArticlesPerCountry + share / weight_sum;
    given += quota[i];
    remainders.push_back({-(share % weight_sum), i});
  }
  std::sort(remainders.begin(), remainders.end());
  for (int k = 0; given < kArticleCount; ++k, ++given) ++quota[remainders[k].second];
  return quota;
}

// How many countries cover each story: a few exclusives, most between 2 and
// 12, summing to kArticleCount.
std::vector<int> story_coverages(int story_count, Rng rng) {
  static const std::vector<int> kTypical = {2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12};
  std::vector<int> cov(story_count);
  int sum = 0;
  for (int i = 0; i < story_count; ++i) sum += cov[i] = i < kExclusiveStories ? 1 : rng.pick(kTypical);
  while (sum != kArticleCount) {
    int& c = cov[static_cast<size_t>(rng.range(kExclusiveStories, story_count - 1))];
    if (sum < kArticleCount && c < kMaxCoverage) ++c, ++sum;
    else if (sum > kArticleCount && c > 2) --c, --sum;
  }
  rng.shuffle(cov);
  return cov;
}

// Gives every story its covering countries so that each country writes exactly
// its quota and never twice about one story. Countries with the most articles
// left go first (which keeps the plan feasible), jittered and favouring one
// continent per story so that coverage clusters the way real news does.
bool assign_countries(std::vector<Story>& stories, const std::vector<int>& coverage, std::vector<int> remaining,
                      Rng& rng) {
  std::vector<int> order(stories.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return coverage[a] > coverage[b]; });
  int stories_left = static_cast<int>(stories.size());
  for (int s : order) {
    const auto home = static_cast<Continent>(rng.below(5));
    std::vector<std::pair<int64_t, int>> ranked;  // (-score, country)
    for (int c = 0; c < kCountryCount; ++c) {
      if (remaining[c] == 0) continue;
      // A country that needs every remaining story must take this one.
      const int64_t forced = remaining[c] >= stories_left ? 1'000'000'000 : 0;
      const int64_t affinity = kCountries[c].continent == home ? 2 : 1;
      ranked.push_back({-(forced + remaining[c] * affinity * rng.range(50, 150)), c});
    }
    if (static_cast<int>(ranked.size()) < coverage[s]) return false;
    std::sort(ranked.begin(), ranked.end());
    for (int k = 0; k < coverage[s]; ++k) {
      stories[s].countries.push_back(ranked[k].second);
      --remaining[ranked[k].second];
    }
    --stories_left;
    for (int c = 0; c < kCountryCount; ++c)
      if (remaining[c] > stories_left) return false;
  }
  return true;
}

// Where the story happens: usually in a country whose press covers it, but a
// story at sea needs a port, and one that only a landlocked country's press
// covers happens abroad.
void choose_host(Story& s, Rng& rng) {
  std::vector<int> candidates;
  for (int c : s.countries)
    if (!s.kind->maritime || kCountries[c].port >= 0) candidates.push_back(c);
  for (int c = 0; c < kCountryCount && candidates.empty(); ++c)
    if (kCountries[c].port >= 0) candidates.push_back(c);
  s.host = rng.pick(candidates);
  s.host_place = s.kind->maritime ? kCountries[s.host].port : rng.below(3);
}

std::vector<Story> plan_stories(uint64_t seed, int64_t day_start) {
  std::vector<Story> stories;
  for (const auto& kind : kKinds)
    for (const char* name : kind.names) {
      Story s;
      s.kind = &kind;
      s.name = name;
      stories.push_back(s);
    }
  const std::vector<int> coverage = story_coverages(static_cast<int>(stories.size()), Rng(seed, kCoverage, 0));
  const std::vector<int> quota = country_quotas();
  bool planned = false;
  for (uint64_t attempt = 0; attempt < 1000 && !planned; ++attempt) {
    for (auto& s : stories) s.countries.clear();
    Rng rng(seed, kAssign, attempt);
    planned = assign_countries(stories, coverage, quota, rng);
  }
  if (!planned) fail("could not spread the articles over the stories");

  for (size_t i = 0; i < stories.size(); ++i) {
    Story& s = stories[i];
    Rng rng(seed, kStory, i);
    s.id = "s-" + zero_padded(static_cast<int>(i) + 1, 3);
    rng.shuffle(s.countries);
    choose_host(s, rng);
    // Stories break from 48 h to 4 h before the clock, on the minute.
    s.breaks = day_start - 86400 + 60 * rng.below(44 * 60);
    s.n = rng.range(2, 9);
    s.pct = rng.range(3, 45);
    s.big = rng.range(12, 99) * 10;
  }
  return stories;
}

// ---- articles ----------------------------------------------------------------

enum class ImageState { Present, Absent };

// How much of an outlet's text the API may carry (docs/api.md, "content").
enum class Content { Full, Excerpt, OpenLicence };

Content content_of(int country, int outlet_index) {
  if (std::string(kCountries[country].iso) == kOpenLicenceCountry && outlet_index == kOpenLicenceOutlet)
    return Content::OpenLicence;
  return outlet_index == kExcerptOutlet && country % 2 == 0 ? Content::Excerpt : Content::Full;
}

struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
};

struct Article {
  std::string id;
  int story = 0;
  int country = 0;
  const OutletDef* outlet = nullptr;
  int64_t time = 0;
  bool first_seen_only = false;  // the outlet's publication time is unknown
  int64_t translated_at = 0;
  std::string headline, original_headline, summary, angle, slug;
  std::string original_summary;   // the outlet's own summary, when `summary` is its translation
  std::string language_detected;  // the identifier disagrees with the outlet's language
  bool headline_untranslated = false;  // the machine translation of the headline "failed"
  Content content = Content::Full;
  std::vector<std::string> body;
  std::vector<Section> sections;
  ImageState image = ImageState::Present;
};

Slots slots_for(const Story& story, int country, int place) {
  const CountryDef& c = kCountries[country];
  const CountryDef& h = kCountries[story.host];
  const std::string name = story.name;
  return {{"T", localized_topic(*story.kind, "en", name)},
          {"name", name},
          {"country", c.prose},
          {"adj", c.adj},
          {"city", c.places[place].en},
          {"host", h.prose},
          {"hostcity", h.places[story.host_place].en},
          {"n", std::to_string(story.n)},
          {"pct", std::to_string(story.pct)},
          {"big", std::to_string(story.big)}};
}

// The English headline and, for a non-English outlet, the original one built
// from the same pattern (see phrases.hpp), sometimes made very long. Returns
// the pattern (-1 for an English headline of the story kind's own).
int write_headlines(Article& a, const Story& story, int place, const Slots& slots, Rng& rng) {
  const StoryKind& kind = *story.kind;
  const std::string lang = a.outlet->lang;
  int pattern = kNeutralPatterns[rng.below(static_cast<int>(std::size(kNeutralPatterns)))];
  if (kind.policy && rng.percent(40)) pattern = rng.pick(std::vector<int>{4, 6, 8, 9});
  const int tail = rng.percent(12) ? rng.below(kTailCount) : -1;

  if (lang == "en" && rng.percent(55)) {
    a.headline = capitalized(fill(rng.pick(kind.headlines), slots));
    return -1;
  }
  const auto build = [&](const LanguageBank& bank, const std::string& topic, const std::string& place_name) {
    std::string h = fill(bank.patterns[pattern], {{"T", topic}, {"place", place_name}});
    return tail < 0 ? h : h + bank.tails[tail];
  };
  const CountryDef& c = kCountries[a.country];
  a.headline = build(language_bank("en"), capitalized(fill("{T}", slots)), c.places[place].en);
  if (lang != "en") a.original_headline = build(language_bank(lang), localized_topic(kind, lang, story.name),
                                                c.places[place].local);
  return pattern;
}

// Sentences for the body and sections: the story's own facts first, then a
// random selection of generic reporting, each used at most once.
std::vector<std::string> sentence_pool(const StoryKind& kind, const Slots& slots, Rng& rng) {
  std::vector<std::string> generic(std::begin(kGenericFacts), std::end(kGenericFacts));
  if (kind.policy) generic.insert(generic.end(), std::begin(kPolicyFacts), std::end(kPolicyFacts));
  rng.shuffle(generic);
  std::vector<std::string> rest(kind.facts.begin() + 3, kind.facts.end());
  rest.insert(rest.end(), generic.begin(), generic.end());
  rng.shuffle(rest);
  std::vector<std::string> pool = {kind.facts[1], kind.facts[2]};
  pool.insert(pool.end(), rest.begin(), rest.end());
  for (auto& s : pool) s = capitalized(fill(s, slots));
  return pool;
}

std::string paragraph(std::vector<std::string>& pool, size_t& next, int sentences) {
  std::string p;
  for (int i = 0; i < sentences && next < pool.size(); ++i) p += (p.empty() ? "" : " ") + pool[next++];
  return p;
}

void write_text(Article& a, const Story& story, const Slots& slots, Rng& rng) {
  const StoryKind& kind = *story.kind;
  std::vector<std::string> pool = sentence_pool(kind, slots, rng);
  if (!rng.percent(10)) {
    // One or two sentences; the second is taken out of the body's pool.
    a.summary = capitalized(fill(kind.facts[0], slots));
    if (rng.percent(50)) {
      a.summary += " " + pool.back();
      pool.pop_back();
    }
  }
  size_t next = 0;
  const bool long_read = rng.percent(12);
  const int paragraphs = long_read ? rng.range(7, 9) : rng.range(3, 6);
  static const std::vector<int> kLengths = {1, 2, 2, 2, 3, 3, 3, 4};
  for (int i = 0; i < paragraphs && next < pool.size(); ++i)
    a.body.push_back(paragraph(pool, next, long_read ? rng.range(3, 4) : rng.pick(kLengths)));

  if (rng.percent(30)) return;  // no topic sections
  std::vector<std::string> headings(kind.headings.begin(), kind.headings.end());
  std::vector<std::string> generic(std::begin(kGenericHeadings), std::end(kGenericHeadings));
  rng.shuffle(generic);
  headings.insert(headings.end(), generic.begin(), generic.begin() + 3);
  rng.shuffle(headings);
  const int count = rng.range(1, 4);
  for (int i = 0; i < count && next < pool.size(); ++i) {
    Section section{fill(headings[static_cast<size_t>(i)], slots), {}};
    const int paras = rng.range(1, 2);
    for (int k = 0; k < paras && next < pool.size(); ++k)
      section.paragraphs.push_back(paragraph(pool, next, rng.range(1, 3)));
    a.sections.push_back(section);
  }
}

// An excerpt's summary. A non-English outlet's is a translation: an English
// sentence and the outlet's own, built from one headline pattern (another
// than the headline's) in both languages.
void write_excerpt_summary(Article& a, const Story& story, int place, const Slots& slots, int headline_pattern, Rng rng) {
  const std::string lang = a.outlet->lang;
  if (lang == "en") {
    if (a.summary.empty()) a.summary = capitalized(fill(story.kind->facts[0], slots));
    return;
  }
  const int count = static_cast<int>(std::size(kNeutralPatterns));
  int k = rng.below(count);
  if (kNeutralPatterns[k] == headline_pattern) k = (k + 1 + rng.below(count - 1)) % count;
  const int pattern = kNeutralPatterns[k];
  const CountryDef& c = kCountries[a.country];
  a.summary = fill(language_bank("en").patterns[pattern], {{"T", capitalized(fill("{T}", slots))}, {"place", c.places[place].en}}) + ".";
  a.original_summary = fill(language_bank(lang).patterns[pattern],
                            {{"T", localized_topic(*story.kind, lang, story.name)}, {"place", c.places[place].local}}) + ".";
}

Article make_article(const Story& story, int story_index, int slot, int country, uint64_t seed,
                     const std::vector<std::string>& angles, int outlet_index, int64_t latest) {
  Rng rng(seed, kArticle, static_cast<uint64_t>(story_index) * 64 + static_cast<uint64_t>(slot));
  Article a;
  a.story = story_index;
  a.country = country;
  a.outlet = &kCountries[country].outlets[outlet_index];
  const int place = country == story.host && rng.percent(60) ? story.host_place : rng.below(3);
  const Slots slots = slots_for(story, country, place);

  // Outlets report from the moment the story breaks up to eight hours later,
  // and never after 23:30 today.
  const int64_t window = std::min<int64_t>(8 * 3600, latest - story.breaks);
  a.time = story.breaks + 60 * rng.below(static_cast<int>(window / 60) + 1);
  a.first_seen_only = rng.percent(5);
  a.translated_at = a.time + 60 * rng.range(5, 45);
  if (rng.percent(15)) a.image = ImageState::Absent;

  const int pattern = write_headlines(a, story, place, slots, rng);
  write_text(a, story, slots, rng);
  a.content = content_of(country, outlet_index);
  if (a.content == Content::Excerpt) {
    // Only headline, summary and link, like the ingest's press items; no picture either.
    a.body.clear();
    a.sections.clear();
    a.image = ImageState::Absent;
    write_excerpt_summary(a, story, place, slots, pattern,
                          Rng(seed, kProvenance, static_cast<uint64_t>(story_index) * 64 + static_cast<uint64_t>(slot)));
  }
  a.angle = capitalized(fill(angles[static_cast<size_t>(slot) % angles.size()], slots));
  // Outlets writing in Latin script get slugs in their own language.
  static const std::vector<std::string> kLatinScript = {"fr", "de", "es", "pt", "it", "nl",
                                                         "sv", "pl", "tr", "id", "sw"};
  const bool own = std::find(kLatinScript.begin(), kLatinScript.end(), a.outlet->lang) != kLatinScript.end();
  a.slug = slugify(own ? a.original_headline : a.headline);
  return a;
}

std::string world_take(const Story& story, const std::vector<int>& countries) {
  const StoryKind& kind = *story.kind;
  const Slots host = slots_for(story, story.host, story.host_place);
  std::string take = capitalized(fill(kind.lead, host));
  if (countries.size() == 1) {
    take += std::string(" So far only the press in ") + kCountries[countries[0]].prose +
            " is covering it; the story has not been picked up elsewhere.";
    return take;
  }
  std::vector<std::string> first, second;
  for (size_t i = 0; i < countries.size(); ++i)
    ((i < (countries.size() + 1) / 2) ? first : second).push_back(kCountries[countries[i]].prose);
  take += " Outlets in " + join_names(first) + " focus on " + kind.focus_a + ", while coverage in " +
          join_names(second) + " dwells on " + kind.focus_b + ".";
  const size_t closing = static_cast<size_t>(story.n + story.pct) % std::size(kWorldClosings);
  return take + " " + kWorldClosings[closing];
}

// Ids per country number the day's articles in publication order, from a
// random start with small gaps, like a real CMS would: "fr-0031", "fr-0033".
void assign_ids(std::vector<Article>& articles, uint64_t seed) {
  for (int c = 0; c < kCountryCount; ++c) {
    std::vector<Article*> mine;
    for (auto& a : articles)
      if (a.country == c) mine.push_back(&a);
    std::sort(mine.begin(), mine.end(), [](const Article* x, const Article* y) {
      return x->time != y->time ? x->time < y->time : x->story < y->story;
    });
    Rng rng(seed, kIds, static_cast<uint64_t>(c));
    int number = rng.range(1, 40);
    std::string prefix = kCountries[c].iso;
    for (auto& ch : prefix) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (Article* a : mine) {
      a->id = prefix + "-" + zero_padded(number, 4);
      number += rng.range(1, 3);
    }
  }
}

// The article with the smallest id among those `wanted` picks, or null.
Article* first_by_id(std::vector<Article>& articles, const std::function<bool(const Article&)>& wanted) {
  Article* best = nullptr;
  for (Article& a : articles)
    if (wanted(a) && (!best || a.id < best->id)) best = &a;
  return best;
}

// Two rarities of real feeds, once each: a headline whose machine translation
// failed (kept in German, untranslated: the browser may offer its own), and a
// Spanish outlet's article the language identifier reads as Catalan.
void mark_provenance_cases(std::vector<Article>& articles) {
  const auto in = [](const Article& a, const char* iso, const char* lang) {
    return std::string(kCountries[a.country].iso) == iso && std::string(a.outlet->lang) == lang &&
           a.content == Content::Full;
  };
  if (Article* a = first_by_id(articles, [&](const Article& x) { return in(x, "DE", "de"); })) {
    a->headline = a->original_headline;
    a->original_headline.clear();
    a->headline_untranslated = true;
  }
  if (Article* a = first_by_id(articles, [&](const Article& x) { return in(x, "ES", "es"); }))
    a->language_detected = "ca";
}

std::vector<Article> write_articles(std::vector<Story>& stories, uint64_t seed, int64_t day_start) {
  const int64_t latest = day_start + 23 * 3600 + 30 * 60;
  std::vector<Article> articles;
  std::vector<int> written(kCountryCount, 0);
  for (size_t s = 0; s < stories.size(); ++s) {
    Story& story = stories[s];
    Rng rng(seed, kAngles, s);
    // Angles are drawn without repetition so two takes on a story differ.
    std::vector<std::string> angles(story.kind->angles.begin(), story.kind->angles.end());
    angles.insert(angles.end(), std::begin(kGenericAngles), std::end(kGenericAngles));
    rng.shuffle(angles);
    story.world_take = world_take(story, story.countries);
    for (size_t k = 0; k < story.countries.size(); ++k) {
      const int c = story.countries[k];
      // Rotating through the outlets gives every outlet of a country a turn.
      const int outlet = (written[c]++ + static_cast<int>(kCountries[c].iso[0])) % 3;
      story.articles.push_back(static_cast<int>(articles.size()));
      articles.push_back(make_article(story, static_cast<int>(s), static_cast<int>(k), c, seed, angles, outlet,
                                      latest));
    }
  }
  assign_ids(articles, seed);
  mark_provenance_cases(articles);
  return articles;
}

// ---- documents (written by the core's encoder, exactly as docs/api.md) -------

ng::Outlet outlet_of(const Article& a) { return {a.outlet->name, a.outlet->domain, kCountries[a.country].iso}; }

std::string image_url(const Article& a) {
  // Relative to {base}/v1/, so the sample API works from any host and path.
  return "img/" + a.id + ".svg";
}

ng::Timestamp timestamp(int64_t t) { return {rfc3339(t), t}; }

std::string article_url(const Article& a) {
  const Civil c = civil_from_time(a.time);
  char date[16];
  std::snprintf(date, sizeof date, "%04lld/%02d/%02d", static_cast<long long>(c.year), c.month, c.day);
  return std::string("https://") + a.outlet->domain + "/" + date + "/" + a.slug;
}

// Which fields are machine translations: the headline (unless its
// translation failed), the summary, and the sample's invented body.
std::optional<ng::Translation> translation_of(const Article& a) {
  if (std::string(a.outlet->lang) == "en") return std::nullopt;
  std::vector<std::string> fields;
  if (!a.headline_untranslated) fields.push_back("headline");
  if (!a.summary.empty()) fields.push_back("summary");
  if (!a.body.empty() || !a.sections.empty()) fields.push_back("body");
  if (fields.empty()) return std::nullopt;
  return ng::Translation{a.outlet->lang, kTranslator, timestamp(a.translated_at), fields};
}

// What a story item and its article share: the same provenance on both, as
// the ingest service writes them.
void fill_summary(ng::StorySummary& s, const Article& a, const Story& story) {
  s.id = a.id;
  s.headline = a.headline;
  s.original_headline = a.original_headline;
  s.language = a.outlet->lang;
  s.outlet = outlet_of(a);
  (a.first_seen_only ? s.first_seen : s.published) = timestamp(a.time);
  if (a.image != ImageState::Absent) s.image = image_url(a);
  s.summary = a.summary;
  s.coverage = static_cast<int>(story.countries.size());
  s.url = article_url(a);
  s.story_id = story.id;
  s.original_summary = a.original_summary;
  s.language_detected = a.language_detected;
  s.translation = translation_of(a);
}

ng::StorySummary story_item(const Article& a, const Story& story) {
  ng::StorySummary s;
  fill_summary(s, a, story);
  return s;
}

// Newest first; the id breaks ties so the order never depends on the sort.
bool newer(const Article& x, const Article& y) { return x.time != y.time ? x.time > y.time : x.id < y.id; }

ng::Article article_doc(const Article& a, const Story& story, const std::vector<Article>& all) {
  ng::Article j;
  fill_summary(j, a, story);
  j.country = kCountries[a.country].iso;
  j.excerpt_only = a.content == Content::Excerpt;
  if (a.content == Content::OpenLicence) {
    j.licence = "CC-BY-4.0";
    j.licence_url = "https://creativecommons.org/licenses/by/4.0/";
  }
  j.body = a.body;
  for (const auto& s : a.sections) j.sections.push_back({s.heading, s.paragraphs});
  j.world_take = story.world_take;
  std::vector<const Article*> others;
  for (int k : story.articles)
    if (&all[static_cast<size_t>(k)] != &a) others.push_back(&all[static_cast<size_t>(k)]);
  std::sort(others.begin(), others.end(), [](const Article* x, const Article* y) { return newer(*x, *y); });
  for (const Article* o : others)
    j.alternative_takes.push_back({o->id, o->headline, o->angle, kCountries[o->country].iso, outlet_of(*o), ""});
  return j;
}

// The story across borders: one article per country, earliest first; the
// host country's article gives the headline.
ng::StoryDocument story_doc(const Story& story, const std::vector<Article>& all) {
  ng::StoryDocument doc;
  doc.id = story.id;
  doc.world_take = story.world_take;
  std::vector<const Article*> members;
  for (int k : story.articles) members.push_back(&all[static_cast<size_t>(k)]);
  std::sort(members.begin(), members.end(),
            [](const Article* x, const Article* y) { return x->time != y->time ? x->time < y->time : x->id < y->id; });
  doc.headline = members.front()->headline;
  for (const Article* m : members)
    if (m->country == story.host) doc.headline = m->headline;
  doc.first_reported = timestamp(members.front()->time);
  for (const Article* m : members) {
    ng::StoryMember item;
    static_cast<ng::StorySummary&>(item) = story_item(*m, story);
    item.story_id = story.id;
    item.country = kCountries[m->country].iso;
    doc.articles.push_back(std::move(item));
    doc.countries.push_back({kCountries[m->country].iso, 1, 1});
  }
  return doc;
}

// ---- stories in the world's other scripts (sample_api/scripts.hpp) --------------

// One untranslated article per headline, outside the day's stories across
// borders, giving only an excerpt; ids after the day's others ("jp-0901").
std::vector<ng::Article> script_articles(int64_t day_start) {
  std::vector<ng::Article> out;
  std::map<std::string, int> numbers;
  int k = 0;
  const Civil day = civil_from_time(day_start);
  char date[16];
  std::snprintf(date, sizeof date, "%04lld/%02d/%02d", static_cast<long long>(day.year), day.month, day.day);
  for (const ScriptOutlet& o : kScriptOutlets)
    for (const char* headline : o.headlines) {
      ng::Article a;
      std::string prefix = o.iso;
      for (auto& ch : prefix) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      a.id = prefix + "-" + zero_padded(901 + numbers[o.iso]++, 4);
      a.headline = headline;
      a.language = o.lang;
      a.outlet = {o.name, o.domain, o.iso};
      a.published = timestamp(day_start + 7 * 3600 + 60 * ((k++ * 137) % (15 * 60)));  // 07:00-22:00
      a.country = o.iso;
      a.excerpt_only = true;
      a.body = {o.excerpt};
      a.url = std::string("https://") + o.domain + "/" + date + "/" + a.id;
      out.push_back(std::move(a));
    }
  return out;
}

int64_t item_time(const ng::StorySummary& s) { return s.published.known() ? s.published.seconds : s.first_seen.seconds; }

// Newest first; the id breaks ties (as `newer` does for the day's articles).
void sort_items(std::vector<ng::StorySummary>& items) {
  const auto time = item_time;
  std::stable_sort(items.begin(), items.end(), [&](const ng::StorySummary& x, const ng::StorySummary& y) {
    return time(x) != time(y) ? time(x) > time(y) : x.id < y.id;
  });
}

// ---- SVG illustrations -------------------------------------------------------

struct Palette {
  const char* from;
  const char* to;
};
constexpr Palette kPalettes[] = {
    {"#0f766e", "#a3e635"}, {"#1e3a8a", "#f59e0b"}, {"#312e81", "#db2777"}, {"#14532d", "#facc15"},
    {"#0b1026", "#7c3aed"}, {"#0369a1", "#67e8f9"}, {"#334155", "#fb923c"}, {"#7f1d1d", "#f97316"},
    {"#1f2937", "#60a5fa"}, {"#083344", "#22d3ee"}, {"#1e293b", "#94a3b8"}, {"#4a044e", "#f0abfc"},
};

std::string opacity(int percent) { return percent >= 100 ? "1" : "0." + std::to_string(100 + percent).substr(1); }

void draw_motif(std::string& s, Motif motif, Rng& rng) {
  const auto add = [&](const std::string& e) { s += e + "\n"; };
  const auto num = [](int v) { return std::to_string(v); };
  switch (motif) {
    case Motif::Sun: {
      const int cx = rng.range(400, 540), cy = rng.range(90, 150), r = rng.range(46, 72);
      add("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) +
          "\" fill=\"#fff7d6\" fill-opacity=\"0.85\"/>");
      // Eight rays; directions are unit vectors times 100, to stay in integers.
      static const int dirs[8][2] = {{100, 0},  {71, 71},   {0, 100},  {-71, 71},
                                     {-100, 0}, {-71, -71}, {0, -100}, {71, -71}};
      std::string d;
      for (const auto& v : dirs)
        d += "M" + num(cx + v[0] * (r + 14) / 100) + " " + num(cy + v[1] * (r + 14) / 100) + "L" +
             num(cx + v[0] * (r + 34) / 100) + " " + num(cy + v[1] * (r + 34) / 100);
      add("<path d=\"" + d +
          "\" stroke=\"#fff7d6\" stroke-width=\"6\" stroke-linecap=\"round\" stroke-opacity=\"0.7\"/>");
      break;
    }
    case Motif::Waves:
      for (int i = 0; i < 3; ++i) {
        const int y = 150 + i * 40 + rng.range(-8, 8), a = rng.range(14, 30);
        add("<path d=\"M0 " + num(y) + " Q80 " + num(y - a) + " 160 " + num(y) + " T320 " + num(y) + " T480 " +
            num(y) + " T640 " + num(y) + "\" fill=\"none\" stroke=\"#fff\" stroke-width=\"" + num(6 - i) +
            "\" stroke-opacity=\"" + opacity(60 - i * 15) + "\"/>");
      }
      break;
    case Motif::Bars: {
      const int bars = rng.range(5, 7);
      for (int i = 0; i < bars; ++i) {
        const int h = rng.range(40, 170);
        add("<rect x=\"" + num(300 + i * 46) + "\" y=\"" + num(280 - h) + "\" width=\"30\" height=\"" + num(h) +
            "\" rx=\"4\" fill=\"#fff\" fill-opacity=\"" + opacity(rng.range(25, 55)) + "\"/>");
      }
      break;
    }
    case Motif::Rings: {
      const int cx = rng.range(380, 520), cy = rng.range(120, 170);
      for (int i = 0; i < 4; ++i)
        add("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(28 + i * 30) +
            "\" fill=\"none\" stroke=\"#fff\" stroke-width=\"" + num(8 - i * 2) + "\" stroke-opacity=\"" +
            opacity(70 - i * 15) + "\"/>");
      break;
    }
    case Motif::Peaks:
      for (int i = 0; i < 3; ++i) {
        const int x = rng.range(-40, 120) + i * 190, w = rng.range(220, 300), h = rng.range(110, 190);
        add("<path d=\"M" + num(x) + " 300L" + num(x + w / 2) + " " + num(300 - h) + "L" + num(x + w) +
            " 300Z\" fill=\"#fff\" fill-opacity=\"" + opacity(18 + i * 10) + "\"/>");
      }
      break;
    case Motif::Orbit: {
      const int cx = rng.range(380, 480), cy = rng.range(120, 160);
      add("<ellipse cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" rx=\"190\" ry=\"56\" transform=\"rotate(-14 " +
          num(cx) + " " + num(cy) + ")\" fill=\"none\" stroke=\"#fff\" stroke-width=\"3\" stroke-opacity=\"0.55\"/>");
      add("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"42\" fill=\"#e2e8f0\" fill-opacity=\"0.9\"/>");
      add("<circle cx=\"" + num(cx + 170) + "\" cy=\"" + num(cy - 50) + "\" r=\"9\" fill=\"#fff\"/>");
      break;
    }
    case Motif::Dots:
      for (int row = 0; row < 4; ++row)
        for (int col = 0; col < 8; ++col) {
          const int r = rng.range(3, 9), alpha = rng.range(20, 80);
          add("<circle cx=\"" + num(300 + col * 40) + "\" cy=\"" + num(70 + row * 44) + "\" r=\"" + num(r) +
              "\" fill=\"#fff\" fill-opacity=\"" + opacity(alpha) + "\"/>");
        }
      break;
  }
}

std::string svg_image(const Article& a, const Story& story, uint64_t seed, int index) {
  Rng rng(seed, kImage, static_cast<uint64_t>(index));
  const int palette_count = static_cast<int>(std::size(kPalettes));
  const Palette& p = kPalettes[(story.kind->palette + (rng.percent(30) ? 1 : 0)) % palette_count];
  const auto num = [](int v) { return std::to_string(v); };
  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 360\" width=\"640\" height=\"360\" "
                  "role=\"img\" aria-label=\"Sample illustration: " + xml_escape(a.headline) + "\">\n";
  s += "<defs><linearGradient id=\"bg\" x1=\"0\" y1=\"0\" x2=\"1\" y2=\"1\"><stop offset=\"0\" stop-color=\"" +
       std::string(p.from) + "\"/><stop offset=\"1\" stop-color=\"" + p.to + "\"/></linearGradient></defs>\n";
  s += "<rect width=\"640\" height=\"360\" fill=\"url(#bg)\"/>\n";
  for (int i = 0; i < 3; ++i) {
    const int cx = rng.range(0, 640), cy = rng.range(0, 360), r = rng.range(40, 150), alpha = rng.range(5, 14);
    s += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"#fff\" fill-opacity=\"" +
         opacity(alpha) + "\"/>\n";
  }
  draw_motif(s, story.kind->motif, rng);
  const int y = rng.range(270, 300), bend = rng.range(10, 30);
  s += "<path d=\"M0 " + num(y) + "C200 " + num(y - bend) + " 420 " + num(y + bend) + " 640 " + num(y - 6) +
       "V360H0Z\" fill=\"#000\" fill-opacity=\"0.22\"/>\n";
  s += "<text x=\"32\" y=\"336\" font-family=\"'Noto Sans',Arial,sans-serif\" font-size=\"40\" font-weight=\"700\" "
       "fill=\"#fff\" fill-opacity=\"0.92\">" + std::string(kCountries[a.country].iso) + "</text>\n";
  s += "<text x=\"608\" y=\"334\" text-anchor=\"end\" font-family=\"'Noto Sans',Arial,sans-serif\" "
       "font-size=\"13\" fill=\"#fff\" fill-opacity=\"0.75\">newsglobe sample</text>\n";
  return s + "</svg>\n";
}

// ---- output --------------------------------------------------------------------

struct Writer {
  fs::path root;
  int files = 0;
  uintmax_t bytes = 0;

  void write(const fs::path& relative, const std::string& content) {
    const fs::path path = root / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail("cannot create " + path.parent_path().string() + ": " + ec.message());
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) fail("cannot write " + path.string());
    ++files;
    bytes += content.size();
  }
};

void write_country_pages(Writer& w, const std::string& iso, const std::vector<ng::StorySummary>& items) {
  const int total = static_cast<int>(items.size());
  const int page_count = std::max(1, (total + kPageSize - 1) / kPageSize);
  for (int page = 1; page <= page_count; ++page) {
    ng::StoryPage doc;
    doc.country = iso;
    doc.page = page;
    doc.page_count = page_count;
    doc.total = total;
    for (int k = (page - 1) * kPageSize; k < std::min(total, page * kPageSize); ++k)
      doc.stories.push_back(items[static_cast<size_t>(k)]);
    w.write(fs::path("countries") / iso / ("stories-" + std::to_string(page) + ".json"),
            ng::encode_story_page(doc));
  }
}

void write_api(Writer& w, const std::vector<Story>& stories, const std::vector<Article>& articles,
               const std::vector<ng::Article>& in_scripts, uint64_t seed) {
  ng::CountriesIndex index;
  int64_t newest = 0;
  for (int c = 0; c < kCountryCount; ++c) {
    std::vector<const Article*> mine;
    for (const auto& a : articles)
      if (a.country == c) mine.push_back(&a);
    std::sort(mine.begin(), mine.end(), [](const Article* x, const Article* y) { return newer(*x, *y); });
    std::vector<ng::StorySummary> items;
    for (const Article* a : mine) items.push_back(story_item(*a, stories[static_cast<size_t>(a->story)]));
    for (const ng::Article& a : in_scripts)
      if (a.country == kCountries[c].iso) items.push_back(a);
    sort_items(items);
    write_country_pages(w, kCountries[c].iso, items);
    ng::CountryEntry entry{kCountries[c].iso, kCountries[c].name, static_cast<int>(items.size()), {}, {}};
    entry.covered_abroad = static_cast<int>(std::count_if(mine.begin(), mine.end(), [&](const Article* a) {
      return stories[static_cast<size_t>(a->story)].countries.size() >= 2;
    }));
    if (!items.empty()) entry.latest = timestamp(item_time(items.front()));
    if (!mine.empty()) newest = std::max(newest, mine.front()->time);
    index.countries.push_back(entry);
  }
  // countries only the outlets in other scripts cover
  for (const ScriptOutlet& o : kScriptOutlets) {
    if (!o.country_name || std::any_of(index.countries.begin(), index.countries.end(),
                                       [&](const ng::CountryEntry& e) { return e.iso == o.iso; }))
      continue;
    std::vector<ng::StorySummary> items(in_scripts.begin(), in_scripts.end());
    items.erase(std::remove_if(items.begin(), items.end(), [&](const ng::StorySummary& a) { return a.outlet.country != o.iso; }),
                items.end());
    sort_items(items);
    write_country_pages(w, o.iso, items);
    ng::CountryEntry entry{o.iso, o.country_name, static_cast<int>(items.size()), {}, {}};
    entry.covered_abroad = 0;  // their own press only
    entry.latest = timestamp(item_time(items.front()));
    index.countries.push_back(entry);
  }
  for (const ng::Article& a : in_scripts) w.write(fs::path("articles") / (a.id + ".json"), ng::encode_article(a));
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    const Story& story = stories[static_cast<size_t>(a.story)];
    w.write(fs::path("articles") / (a.id + ".json"), ng::encode_article(article_doc(a, story, articles)));
    if (a.image == ImageState::Present)
      w.write(fs::path("img") / (a.id + ".svg"), svg_image(a, story, seed, static_cast<int>(i)));
  }
  for (const Story& story : stories)
    if (!story.articles.empty()) w.write(fs::path("stories") / (story.id + ".json"), ng::encode_story(story_doc(story, articles)));
  index.generated = timestamp(newest + 600);
  index.source_name = "newsglobe sample data";
  index.sample = true;
  index.attribution = {
      "Sample data written for newsglobe: every outlet, story, picture and link is invented (.example domains).",
      "Country shapes: Natural Earth via world-atlas (public domain)."};
  w.write("countries.json", ng::encode_countries(index));
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse_options(argc, argv);
  // The day of news runs up to the clock: everything below is laid out from
  // the start of those 24 hours.
  const int64_t day_start = opt.now - 86400;

  std::vector<Story> stories = plan_stories(opt.seed, day_start);
  const std::vector<Article> articles = write_articles(stories, opt.seed, day_start);

  // The generator owns v1/ entirely: clear it so no stale file survives.
  Writer w{opt.out / "v1"};
  std::error_code ec;
  fs::remove_all(w.root, ec);
  if (ec) fail("cannot clear " + w.root.string() + ": " + ec.message());
  const std::vector<ng::Article> in_scripts = script_articles(day_start);
  write_api(w, stories, articles, in_scripts, opt.seed);

  std::printf("gen_sample_api: %d countries, %d outlets, %zu articles, %zu stories; %zu outlets with %zu untranslated "
              "articles in other scripts; %d files, %ju bytes -> %s\n",
              kCountryCount, kCountryCount * 3, articles.size(), stories.size(), kScriptOutlets.size(),
              in_scripts.size(), w.files, w.bytes, w.root.string().c_str());
  return 0;
}
