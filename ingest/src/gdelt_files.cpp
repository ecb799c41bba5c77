#include "gdelt_files.hpp"

#include <cmath>

#include "ascii.hpp"
#include "canonical_url.hpp"
#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"
#include "feed_date.hpp"
#include "gzip_reader.hpp"
#include "html_text.hpp"
#include "language_id.hpp"

namespace ingest {
namespace {

using nlohmann::json;
using namespace ng::json_util;

constexpr std::size_t kMaxDecompressedBytes = 256u << 20;

// [SECTION] lines

// Calls on_line(line) for every complete, non-empty line of a (possibly
// gzipped) JSON-lines file; on_line returns false for an unusable record.
template <class OnLine>
void for_each_line(std::string_view bytes, GdeltFileReport& report, OnLine on_line) {
    std::string storage;
    std::string_view text = bytes;
    if (looks_gzipped(bytes)) {
        Gunzipped g = gunzip(bytes, kMaxDecompressedBytes);
        if (!g.complete) {
            report.truncated = true;
            report.warnings.push_back(g.error);
        }
        storage = std::move(g.data);
        text = storage;
    }
    if (report.truncated) {  // the last line stops somewhere: keep whole lines only
        size_t last_newline = text.rfind('\n');
        text = last_newline == std::string_view::npos ? std::string_view{} : text.substr(0, last_newline + 1);
    }
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
        if (line.empty()) continue;
        ++report.lines;
        if (!on_line(line)) ++report.skipped;
    }
    if (report.skipped > 0)
        report.warnings.push_back(std::to_string(report.skipped) + " of " + std::to_string(report.lines) +
                                  " lines were not usable records and were skipped.");
    if (report.lines == 0) {
        report.error = report.truncated ? "The file was cut off before its first complete line."
                       : bytes.empty()  ? "The file is empty."
                                        : "The file holds no JSON lines.";
    } else if (report.skipped == report.lines) {
        report.error = "None of the file's " + std::to_string(report.lines) + " lines is a usable record.";
    }
}

// [SECTION] fields

const json* first_member(const json& obj, std::initializer_list<const char*> keys, const char** found = nullptr) {
    for (const char* k : keys) {
        if (const json* v = member(obj, k)) {
            if (found) *found = k;
            return v;
        }
    }
    return nullptr;
}

std::string_view string_of(const json* v) {
    if (auto s = as_string(v)) return *s;
    if (const json* list = as_array(v); list && !list->empty()) {  // "authors": ["A", "B"]
        if (auto s = as_string(&(*list)[0])) return *s;
    }
    return {};
}

// A date as a string (any form parse_feed_date reads) or a number (GDELT's
// 14-digit YYYYMMDDhhmmss, or Unix seconds).
int64_t date_of(const json* v) {
    if (auto s = as_string(v)) return parse_feed_date(*s);
    auto n = as_int(v);
    if (!n) return 0;
    if (*n >= 19700101000000 && *n <= 22001231235959) return parse_feed_date(std::to_string(*n));
    return *n > 0 && *n < 7258118400 ? *n : 0;  // before 2200
}

bool says_published(const json& record) {
    std::string_view kind = string_of(first_member(record, {"dateType", "date_type", "dateKind"}));
    return ascii::starts_with_nocase(kind, "pub");
}

bool read_gal_record(std::string_view line, GalArticle& a) {
    json record = parse(line);
    if (!record.is_object()) return false;
    a.url = absolute_url(string_of(first_member(record, {"url", "link"})), {});
    a.title = html_to_text(string_of(first_member(record, {"title", "headline"})), ng::kMaxLineBytes);
    if (a.url.empty() || a.title.empty()) return false;
    a.domain = ascii::lower(
        ng::clean_text(string_of(first_member(record, {"domain", "sourceDomain", "site"})), ng::kMaxNameBytes));
    if (a.domain.empty()) a.domain = ng::clean_text(ng::url_host(a.url), ng::kMaxNameBytes);
    a.outlet_name = html_to_text(
        string_of(first_member(record, {"outletName", "outlet_name", "outlet", "sourceName", "source_name"})),
        ng::kMaxNameBytes);
    a.description =
        html_to_text(string_of(first_member(record, {"desc", "description", "summary"})), ng::kMaxSummaryBytes);
    a.language = normalize_language_tag(string_of(first_member(record, {"lang", "language"})));
    a.image = absolute_url(
        string_of(first_member(record, {"image", "imageUrl", "image_url", "socialimage", "socialImage", "img"})),
        a.url);
    a.author = ng::clean_text(string_of(first_member(record, {"author", "authors"})), ng::kMaxNameBytes);
    if (int64_t t = date_of(first_member(record, {"pubDate", "publishDate", "datePublished"}))) {
        a.date = t;
        a.date_is_published = true;
    } else if (int64_t seen = date_of(first_member(record, {"seendate", "firstSeen", "dateAdded"}))) {
        a.date = seen;
    } else {
        a.date = date_of(member(record, "date"));
        a.date_is_published = a.date != 0 && says_published(record);
    }
    return true;
}

bool read_embedding(std::string_view line, std::string& url, DocEmbedding& e, std::size_t& dimensions) {
    json record = parse(line);
    if (!record.is_object()) return false;
    url = absolute_url(string_of(member(record, "url")), {});
    const json* values = as_array(first_member(record, {"docembed", "embedding"}));
    if (url.empty() || !values || values->empty() || (dimensions != 0 && values->size() != dimensions)) return false;
    e.vector.clear();
    e.vector.reserve(values->size());
    for (const json& v : *values) {
        if (!v.is_number()) return false;
        double d = v.get<double>();
        if (!std::isfinite(d)) return false;
        e.vector.push_back(static_cast<float>(d));
    }
    dimensions = values->size();
    e.language = normalize_language_tag(string_of(first_member(record, {"lang", "language"})));
    e.title = html_to_text(string_of(member(record, "title")), ng::kMaxLineBytes);
    e.model = ng::clean_text(string_of(member(record, "model")), ng::kMaxNameBytes);
    e.date = date_of(member(record, "date"));
    return true;
}

}  // namespace

GalFile read_gal(std::string_view file_bytes) {
    GalFile file;
    for_each_line(file_bytes, file.report, [&](std::string_view line) {
        GalArticle a;
        if (!read_gal_record(line, a)) return false;
        file.articles.push_back(std::move(a));
        return true;
    });
    return file;
}

GsgFile read_gsg_docembed(std::string_view file_bytes) {
    GsgFile file;
    std::string url;
    for_each_line(file_bytes, file.report, [&](std::string_view line) {
        DocEmbedding e;
        if (!read_embedding(line, url, e, file.dimensions)) return false;
        file.by_url[url] = std::move(e);
        return true;
    });
    return file;
}

}  // namespace ingest
