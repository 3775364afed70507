// SPDX-License-Identifier: MIT
// A library tst_open_sites loads with dlopen after the tracer started: the stacks through
// it must still be walked and named (the tracer reads the process's modules again).
#include <fcntl.h>
#include <unistd.h>

extern "C" [[gnu::noinline, gnu::visibility("default")]] int hsPluginOpen()
{
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}
