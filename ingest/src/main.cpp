// newsglobe-ingest — builds newsglobe's news API (docs/api.md) from real
// outlets' feeds. Two steps with a folder of captures between them:
//
//   newsglobe-ingest fetch --outlets FILE --captures DIR     (network)
//   newsglobe-ingest build --outlets FILE --captures DIR --out DIR   (no network, deterministic)
//
// See docs/ingest.md.
#include <cstdio>
#include <cstring>

#include "build.hpp"

int main(int argc, char** argv) {
    if (argc < 2 || (std::strcmp(argv[1], "fetch") != 0 && std::strcmp(argv[1], "build") != 0)) {
        std::fprintf(stderr, "usage: newsglobe-ingest fetch|build [options]  (see docs/ingest.md)\n");
        return 2;
    }
    if (std::strcmp(argv[1], "build") == 0) return ingest::run_build(argc, argv);
    std::fprintf(stderr, "newsglobe-ingest: '%s' is not implemented yet\n", argv[1]);
    return 1;
}
