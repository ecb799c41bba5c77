// The HTTP engine: a LibreTranslate-compatible service. The languages it
// offers come from GET /languages, once (a service without that list is
// assumed to offer every language). Texts go in batches (q as a list); a
// batch the service refuses is split in halves until the text that upsets
// it is alone, so one bad text costs only itself. When the service itself
// fails (unreachable, timeouts, 429 or 5xx three requests in a row, or a
// refused key at once) the engine stops asking for the rest of the run:
// every remaining text stays untranslated with the service's own words as
// the reason.
#include <curl/curl.h>

#include <nlohmann/json.hpp>

#include <mutex>
#include <set>

#include "core/json_util.hpp"
#include "core/news_decode.hpp"
#include "core/url_util.hpp"
#include "translate.hpp"

namespace ingest {
namespace ju = ng::json_util;

namespace {

constexpr int kBreakerLimit = 3;

struct HttpAnswer {
    long status = 0;
    std::string body;
    std::string error;  // transport failure (timeout, refused), else empty
};

size_t append_body(char* data, size_t size, size_t count, void* target) {
    auto* body = static_cast<std::string*>(target);
    if (body->size() > (8u << 20)) return 0;  // a translation answer is never this big
    body->append(data, size * count);
    return size * count;
}

class HttpTranslator : public Translator {
public:
    explicit HttpTranslator(HttpTranslatorOptions options) : options_(std::move(options)) {
        static std::once_flag curl_ready;
        std::call_once(curl_ready, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        endpoint_ = options_.url;
        while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
        if (endpoint_.size() < 10 || endpoint_.compare(endpoint_.size() - 10, 10, "/translate") != 0) endpoint_ += "/translate";
        if (!ng::is_openable_url(endpoint_)) broken_ = "The translation service URL is not an http(s) URL.";
    }

    // The host names the service; its port and path do not (a local service
    // and its production twin give the same provenance).
    std::string engine(std::string_view from) override {
        if (!broken_.empty() || from.empty() || !offers(primary(from))) return {};
        return "libretranslate " + ng::url_host(endpoint_);
    }

    std::string unsupported_reason(std::string_view from) override {
        if (!broken_.empty()) return broken_;
        if (from.empty()) return "The text's language is unknown.";
        return "The translation service does not offer " + primary(from) + " into English.";
    }

    std::vector<TranslationResult> translate(const std::vector<std::string>& texts, std::string_view from) override {
        std::vector<TranslationResult> results(texts.size());
        std::vector<size_t> batch;
        size_t bytes = 0;
        for (size_t i = 0; i <= texts.size(); ++i) {
            bool full = i == texts.size() || batch.size() >= options_.max_batch_texts ||
                        (!batch.empty() && bytes + texts[i].size() > options_.max_batch_bytes);
            if (full && !batch.empty()) {
                translate_batch(texts, batch, from, results);
                batch.clear();
                bytes = 0;
            }
            if (i < texts.size()) {
                batch.push_back(i);
                bytes += texts[i].size();
            }
        }
        return results;
    }

private:
    static std::string primary(std::string_view language) { return std::string(language.substr(0, language.find('-'))); }

    // Whether the service translates `language` into English (its
    // /languages list, read once).
    bool offers(const std::string& language) {
        if (!languages_read_) {
            languages_read_ = true;
            std::string url = endpoint_.substr(0, endpoint_.size() - 10) + "/languages";
            HttpAnswer answer = request(url, nullptr);
            nlohmann::json doc = ju::parse(answer.body);
            if (answer.error.empty() && answer.status == 200 && doc.is_array()) {
                for (const nlohmann::json& entry : doc) {
                    auto code = ju::as_string(ju::member(entry, "code"));
                    const nlohmann::json* targets = ju::as_array(ju::member(entry, "targets"));
                    bool to_english = !targets;
                    for (size_t i = 0; targets && i < targets->size(); ++i)
                        to_english |= ju::as_string(&(*targets)[i]) == std::optional<std::string_view>("en");
                    if (code && to_english) languages_.insert(std::string(*code));
                }
            }
        }
        return languages_.empty() || languages_.count(language);
    }

    void translate_batch(const std::vector<std::string>& texts, const std::vector<size_t>& batch, std::string_view from,
                         std::vector<TranslationResult>& results) {
        if (!broken_.empty()) {
            for (size_t i : batch) results[i].error = broken_;
            return;
        }
        nlohmann::json query;
        query["q"] = nlohmann::json::array();
        for (size_t i : batch) query["q"].push_back(texts[i]);
        query["source"] = primary(from);
        query["target"] = "en";
        query["format"] = "text";
        if (!options_.api_key.empty()) query["api_key"] = options_.api_key;
        std::string payload = query.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        HttpAnswer answer = request(endpoint_, &payload);

        std::string problem;
        std::vector<std::string> translated = read_answer(answer, batch.size(), problem);
        if (problem.empty()) {
            failures_in_a_row_ = 0;
            for (size_t k = 0; k < batch.size(); ++k) {
                TranslationResult& r = results[batch[k]];
                r.text = ng::clean_text(translated[k], ng::kMaxSummaryBytes);
                if (r.text.empty()) r.error = "The translation service returned an empty translation.";
            }
            return;
        }
        // A 4xx other than these is about the request (a text it cannot
        // take): split the batch. The rest are about the service.
        bool refused_key = answer.status == 401 || answer.status == 403;
        bool service_failed = !answer.error.empty() || answer.status == 429 || answer.status >= 500;
        if (refused_key) broken_ = problem;
        else if (service_failed && ++failures_in_a_row_ >= kBreakerLimit)
            broken_ = "The translation service failed " + std::to_string(failures_in_a_row_) +
                      " times in a row; the last: " + problem;
        if (batch.size() > 1 && broken_.empty()) {
            std::vector<size_t> first(batch.begin(), batch.begin() + static_cast<long>(batch.size() / 2));
            std::vector<size_t> second(batch.begin() + static_cast<long>(batch.size() / 2), batch.end());
            translate_batch(texts, first, from, results);
            translate_batch(texts, second, from, results);
            return;
        }
        for (size_t i : batch) results[i].error = broken_.empty() ? problem : broken_;
    }

    // The translations of an answer, or a sentence in `problem`.
    static std::vector<std::string> read_answer(const HttpAnswer& answer, size_t expected, std::string& problem) {
        if (!answer.error.empty()) {
            problem = answer.error;
            return {};
        }
        nlohmann::json doc = ju::parse(answer.body);
        if (answer.status != 200) {
            auto said = ju::as_string(ju::member(doc, "error"));
            problem = "The translation service answered HTTP " + std::to_string(answer.status) +
                      (said ? ": " + ng::clean_text(*said, 200) : std::string(".") );
            return {};
        }
        const nlohmann::json* value = ju::member(doc, "translatedText");
        std::vector<std::string> out;
        if (auto single = ju::as_string(value); single && expected == 1) out.emplace_back(*single);
        if (const nlohmann::json* list = ju::as_array(value)) {
            for (const nlohmann::json& item : *list) {
                auto s = ju::as_string(&item);
                out.emplace_back(s ? std::string(*s) : std::string());
            }
        }
        if (out.size() != expected) {
            problem = "The translation service's answer has no translatedText for each text.";
            return {};
        }
        return out;
    }

    // A POST of `payload` (JSON) when given, else a GET.
    HttpAnswer request(const std::string& url, const std::string* payload) {
        HttpAnswer answer;
        CURL* curl = curl_easy_init();
        if (!curl) {
            answer.error = "libcurl could not start a request.";
            return answer;
        }
        curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
        headers = curl_slist_append(headers, "Accept: application/json");
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        if (payload) {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload->c_str());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(payload->size()));
        }
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout_seconds));
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_USERAGENT, "newsglobe-ingest (build; translation)");
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer.body);
        CURLcode rc = curl_easy_perform(curl);
        if (rc != CURLE_OK) {
            answer.error = std::string("The translation service could not be reached: ") + curl_easy_strerror(rc) + ".";
        } else {
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &answer.status);
        }
        curl_slist_free_all(headers);
        curl_easy_cleanup(curl);
        return answer;
    }

    HttpTranslatorOptions options_;
    std::string endpoint_;
    std::string broken_;  // non-empty: stop asking, this is why
    int failures_in_a_row_ = 0;
    bool languages_read_ = false;
    std::set<std::string> languages_;  // empty: the service did not say
};

}  // namespace

std::unique_ptr<Translator> make_http_translator(HttpTranslatorOptions options) {
    return std::make_unique<HttpTranslator>(std::move(options));
}

}  // namespace ingest
