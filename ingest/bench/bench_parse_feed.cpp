// bench_parse_feed — prints how fast parse_feed reads a large feed: a
// generated 10 MB RSS 2.0 feed (tests/ingest/generated_feed.hpp), shaped
// like a busy WordPress one, in UTF-8 and converted to windows-1251 (the
// iconv path), plus the same feed with one broken item (the salvage path).
// Times are process CPU time, best of 5 runs, so a busy machine changes
// them less than wall time.
//   build/native/ingest/bench_parse_feed [megabytes]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iconv.h>

#include <ctime>
#include <string>

#include "feed.hpp"
#include "generated_feed.hpp"

namespace {

double cpu_ms_since(std::clock_t t) { return 1000.0 * static_cast<double>(std::clock() - t) / CLOCKS_PER_SEC; }

// The generated feed in windows-1251 (it holds only ASCII and Cyrillic).
std::string to_windows_1251(const std::string& utf8) {
    iconv_t cd = iconv_open("WINDOWS-1251", "UTF-8");
    std::string out(utf8.size(), '\0');
    char* in = const_cast<char*>(utf8.data());
    char* dst = &out[0];
    size_t in_left = utf8.size(), out_left = out.size();
    iconv(cd, &in, &in_left, &dst, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

void run(const char* label, const std::string& xml, const char* content_type) {
    ingest::parse_feed(xml, content_type, "https://generated.example.org/feed/");  // warm-up
    const int runs = 5;
    double best = 1e30;
    size_t items = 0;
    for (int i = 0; i < runs; ++i) {
        std::clock_t t = std::clock();
        ingest::ParsedFeed f = ingest::parse_feed(xml, content_type, "https://generated.example.org/feed/");
        best = std::min(best, cpu_ms_since(t));
        items = f.items.size();
    }
    std::printf("%-28s %6.1f MB  %6zu items  %7.1f ms  %8.0f items/s  %6.1f MB/s\n", label, xml.size() / 1048576.0,
                items, best, items / (best / 1000), xml.size() / 1048576.0 / (best / 1000));
}

}  // namespace

int main(int argc, char** argv) {
    size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 10;
    ingest_test::GeneratedFeed feed = ingest_test::generate_feed(megabytes << 20);
    std::printf("parse_feed, CPU time, best of 5 runs\n");
    run("UTF-8", feed.xml, "application/rss+xml; charset=utf-8");

    std::string declared = to_windows_1251(feed.xml);
    declared.replace(0, declared.find("?>"), "<?xml version=\"1.0\" encoding=\"windows-1251\"");
    run("windows-1251 (iconv)", declared, "application/rss+xml");

    std::string broken = feed.xml;
    size_t middle = broken.find("<title>", broken.size() / 2);
    broken.insert(middle + 7, "<b>");  // one unclosed tag: not well-formed
    run("one broken item (salvage)", broken, "application/rss+xml");
    return 0;
}
