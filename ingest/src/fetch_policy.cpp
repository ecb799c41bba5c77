#include "fetch_policy.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/time_format.hpp"
#include "core/url_util.hpp"

namespace ingest {

std::string user_agent(std::string_view contact) {
    return std::string("newsglobe-ingest/") + kIngestVersion + " (news reader feed fetcher; +" + std::string(contact) + ")";
}

std::string host_key(std::string_view url) {
    if (!ng::is_openable_url(url)) return {};
    size_t colon = url.find(':');
    std::string scheme(url.substr(0, colon));
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t begin = colon + 3;  // after "://" (is_openable_url guarantees it)
    size_t end = url.find_first_of("/?#", begin);
    std::string authority(url.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    for (char& c : authority) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Drop the port when it is the scheme's default; keep others: two ports
    // on one machine are two servers (and the tests' way to have many hosts).
    size_t port_at = authority.rfind(':');
    if (port_at != std::string::npos && authority.find(']', port_at) == std::string::npos) {
        std::string port = authority.substr(port_at + 1);
        if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443") || port.empty())
            authority.erase(port_at);
    }
    return authority;
}

std::optional<int64_t> parse_retry_after(std::string_view value, int64_t now, int64_t max_wait) {
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r')) value.remove_suffix(1);
    if (value.empty()) return std::nullopt;
    int64_t at = 0;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (value.size() > 9) return now + max_wait;  // absurdly far: the cap applies
        int64_t seconds = 0;
        for (char c : value) seconds = seconds * 10 + (c - '0');
        at = now + seconds;
    } else {
        at = ng::parse_http_date(value);
        if (at == 0) return std::nullopt;
        at = std::max(at, now);  // a date in the past means "now"
    }
    return std::min(at, now + max_wait);
}

std::vector<std::string> gdelt_minute_stamps(int64_t now, int lookback_minutes, int minutes_after_quarter) {
    std::vector<std::string> stamps;
    int64_t newest = (now - 120) / 60 * 60, oldest = now - int64_t{lookback_minutes} * 60;
    for (int64_t t = newest; t >= oldest; t -= 60) {
        if ((t / 60) % 15 >= minutes_after_quarter) continue;
        std::string stamp;
        for (char c : ng::format_rfc3339(t))  // 2026-11-30T10:16:00Z -> 20261130101600
            if (c >= '0' && c <= '9') stamp += c;
        stamps.push_back(stamp);
    }
    return stamps;
}

std::string format_bytes(uint64_t bytes) {
    char text[32];
    if (bytes < 1024) {
        std::snprintf(text, sizeof text, "%llu B", static_cast<unsigned long long>(bytes));
    } else if (bytes < 1024 * 1024) {
        std::snprintf(text, sizeof text, "%llu KB", static_cast<unsigned long long>((bytes + 512) / 1024));
    } else {
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    }
    return text;
}

// [SECTION] HostScheduler -----------------------------------------------------

HostScheduler::HostScheduler(int64_t rest_ms, size_t max_active)
    : rest_ms_(std::max<int64_t>(0, rest_ms)), max_active_(std::max<size_t>(1, max_active)) {}

void HostScheduler::add(size_t job, const std::string& host) {
    auto [it, added] = hosts_.try_emplace(host);
    if (added) it->second.order = hosts_.size();
    it->second.queue.push_back(job);
    ++queued_;
}

bool HostScheduler::ready(const Host& h, int64_t now) const {
    return !h.busy && !h.queue.empty() && (!h.started || now >= h.rested_at);
}

std::optional<size_t> HostScheduler::start_next(int64_t now) {
    if (running_.size() >= max_active_) return std::nullopt;
    Host* best = nullptr;
    const std::string* best_name = nullptr;
    for (auto& [name, h] : hosts_) {
        if (!ready(h, now)) continue;
        if (!best || h.queue.size() > best->queue.size() ||
            (h.queue.size() == best->queue.size() && h.order < best->order)) {
            best = &h;
            best_name = &name;
        }
    }
    if (!best) return std::nullopt;
    size_t job = best->queue.front();
    best->queue.pop_front();
    best->busy = true;
    best->started = true;
    --queued_;
    running_[job] = *best_name;
    return job;
}

void HostScheduler::finish(size_t job, int64_t now) {
    auto it = running_.find(job);
    if (it == running_.end()) return;
    Host& h = hosts_[it->second];
    h.busy = false;
    h.rested_at = now + rest_ms_;
    running_.erase(it);
}

std::vector<size_t> HostScheduler::drop_host(const std::string& host) {
    auto it = hosts_.find(host);
    if (it == hosts_.end()) return {};
    std::vector<size_t> dropped(it->second.queue.begin(), it->second.queue.end());
    queued_ -= dropped.size();
    it->second.queue.clear();
    return dropped;
}

std::vector<size_t> HostScheduler::drop_all() {
    std::vector<size_t> dropped;
    for (auto& [name, h] : hosts_) {
        std::vector<size_t> these = drop_host(name);
        dropped.insert(dropped.end(), these.begin(), these.end());
    }
    return dropped;
}

std::optional<int64_t> HostScheduler::wait_ms(int64_t now) const {
    std::optional<int64_t> wait;
    for (const auto& [name, h] : hosts_) {
        if (h.busy || h.queue.empty()) continue;
        int64_t w = (!h.started || now >= h.rested_at) ? 0 : h.rested_at - now;
        if (!wait || w < *wait) wait = w;
    }
    return wait;
}

}  // namespace ingest
