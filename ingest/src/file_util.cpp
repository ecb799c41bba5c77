#include "file_util.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace ingest {
namespace fs = std::filesystem;

bool read_whole_file(const fs::path& path, std::string& bytes, std::string& problem) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "Cannot read " + path.string() + ".";
        return false;
    }
    std::ostringstream s;
    s << in.rdbuf();
    bytes = s.str();
    return true;
}

bool write_whole_file(const fs::path& path, const std::string& bytes, std::string& problem) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (out) return true;
    problem = "Cannot write " + path.string() + " (disk full?).";
    return false;
}

void flush_folder(const fs::path& folder) {
    int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::syncfs(fd);
    ::close(fd);
}

bool write_file_atomically(const fs::path& path, const std::string& bytes, std::string& problem) {
    fs::path temporary = path;
    temporary += ".tmp-" + std::to_string(::getpid());
    int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    bool ok = fd >= 0;
    for (size_t done = 0; ok && done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += static_cast<size_t>(n);
    }
    // fsync before the rename: after a crash the name points at whole data.
    ok = ok && ::fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0) ::close(fd);
    if (ok && ::rename(temporary.c_str(), path.c_str()) == 0) return true;
    if (ok) saved = errno;
    ::unlink(temporary.c_str());
    problem = "Cannot write " + path.string() + ": " + std::strerror(saved) + ".";
    return false;
}

}  // namespace ingest
