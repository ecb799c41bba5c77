#include "core/news_decode.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "core/json_util.hpp"
#include "core/url_util.hpp"
#include "core/utf8.hpp"

namespace ng {
namespace {

using nlohmann::json;
using namespace json_util;

// ---- text ---------------------------------------------------------------------

bool is_space_like(uint32_t cp) {
    return cp == '\t' || cp == '\n' || cp == '\r' || cp == ' ' || cp == 0x85 || cp == 0xA0 || cp == 0x2028 ||
           cp == 0x2029;
}

bool is_dropped(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||  // control characters
           (cp >= 0x202A && cp <= 0x202E) ||           // bidi embeddings and overrides
           (cp >= 0x2066 && cp <= 0x2069) ||           // bidi isolates
           cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF;
}

// ---- field access -----------------------------------------------------------------

std::string text_field(const json& obj, const char* key, size_t max_bytes) {
    auto s = as_string(member(obj, key));
    return s ? clean_text(*s, max_bytes) : std::string();
}

Timestamp time_field(const json& obj, const char* key) {
    auto s = as_string(member(obj, key));
    return s ? make_timestamp(*s) : Timestamp{};
}

std::optional<int> count_field(const json& obj, const char* key) {
    auto v = as_int(member(obj, key));
    if (!v || *v < 0 || *v > INT_MAX) return std::nullopt;
    return static_cast<int>(*v);
}

std::string url_field(const json& obj, const char* key) {
    auto s = as_string(member(obj, key));
    return s && is_openable_url(*s) ? std::string(*s) : std::string();
}

// An image may be relative to the API root.
std::string image_field(const json& obj, const char* key, std::string_view image_root) {
    auto s = as_string(member(obj, key));
    if (!s) return {};
    if (is_openable_url(*s)) return std::string(*s);
    if (image_root.empty() || !is_fetchable_reference(*s)) return {};
    std::string resolved = resolve_url(image_root, *s);
    return is_fetchable_reference(resolved) ? resolved : std::string();
}

// "fr", "pt-BR", "zh-Hant": a BCP 47-ish tag, primary subtag lower-cased.
std::string language_field(const json& obj, const char* key) {
    auto s = as_string(member(obj, key));
    if (!s || s->size() < 2 || s->size() > 15) return {};
    std::string out;
    bool primary = true;
    size_t primary_len = 0;
    for (char c : *s) {
        bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        bool digit = c >= '0' && c <= '9';
        if (c == '-' || c == '_') {
            if (primary && (primary_len < 2 || primary_len > 3)) return {};
            primary = false;
            out += '-';
        } else if (primary && alpha) {
            out += static_cast<char>(c | 0x20);
            ++primary_len;
        } else if (!primary && (alpha || digit)) {
            out += c;
        } else {
            return {};
        }
    }
    if (primary_len < 2 || primary_len > 3 || out.back() == '-') return {};
    return out;
}

Outlet outlet_field(const json& obj) {
    Outlet o;
    if (const json* j = as_object(member(obj, "outlet"))) {
        o.name = text_field(*j, "name", kMaxNameBytes);
        o.domain = text_field(*j, "domain", kMaxNameBytes);
        if (auto c = as_string(member(*j, "country"))) o.country = normalize_iso(*c);
    }
    return o;
}

// ---- errors -----------------------------------------------------------------------

// A required field that is missing, null or of the wrong type.
FetchError bad(std::string_view doc, std::string_view field, std::string_view expected) {
    return make_error(FetchError::BadDocument, "The " + std::string(doc) + " has no usable \"" + std::string(field) +
                                                   "\" field (expected " + std::string(expected) + ").");
}

// Parses the body and checks the parts every document shares: a JSON object
// with "version": 1.
FetchError open_document(std::string_view body, std::string_view doc, json& root) {
    FetchError e = parse_json_body(body, root);
    if (!e.ok()) return e;
    if (!root.is_object())
        return make_error(FetchError::BadDocument, "The " + std::string(doc) + " is not a JSON object.");
    auto version = as_int(member(root, "version"));
    if (!version) return bad(doc, "version", "the number 1");
    if (*version != 1)
        return make_error(FetchError::BadDocument, "The " + std::string(doc) + " is version " +
                                                       std::to_string(*version) +
                                                       " of the news API; this viewer reads version 1.");
    return {};
}

// The non-empty strings of an optional list of short texts (translated field
// names, attribution notices); other items are ignored, not counted: these
// lists are annotations, not content.
std::vector<std::string> text_list(const json& obj, const char* key, size_t max_bytes) {
    std::vector<std::string> out;
    const json* list = as_array(member(obj, key));
    if (!list) return out;
    for (const json& item : *list) {
        std::string text = item.is_string() ? clean_text(item.get_ref<const std::string&>(), max_bytes) : "";
        if (!text.empty()) out.push_back(std::move(text));
    }
    return out;
}

std::optional<Translation> read_translation(const json& obj) {
    const json* j = as_object(member(obj, "translation"));
    if (!j) return std::nullopt;
    Translation t;
    t.from = language_field(*j, "from");
    t.by = text_field(*j, "by", kMaxNameBytes);
    t.at = time_field(*j, "at");
    t.fields = text_list(*j, "fields", kMaxNameBytes);
    return t;
}

// ---- shared story fields ------------------------------------------------------

// Reads what story items and articles share. Returns the first missing or
// invalid required field ("id", "headline", "outlet.name"), or nullptr.
const char* read_summary(const json& j, StorySummary& s, std::string_view image_root) {
    auto id = as_string(member(j, "id"));
    if (!id || !is_valid_article_id(*id)) return "id";
    s.id = std::string(*id);
    s.headline = text_field(j, "headline", kMaxLineBytes);
    if (s.headline.empty()) return "headline";
    s.outlet = outlet_field(j);
    if (s.outlet.name.empty()) return "outlet.name";
    s.original_headline = text_field(j, "original_headline", kMaxLineBytes);
    s.language = language_field(j, "language");
    s.published = time_field(j, "published");
    s.first_seen = time_field(j, "first_seen");
    s.image = image_field(j, "image", image_root);
    s.summary = text_field(j, "summary", kMaxSummaryBytes);
    s.coverage = count_field(j, "coverage");
    s.url = url_field(j, "url");
    if (auto story = as_string(member(j, "story_id")); story && is_valid_article_id(*story)) s.story_id = *story;
    s.original_summary = text_field(j, "original_summary", kMaxSummaryBytes);
    s.language_detected = language_field(j, "language_detected");
    s.translation = read_translation(j);
    return nullptr;
}

// Cleaned, non-empty strings of a list; other items are skipped and counted.
std::vector<std::string> paragraphs_field(const json& obj, const char* key, int& skipped) {
    std::vector<std::string> out;
    const json* list = as_array(member(obj, key));
    if (!list) return out;
    for (const json& item : *list) {
        auto s = item.is_string() ? clean_text(item.get_ref<const std::string&>(), kMaxParagraphBytes) : "";
        if (s.empty()) {
            skipped += item.is_string() ? 0 : 1;  // an empty paragraph is not an error
            continue;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::optional<AlternativeTake> read_take(const json& j) {
    AlternativeTake t;
    t.headline = text_field(j, "headline", kMaxLineBytes);
    t.outlet = outlet_field(j);
    if (t.headline.empty() || t.outlet.name.empty()) return std::nullopt;
    if (auto id = as_string(member(j, "article_id")); id && is_valid_article_id(*id)) t.article_id = *id;
    t.angle = text_field(j, "angle", kMaxLineBytes);
    if (auto c = as_string(member(j, "country"))) t.country = normalize_iso(*c);
    t.url = url_field(j, "url");
    return t;
}


// A SAX consumer that only notes where parsing failed, to tell a truncated
// download from malformed JSON.
struct ErrorFinder : nlohmann::json_sax<json> {
    size_t position = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception&) override {
        position = pos;
        return false;
    }
};

std::string http_suffix(int status, std::string_view content_type) {
    if (status == 0) return {};
    std::string media(content_type.substr(0, content_type.find(';')));
    return " (HTTP " + std::to_string(status) + (media.empty() ? "" : ", " + clean_text(media, 60)) + ")";
}

// The <title> of an HTML page, when it has a short one ("502 Bad Gateway").
std::string html_title(std::string_view html) {
    std::string lowered;
    for (char c : html.substr(0, 4096)) lowered += static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    size_t open = lowered.find("<title");
    if (open == std::string::npos) return {};
    open = lowered.find('>', open);
    size_t close = lowered.find("</title", open);
    if (open == std::string::npos || close == std::string::npos) return {};
    return clean_text(html.substr(open + 1, close - open - 1), 80);
}

}  // namespace

std::string clean_text(std::string_view text, size_t max_bytes) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    std::string out;
    out.reserve(std::min(text.size(), max_bytes));
    bool pending_space = false;
    for (size_t p = 0; p < text.size();) {
        uint32_t cp = 0;
        size_t len = utf8::decode(text, p, cp);
        if (len == 0) {  // invalid byte: drop it
            ++p;
            continue;
        }
        std::string_view bytes = text.substr(p, len);
        p += len;
        if (is_space_like(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (is_dropped(cp)) continue;
        size_t need = (pending_space ? 1 : 0) + bytes.size();
        if (out.size() + need > max_bytes) {
            while (out.size() + kEllipsis.size() > max_bytes && !out.empty()) {
                // back off one whole character
                size_t cut = out.size() - 1;
                while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
                out.resize(cut);
            }
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (out.size() + kEllipsis.size() <= max_bytes) out += kEllipsis;
            return out;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += bytes;
    }
    return out;
}

std::string normalize_iso(std::string_view code) {
    if (code.size() != 2) return {};
    std::string out;
    for (char c : code) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return {};
        out += c;
    }
    return out;
}

bool is_valid_article_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        if (!ok) return false;
    }
    return true;
}

FetchError check_json_body(std::string_view body, int status, std::string_view content_type) {
    size_t p = body.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // a UTF-8 byte-order mark
    while (p < body.size() && (body[p] == ' ' || body[p] == '\t' || body[p] == '\n' || body[p] == '\r')) ++p;
    std::string suffix = http_suffix(status, content_type);
    if (p == body.size())
        return make_error(FetchError::NotJson, "The server sent an empty answer instead of news data" + suffix + ".",
                          status);
    if (body[p] == '{' || body[p] == '[') return {};
    // JSON, but a bare value: say which, not "plain text"
    if (json value = parse(body.substr(p)); !value.is_discarded()) {
        std::string what = value.is_null()      ? "JSON null"
                           : value.is_boolean() ? "the JSON value " + value.dump()
                           : value.is_number()  ? "a JSON number (" + clean_text(value.dump(), 40) + ")"
                                                : "a JSON string (" + clean_text(value.dump(), 120) + ")";
        return make_error(FetchError::BadDocument, "The server sent " + what + " instead of news data" + suffix + ".",
                          status);
    }
    if (body[p] == '<') {
        std::string title = html_title(body);
        return make_error(FetchError::NotJson,
                          "The server answered with a web page instead of news data" + suffix +
                              (title.empty() ? "." : ": \"" + title + "\"."),
                          status);
    }
    return make_error(FetchError::NotJson,
                      "The server answered with plain text instead of news data" + suffix + ": \"" +
                          clean_text(body.substr(p, 400), 120) + "\".",
                      status);
}

FetchError parse_json_body(std::string_view body, json& out, int status, std::string_view content_type) {
    FetchError e = check_json_body(body, status, content_type);
    if (!e.ok()) return e;
    out = parse(body);
    if (!out.is_discarded()) return {};
    ErrorFinder finder;
    json::sax_parse(body.begin(), body.end(), &finder, nlohmann::json::input_format_t::json, /*strict=*/true);
    if (finder.position > body.size())  // the parser read past the last byte
        return make_error(FetchError::NotJson,
                          "The news data stops after " + std::to_string(body.size()) +
                              " bytes, before the document ends; the download was probably cut off.",
                          status);
    return make_error(FetchError::NotJson,
                      "The news data is not valid JSON (error near byte " + std::to_string(finder.position) + ").",
                      status);
}

Result<CountriesIndex> decode_countries(std::string_view body) {
    constexpr std::string_view kDoc = "countries index";
    json root;
    if (FetchError e = open_document(body, kDoc, root); !e.ok()) return failure<CountriesIndex>(std::move(e));
    const json* list = as_array(member(root, "countries"));
    if (!list) return failure<CountriesIndex>(bad(kDoc, "countries", "a list"));

    Result<CountriesIndex> r;
    r.value.generated = time_field(root, "generated");
    if (const json* source = as_object(member(root, "source"))) {
        r.value.source_name = text_field(*source, "name", kMaxNameBytes);
        r.value.sample = as_bool(member(*source, "sample")).value_or(false);
        r.value.attribution = text_list(*source, "attribution", kMaxSummaryBytes);
    }
    std::set<std::string> seen;
    for (const json& item : *list) {
        CountryEntry c;
        if (auto iso = as_string(member(item, "iso"))) c.iso = normalize_iso(*iso);
        c.story_count = count_field(item, "story_count");
        if (c.iso.empty() || !c.story_count || !seen.insert(c.iso).second) {
            ++r.skipped;
            continue;
        }
        c.name = text_field(item, "name", kMaxNameBytes);
        c.latest = time_field(item, "latest");
        c.covered_abroad = count_field(item, "covered_abroad");
        r.value.countries.push_back(std::move(c));
    }
    return r;
}

Result<StoryPage> decode_story_page(std::string_view body, std::string_view image_root) {
    constexpr std::string_view kDoc = "story list";
    json root;
    if (FetchError e = open_document(body, kDoc, root); !e.ok()) return failure<StoryPage>(std::move(e));
    auto page_count = count_field(root, "page_count");
    if (!page_count) return failure<StoryPage>(bad(kDoc, "page_count", "a whole number of at least 0"));
    auto total = count_field(root, "total");
    if (!total) return failure<StoryPage>(bad(kDoc, "total", "a whole number of at least 0"));
    const json* list = as_array(member(root, "stories"));
    if (!list) return failure<StoryPage>(bad(kDoc, "stories", "a list"));

    Result<StoryPage> r;
    r.value.page_count = *page_count;
    r.value.total = *total;
    if (auto page = count_field(root, "page"); page && *page >= 1) r.value.page = *page;
    if (auto country = as_string(member(root, "country"))) r.value.country = normalize_iso(*country);
    for (const json& item : *list) {
        StorySummary s;
        if (read_summary(item, s, image_root)) {
            ++r.skipped;
            continue;
        }
        r.value.stories.push_back(std::move(s));
    }
    return r;
}

Result<Article> decode_article(std::string_view body, std::string_view image_root) {
    constexpr std::string_view kDoc = "article";
    json root;
    if (FetchError e = open_document(body, kDoc, root); !e.ok()) return failure<Article>(std::move(e));
    Result<Article> r;
    Article& a = r.value;
    if (const char* field = read_summary(root, a, image_root))
        return failure<Article>(bad(kDoc, field, std::string_view(field) == "id" ? "an id of letters, digits, - and _"
                                                                                 : "non-empty text"));
    if (auto country = as_string(member(root, "country"))) a.country = normalize_iso(*country);
    if (a.country.empty()) return failure<Article>(bad(kDoc, "country", "a two-letter country code"));

    a.body = paragraphs_field(root, "body", r.skipped);
    if (const json* sections = as_array(member(root, "sections"))) {
        for (const json& item : *sections) {
            Section s;
            if (item.is_object()) {
                s.heading = text_field(item, "heading", kMaxLineBytes);
                s.paragraphs = paragraphs_field(item, "paragraphs", r.skipped);
            }
            if (s.heading.empty() && s.paragraphs.empty()) {
                ++r.skipped;
                continue;
            }
            a.sections.push_back(std::move(s));
        }
    }
    a.world_take = text_field(root, "world_take", kMaxSummaryBytes);
    if (const json* takes = as_array(member(root, "alternative_takes"))) {
        for (const json& item : *takes) {
            if (auto t = read_take(item)) {
                a.alternative_takes.push_back(std::move(*t));
            } else {
                ++r.skipped;
            }
        }
    }
    // "excerpt": headline, summary and link only; "full" (or absent, as in
    // documents older than the field): the body is the article.
    if (auto content = as_string(member(root, "content"))) a.excerpt_only = *content == "excerpt";
    a.licence = text_field(root, "licence", kMaxNameBytes);
    a.licence_url = url_field(root, "licence_url");
    return r;
}

Result<StoryDocument> decode_story(std::string_view body, std::string_view image_root) {
    constexpr std::string_view kDoc = "story";
    json root;
    if (FetchError e = open_document(body, kDoc, root); !e.ok()) return failure<StoryDocument>(std::move(e));
    Result<StoryDocument> r;
    StoryDocument& story = r.value;
    auto id = as_string(member(root, "id"));
    if (!id || !is_valid_article_id(*id)) return failure<StoryDocument>(bad(kDoc, "id", "an id of letters, digits, - and _"));
    story.id = std::string(*id);
    story.headline = text_field(root, "headline", kMaxLineBytes);
    if (story.headline.empty()) return failure<StoryDocument>(bad(kDoc, "headline", "non-empty text"));
    const json* articles = as_array(member(root, "articles"));
    if (!articles) return failure<StoryDocument>(bad(kDoc, "articles", "a list"));
    story.world_take = text_field(root, "world_take", kMaxSummaryBytes);
    story.first_reported = time_field(root, "first_reported");
    if (const json* countries = as_array(member(root, "countries"))) {
        std::set<std::string> seen;
        for (const json& item : *countries) {
            StoryCountry c;
            if (auto iso = as_string(member(item, "iso"))) c.iso = normalize_iso(*iso);
            c.articles = count_field(item, "articles").value_or(0);
            c.outlets = count_field(item, "outlets").value_or(0);
            if (c.iso.empty() || !seen.insert(c.iso).second) {
                ++r.skipped;
                continue;
            }
            story.countries.push_back(std::move(c));
        }
    }
    for (const json& item : *articles) {
        StoryMember m;
        if (auto country = as_string(member(item, "country"))) m.country = normalize_iso(*country);
        if (read_summary(item, m, image_root) || m.country.empty()) {
            ++r.skipped;
            continue;
        }
        story.articles.push_back(std::move(m));
    }
    return r;
}

}  // namespace ng
