// newsglobe-ingest — builds newsglobe's news API (docs/api.md) from real
// outlets' feeds. Two steps with a folder of captures between them:
//
//   newsglobe-ingest fetch --outlets FILE --captures DIR [...]         (network)
//   newsglobe-ingest build --outlets FILE --captures DIR --out DIR [...]   (no network, deterministic)
//
// `newsglobe-ingest fetch --help` lists the options; see docs/ingest.md.
#include <cstdio>
#include <cstring>

#include "build.hpp"
#include "fetch.hpp"

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
    if (std::strcmp(argv[1], "build") == 0) return ingest::run_build(argc, argv);
    std::fprintf(stderr, "newsglobe-ingest: unknown command \"%s\".\n", argv[1]);
    return usage(stderr);
}
