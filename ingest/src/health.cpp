#include "health.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/json_util.hpp"
#include "core/time_format.hpp"
#include "fetch_policy.hpp"

namespace ingest {
namespace ju = ng::json_util;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr const char* kFormat = "newsglobe-feed-health 1";

std::string time_text(int64_t t) { return t ? ng::format_rfc3339(t) : std::string(); }

std::string text(const json& obj, const char* key) {
    auto s = ju::as_string(ju::member(obj, key));
    return s ? std::string(*s) : std::string();
}

int64_t integer(const json& obj, const char* key, int64_t fallback = 0) {
    return ju::as_int(ju::member(obj, key)).value_or(fallback);
}

int64_t time_of(const json& obj, const char* key) { return ng::parse_rfc3339(text(obj, key)); }

bool kind_from_name(const std::string& name, SourceKind& kind) {
    for (SourceKind k : {SourceKind::Feed, SourceKind::GdeltArticleList, SourceKind::GdeltEmbeddings})
        if (name == source_kind_name(k)) {
            kind = k;
            return true;
        }
    return false;
}

std::string key_of(const SourceOutcome& o) { return std::string(source_kind_name(o.kind)) + (o.listing ? " list " : " ") + o.url; }

}  // namespace

// [SECTION] Folding a run in ---------------------------------------------------

HealthReport update_health(const HealthReport& previous, std::vector<SourceOutcome> outcomes,
                           const std::vector<OutletRef>& outlets, std::vector<HostHold> new_holds,
                           std::vector<std::string> table_problems, const RunStats& run, std::string capture, int64_t now) {
    HealthReport report;
    report.generated = now;
    report.capture = std::move(capture);
    report.run = run;
    report.table_problems = std::move(table_problems);

    std::map<std::string, const FeedHealth*> before;
    for (const FeedHealth& f : previous.feeds) before[key_of(f.last)] = &f;
    for (SourceOutcome& o : outcomes) {
        FeedHealth h;
        if (auto it = before.find(key_of(o)); it != before.end()) {
            h = *it->second;
        }
        if (!o.skipped) {
            if (o.ok()) {
                h.last_success = o.attempted_at;
                h.error_streak = 0;
                h.failing_since = 0;
            } else {
                if (h.error_streak++ == 0) h.failing_since = o.attempted_at;
                h.last_error = o.error;
                h.last_error_at = o.attempted_at;
            }
        }
        h.last = std::move(o);
        report.feeds.push_back(std::move(h));
    }

    // Outlets and countries, from the feeds of this run.
    std::map<std::string, OutletHealth*> by_id;
    for (const OutletRef& ref : outlets) {
        OutletHealth oh;
        oh.id = ref.id;
        oh.name = ref.name;
        oh.country = ref.country;
        oh.wide_tier = ref.wide_tier;
        report.outlets.push_back(std::move(oh));
    }
    for (OutletHealth& oh : report.outlets) by_id[oh.id] = &oh;
    std::map<std::string, int> skipped_feeds;
    for (const FeedHealth& f : report.feeds) {
        if (f.last.kind != SourceKind::Feed) continue;
        auto it = by_id.find(f.last.outlet);
        if (it == by_id.end()) continue;
        OutletHealth& oh = *it->second;
        ++oh.feeds;
        if (f.last.ok()) {
            ++oh.feeds_ok;
            oh.items += std::max(0, f.last.items);
        }
        if (f.last.skipped) ++skipped_feeds[oh.id];
    }
    std::map<std::string, CountryHealth> countries;
    for (OutletHealth& oh : report.outlets) {
        oh.status = oh.feeds == 0                       ? "none"
                    : oh.feeds_ok == oh.feeds           ? "ok"
                    : skipped_feeds[oh.id] == oh.feeds  ? "waiting"
                    : oh.feeds_ok > 0                   ? "partial"
                                                        : "failing";
        CountryHealth& c = countries[oh.country];
        c.country = oh.country;
        ++c.outlets;
        if (oh.feeds_ok > 0) ++c.outlets_ok;
        c.feeds += oh.feeds;
        c.feeds_ok += oh.feeds_ok;
        c.items += oh.items;
    }
    for (auto& [code, c] : countries) report.countries.push_back(c);

    // Holds: the new ones, then older ones still in force for other hosts.
    std::set<std::string> renewed;
    for (const HostHold& h : new_holds) renewed.insert(h.host);
    report.holds = std::move(new_holds);
    for (const HostHold& h : active_holds(previous, now))
        if (!renewed.count(h.host)) report.holds.push_back(h);
    return report;
}

