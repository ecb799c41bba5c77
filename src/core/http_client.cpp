#include "core/http_client.hpp"

#include <algorithm>
#include <deque>
#include <list>
#include <map>
#include <unordered_map>
#include <vector>

#include "core/time_format.hpp"
#include "core/url_util.hpp"

namespace ng {
namespace {

constexpr std::size_t kMaxErrorBody = 64u << 10;
constexpr std::size_t kEntryOverhead = 128;  // rough bookkeeping cost per cache entry

// Bounded by total bytes; the front of `order_` is the most recently used.
class LruCache {
public:
    struct Entry {
        std::string url;
        HttpResponse response;
        std::shared_ptr<const void> decoded;
        int64_t fresh_until = 0;
        int64_t stale_until = 0;
    };

    explicit LruCache(std::size_t capacity) : capacity_(capacity) {}

    const Entry* find(const std::string& url) {
        auto it = index_.find(url);
        if (it == index_.end()) return nullptr;
        order_.splice(order_.begin(), order_, it->second);
        return &*it->second;
    }

    void put(Entry entry) {
        erase(entry.url);
        std::size_t size = cost(entry);
        if (size > capacity_) return;
        while (bytes_ + size > capacity_) erase(order_.back().url);
        order_.push_front(std::move(entry));
        index_[order_.front().url] = order_.begin();
        bytes_ += size;
    }

    std::size_t bytes() const { return bytes_; }

private:
    static std::size_t cost(const Entry& e) {
        return e.url.size() + e.response.body.size() + e.response.content_type.size() + kEntryOverhead;
    }

    void erase(const std::string& url) {
        auto it = index_.find(url);
        if (it == index_.end()) return;
        bytes_ -= cost(*it->second);
        order_.erase(it->second);
        index_.erase(it);
    }

    std::size_t capacity_;
    std::size_t bytes_ = 0;
    std::list<Entry> order_;
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

bool is_transient(const FetchError& e) {
    return e.kind == FetchError::Network || e.kind == FetchError::Timeout || e.kind == FetchError::RateLimited ||
           (e.kind == FetchError::Http && (e.status == 502 || e.status == 503 || e.status == 504));
}

// "the news server at api.example.org", or "the news server" for relative URLs.
std::string server_phrase(const std::string& url) {
    std::string host = url_host(url);
    return host.empty() ? "the news server" : "the news server at " + host;
}

std::string capitalized(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string seconds_text(int64_t ms) { return std::to_string(std::max<int64_t>(1, (ms + 999) / 1000)) + " s"; }

std::string wait_text(int64_t ms) {
    return ms >= 120 * 1000 ? std::to_string((ms + 59999) / 60000) + " min" : seconds_text(ms);
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 10)) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

FetchError status_error(const std::string& url, int status) {
    std::string server = capitalized(server_phrase(url));
    std::string code = " (HTTP " + std::to_string(status) + ").";
    if (status == 429) return make_error(FetchError::RateLimited, server + " is busy" + code, status);
    if (status == 502 || status == 503 || status == 504)
        return make_error(FetchError::Http, server + " is having trouble" + code, status);
    if (status == 404) return make_error(FetchError::Http, server + " has no such document" + code, status);
    if (status == 401 || status == 403) return make_error(FetchError::Http, server + " refused access" + code, status);
    if (status >= 400 && status < 500)
        return make_error(FetchError::Http, server + " rejected the request" + code, status);
    if (status >= 500) return make_error(FetchError::Http, server + " failed" + code, status);
    return make_error(FetchError::Http, server + " gave an unexpected answer" + code, status);
}

// Milliseconds a Retry-After header asks us to wait; -1 when absent or invalid.
// wall_now_ms: the wall clock, for the HTTP-date form.
int64_t retry_after_ms(const std::string& header, int64_t wall_now_ms) {
    std::string_view v = header;
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (v.empty()) return -1;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (v.size() > 9) return INT64_MAX / 4;  // absurdly long: more than any cap
        int64_t seconds = 0;
        for (char c : v) seconds = seconds * 10 + (c - '0');
        return seconds * 1000;
    }
    int64_t t = parse_http_date(v);
    if (t == 0) return -1;
    return std::max<int64_t>(0, t * 1000 - wall_now_ms);
}

}  // namespace

struct HttpClientCore {
    struct Waiter {
        std::string url;
        HttpClient::Callback callback;
        std::function<void()> task;            // defer(): run instead of a callback
        std::shared_ptr<const FetchResult> stale;  // set while a refresh may replace it
    };

