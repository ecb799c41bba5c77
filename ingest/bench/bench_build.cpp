// bench_ingest_build — prints the build step's throughput and memory on a
// generated capture set: 500 outlets in 50 countries and 6 languages, one
// RSS 2.0 feed of 100 items each (50,000 items), plus a second fetch run
// where every feed answered 304, as a real 15-minute cycle looks. Translation
// is off (--translator none): the figure is parsing, merging, normalising,
// language identification, rendering, validation and writing.
//
//   build/native/ingest/bench_ingest_build [--items N] [--keep DIR]
//
// Figures are recorded in docs/ingest.md ("Build step").
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "build.hpp"
#include "capture.hpp"
#include "core/time_format.hpp"
#include "file_util.hpp"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kOutlets = 500;
constexpr int kCountries = 50;
const int64_t kStart = ng::parse_rfc3339("2026-11-30T08:00:00Z");

struct Language {
    const char* code;
    std::vector<const char*> words;
};

// Enough words per language for CLD2 to recognise the text.
const std::vector<Language>& languages() {
    static const std::vector<Language> list = {
        {"en", {"the", "government", "said", "on", "Monday", "that", "new", "rules", "for", "housing", "will", "take",
                "effect", "next", "year", "while", "critics", "warned", "about", "rising", "costs", "in", "the", "city"}},
        {"es", {"el", "gobierno", "anunció", "este", "lunes", "que", "las", "nuevas", "normas", "de", "vivienda",
                "entrarán", "en", "vigor", "el", "próximo", "año", "mientras", "los", "críticos", "advierten", "costes"}},
        {"fr", {"le", "gouvernement", "a", "annoncé", "lundi", "que", "les", "nouvelles", "règles", "sur", "le",
                "logement", "entreront", "en", "vigueur", "l'année", "prochaine", "tandis", "que", "les", "critiques"}},
        {"de", {"die", "Regierung", "hat", "am", "Montag", "angekündigt", "dass", "die", "neuen", "Regeln", "für",
                "Wohnungen", "im", "nächsten", "Jahr", "gelten", "während", "Kritiker", "vor", "steigenden", "Kosten"}},
        {"pt", {"o", "governo", "anunciou", "nesta", "segunda-feira", "que", "as", "novas", "regras", "de", "habitação",
                "entram", "em", "vigor", "no", "próximo", "ano", "enquanto", "os", "críticos", "alertam", "custos"}},
        {"it", {"il", "governo", "ha", "annunciato", "lunedì", "che", "le", "nuove", "regole", "sulla", "casa",
                "entreranno", "in", "vigore", "il", "prossimo", "anno", "mentre", "i", "critici", "avvertono", "costi"}},
    };
    return list;
}