std::vector<HostHold> active_holds(const HealthReport& report, int64_t now) {
    std::vector<HostHold> out;
    for (const HostHold& h : report.holds)
        if (h.until > now) out.push_back(h);
    return out;
}

// [SECTION] JSON ----------------------------------------------------------------

std::string health_to_json(const HealthReport& r) {
    ordered_json doc;
    doc["format"] = kFormat;
    doc["generated"] = time_text(r.generated);
    doc["capture"] = r.capture;
    ordered_json run;
    run["started"] = time_text(r.run.started);
    run["finished"] = time_text(r.run.finished);
    run["seconds"] = r.run.finished - r.run.started;
    run["requests"] = r.run.requests;
    run["hosts"] = r.run.hosts;
    run["ok"] = r.run.ok;
    run["not_modified"] = r.run.not_modified;
    run["failed"] = r.run.failed;
    run["skipped"] = r.run.skipped;
    run["bytes"] = r.run.bytes;
    run["received_bytes"] = r.run.received_bytes;
    run["items"] = r.run.items;
    doc["run"] = run;
    doc["countries"] = ordered_json::array();
    for (const CountryHealth& c : r.countries)
        doc["countries"].push_back({{"country", c.country}, {"outlets", c.outlets}, {"outlets_ok", c.outlets_ok},
                                    {"feeds", c.feeds}, {"feeds_ok", c.feeds_ok}, {"items", c.items}});
    doc["outlets"] = ordered_json::array();
    for (const OutletHealth& o : r.outlets)
        doc["outlets"].push_back({{"id", o.id}, {"name", o.name}, {"country", o.country},
                                  {"tier", o.wide_tier ? "wide" : "curated"}, {"status", o.status}, {"feeds", o.feeds},
                                  {"feeds_ok", o.feeds_ok}, {"items", o.items}});
    doc["feeds"] = ordered_json::array();
    for (const FeedHealth& f : r.feeds) {
        const SourceOutcome& o = f.last;
        ordered_json j;
        j["url"] = o.url;
        j["kind"] = source_kind_name(o.kind);
        if (o.listing) j["listing"] = true;
        j["outlet"] = o.outlet;
        j["country"] = o.country;
        j["ok"] = o.ok();
        j["status"] = o.status;
        j["not_modified"] = o.not_modified;
        j["skipped"] = o.skipped;
        j["error"] = o.error;
        j["warnings"] = o.warnings;
        j["items"] = o.items;
        j["bytes"] = o.bytes;
        j["elapsed_ms"] = o.elapsed_ms;
        j["attempted"] = time_text(o.attempted_at);
        j["last_success"] = time_text(f.last_success);
        j["error_streak"] = f.error_streak;
        j["failing_since"] = time_text(f.failing_since);
        j["last_error"] = f.last_error;
        j["last_error_at"] = time_text(f.last_error_at);
        doc["feeds"].push_back(std::move(j));
    }
    doc["holds"] = ordered_json::array();
    for (const HostHold& h : r.holds)
        doc["holds"].push_back({{"host", h.host}, {"until", time_text(h.until)}, {"reason", h.reason}});
    doc["table_problems"] = r.table_problems;
    return doc.dump(1) + "\n";
}

bool health_from_json(std::string_view text_in, HealthReport& out, std::string& problem) {
    json doc = ju::parse(text_in);
    if (doc.is_discarded() || text(doc, "format") != kFormat) {
        problem = "Not a feed-health report (expected \"format\": \"" + std::string(kFormat) + "\").";
        return false;
    }
    HealthReport r;
    r.generated = time_of(doc, "generated");
    r.capture = text(doc, "capture");
    if (const json* feeds = ju::as_array(ju::member(doc, "feeds"))) {
        for (const json& j : *feeds) {
            FeedHealth f;
            SourceOutcome& o = f.last;
            if (!kind_from_name(text(j, "kind"), o.kind)) continue;
            o.url = text(j, "url");
            if (o.url.empty()) continue;
            o.listing = ju::as_bool(ju::member(j, "listing")).value_or(false);
            o.outlet = text(j, "outlet");
            o.country = text(j, "country");
            o.status = static_cast<int>(integer(j, "status"));
            o.not_modified = ju::as_bool(ju::member(j, "not_modified")).value_or(false);
            o.skipped = ju::as_bool(ju::member(j, "skipped")).value_or(false);
            o.error = text(j, "error");
            o.items = static_cast<int>(integer(j, "items", -1));
            o.bytes = static_cast<uint64_t>(std::max<int64_t>(0, integer(j, "bytes")));
            o.elapsed_ms = integer(j, "elapsed_ms");
            o.attempted_at = time_of(j, "attempted");
            f.last_success = time_of(j, "last_success");
            f.error_streak = static_cast<int>(std::max<int64_t>(0, integer(j, "error_streak")));
            f.failing_since = time_of(j, "failing_since");
            f.last_error = text(j, "last_error");
            f.last_error_at = time_of(j, "last_error_at");
            r.feeds.push_back(std::move(f));
        }
    }
    if (const json* holds = ju::as_array(ju::member(doc, "holds"))) {
        for (const json& j : *holds) {
            HostHold h{text(j, "host"), time_of(j, "until"), text(j, "reason")};
            if (!h.host.empty() && h.until) r.holds.push_back(std::move(h));
        }
    }
    out = std::move(r);
    return true;
}

