#include "subprocess.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <sstream>

extern char** environ;

namespace ingest {

bool program_exists(const std::string& program) {
    if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "/usr/bin:/bin");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
        struct stat st {};
        if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0)
            return true;
    }
    return false;
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& stdin_path,
                          const std::string& stdout_path, const std::string& stderr_path, int timeout_seconds) {
    ProcessResult result;
    if (argv.empty()) {
        result.error = "No program to run.";
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    auto redirect = [&](int fd, const std::string& path, int flags) {
        posix_spawn_file_actions_addopen(&actions, fd, path.empty() ? "/dev/null" : path.c_str(), flags, 0644);
    };
    redirect(0, stdin_path, O_RDONLY);
    redirect(1, stdout_path, O_WRONLY | O_CREAT | O_TRUNC);
    redirect(2, stderr_path, O_WRONLY | O_CREAT | O_TRUNC);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // Its own process group, so a timeout kills the whole pipeline a script
    // like apertium starts, not only the shell.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, argv[0].c_str(), &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (rc != 0) {
        result.error = "Cannot run " + argv[0] + ": " + std::strerror(rc) + ".";
        return result;
    }
    const long step_ms = 5;
    long waited_ms = 0;
    int status = 0;
    for (;;) {
        pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        if (done < 0) {
            result.error = argv[0] + " vanished: " + std::strerror(errno) + ".";
            return result;
        }
        if (waited_ms >= timeout_seconds * 1000L) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            result.timed_out = true;
            result.error = argv[0] + " did not finish within " + std::to_string(timeout_seconds) + " s and was stopped.";
            return result;
        }
        struct timespec pause {0, step_ms * 1000000L};
        ::nanosleep(&pause, nullptr);
        waited_ms += step_ms;
    }
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
        if (result.exit_code == 127) result.error = argv[0] + " could not be started (not installed?).";
    } else {
        result.error = argv[0] + " was ended by signal " + std::to_string(WTERMSIG(status)) + ".";
    }
    return result;
}

}  // namespace ingest
