#include "core/gdelt.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "core/fips_countries.hpp"
#include "core/gdelt_text.hpp"
#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"

namespace ng {
namespace {

using nlohmann::json;
using namespace json_util;

bool equal_nocase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] | 0x20) : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] | 0x20) : b[i];
        if (x != y) return false;
    }
    return true;
}

bool contains_nocase(std::string_view text, std::string_view needle) {
    for (size_t i = 0; i + needle.size() <= text.size(); ++i)
        if (equal_nocase(text.substr(i, needle.size()), needle)) return true;
    return false;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

class GdeltSource : public ListOnlySource {
public:
    GdeltSource(std::string endpoint, std::string proxy)
        : ListOnlySource(make_info(endpoint, proxy)), endpoint_(std::move(endpoint)), proxy_(std::move(proxy)) {}

    std::string stories_url(const std::string& iso, int page) const override {
        std::vector<std::string_view> codes = fips_codes_for_iso(iso);
        if (codes.empty() || page != 1) return {};  // answered locally, as an error
        std::string query;
        for (std::string_view code : codes) {
            if (!query.empty()) query += " OR ";
            query += "sourcecountry:" + std::string(code);
        }
        if (codes.size() > 1) query = "(" + query + ")";
        std::string url = endpoint_ + "?query=" + percent_encode(query) +
                          "&mode=ArtList&format=json&maxrecords=" + std::to_string(kGdeltMaxRecords) +
                          "&sort=DateDesc&timespan=" + kGdeltTimespan;
        return apply_proxy(proxy_, url);
    }

    // GDELT answers errors as plain text with HTTP 200 ("Invalid query", "Your
    // search contained a phrase that was too short", "Please limit requests to
    // one every 5 seconds"). An empty body is GDELT's "no articles".
    FetchError accept(const HttpResponse& r) const override {
        std::string_view text = trim(r.body);
        if (text.empty()) return {};
        FetchError e = check_json_body(r.body, r.status, r.content_type);
        if (e.ok() || text.front() == '<') return e;
        return gdelt_text_error(text, r.status);
    }

    // Without a proxy, no answer from GDELT's host is most likely its rate
    // limit (see kGdeltNoAnswerBackoffMs); through a proxy it means nothing
    // in particular.
    void tune(FetchOptions& options) const override {
        if (!proxy_.empty()) return;
        options.no_answer_error = make_error(
            FetchError::RateLimited,
            "GDELT did not answer, probably because it is limiting requests (it refuses them in a way browsers "
            "cannot read). Try again in a minute.");
        options.no_answer_backoff_ms = kGdeltNoAnswerBackoffMs;
    }

    FetchError explain(const FetchResult& failed) const override {
        FetchError e = failed.error;
        std::string_view text = trim(failed.response.body);
        if (e.status == 429) {
            e.message = "GDELT allows one request every 5 seconds and is refusing more for now (HTTP 429). "
                        "Try again in a minute.";
        } else if (e.kind == FetchError::Http && !text.empty() && text.front() != '<' && text.front() != '{') {
            e.message += " GDELT says: \"" + clean_text(text, 160) + "\"";
        }
        return e;
    }

    Result<StoryPage> decode_stories(const std::string& iso, int page, const HttpResponse& r) override {
        if (r.status == 0) {  // answered locally: stories_url() had no URL for this request
            return failure<StoryPage>(make_error(FetchError::NotFound,
                                                 page != 1 ? "GDELT lists a single page of stories per country."
                                                           : "GDELT does not cover this country."));
        }
        Result<StoryPage> result;
        result.value.country = iso;
        result.value.page = 1;
        result.value.page_count = 1;
        if (trim(r.body).empty()) return result;

        json root;
        if (FetchError e = parse_json_body(r.body, root, r.status, r.content_type); !e.ok())
            return failure<StoryPage>(std::move(e));
        if (!root.is_object())
            return failure<StoryPage>(make_error(FetchError::BadDocument, "GDELT's answer is not a JSON object."));
        const json* articles = member(root, "articles");
        if (articles && !articles->is_array())
            return failure<StoryPage>(
                make_error(FetchError::BadDocument, "GDELT's answer has an \"articles\" field that is not a list."));
        if (!articles) return result;  // GDELT sends {} when nothing matched

        std::set<std::string> seen;
        for (const json& item : *articles) {
            std::optional<Article> a = read_item(item, iso);
            if (!a) {
                ++result.skipped;
            } else if (seen.insert(a->id).second) {  // GDELT repeats syndicated URLs
                result.value.stories.push_back(remember(std::move(*a)));
            }
        }
        result.value.total = static_cast<int>(result.value.stories.size());
        return result;
    }

private:
    std::vector<std::string> country_codes() const override {
        std::vector<std::string> out;
        for (const FipsCountry& c : fips_countries())
            if (out.empty() || out.back() != c.iso) out.push_back(c.iso);  // the table is sorted by ISO
        return out;
    }

    static SourceInfo make_info(const std::string& endpoint, const std::string& proxy) {
        SourceInfo info;
        info.name = "GDELT";
        info.host = url_host(apply_proxy(proxy, endpoint));
        info.min_interval_ms = 5000;
        return info;
    }

    static FetchError gdelt_text_error(std::string_view text, int status) {
        if (contains_nocase(text, "limit requests") || contains_nocase(text, "every 5 seconds"))
            return make_error(FetchError::RateLimited, "GDELT allows one request every 5 seconds.", status);
        return make_error(FetchError::Service,
                          "GDELT did not accept the request: \"" + clean_text(text, 160) + "\"", status);
    }

    static std::optional<Article> read_item(const json& item, const std::string& iso) {
        std::optional<Article> item_article = article_from_link(item, "g");
        if (!item_article) return std::nullopt;
        Article& a = *item_article;
        // Detokenising drops lone apostrophes: a title of nothing else but
        // unprintable characters keeps its plainly cleaned form.
        if (std::string headline = clean_text(detokenize_gdelt_title(*as_string(member(item, "title"))), kMaxLineBytes);
            !headline.empty())
            a.headline = std::move(headline);
        if (auto lang = as_string(member(item, "language"))) a.language = std::string(gdelt_language_code(*lang));
        if (auto domain = as_string(member(item, "domain"))) a.outlet.domain = clean_text(*domain, kMaxNameBytes);
        if (a.outlet.domain.empty()) a.outlet.domain = clean_text(url_host(a.url), kMaxNameBytes);
        a.outlet.name = a.outlet.domain;  // GDELT has no outlet names
        a.outlet.country = iso;
        a.country = iso;
        if (auto seen = as_string(member(item, "seendate"))) {
            if (int64_t t = parse_gdelt_seendate(*seen)) a.first_seen = {format_rfc3339(t), t};
        }
        if (auto image = as_string(member(item, "socialimage")); image && is_openable_url(*image))
            a.image = std::string(*image);
        a.excerpt_only = true;  // no body at all: the reader offers the outlet's page
        return item_article;
    }

    std::string endpoint_;
    std::string proxy_;
};

}  // namespace

