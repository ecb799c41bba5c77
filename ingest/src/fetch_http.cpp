#include "fetch_http.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <thread>

#include "core/url_util.hpp"
#include "fetch_body.hpp"
#include "fetch_policy.hpp"

namespace ingest {
namespace {

int64_t steady_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int64_t unix_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

bool equals_nocase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Reason phrases for when the status line has none (HTTP/2 sends none).
const char* standard_reason(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 410: return "Gone";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "";
    }
}

// "A → B → A", shortened in the middle when long.
std::string describe_chain(const std::vector<std::string>& chain) {
    std::string out;
    for (size_t i = 0; i < chain.size(); ++i) {
        if (chain.size() > 5 && i == 2) {
            out += " → …";
            i = chain.size() - 3;
            continue;
        }
        if (i) out += " → ";
        out += chain[i];
    }
    return out;
}

// The chain up to the first URL seen twice ("A → B → A"); empty when no URL repeats.
std::vector<std::string> loop_of(const std::vector<std::string>& chain) {
    for (size_t j = 1; j < chain.size(); ++j)
        for (size_t i = 0; i < j; ++i)
            if (chain[i] == chain[j]) return std::vector<std::string>(chain.begin() + static_cast<std::ptrdiff_t>(i), chain.begin() + static_cast<std::ptrdiff_t>(j) + 1);
    return {};
}

// One request in flight: libcurl's handle plus what its callbacks learn.
struct Transfer {
    size_t id = 0;
    std::string host;
    HttpJob job;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    HttpResult result;
    std::unique_ptr<BodyDecoder> decoder;
    // The response being received (a redirect chain has several).
    std::string reason, content_encoding;
    int64_t content_length = -1;  // as announced; -1 when not
    std::vector<std::string> chain;  // the URL asked for, then every Location followed
    bool too_large = false;
    int64_t started_ms = 0;
    char errbuf[CURL_ERROR_SIZE] = {};

    ~Transfer() {
        if (easy) curl_easy_cleanup(easy);
        curl_slist_free_all(headers);
    }
};

size_t on_header(char* buffer, size_t size, size_t count, void* user) {
    Transfer& t = *static_cast<Transfer*>(user);
    size_t n = size * count;
    std::string_view line = trim(std::string_view(buffer, n));
    if (line.rfind("HTTP/", 0) == 0) {
        // A new response starts (after a redirect or a 100 Continue).
        size_t sp = line.find(' ');
        t.result.status = 0;
        if (sp != std::string_view::npos) {
            int code = 0;
            size_t i = sp + 1;
            for (; i < line.size() && i < sp + 4 && line[i] >= '0' && line[i] <= '9'; ++i) code = code * 10 + (line[i] - '0');
            t.result.status = code;
            t.reason = std::string(trim(line.substr(std::min(line.size(), i))));
        }
        t.result.content_type.clear();
        t.result.etag.clear();
        t.result.last_modified.clear();
        t.result.retry_after.clear();
        t.content_encoding.clear();
        t.content_length = -1;
        t.decoder.reset();
        return n;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    std::string_view name = trim(line.substr(0, colon));
    std::string value(trim(line.substr(colon + 1)));
    if (equals_nocase(name, "content-type")) t.result.content_type = value;
    else if (equals_nocase(name, "etag")) t.result.etag = value;
    else if (equals_nocase(name, "last-modified")) t.result.last_modified = value;
    else if (equals_nocase(name, "retry-after")) t.result.retry_after = value;
    else if (equals_nocase(name, "content-encoding")) t.content_encoding = value;
    else if (equals_nocase(name, "content-length")) t.content_length = std::strtoll(value.c_str(), nullptr, 10);
    else if (equals_nocase(name, "location") && t.result.status >= 300 && t.result.status < 400 && !value.empty())
        t.chain.push_back(ng::resolve_url(t.chain.back(), value));
    return n;
}

size_t on_body(char* data, size_t size, size_t count, void* user) {
    Transfer& t = *static_cast<Transfer*>(user);
    size_t n = size * count;
    t.result.received_bytes += n;
    if (t.result.received_bytes > t.job.max_bytes) {
        t.too_large = true;
        return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
    }
    if (t.result.status < 200 || t.result.status >= 300) return n;  // an error page: counted, not kept
    if (!t.decoder) t.decoder = std::make_unique<BodyDecoder>(t.content_encoding, t.job.max_bytes);
    return t.decoder->feed(data, n) ? n : 0;
}

}  // namespace

// [SECTION] HttpFetcher -------------------------------------------------------

struct HttpFetcher::Impl {
    HttpSettings settings;
    CURLM* multi = nullptr;
    HostScheduler scheduler;
    std::vector<HttpJob> jobs;
    std::vector<std::pair<size_t, std::string>> skipped;  // delivered by run()
    std::map<CURL*, std::unique_ptr<Transfer>> running;