    enum class FlightState { Queued, Running, Backoff };

    // One transport request (and its retries) shared by all waiters for a URL.
    struct Flight {
        std::string url;
        FetchOptions options;
        std::vector<uint64_t> waiters;
        FlightState state = FlightState::Queued;
        int attempts = 0;
        uint64_t serial = 0;  // identifies the current attempt's completion
        Transport::RequestId transport_id = 0;
        int64_t deadline = 0;  // Running: timeout; Backoff: next attempt
        FetchError last_error;
    };

    // Per host: its minimum interval between starts, and a window in which no
    // request may start (the server's Retry-After, or a probable refusal).
    struct Gate {
        int64_t interval = 0;
        int64_t last_start = 0;
        bool started = false;
        int64_t not_before = 0;         // closed until then
        FetchError hold;                // why, when the server asked for the wait
        std::deque<std::string> queue;  // URLs of queued flights, oldest first

        int64_t opens_at() const { return std::max(started ? last_start + interval : 0, not_before); }
    };

    struct Completion {
        std::string url;
        uint64_t serial;
        HttpResponse response;
    };

    // A null result closes the waiter silently (an unchanged or failed refresh).
    struct Delivery {
        uint64_t waiter;
        std::shared_ptr<const FetchResult> result;
        bool final;
    };

    HttpClientCore(Transport& t, HttpClient::Clock monotonic, HttpClient::Clock wall, HttpClientConfig cfg)
        : transport(t), clock(std::move(monotonic)), wall_clock(std::move(wall)), config(cfg), rng(cfg.seed),
          cache(cfg.cache_bytes) {}

    Transport& transport;
    HttpClient::Clock clock;       // monotonic: every wait
    HttpClient::Clock wall_clock;  // since 1970: HTTP dates only
    HttpClientConfig config;
    uint64_t rng;
    LruCache cache;
    std::weak_ptr<HttpClientCore> self;
    uint64_t next_id = 1;
    uint64_t next_serial = 1;
    std::unordered_map<uint64_t, Waiter> waiters;
    std::map<std::string, Flight> flights;
    std::map<std::string, Gate> gates;
    std::vector<Completion> completions;
    std::vector<Delivery> deliveries;