uint64_t next(uint64_t& state) {  // splitmix64: the same set on every machine
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::string words(const Language& lang, int count, uint64_t& rng) {
    std::string out;
    for (int i = 0; i < count; ++i) {
        std::string w = lang.words[next(rng) % lang.words.size()];
        if (i == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
        out += (i ? " " : "") + w;
    }
    return out;
}

std::string country_code(int i) {
    return std::string(1, static_cast<char>('A' + i / 26 % 26)) + static_cast<char>('A' + i % 26);
}

std::string feed(int outlet, int items, const Language& lang, uint64_t& rng) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Outlet " +
                      std::to_string(outlet) + "</title><link>https://outlet" + std::to_string(outlet) +
                      ".example/</link><language>" + lang.code + "</language>\n";
    for (int i = 0; i < items; ++i) {
        int64_t published = kStart - 60 * static_cast<int64_t>(next(rng) % (40 * 60));
        xml += "<item><title>" + words(lang, 9, rng) + " " + std::to_string(i) + "</title><link>https://outlet" +
               std::to_string(outlet) + ".example/news/" + std::to_string(i) + "?utm_source=rss</link><description>&lt;p&gt;" +
               words(lang, 14, rng) + ". " + words(lang, 12, rng) + ". " + words(lang, 10, rng) +
               ".&lt;/p&gt;</description><pubDate>" + ng::format_rfc3339(published) + "</pubDate></item>\n";
    }
    return xml + "</channel></rss>\n";
}

long peak_rss_kb() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// CPU seconds (user + system) used so far: steadier than wall time on a
// shared machine.
double cpu_seconds() {
    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return s(usage.ru_utime) + s(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
    int items = 50000;
    fs::path keep;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string arg = argv[i];
        if (arg == "--items") items = std::atoi(argv[i + 1]);
        else if (arg == "--keep") keep = argv[i + 1];
    }
    fs::path root = keep.empty() ? fs::temp_directory_path() / ("bench-ingest-" + std::to_string(::getpid())) : keep;
    fs::remove_all(root);
    fs::create_directories(root);

    // The outlet table and two captures: fresh feeds, then 304s.
    auto t = Clock::now();
    std::string table = "{\"notice\": \"Generated for bench_ingest_build.\", \"outlets\": [\n";
    for (int o = 0; o < kOutlets; ++o) {
        const Language& lang = languages()[static_cast<size_t>(o) % languages().size()];
        table += std::string(o ? ",\n" : "") + "{\"id\": \"outlet-" + std::to_string(o) + "\", \"name\": \"Outlet " +
                 std::to_string(o) + "\", \"country\": \"" + country_code(o % kCountries) + "\", \"domain\": \"outlet" +
                 std::to_string(o) + ".example\", \"language\": \"" + lang.code + "\", \"feeds\": [\"https://outlet" +
                 std::to_string(o) + ".example/rss\"]}";
    }
    std::string problem;
    ingest::write_file_atomically(root / "outlets.json", table + "\n]}\n", problem);
    uint64_t feed_bytes = 0;
    for (int run = 0; run < 2; ++run) {
        uint64_t rng = 20261130;
        ingest::CaptureWriter writer(root / "captures", kStart + 900 * run, "bench_ingest_build");
        for (int o = 0; o < kOutlets; ++o) {
            const Language& lang = languages()[static_cast<size_t>(o) % languages().size()];
            int per_feed = items / kOutlets + (o < items % kOutlets ? 1 : 0);
            std::string body = feed(o, per_feed, lang, rng);
            feed_bytes += run == 0 ? body.size() : 0;
            ingest::CaptureEntry e;
            e.outlet = "outlet-" + std::to_string(o);
            e.url = e.final_url = "https://outlet" + std::to_string(o) + ".example/rss";
            e.status = run == 0 ? 200 : 304;
            e.content_type = "application/rss+xml";
            e.requested_at = kStart + 900 * run + o / 10;
            writer.add(e, &body);
        }
        writer.commit(kStart + 900 * run + 120);
    }
    double generate_s = std::chrono::duration<double>(Clock::now() - t).count();

    ingest::BuildOptions options;
    options.outlets_path = (root / "outlets.json").string();
    options.captures_dir = (root / "captures").string();
    options.out_dir = (root / "api").string();
    long rss_before = peak_rss_kb();
    double cpu_before = cpu_seconds();
    t = Clock::now();
    ingest::BuildReport report = ingest::build_api(options);
    double build_s = std::chrono::duration<double>(Clock::now() - t).count();
    double build_cpu = cpu_seconds() - cpu_before;
    if (!report.ok) {
        std::fprintf(stderr, "bench_ingest_build: the build failed: %s\n", report.error.c_str());
        return 1;
    }
    std::printf("capture set:   %d outlets, %d countries, %d items per run, 2 runs (200s, then 304s), "
                "%.1f MB of feeds per run; generated in %.1f s\n",
                kOutlets, kCountries, items, static_cast<double>(feed_bytes) / 1e6, generate_s);
    std::printf("build:         %zu observations -> %zu items -> %zu published, %zu documents, %.1f MB, %.2f s\n",
                report.observations, report.items, report.published, report.documents,
                static_cast<double>(report.bytes) / 1e6, build_s);
    std::printf("throughput:    %.0f items/s of wall time, %.0f items per CPU second (translation off; %.2f s CPU)\n",
                static_cast<double>(report.items) / build_s, static_cast<double>(report.items) / build_cpu, build_cpu);
    std::string stages;
    for (const auto& [stage, ms] : report.stage_ms) stages += (stages.empty() ? "" : ", ") + stage + " " + std::to_string(ms) + " ms";
    std::printf("stages (wall): %s\n", stages.c_str());
    std::printf("peak memory:   %.0f MB resident (%.0f MB before the build)\n", static_cast<double>(report.peak_rss_kb) / 1024,
                static_cast<double>(rss_before) / 1024);
    if (keep.empty()) fs::remove_all(root);
    return 0;
}