// [SECTION] Text ------------------------------------------------------------------

std::string health_to_text(const HealthReport& r) {
    std::ostringstream s;
    const RunStats& run = r.run;
    s << "Feed health, capture " << r.capture << " (written " << time_text(r.generated) << ")\n\n";
    s << "Run: " << (run.finished - run.started) << " s, " << run.requests << " requests to " << run.hosts << " hosts: "
      << run.ok << " usable (" << run.not_modified << " not modified), " << run.failed << " failed, " << run.skipped
      << " skipped.\n";
    s << "     " << format_bytes(run.bytes) << " stored (" << format_bytes(run.received_bytes) << " received), " << run.items
      << " items.\n";

    auto label = [](const SourceOutcome& o) {
        if (o.kind != SourceKind::Feed) return std::string(o.listing ? "GDELT list" : "GDELT file");
        return o.country + "  " + o.outlet;
    };
    std::vector<const FeedHealth*> problems, warned;
    for (const FeedHealth& f : r.feeds) {
        if (!f.last.ok()) problems.push_back(&f);
        else if (!f.last.warnings.empty()) warned.push_back(&f);
    }
    s << "\nProblems (" << problems.size() << "):\n";
    if (problems.empty()) s << "  none\n";
    for (const FeedHealth* f : problems) {
        s << "  " << label(f->last) << "  " << f->last.url << "\n      " << f->last.error;
        if (f->error_streak > 1)
            s << " Failing " << f->error_streak << " runs in a row since " << time_text(f->failing_since) << ".";
        if (f->last_success) s << " Last success " << time_text(f->last_success) << ".";
        s << "\n";
    }
    if (!warned.empty()) {
        s << "\nNotes (" << warned.size() << "):\n";
        for (const FeedHealth* f : warned) {
            s << "  " << label(f->last) << "  " << f->last.url << "\n";
            for (const std::string& w : f->last.warnings) s << "      " << w << "\n";
        }
    }
    if (!r.holds.empty()) {
        s << "\nHosts that asked us to wait (" << r.holds.size() << "):\n";
        for (const HostHold& h : r.holds) s << "  " << h.host << " until " << time_text(h.until) << ": " << h.reason << "\n";
    }
    s << "\nCountries (" << r.countries.size() << "): outlets usable/total, feeds usable/total, items\n";
    for (const CountryHealth& c : r.countries)
        s << "  " << c.country << "  " << c.outlets_ok << "/" << c.outlets << " outlets  " << c.feeds_ok << "/" << c.feeds
          << " feeds  " << c.items << " items" << (c.outlets_ok == 0 ? "  <- nothing usable" : "") << "\n";
    size_t not_ok = 0;
    for (const OutletHealth& o : r.outlets) not_ok += o.status != "ok";
    s << "\nOutlets not fully working (" << not_ok << " of " << r.outlets.size() << "):\n";
    for (const OutletHealth& o : r.outlets)
        if (o.status != "ok")
            s << "  " << o.id << "  " << (o.name.empty() ? "(wide tier)" : o.name) << " (" << o.country << "): " << o.feeds_ok
              << "/" << o.feeds << " feeds, " << o.status << "\n";
    if (!r.table_problems.empty()) {
        s << "\nOutlet table problems (" << r.table_problems.size() << "):\n";
        for (const std::string& p : r.table_problems) s << "  " << p << "\n";
    }
    return s.str();
}

}  // namespace ingest