    uint64_t random() {  // splitmix64
        uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // Exponential backoff with "equal jitter": half fixed, half random.
    int64_t backoff_ms(int attempt) {
        int64_t delay = config.backoff_base_ms;
        for (int i = 1; i < attempt && delay < config.backoff_max_ms; ++i) delay *= 2;
        delay = std::min(delay, config.backoff_max_ms);
        int64_t half = delay / 2;
        return half + static_cast<int64_t>(random() % static_cast<uint64_t>(half + 1));
    }

    void add_to_flight(const std::string& url, uint64_t waiter, const FetchOptions& options) {
        auto it = flights.find(url);
        if (it != flights.end()) {
            it->second.waiters.push_back(waiter);
            return;
        }
        Flight& f = flights[url];
        f.url = url;
        f.options = options;
        f.options.max_attempts = std::max(1, options.max_attempts);
        f.waiters.push_back(waiter);
        begin_attempt(f);
    }

    Gate* gate_for(const std::string& url) {
        auto it = gates.find(url_host(url));
        return it == gates.end() ? nullptr : &it->second;
    }

    void begin_attempt(Flight& f) {
        Gate* gate = gate_for(f.url);
        int64_t now = clock();
        if (gate && !gate->hold.ok() && gate->not_before - now > config.retry_after_cap_ms) {
            // the server asked for a long pause: say so now rather than wait unseen
            FetchError held = gate->hold;
            held.message += " It asks to wait " + wait_text(gate->not_before - now) + " before trying again.";
            return give_up(f, std::move(held), {});
        }
        if (gate && (!gate->queue.empty() || now < gate->opens_at())) {
            f.state = FlightState::Queued;
            gate->queue.push_back(f.url);
            return;
        }
        start_transport(f);
    }

    void start_transport(Flight& f) {
        int64_t now = clock();
        if (Gate* gate = gate_for(f.url)) {
            gate->last_start = now;
            gate->started = true;
        }
        f.state = FlightState::Running;
        f.attempts += 1;
        f.deadline = now + f.options.timeout_ms;
        f.serial = next_serial++;
        std::weak_ptr<HttpClientCore> weak = self;
        std::string url = f.url;
        uint64_t serial = f.serial;
        f.transport_id = transport.start({f.url, f.options.max_bytes}, [weak, url, serial](HttpResponse r) {
            if (auto core = weak.lock()) core->completions.push_back({url, serial, std::move(r)});
        });
    }

    void queue_delivery(uint64_t waiter, std::shared_ptr<const FetchResult> result, bool final) {
        deliveries.push_back({waiter, std::move(result), final});
    }

    void finish_flight(Flight& f, const FetchResult& result) {
        std::shared_ptr<const FetchResult> shared = std::make_shared<FetchResult>(result);
        std::shared_ptr<FetchResult> refreshed;
        for (uint64_t id : f.waiters) {
            auto w = waiters.find(id);
            if (w == waiters.end()) continue;
            if (!w->second.stale) {
                queue_delivery(id, shared, true);
            } else if (result.ok() && w->second.stale->response.body != result.response.body) {
                if (!refreshed) {
                    refreshed = std::make_shared<FetchResult>(result);
                    refreshed->refreshed = true;
                }
                queue_delivery(id, refreshed, true);
            } else {
                queue_delivery(id, nullptr, true);
            }
        }
        std::string url = f.url;
        flights.erase(url);  // f is dangling from here on
    }

    // The server asked for a pause: no request to its host starts before it ends.
    void hold_host(const std::string& url, int64_t until, const FetchError& why) {
        Gate& gate = gates[url_host(url)];
        if (until <= gate.not_before) return;
        gate.not_before = until;
        gate.hold = why;
    }

    void fail(Flight& f, FetchError error, const HttpResponse& response) {
        int64_t now = clock();
        int64_t asked = is_transient(error) ? retry_after_ms(response.retry_after, wall_clock()) : -1;
        if (asked > 0) hold_host(f.url, now + asked, error);
        if (is_transient(error) && f.attempts < f.options.max_attempts) {
            int64_t delay = backoff_ms(f.attempts);
            if (asked > config.retry_after_cap_ms) {
                error.message += " It asks to wait " + wait_text(asked) + " before trying again.";
                return give_up(f, std::move(error), response);
            }
            delay = std::max(delay, asked);
            f.state = FlightState::Backoff;
            f.deadline = now + delay;
            f.last_error = error;
            f.last_error.message += " Retrying in " + seconds_text(delay) + ".";
            return;
        }
        if (f.attempts > 1) error.message += " Tried " + std::to_string(f.attempts) + " times.";
        give_up(f, std::move(error), response);
    }

    void give_up(Flight& f, FetchError error, const HttpResponse& response) {
        FetchResult result;
        result.url = f.url;
        result.error = std::move(error);
        if (result.error.kind == FetchError::Http || result.error.kind == FetchError::RateLimited) {
            result.response = response;
            if (result.response.body.size() > kMaxErrorBody) result.response.body.resize(kMaxErrorBody);
        }
        finish_flight(f, result);
    }

    void on_response(Flight& f, HttpResponse response) {
        if (response.too_large || response.body.size() > f.options.max_bytes) {
            return give_up(f,
                           make_error(FetchError::TooLarge,
                                      "The answer from " + server_phrase(f.url) + " was larger than " +
                                          size_text(f.options.max_bytes) + ", so it was not loaded.",
                                      response.status),
                           {});
        }
        if (response.status == 0 && !f.options.no_answer_error.ok()) {
            if (Gate* gate = gate_for(f.url); gate && gate->interval > 0)
                gate->not_before = std::max(gate->not_before, clock() + f.options.no_answer_backoff_ms);
            return give_up(f, f.options.no_answer_error, response);
        }
        if (response.status == 0) {
            return fail(f,
                        make_error(FetchError::Network, "Could not reach " + server_phrase(f.url) +
                                                            ". The network may be down, or the server does not "
                                                            "allow requests from this page."),
                        response);
        }
        if (response.status < 200 || response.status > 299) return fail(f, status_error(f.url, response.status), response);
        Decoded decoded;
        if (f.options.decode) {
            decoded = f.options.decode(response);
            if (!decoded.error.ok()) return fail(f, std::move(decoded.error), response);
        }
        int64_t now = clock();
        if (f.options.use_cache && f.options.decode && response.status == 200) {
            cache.put({f.url, response, decoded.value, now + f.options.fresh_ms,
                       now + f.options.fresh_ms + f.options.stale_ms});
        }
        FetchResult result;
        result.url = f.url;
        result.response = std::move(response);
        result.decoded = std::move(decoded.value);
        finish_flight(f, result);
    }

    void on_timeout(Flight& f) {
        transport.cancel(f.transport_id);
        fail(f,
             make_error(FetchError::Timeout, capitalized(server_phrase(f.url)) + " did not answer within " +
                                                 seconds_text(f.options.timeout_ms) + "."),
             {});
    }

    void cancel(uint64_t id) {
        auto w = waiters.find(id);
        if (w == waiters.end()) return;
        std::string url = w->second.url;
        waiters.erase(w);
        auto it = flights.find(url);
        if (it == flights.end()) return;
        Flight& f = it->second;
        auto pos = std::find(f.waiters.begin(), f.waiters.end(), id);
        if (pos == f.waiters.end()) return;
        f.waiters.erase(pos);
        if (!f.waiters.empty()) return;
        if (f.state == FlightState::Running) transport.cancel(f.transport_id);
        if (f.state == FlightState::Queued) {
            if (Gate* gate = gate_for(url)) {
                auto queued = std::find(gate->queue.begin(), gate->queue.end(), url);
                if (queued != gate->queue.end()) gate->queue.erase(queued);
            }
        }
        flights.erase(it);
    }

    std::vector<std::string> flight_urls(FlightState state) const {
        std::vector<std::string> out;
        for (const auto& [url, f] : flights)
            if (f.state == state) out.push_back(url);
        return out;
    }

    void tick() {
        int64_t now = clock();
        std::vector<Completion> done;
        done.swap(completions);
        for (Completion& c : done) {
            auto it = flights.find(c.url);
            if (it != flights.end() && it->second.state == FlightState::Running && it->second.serial == c.serial)
                on_response(it->second, std::move(c.response));
        }
        for (const std::string& url : flight_urls(FlightState::Running)) {
            auto it = flights.find(url);
            if (it != flights.end() && now >= it->second.deadline) on_timeout(it->second);
        }
        for (const std::string& url : flight_urls(FlightState::Backoff)) {
            auto it = flights.find(url);
            if (it != flights.end() && now >= it->second.deadline) begin_attempt(it->second);
        }
        for (auto& [host, gate] : gates) {
            if (gate.queue.empty() || now < gate.opens_at()) continue;
            std::string url = gate.queue.front();
            gate.queue.pop_front();
            auto it = flights.find(url);
            if (it != flights.end()) start_transport(it->second);
        }
        deliver();
    }

    void deliver() {
        std::vector<Delivery> due;
        due.swap(deliveries);
        for (Delivery& d : due) {
            auto w = waiters.find(d.waiter);
            if (w == waiters.end()) continue;  // cancelled
            if (w->second.task) {
                std::function<void()> task = std::move(w->second.task);
                waiters.erase(w);
                task();
            } else if (!d.final) {
                HttpClient::Callback callback = w->second.callback;  // a copy: it may cancel itself
                callback(*d.result);
            } else {
                HttpClient::Callback callback = std::move(w->second.callback);
                waiters.erase(w);
                if (d.result) callback(*d.result);
            }
        }
    }

    FetchProgress progress(uint64_t id) const {
        FetchProgress p;
        auto w = waiters.find(id);
        if (w == waiters.end()) return p;
        auto it = flights.find(w->second.url);
        if (it == flights.end()) return p;
        const Flight& f = it->second;
        if (std::find(f.waiters.begin(), f.waiters.end(), id) == f.waiters.end()) return p;
        p.active = true;
        p.queued = f.state == FlightState::Queued;
        p.attempts = f.attempts;
        p.retry_at_ms = f.state == FlightState::Backoff ? f.deadline : 0;
        p.last_error = f.last_error;
        return p;
    }
};

// ---- FetchHandle ------------------------------------------------------------------

FetchHandle::FetchHandle(FetchHandle&& other) noexcept
    : core_(std::move(other.core_)), id_(other.id_) {
    other.id_ = 0;
}

FetchHandle& FetchHandle::operator=(FetchHandle&& other) noexcept {
    if (this != &other) {
        cancel();
        core_ = std::move(other.core_);
        id_ = other.id_;
        other.id_ = 0;
    }
    return *this;
}

void FetchHandle::cancel() {
    if (auto core = core_.lock()) core->cancel(id_);
    core_.reset();
    id_ = 0;
}

bool FetchHandle::pending() const {
    auto core = core_.lock();
    return core && core->waiters.count(id_) != 0;
}

FetchProgress FetchHandle::progress() const {
    auto core = core_.lock();
    return core ? core->progress(id_) : FetchProgress{};
}

// ---- HttpClient -------------------------------------------------------------------

HttpClient::HttpClient(Transport& transport, Clock monotonic_ms, Clock wall_ms, HttpClientConfig config)
    : core_(std::make_shared<HttpClientCore>(transport, std::move(monotonic_ms), std::move(wall_ms), config)) {
    core_->self = core_;
}

HttpClient::~HttpClient() {
    for (auto& [url, f] : core_->flights)
        if (f.state == HttpClientCore::FlightState::Running) core_->transport.cancel(f.transport_id);
}

FetchHandle HttpClient::get(const std::string& url, Callback callback, FetchOptions options) {
    HttpClientCore& c = *core_;
    uint64_t id = c.next_id++;
    HttpClientCore::Waiter& w = c.waiters[id];
    w.url = url;
    w.callback = std::move(callback);
    if (options.use_cache) {
        if (const LruCache::Entry* e = c.cache.find(url)) {
            int64_t now = c.clock();
            if (now < e->stale_until) {
                auto cached = std::make_shared<FetchResult>();
                cached->url = url;
                cached->response = e->response;
                cached->decoded = e->decoded;
                cached->from_cache = true;
                cached->stale = now >= e->fresh_until;
                c.queue_delivery(id, cached, !cached->stale);
                if (!cached->stale) return FetchHandle(core_, id);
                w.stale = std::move(cached);
            }
        }
    }
    c.add_to_flight(url, id, options);
    return FetchHandle(core_, id);
}

FetchHandle HttpClient::defer(std::function<void()> task) {
    uint64_t id = core_->next_id++;
    core_->waiters[id].task = std::move(task);
    core_->queue_delivery(id, nullptr, true);
    return FetchHandle(core_, id);
}

void HttpClient::set_min_interval(const std::string& host, std::int64_t interval_ms) {
    core_->gates[host].interval = interval_ms;
}

void HttpClient::tick() { core_->tick(); }

bool HttpClient::idle() const {
    return core_->flights.empty() && core_->completions.empty() && core_->deliveries.empty();
}

std::size_t HttpClient::cache_bytes() const { return core_->cache.bytes(); }

}  // namespace ng
