// news_decode — turns response bodies into the news model, following the
// client rules of docs/api.md: unknown fields are ignored, optional fields that
// are missing, null or of the wrong type are treated as absent, list items of
// the wrong type (or lacking a required field) are skipped and counted, and a
// document whose required fields are wrong is a BadDocument error that names
// the field. Bodies that are not JSON at all (an HTML error page, plain text, a
// truncated download) are NotJson errors that say what arrived instead.
// All text is cleaned (clean_text) and every link checked (url_util) here, so
// nothing downstream has to distrust the model.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/news_error.hpp"
#include "core/news_model.hpp"

namespace ng {

// Size limits for cleaned text, in bytes of UTF-8.
constexpr std::size_t kMaxNameBytes = 200;        // outlet names, domains, translator
constexpr std::size_t kMaxLineBytes = 1000;       // headlines, angles
constexpr std::size_t kMaxSummaryBytes = 4000;    // summaries, world take
constexpr std::size_t kMaxParagraphBytes = 20000; // body paragraphs

// Makes untrusted text safe to lay out: drops control characters, bidi
// embeddings/overrides/isolates (they can reorder what the reader sees) and
// byte-order marks; turns tabs and line breaks into spaces; collapses runs of
// spaces; trims; drops invalid UTF-8; and cuts at a character boundary to at
// most max_bytes, ending with "…" when it cut. Letters of any script and emoji
// pass unchanged.
std::string clean_text(std::string_view text, std::size_t max_bytes);

// "fr" -> "FR"; empty unless exactly two ASCII letters.
std::string normalize_iso(std::string_view code);

// Article and story ids: ^[A-Za-z0-9_-]{1,64}$ (they become file names in URLs).
bool is_valid_article_id(std::string_view id);

// Checks that a 2xx body is plausibly JSON before parsing. Returns a NotJson
// error that says what arrived ("a web page", "plain text: \"Invalid query\"",
// "an empty answer"), adding "(HTTP 200, text/html)" when status and
// content type are given; kind None when the body starts like JSON.
FetchError check_json_body(std::string_view body, int status = 0, std::string_view content_type = {});

// check_json_body, then a non-throwing parse into `out`. A body that stops
// mid-document gets its own message (the download was cut off).
FetchError parse_json_body(std::string_view body, nlohmann::json& out, int status = 0,
                           std::string_view content_type = {});

// The three documents of docs/api.md. Relative `image` references are
// resolved against `image_root`, the API root "{base}/v1/" (docs/api.md);
// without it only absolute http(s) images are kept.
Result<CountriesIndex> decode_countries(std::string_view body);
Result<StoryPage> decode_story_page(std::string_view body, std::string_view image_root = {});
Result<Article> decode_article(std::string_view body, std::string_view image_root = {});
Result<StoryDocument> decode_story(std::string_view body, std::string_view image_root = {});

}  // namespace ng
