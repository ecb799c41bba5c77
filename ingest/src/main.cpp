// newsglobe-ingest — builds newsglobe's news API (docs/api.md) from real
// outlets' feeds. Two steps with a folder of captures between them:
//
//   newsglobe-ingest fetch --outlets FILE --captures DIR [...]         (network)
//   newsglobe-ingest build --outlets FILE --captures DIR --out DIR [...]   (no network, deterministic)
//
// `newsglobe-ingest fetch --help` lists the options; see docs/ingest.md.
#include <cstdio>
#include <cstring>

#include "fetch.hpp"

// The build step lives in build.{hpp,cpp}, written alongside this file; a
// binary compiled without it says so instead of failing to link.
#if __has_include("build.hpp")
#include "build.hpp"
#define NEWSGLOBE_HAS_BUILD 1
#endif

namespace {

int usage(FILE* to) {
    std::fprintf(to,
                 "usage: newsglobe-ingest fetch|build [options]\n"
                 "  fetch  download every configured source into a new capture (network)\n"
                 "  build  turn the captures into the API folder (no network)\n"
                 "`newsglobe-ingest fetch --help` lists the options; see docs/ingest.md.\n");
    return to == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) return usage(stdout);
    if (std::strcmp(argv[1], "fetch") == 0) return ingest::fetch_command(argc, argv);
    if (std::strcmp(argv[1], "build") == 0) {
#ifdef NEWSGLOBE_HAS_BUILD
        using namespace ingest;  // run_build may be declared in it or globally
        return run_build(argc, argv);
#else
        std::fprintf(stderr, "newsglobe-ingest: build is not available in this binary (compiled without build.cpp).\n");
        return 1;
#endif
    }
    std::fprintf(stderr, "newsglobe-ingest: unknown command \"%s\".\n", argv[1]);
    return usage(stderr);
}