    explicit Impl(HttpSettings s) : settings(std::move(s)), scheduler(settings.rest_ms, settings.parallel) {
        static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
        (void)initialised;
        multi = curl_multi_init();
    }
    ~Impl() {
        for (auto& [easy, t] : running) curl_multi_remove_handle(multi, easy);
        running.clear();
        if (multi) curl_multi_cleanup(multi);
    }

    void start(size_t id);
    HttpResult finish(Transfer& t, CURLcode rc);
};

void HttpFetcher::Impl::start(size_t id) {
    auto t = std::make_unique<Transfer>();
    t->id = id;
    t->job = jobs[id];
    t->host = host_key(t->job.url);
    t->chain = {t->job.url};
    t->started_ms = steady_ms();
    t->result.started_at = unix_now();
    CURL* e = t->easy = curl_easy_init();
    t->headers = curl_slist_append(t->headers,
                                   "Accept: application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
                                   "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    // Decoded here (fetch_body), so curl must pass the bytes through as sent.
    t->headers = curl_slist_append(t->headers, "Accept-Encoding: gzip, deflate");
    if (!t->job.etag.empty()) t->headers = curl_slist_append(t->headers, ("If-None-Match: " + t->job.etag).c_str());
    if (!t->job.last_modified.empty())
        t->headers = curl_slist_append(t->headers, ("If-Modified-Since: " + t->job.last_modified).c_str());
    curl_easy_setopt(e, CURLOPT_URL, t->job.url.c_str());
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    curl_easy_setopt(e, CURLOPT_USERAGENT, settings.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(settings.max_redirects));
    curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(settings.connect_timeout_ms));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(t->job.timeout_ms));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(settings.low_speed_bytes));
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings.low_speed_seconds));
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->job.max_bytes));
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_multi_add_handle(multi, e);
    running.emplace(e, std::move(t));
}

HttpResult HttpFetcher::Impl::finish(Transfer& t, CURLcode rc) {
    HttpResult r = std::move(t.result);
    r.elapsed_ms = steady_ms() - t.started_ms;
    long status = 0, redirects = 0;
    char* effective = nullptr;
    curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_COUNT, &redirects);
    curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &effective);
    r.status = static_cast<int>(status);
    r.redirects = static_cast<int>(redirects);
    r.final_url = effective ? effective : t.job.url;
    const std::string limit = format_bytes(t.job.max_bytes);
    auto fail = [&r](HttpFailure kind, std::string sentence) {
        r.failure = kind;
        r.error = std::move(sentence);
        r.body.clear();
        return std::move(r);
    };
    std::string detail = t.errbuf[0] ? t.errbuf : curl_easy_strerror(rc);

    if (rc == CURLE_OK) {
        if (t.decoder && !t.decoder->finish()) return fail(HttpFailure::Encoding, t.decoder->error());
        if (r.status == 304 || (r.status >= 200 && r.status < 300)) {
            if (t.decoder) r.body = t.decoder->take_body();
            return r;
        }
        std::string reason = t.reason.empty() ? standard_reason(r.status) : t.reason;
        return fail(HttpFailure::Status, "HTTP " + std::to_string(r.status) + (reason.empty() ? "" : " " + reason) + ".");
    }
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
            return fail(HttpFailure::Network, "The host name " + t.host + " could not be resolved (DNS).");
        case CURLE_COULDNT_CONNECT:
            return fail(HttpFailure::Network, "Could not connect to " + t.host + " (" + detail + ").");
        case CURLE_OPERATION_TIMEDOUT: {
            // The phase that timed out: resolving, connecting (both count as
            // an unreachable network), waiting for the answer, or the body.
            const std::string connect_limit = std::to_string(settings.connect_timeout_ms / 1000) + " s";
            if (r.status == 0 && (detail.rfind("Resolving timed out", 0) == 0 || detail.rfind("Could not resolve", 0) == 0))
                return fail(HttpFailure::Network, "The host name " + t.host + " could not be resolved within " + connect_limit + " (DNS).");
            if (r.status == 0 && (detail.rfind("Connection timed out", 0) == 0 || detail.rfind("Failed to connect", 0) == 0))
                return fail(HttpFailure::Network, "Could not connect to " + t.host + " within " + connect_limit + ".");
            if (detail.find("too slow") != std::string::npos)
                return fail(HttpFailure::Timeout, "The server sent less than " + std::to_string(settings.low_speed_bytes) +
                                                      " bytes/s for " + std::to_string(settings.low_speed_seconds) +
                                                      " s; gave up after " + format_bytes(r.received_bytes) + ".");
            std::string limit_s = std::to_string(t.job.timeout_ms / 1000) + " s";
            if (r.status == 0) return fail(HttpFailure::Timeout, "No answer within " + limit_s + ".");
            return fail(HttpFailure::Timeout, "The download did not finish within " + limit_s + " (" +
                                                  format_bytes(r.received_bytes) + " received).");
        }
        case CURLE_FILESIZE_EXCEEDED:
            return fail(HttpFailure::TooLarge, "The feed is larger than the " + limit + " limit" +
                                                   (t.content_length > 0 ? " (the server announced " +
                                                                               format_bytes(static_cast<uint64_t>(t.content_length)) + ")"
                                                                         : std::string()) +
                                                   "; it was not downloaded.");
        case CURLE_WRITE_ERROR:
            if (t.too_large)
                return fail(HttpFailure::TooLarge,
                            "The feed is larger than the " + limit + " limit; the download was stopped at " + limit + ".");
            if (t.decoder && !t.decoder->error().empty())
                return fail(t.decoder->too_large() ? HttpFailure::TooLarge : HttpFailure::Encoding, t.decoder->error());
            return fail(HttpFailure::Other, "The body could not be stored (" + detail + ").");
        case CURLE_TOO_MANY_REDIRECTS:
            if (auto loop = loop_of(t.chain); !loop.empty())
                return fail(HttpFailure::Redirect, "The feed redirects in a loop: " + describe_chain(loop) + ".");
            return fail(HttpFailure::Redirect, "The feed redirects more than " + std::to_string(settings.max_redirects) +
                                                   " times: " + describe_chain(t.chain) + ".");
        case CURLE_UNSUPPORTED_PROTOCOL:
            return fail(HttpFailure::Redirect,
                        "The feed redirects to " + t.chain.back() + ", which is not an http(s) URL; not followed.");
        case CURLE_GOT_NOTHING:
            return fail(HttpFailure::Other, "The server closed the connection without answering.");
        case CURLE_PARTIAL_FILE:
            return fail(HttpFailure::Other, "The connection closed before the whole body arrived (" +
                                                format_bytes(r.received_bytes) + " received).");
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CACERT_BADFILE:
            return fail(HttpFailure::Other, "The secure connection to " + t.host + " failed (" + detail + ").");
        case CURLE_RECV_ERROR:
        case CURLE_SEND_ERROR:
            return fail(HttpFailure::Other, "The connection to " + t.host + " broke (" + detail + ").");
        default:
            return fail(HttpFailure::Other, "The download failed (" + detail + ").");
    }
}

