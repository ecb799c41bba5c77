// make_fixture_captures — writes the capture folders a spec describes
// (ingest/src/capture_spec.hpp). The committed fixtures are made with
//
//   build/native/ingest/make_fixture_captures tests/fixtures/ingest/sources/captures.json
//       tests/fixtures/ingest/captures
//
// which first removes the capture folders already in the output folder.
#include <cstdio>
#include <filesystem>
#include <string>

#include "capture.hpp"
#include "capture_spec.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_fixture_captures SPEC.json CAPTURES_DIR\n");
        return 2;
    }
    fs::path out = argv[2];
    std::error_code ec;
    for (const ingest::Capture& c : ingest::list_captures(out)) fs::remove_all(c.dir, ec);
    std::string problem;
    if (!ingest::write_captures_from_spec_file(argv[1], out, problem)) {
        std::fprintf(stderr, "make_fixture_captures: %s\n", problem.c_str());
        return 1;
    }
    std::printf("make_fixture_captures: %zu captures in %s\n", ingest::list_captures(out).size(), out.c_str());
    return 0;
}
