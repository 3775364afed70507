// SPDX-License-Identifier: MIT
// Test child for the GUI tests: holds a pipe (fds 40, 41) and a temp file (fd 42), prints
//   READY <pid> 40 41 42 <temp path>
// and waits until its stdin closes (or it is killed).
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

int main()
{
    int p[2];
    if (pipe(p) != 0)
        return 1;
    char path[] = "/tmp/hs-gui-helper-XXXXXX";
    const int f = mkstemp(path);
    if (f < 0)
        return 1;
    if (write(f, "handlescope\n", 12) != 12)
        return 1;
    if (dup2(p[0], 40) < 0 || dup2(p[1], 41) < 0 || dup2(f, 42) < 0)
        return 1;
    close(p[0]);
    close(p[1]);
    close(f);
    std::printf("READY %d 40 41 42 %s\n", static_cast<int>(getpid()), path);
    std::fflush(stdout);
    char c = 0;
    while (read(0, &c, 1) > 0) {
    }
    unlink(path);
    return 0;
}
