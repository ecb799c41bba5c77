#include "fetch.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "capture.hpp"
#include "cli_args.hpp"
#include "core/time_format.hpp"
#include "core/url_util.hpp"
#include "feed.hpp"
#include "fetch_http.hpp"
#include "fetch_policy.hpp"
#include "health.hpp"
#include "outlets.hpp"

namespace ingest {
namespace fs = std::filesystem;

namespace {

constexpr const char* kLockName = ".fetch.lock";
// When this many requests in a row fail to resolve or connect before any
// answer arrives, the machine is offline: the rest are not tried.
constexpr int kOfflineProbe = 24;
constexpr const char* kPlaceholderContact = "https://example.invalid/newsglobe-ingest-operator-unset";

int64_t unix_now() {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

// [SECTION] Lock -------------------------------------------------------------------

// An flock() on CAPTURES/.fetch.lock: released by the kernel when the process
// ends, however it ends, so a crash never leaves the folder locked.
class FetchLock {
public:
    explicit FetchLock(const fs::path& dir) {
        fs::path path = dir / kLockName;
        fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0) {
            error_ = "Cannot open " + path.string() + " to lock the captures folder.";
            return;
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            char pid[32] = {};
            ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
            std::string holder = n > 0 ? std::string(pid, static_cast<size_t>(n)) : std::string("unknown");
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
            error_ = "Another fetch is writing to " + dir.string() + " (process " + holder + " holds " + path.string() +
                     "); this run stops without fetching.";
            ::close(fd_);
            fd_ = -1;
            return;
        }
        std::string me = std::to_string(::getpid()) + "\n";
        if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, me.data(), me.size(), 0);
    }
    ~FetchLock() {
        if (fd_ >= 0) ::close(fd_);
    }
    FetchLock(const FetchLock&) = delete;
    FetchLock& operator=(const FetchLock&) = delete;
    const std::string& error() const { return error_; }

private:
    int fd_ = -1;
    std::string error_;
};

// "1 outlet", "2 outlets".
std::string plural(size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool write_atomically(const fs::path& path, const std::string& bytes) {
    fs::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) return false;
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    return !ec;
}

std::string read_text(const fs::path& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// [SECTION] Sources ------------------------------------------------------------------

struct Source {
    SourceKind kind = SourceKind::Feed;
    bool listing = false;  // a GDELT listing: discovers files, is not stored
    std::string url, outlet, country;
    bool probe = false;    // a GDELT file that may not exist: a 404 only means "not this minute"
};

CaptureEntry entry_for(const Source& s) {
    CaptureEntry e;
    e.kind = s.kind;
    e.outlet = s.outlet;
    e.url = e.final_url = s.url;
    return e;
}

SourceOutcome outcome_for(const Source& s) {
    SourceOutcome o;
    o.kind = s.kind;
    o.listing = s.listing;
    o.url = s.url;
    o.outlet = s.outlet;
    o.country = s.country;
    return o;
}

// The newest stored body of each feed URL in the latest captures, for
// conditional GET: a 304 re-adds it. Older captures are not searched: a
// feed missing from the last few runs is simply fetched in full.
struct PreviousBody {
    const Capture* capture = nullptr;
    const CaptureEntry* entry = nullptr;
};
constexpr size_t kValidatorCaptures = 8;

std::unordered_map<std::string, PreviousBody> previous_bodies(const std::vector<Capture>& captures) {
    std::unordered_map<std::string, PreviousBody> found;
    size_t searched = 0;
    for (auto it = captures.rbegin(); it != captures.rend() && searched < kValidatorCaptures; ++it, ++searched)
        for (const CaptureEntry& e : it->entries)
            if (e.kind == SourceKind::Feed && e.has_body() && (!e.etag.empty() || !e.last_modified.empty()))
                found.emplace(e.url, PreviousBody{&*it, &e});
    return found;
}

// GDELT's files are immutable: each is fetched once, into the capture of the
// run that found it. `build` reads every capture in the retention window.
std::set<std::string> gdelt_files_held(const std::vector<Capture>& captures) {
    std::set<std::string> urls;
    for (const Capture& c : captures)
        for (const CaptureEntry& e : c.entries)
            if (e.kind != SourceKind::Feed && e.has_body()) urls.insert(e.url);
    return urls;
}

const char* file_suffix(SourceKind kind) {
    return kind == SourceKind::GdeltArticleList ? ".gal.json.gz" : ".gsg.docembed.json.gz";
}

const char* gdelt_folder(SourceKind kind) { return kind == SourceKind::GdeltArticleList ? "gal/" : "gsg_docembed/"; }

// The files a GDELT listing names, newest first: links (or guids) ending in
// the kind's suffix, whose names start with their YYYYMMDDHHMMSS slot.
std::vector<std::string> listed_files(const ParsedFeed& listing, SourceKind kind) {
    std::string suffix = file_suffix(kind);
    std::vector<std::pair<std::string, std::string>> files;  // name, url
    std::set<std::string> seen;
    for (const FeedItem& item : listing.items) {
        for (const std::string& url : {item.link, item.guid}) {
            if (url.size() <= suffix.size() || url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
            if (!ng::is_openable_url(url) || !seen.insert(url).second) continue;
            files.emplace_back(url.substr(url.rfind('/') + 1), url);
        }
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> urls;
    for (auto& f : files) urls.push_back(std::move(f.second));
    return urls;
}

// [SECTION] The run ----------------------------------------------------------------------

class FetchRun {
public:
    FetchRun(const FetchOptions& o, std::ostream& out, std::ostream& err) : opt_(o), out_(out), err_(err) {}
    int run();

private:
    bool load_tables();
    void add_sources();
    void handle(size_t job, HttpResult& r);
    void discover_files(const Source& listing, const ParsedFeed& parsed, SourceOutcome& outcome);
    bool probe_minutes(SourceKind kind);  // false: the host may not be asked now
    void finish_discovery();
    void record(size_t source, CaptureEntry entry, const std::string* body, SourceOutcome outcome);
    size_t add_source(Source s);
    void queue(size_t source);
    std::string skip_reason(const std::string& host) const;  // empty: ask it
    void write_health(const std::string& capture_id, int64_t finished);
    std::string describe_sources() const;

    const FetchOptions& opt_;
    std::ostream& out_;
    std::ostream& err_;
    OutletTable curated_, wide_;
    std::vector<std::string> table_problems_;
    std::vector<Source> sources_;
    std::unordered_map<std::string, size_t> source_of_url_;
    std::vector<std::optional<SourceOutcome>> outcomes_;
    std::vector<size_t> job_source_;
    std::vector<Capture> captures_;
    std::unordered_map<std::string, PreviousBody> previous_;
    std::set<std::string> gdelt_held_;
    std::map<SourceKind, std::pair<int, int>> probed_;  // minute stamps asked, files found
    HealthReport previous_health_;
    std::vector<HostHold> holds_, new_holds_;
    std::set<std::string> throttled_;  // hosts that sent 429 without Retry-After in this run
    std::unique_ptr<HttpFetcher> fetcher_;
    std::unique_ptr<CaptureWriter> writer_;
    RunStats stats_;
    std::set<std::string> hosts_;
    int64_t now_ = 0;
    int network_failures_ = 0, attempts_ = 0;
    bool network_seen_working_ = false;
    std::string first_network_error_;
};

bool FetchRun::load_tables() {
    if (!opt_.outlets_path.empty()) {
        curated_ = load_outlet_table(opt_.outlets_path);
        if (curated_.outlets.empty()) {
            err_ << "newsglobe-ingest fetch: " << opt_.outlets_path << " gives no usable outlet"
                 << (curated_.problems.empty() ? "." : ": " + curated_.problems.front()) << "\n";
            return false;
        }
        for (const std::string& p : curated_.problems) table_problems_.push_back(opt_.outlets_path + ": " + p);
    }
    if (!opt_.feed_list_path.empty()) {
        wide_ = load_feed_list(opt_.feed_list_path, curated_);
        if (wide_.outlets.empty()) {
            err_ << "newsglobe-ingest fetch: " << opt_.feed_list_path << " gives no usable feed"
                 << (wide_.problems.empty() ? "." : ": " + wide_.problems.front()) << "\n";
            return false;
        }
        for (const std::string& p : wide_.problems) table_problems_.push_back(opt_.feed_list_path + ": " + p);
    }
    return true;
}

size_t FetchRun::add_source(Source s) {
    size_t index = sources_.size();
    source_of_url_.emplace(s.url, index);
    sources_.push_back(std::move(s));
    outcomes_.emplace_back();
    return index;
}

void FetchRun::add_sources() {
    std::map<std::string, std::string> owner;  // feed URL -> the outlet that has it
    for (const OutletTable* table : {&curated_, &wide_}) {
        for (const Outlet& o : table->outlets) {
            for (const std::string& url : o.feeds) {
                if (auto [it, added] = owner.emplace(url, o.id); !added) {
                    table_problems_.push_back(it->second == o.id ? "Outlet " + o.id + " lists " + url + " more than once; fetched once."
                                                                 : "Outlet " + o.id + " lists " + url + ", which " + it->second +
                                                                       " already has: fetched once, for " + it->second + ".");
                    continue;
                }
                add_source({SourceKind::Feed, false, url, o.id, o.country});
            }
        }
    }
    if (opt_.gdelt) {
        // Without a listing to read, the folder itself stands for the discovery in the report.
        std::string name = opt_.gdelt_discovery == "minutes" ? "" : "feed.rss";
        for (SourceKind kind : {SourceKind::GdeltArticleList, SourceKind::GdeltEmbeddings})
            add_source({kind, true, ng::join_url(opt_.gdelt_base, gdelt_folder(kind) + name), "", ""});
    }
}

void FetchRun::queue(size_t index) {
    const Source& s = sources_[index];
    if (s.listing && opt_.gdelt_discovery == "minutes") {
        probe_minutes(s.kind);
        return;
    }
    std::string host = host_key(s.url);
    hosts_.insert(host);
    if (std::string reason = skip_reason(host); !reason.empty()) {
        SourceOutcome o = outcome_for(s);
        o.skipped = true;
        o.attempted_at = now_;
        o.error = reason;
        CaptureEntry e = entry_for(s);
        e.error = o.error;
        e.requested_at = now_;
        if (!s.listing) record(index, std::move(e), nullptr, std::move(o));
        else outcomes_[index] = std::move(o);
        ++stats_.skipped;
        return;
    }
    HttpJob job;
    job.url = s.url;
    bool gdelt_file = s.kind != SourceKind::Feed && !s.listing;
    job.max_bytes = gdelt_file ? opt_.gdelt_max_bytes : opt_.max_bytes;
    job.timeout_ms = static_cast<int64_t>(opt_.timeout_s * 1000 * (gdelt_file ? 10 : 1));
    if (auto it = previous_.find(s.url); it != previous_.end()) {
        job.etag = it->second.entry->etag;
        job.last_modified = it->second.entry->last_modified;
    }
    size_t id = fetcher_->add(std::move(job));
    if (job_source_.size() <= id) job_source_.resize(id + 1);
    job_source_[id] = index;
}

std::string FetchRun::skip_reason(const std::string& host) const {
    for (const HostHold& h : holds_)
        if (h.host == host)
            return "Skipped: " + host + " asked us to wait until " + ng::format_rfc3339(h.until) + " (" + h.reason + ").";
    if (throttled_.count(host)) return "Skipped: " + host + " answered 429 Too Many Requests earlier in this run.";
    return {};
}

void FetchRun::record(size_t source, CaptureEntry entry, const std::string* body, SourceOutcome outcome) {
    if (!writer_->add(std::move(entry), body)) outcome.error = writer_->error();
    outcomes_[source] = std::move(outcome);
}

bool FetchRun::probe_minutes(SourceKind kind) {
    if (!skip_reason(host_key(opt_.gdelt_base)).empty()) return false;  // finish_discovery() says so
    int& asked = probed_[kind].first;
    int minutes_after_quarter = kind == SourceKind::GdeltArticleList ? 8 : 1;
    for (const std::string& stamp : gdelt_minute_stamps(now_, opt_.gdelt_lookback_min, minutes_after_quarter)) {
        std::string url = ng::join_url(opt_.gdelt_base, gdelt_folder(kind) + stamp + file_suffix(kind));
        if (gdelt_held_.count(url) || source_of_url_.count(url)) continue;
        Source probe{kind, false, url, "", ""};
        probe.probe = true;
        queue(add_source(std::move(probe)));
        ++asked;
    }
    return true;
}

void FetchRun::discover_files(const Source& listing, const ParsedFeed& parsed, SourceOutcome& outcome) {
    std::vector<std::string> files = listed_files(parsed, listing.kind);
    if (files.empty()) {
        std::string none = "The listing names no *" + std::string(file_suffix(listing.kind)) + " files (" +
                           plural(parsed.items.size(), "item", "items") + ")";
        if (opt_.gdelt_discovery == "auto") {
            outcome.warnings.push_back(none + "; probing minute stamps instead.");
            probe_minutes(listing.kind);
        } else if (outcome.error.empty()) {
            outcome.error = none + "; nothing to download.";
        }
        return;
    }
    int queued = 0;
    for (const std::string& url : files) {
        if (queued >= opt_.gdelt_files) break;
        if (gdelt_held_.count(url) || source_of_url_.count(url)) continue;
        queue(add_source({listing.kind, false, url, "", ""}));
        ++queued;
    }
    outcome.warnings.push_back("The listing names " + plural(files.size(), "file", "files") + "; " +
                               plural(static_cast<size_t>(queued), "new one", "new ones") + " fetched (at most " +
                               std::to_string(opt_.gdelt_files) + " a run).");
}

// Each discovery's line in the health report says what probing found.
void FetchRun::finish_discovery() {
    for (size_t i = 0; i < sources_.size(); ++i) {
        const Source& s = sources_[i];
        if (!s.listing) continue;
        if (!outcomes_[i]) {  // "minutes": nothing was asked of the folder itself
            outcomes_[i] = outcome_for(s);
            outcomes_[i]->attempted_at = now_;
        }
        auto [asked, found] = probed_[s.kind];
        if (std::string reason = skip_reason(host_key(opt_.gdelt_base)); !reason.empty() && asked == 0)
            outcomes_[i]->warnings.push_back("No minute stamps were probed. " + reason);
        if (asked > 0)
            outcomes_[i]->warnings.push_back("Probed " + std::to_string(asked) + " minute stamps of the last " +
                                             std::to_string(opt_.gdelt_lookback_min) + " minutes: " +
                                             plural(static_cast<size_t>(found), "file", "files") + " found.");
    }
}

void FetchRun::handle(size_t job, HttpResult& r) {
    size_t index = job_source_[job];
    const Source s = sources_[index];
    if (s.probe && r.status == 404) {  // an empty minute: nothing to record
        ++attempts_;
        stats_.received_bytes += r.received_bytes;
        network_seen_working_ = true;
        return;
    }
    CaptureEntry e = entry_for(s);
    if (!r.final_url.empty()) e.final_url = r.final_url;
    e.status = r.status;
    e.content_type = r.content_type;
    e.etag = r.etag;
    e.last_modified = r.last_modified;
    e.redirects = r.redirects;
    e.requested_at = r.started_at;
    e.elapsed_ms = r.elapsed_ms;
    SourceOutcome o = outcome_for(s);
    o.status = r.status;
    o.elapsed_ms = r.elapsed_ms;
    o.attempted_at = r.started_at;
    stats_.received_bytes += r.received_bytes;

    std::string body;
    bool have_body = false;
    if (r.ok() && r.status == 304) {
        o.not_modified = true;
        auto it = previous_.find(s.url);
        std::string problem;
        if (it != previous_.end() && read_body(*it->second.capture, *it->second.entry, body, problem)) {
            have_body = true;
            // A 304 need not repeat the headers; the kept body keeps its own
            // (the charset may be named only in Content-Type).
            const CaptureEntry& before = *it->second.entry;
            if (e.etag.empty()) e.etag = before.etag;
            if (e.last_modified.empty()) e.last_modified = before.last_modified;
            if (e.content_type.empty()) e.content_type = before.content_type;
        } else {
            // Without the old body the validators are worthless: drop them so
            // the next run downloads the feed in full.
            e.etag.clear();
            e.last_modified.clear();
            e.error = "The server answered 304 Not Modified, but the previous body is gone (" +
                      (problem.empty() ? "no earlier capture has it" : problem) + "); the next run downloads it again.";
        }
    } else if (r.ok()) {
        body = std::move(r.body);
        have_body = true;
    } else {
        e.error = r.error;
        if (r.failure == HttpFailure::Skipped) o.skipped = true;
        if (r.failure == HttpFailure::Network) {
            if (first_network_error_.empty()) first_network_error_ = r.error;
            if (++network_failures_ == kOfflineProbe && !network_seen_working_)
                fetcher_->skip_all("Not tried: the first " + std::to_string(kOfflineProbe) +
                                   " requests all failed to resolve or connect; the network seems unreachable.");
        }
        if (r.status == 429 || r.status == 503) {
            std::string host = host_key(s.url);
            if (auto until = parse_retry_after(r.retry_after, unix_now())) {
                std::string when = ng::format_rfc3339(*until);
                new_holds_.push_back({host, *until, "HTTP " + std::to_string(r.status) + " with Retry-After: " + r.retry_after});
                holds_.push_back(new_holds_.back());
                e.error += " Retry-After asks us to wait until " + when + ": the host's other sources are skipped until then.";
                fetcher_->skip_host(s.url, skip_reason(host));
            } else if (r.status == 429) {
                e.error += " No Retry-After was given: the host's other sources are skipped for this run.";
                throttled_.insert(host);
                fetcher_->skip_host(s.url, skip_reason(host));
            }
        }
    }
    if (!o.skipped) ++attempts_;
    if (r.failure != HttpFailure::Network && r.failure != HttpFailure::Skipped) network_seen_working_ = true;
    o.error = e.error;
    if (have_body) {
        o.bytes = body.size();
        if (s.kind == SourceKind::Feed || s.listing) {
            ParsedFeed parsed = parse_feed(body, e.content_type, e.final_url);
            o.items = static_cast<int>(parsed.items.size());
            o.warnings = parsed.warnings;
            // The body is kept either way: a better parser may read it later.
            // A feed that yields nothing is no source: its health says why.
            if (!parsed.error.empty()) o.error = parsed.error;
            else if (parsed.items.empty() && !s.listing)
                o.error = o.warnings.empty() ? "The feed has no items." : o.warnings.front();
            if (s.listing) discover_files(s, parsed, o);
        }
    }
    if (o.skipped) ++stats_.skipped;
    else if (o.ok()) ++stats_.ok;
    else ++stats_.failed;
    if (s.probe && o.ok()) ++probed_[s.kind].second;
    // A listing that cannot be read leaves probing, in "auto".
    if (s.listing && !have_body && !o.skipped && opt_.gdelt_discovery == "auto" && probe_minutes(s.kind))
        o.warnings.push_back("Probing minute stamps instead.");
    if (o.not_modified && have_body) ++stats_.not_modified;
    if (o.items > 0 && !s.listing) stats_.items += o.items;
    if (s.listing) {
        outcomes_[index] = std::move(o);  // discovery only: nothing for build to read
        return;
    }
    if (have_body) stats_.bytes += body.size();
    record(index, std::move(e), have_body ? &body : nullptr, std::move(o));
}

void FetchRun::write_health(const std::string& capture_id, int64_t finished) {
    std::vector<OutletRef> refs;
    for (const OutletTable* table : {&curated_, &wide_})
        for (const Outlet& o : table->outlets) refs.push_back({o.id, o.name, o.country, o.wide_tier});
    std::vector<SourceOutcome> outcomes;
    for (auto& o : outcomes_)
        if (o) outcomes.push_back(std::move(*o));
    HealthReport report = update_health(previous_health_, std::move(outcomes), refs, new_holds_, table_problems_, stats_,
                                        capture_id, finished);
    fs::path json_path = opt_.captures / "health.json", text_path = opt_.captures / "health.txt";
    if (!write_atomically(json_path, health_to_json(report)) || !write_atomically(text_path, health_to_text(report))) {
        err_ << "newsglobe-ingest fetch: could not write " << json_path.string() << " (disk full?).\n";
        return;
    }
    size_t problems = 0;
    for (const FeedHealth& f : report.feeds) problems += !f.last.ok();
    out_ << "health: " << text_path.string() << " (" << problems << (problems == 1 ? " problem" : " problems") << ")\n";
}

std::string FetchRun::describe_sources() const {
    std::set<std::string> countries;
    for (const OutletTable* table : {&curated_, &wide_})
        for (const Outlet& o : table->outlets) countries.insert(o.country);
    size_t outlets = curated_.outlets.size() + wide_.outlets.size();
    std::ostringstream s;
    s << plural(outlets, "outlet", "outlets") << " in " << plural(countries.size(), "country", "countries") << " ("
      << curated_.outlets.size() << " curated, " << wide_.outlets.size() << " wide tier), "
      << plural(sources_.size(), "source", "sources") << " on " << plural(hosts_.size(), "host", "hosts")
      << (opt_.gdelt ? " including GDELT's listings" : "") << "; " << opt_.parallel << " requests at a time, "
      << opt_.delay_s << " s between requests to one host";
    return s.str();
}

int FetchRun::run() {
    if (!load_tables()) return kFetchFailed;
    std::error_code ec;
    fs::create_directories(opt_.captures, ec);
    FetchLock lock(opt_.captures);
    if (!lock.error().empty()) {
        err_ << "newsglobe-ingest fetch: " << lock.error() << "\n";
        return kFetchBusy;
    }
    now_ = unix_now();
    fs::path health_path = opt_.captures / "health.json";
    if (fs::exists(health_path, ec)) {
        std::string problem;
        if (!health_from_json(read_text(health_path), previous_health_, problem))
            err_ << "newsglobe-ingest fetch: " << health_path.string() << ": " << problem << " Starting a fresh report.\n";
    }
    holds_ = active_holds(previous_health_, now_);
    std::vector<std::string> capture_problems;
    captures_ = list_captures(opt_.captures, &capture_problems);
    for (const std::string& p : capture_problems) table_problems_.push_back("Earlier capture skipped: " + p);
    previous_ = previous_bodies(captures_);
    gdelt_held_ = gdelt_files_held(captures_);

    HttpSettings http;
    http.user_agent = user_agent(opt_.contact);
    http.rest_ms = static_cast<int64_t>(opt_.delay_s * 1000);
    http.parallel = static_cast<size_t>(opt_.parallel);
    http.connect_timeout_ms = static_cast<int64_t>(opt_.connect_timeout_s * 1000);
    http.low_speed_seconds = static_cast<int64_t>(opt_.low_speed_s);
    fetcher_ = std::make_unique<HttpFetcher>(http);
    writer_ = std::make_unique<CaptureWriter>(opt_.captures, now_, std::string("newsglobe-ingest ") + kIngestVersion);
    if (!writer_->error().empty()) {
        err_ << "newsglobe-ingest fetch: " << writer_->error() << "\n";
        return kFetchFailed;
    }
    // Most feeds change little between runs: share unchanged bodies with the
    // latest captures (hard links) rather than storing them again.
    std::vector<fs::path> recent;
    for (auto it = captures_.rbegin(); it != captures_.rend() && recent.size() < kValidatorCaptures; ++it) recent.push_back(it->dir);
    writer_->link_bodies_from(std::move(recent));
    add_sources();
    for (size_t i = 0; i < sources_.size(); ++i) queue(i);
    stats_.started = now_;
    out_ << "newsglobe-ingest fetch: " << describe_sources() << ".\n" << std::flush;

    fetcher_->run([this](size_t job, HttpResult& r) { handle(job, r); });
    finish_discovery();

    stats_.finished = unix_now();
    stats_.requests = attempts_;
    stats_.hosts = static_cast<int>(hosts_.size());
    writer_->sort_entries([this](const CaptureEntry& a, const CaptureEntry& b) {
        return source_of_url_.at(a.url) < source_of_url_.at(b.url);
    });
    fs::path dir = writer_->commit(stats_.finished);
    if (dir.empty()) {
        err_ << "newsglobe-ingest fetch: the capture could not be written: " << writer_->error() << "\n";
        return kFetchFailed;
    }
    std::string id = dir.filename().string();
    out_ << "capture " << id << ": " << stats_.ok << " usable (" << stats_.not_modified << " not modified), " << stats_.failed
         << " failed, " << stats_.skipped << " skipped; " << format_bytes(stats_.bytes) << " stored, "
         << format_bytes(stats_.received_bytes) << " received, in " << (stats_.finished - stats_.started) << " s.\n";
    write_health(id, stats_.finished);

    bool offline = attempts_ > 0 && network_failures_ == attempts_;
    if (offline) {
        // Pruning now would leave only captures of failures; keep the old ones.
        err_ << "newsglobe-ingest fetch: no source could be reached: every request failed to resolve or connect (e.g. \""
             << first_network_error_ << "\"). This machine seems to have no internet access; older captures are kept.\n";
        return kFetchOffline;
    }
    int64_t cutoff = stats_.finished - static_cast<int64_t>(opt_.keep_hours * 3600);
    std::vector<std::string> pruned = prune_captures(opt_.captures, cutoff, 1);
    if (!pruned.empty())
        out_ << "pruned " << pruned.size() << " capture" << (pruned.size() == 1 ? "" : "s") << " older than " << opt_.keep_hours
             << " h.\n";
    return kFetchOk;
}

}  // namespace

int run_fetch(const FetchOptions& options, std::ostream& out, std::ostream& err) {
    return FetchRun(options, out, err).run();
}

// [SECTION] Command line ------------------------------------------------------------------

int fetch_command(int argc, char** argv) {
    ArgParser args("fetch", "Downloads every configured source into a new capture folder and writes the feed-health report.",
                   {
                       {"--outlets", "FILE", "curated outlet table (ingest/outlets.json; docs/ingest.md)"},
                       {"--captures", "DIR", "captures folder (required); health.json and health.txt go here too"},
                       {"--feed-list", "FILE", "also fetch the wide tier from a bare feed list"},
                       {"--wide", "", "the wide tier from ingest/feeds/country_feeds.json (in the current folder)"},
                       {"--gdelt", "", "also fetch GDELT's article-list (GAL) and embedding (GSG) files"},
                       {"--gdelt-base", "URL", "where GDELT's gal/ and gsg_docembed/ folders are (default http://data.gdeltproject.org/gdeltv3)"},
                       {"--gdelt-files", "N", "newest new listed files fetched per kind and run (default 4)"},
                       {"--gdelt-discovery", "HOW", "listing, minutes (probe minute stamps) or auto (default: the listing, else minutes)"},
                       {"--gdelt-lookback", "MINUTES", "how far back minute stamps are probed (default 60)"},
                       {"--gdelt-max-bytes", "SIZE", "size cap per GDELT file (default 64MB)"},
                       {"--contact", "URL", "where publishers can reach you, for the User-Agent (default $NEWSGLOBE_CONTACT)"},
                       {"--delay", "SECONDS", "rest between two requests to one host (default 1)"},
                       {"--parallel", "N", "requests in flight over all hosts (default 16)"},
                       {"--connect-timeout", "SECONDS", "default 10"},
                       {"--timeout", "SECONDS", "whole request, per feed (default 30; GDELT files 10x)"},
                       {"--low-speed-time", "SECONDS", "give up on a body under 100 bytes/s for this long (default 15)"},
                       {"--max-bytes", "SIZE", "size cap per feed, decoded (default 5MB)"},
                       {"--keep-hours", "HOURS", "capture retention (default 48)"},
                   });
    FetchOptions o;
    int64_t parallel = o.parallel, gdelt_files = o.gdelt_files, lookback = o.gdelt_lookback_min;
    bool ok = args.parse(argc, argv, 2) && args.number("--delay", o.delay_s, 0, 3600) &&
              args.integer("--parallel", parallel, 1, 256) && args.number("--connect-timeout", o.connect_timeout_s, 0.1, 600) &&
              args.number("--timeout", o.timeout_s, 0.1, 3600) && args.number("--low-speed-time", o.low_speed_s, 1, 3600) &&
              args.bytes("--max-bytes", o.max_bytes, 1, 1ull << 30) && args.number("--keep-hours", o.keep_hours, 0, 24 * 365) &&
              args.integer("--gdelt-files", gdelt_files, 0, 1000) && args.integer("--gdelt-lookback", lookback, 3, 24 * 60) &&
              args.bytes("--gdelt-max-bytes", o.gdelt_max_bytes, 1, 4ull << 30);
    if (args.help_requested()) {
        std::cout << args.usage();
        return kFetchOk;
    }
    if (!ok) {
        std::cerr << "newsglobe-ingest fetch: " << args.error() << "\n\n" << args.usage();
        return kFetchUsage;
    }
    o.parallel = static_cast<int>(parallel);
    o.gdelt_files = static_cast<int>(gdelt_files);
    o.gdelt_lookback_min = static_cast<int>(lookback);
    o.gdelt_discovery = args.value("--gdelt-discovery").value_or(o.gdelt_discovery);
    if (o.gdelt_discovery != "auto" && o.gdelt_discovery != "listing" && o.gdelt_discovery != "minutes") {
        std::cerr << "newsglobe-ingest fetch: --gdelt-discovery must be auto, listing or minutes, not \"" << o.gdelt_discovery
                  << "\".\n";
        return kFetchUsage;
    }
    o.outlets_path = args.value("--outlets").value_or("");
    o.feed_list_path = args.value("--feed-list").value_or(args.has("--wide") ? "ingest/feeds/country_feeds.json" : "");
    o.captures = args.value("--captures").value_or("");
    o.gdelt = args.has("--gdelt");
    o.gdelt_base = args.value("--gdelt-base").value_or(o.gdelt_base);
    if (!ng::is_openable_url(o.gdelt_base)) {
        std::cerr << "newsglobe-ingest fetch: --gdelt-base needs an http(s) URL.\n";
        return kFetchUsage;
    }
    const char* env_contact = std::getenv("NEWSGLOBE_CONTACT");
    o.contact = args.value("--contact").value_or(env_contact ? env_contact : "");
    if (o.captures.empty() || (o.outlets_path.empty() && o.feed_list_path.empty() && !o.gdelt)) {
        std::cerr << "newsglobe-ingest fetch: "
                  << (o.captures.empty() ? "--captures DIR is required." : "nothing to fetch: give --outlets, --feed-list/--wide or --gdelt.")
                  << "\n\n"
                  << args.usage();
        return kFetchUsage;
    }
    if (o.contact.empty()) {
        std::cerr << "newsglobe-ingest fetch: warning: no --contact (or NEWSGLOBE_CONTACT) given; publishers cannot tell who "
                     "fetches their feeds. The User-Agent says "
                  << kPlaceholderContact << " until you set one.\n";
        o.contact = kPlaceholderContact;
    }
    return run_fetch(o, std::cout, std::cerr);
}

}  // namespace ingest
