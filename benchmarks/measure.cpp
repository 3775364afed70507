// SPDX-License-Identifier: MIT
// handlescope-measure: runs one command and prints its wall time and peak RSS, like
// `/usr/bin/time -f "%e %M"` but with microsecond wall time and the user/system split.
// The command's stdout goes to /dev/null unless --stdout FILE says otherwise.

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_args.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

namespace {

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6; }

} // namespace

int main(int argc, char** argv)
{
    bench::Args args(argc, argv, "handlescope-measure",
                     "usage: handlescope-measure [--stdout FILE] -- COMMAND [ARGS...]\n"
                     "  Runs COMMAND and prints: wall_s W maxrss_kb K user_s U sys_s S exit E\n"
                     "  (its stdout goes to FILE, default /dev/null); exits with its exit code.\n");
    std::string outPath = "/dev/null";
    bool command = false;
    while (const char* a = args.next()) {
        const std::string_view arg = a;
        if (arg == "--") {
            command = true;
            break;
        }
        if (arg == "--stdout")
            outPath = args.value(arg);
        else
            args.unknown(arg);
    }
    const int i = args.index() + 1;
    if (!command || i >= argc)
        args.fail("no COMMAND after --");

    const auto t0 = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) {
        std::perror("handlescope-measure: fork");
        return 1;
    }
    if (pid == 0) {
        int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (out < 0 || dup2(out, 1) < 0)
            _exit(126);
        execvp(argv[i], argv + i);
        std::fprintf(stderr, "handlescope-measure: %s: %s\n", argv[i], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage ru{};
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            std::perror("handlescope-measure: wait4");
            return 1;
        }
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::printf("wall_s %.6f maxrss_kb %ld user_s %.6f sys_s %.6f exit %d\n", wall, ru.ru_maxrss, seconds(ru.ru_utime),
                seconds(ru.ru_stime), code);
    return code;
}