HttpFetcher::HttpFetcher(HttpSettings settings) : impl_(std::make_unique<Impl>(std::move(settings))) {}
HttpFetcher::~HttpFetcher() = default;

size_t HttpFetcher::add(HttpJob job) {
    size_t id = impl_->jobs.size();
    impl_->scheduler.add(id, host_key(job.url));
    impl_->jobs.push_back(std::move(job));
    return id;
}

void HttpFetcher::skip_host(const std::string& url, const std::string& reason) {
    for (size_t id : impl_->scheduler.drop_host(host_key(url))) impl_->skipped.emplace_back(id, reason);
}

void HttpFetcher::skip_all(const std::string& reason) {
    for (size_t id : impl_->scheduler.drop_all()) impl_->skipped.emplace_back(id, reason);
}

void HttpFetcher::run(const std::function<void(size_t, HttpResult&)>& done) {
    Impl& m = *impl_;
    if (!m.multi) {
        // Without a multi handle nothing can be fetched; every request says so.
        for (size_t id = 0; id < m.jobs.size(); ++id) {
            HttpResult r;
            r.failure = HttpFailure::Other;
            r.error = "libcurl could not be initialised.";
            done(id, r);
        }
        return;
    }
    while (true) {
        while (!m.skipped.empty()) {
            auto [id, reason] = m.skipped.front();
            m.skipped.erase(m.skipped.begin());
            HttpResult r;
            r.failure = HttpFailure::Skipped;
            r.error = reason;
            r.final_url = m.jobs[id].url;
            r.started_at = unix_now();
            done(id, r);
        }
        int64_t now = steady_ms();
        while (auto id = m.scheduler.start_next(now)) m.start(*id);
        if (m.scheduler.done() && m.skipped.empty()) break;

        int still_running = 0;
        curl_multi_perform(m.multi, &still_running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(m.multi, &left)) {
            if (msg->msg != CURLMSG_DONE) continue;
            CURL* easy = msg->easy_handle;
            CURLcode rc = msg->data.result;
            auto it = m.running.find(easy);
            if (it == m.running.end()) continue;
            std::unique_ptr<Transfer> t = std::move(it->second);
            m.running.erase(it);
            curl_multi_remove_handle(m.multi, easy);
            m.scheduler.finish(t->id, steady_ms());
            HttpResult r = m.finish(*t, rc);
            done(t->id, r);
        }
        if (!m.skipped.empty()) continue;
        // Sleep until a socket has news or a resting host may go again.
        int64_t wait = 1000;
        if (m.scheduler.running() < m.settings.parallel)
            if (auto w = m.scheduler.wait_ms(steady_ms())) wait = std::min<int64_t>(wait, *w);
        if (wait <= 0) continue;
        if (!m.running.empty()) curl_multi_poll(m.multi, nullptr, 0, static_cast<int>(wait), nullptr);
        else std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
}

}  // namespace ingest