std::unique_ptr<NewsSource> make_gdelt_source(const SourceConfig& config) {
    return std::make_unique<GdeltSource>(config.api.empty() ? kGdeltEndpoint : config.api, config.proxy);
}

int64_t parse_gdelt_seendate(std::string_view s) {
    // "20261125T054000Z" is RFC 3339's basic form; reuse the strict parser.
    if (s.size() != 16 || s[8] != 'T' || s[15] != 'Z') return 0;
    std::string extended = std::string(s.substr(0, 4)) + "-" + std::string(s.substr(4, 2)) + "-" +
                           std::string(s.substr(6, 2)) + "T" + std::string(s.substr(9, 2)) + ":" +
                           std::string(s.substr(11, 2)) + ":" + std::string(s.substr(13, 2)) + "Z";
    return parse_rfc3339(extended);
}

std::string_view gdelt_language_code(std::string_view name) {
    static constexpr std::pair<const char*, const char*> kLanguages[] = {
        {"Afrikaans", "af"},  {"Albanian", "sq"},   {"Amharic", "am"},    {"Arabic", "ar"},
        {"Armenian", "hy"},   {"Azerbaijani", "az"}, {"Basque", "eu"},    {"Belarusian", "be"},
        {"Bengali", "bn"},    {"Bosnian", "bs"},    {"Bulgarian", "bg"},  {"Burmese", "my"},
        {"Catalan", "ca"},    {"Chinese", "zh"},    {"Croatian", "hr"},   {"Czech", "cs"},
        {"Danish", "da"},     {"Dutch", "nl"},      {"English", "en"},    {"Estonian", "et"},
        {"Filipino", "tl"},   {"Finnish", "fi"},    {"French", "fr"},     {"Galician", "gl"},
        {"Georgian", "ka"},   {"German", "de"},     {"Greek", "el"},      {"Gujarati", "gu"},
        {"Hebrew", "he"},     {"Hindi", "hi"},      {"Hungarian", "hu"},  {"Icelandic", "is"},
        {"Indonesian", "id"}, {"Irish", "ga"},      {"Italian", "it"},    {"Japanese", "ja"},
        {"Kannada", "kn"},    {"Kazakh", "kk"},     {"Khmer", "km"},      {"Korean", "ko"},
        {"Lao", "lo"},        {"Latvian", "lv"},    {"Lithuanian", "lt"}, {"Macedonian", "mk"},
        {"Malay", "ms"},      {"Malayalam", "ml"},  {"Maltese", "mt"},    {"Marathi", "mr"},
        {"Mongolian", "mn"},  {"Nepali", "ne"},     {"Norwegian", "no"},  {"Pashto", "ps"},
        {"Persian", "fa"},    {"Polish", "pl"},     {"Portuguese", "pt"}, {"Punjabi", "pa"},
        {"Romanian", "ro"},   {"Russian", "ru"},    {"Serbian", "sr"},    {"Sinhala", "si"},
        {"Sinhalese", "si"},  {"Slovak", "sk"},     {"Slovenian", "sl"},  {"Somali", "so"},
        {"Spanish", "es"},    {"Swahili", "sw"},    {"Swedish", "sv"},    {"Tagalog", "tl"},
        {"Tamil", "ta"},      {"Telugu", "te"},     {"Thai", "th"},       {"Tibetan", "bo"},
        {"Turkish", "tr"},    {"Ukrainian", "uk"},  {"Urdu", "ur"},       {"Uzbek", "uz"},
        {"Vietnamese", "vi"}, {"Welsh", "cy"},
    };
    for (const auto& [language, code] : kLanguages)
        if (equal_nocase(name, language)) return code;
    return {};
}

}  // namespace ng
