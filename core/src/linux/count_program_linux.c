// SPDX-License-Identifier: MIT
// Loads the counting program through a light skeleton (cmake/Bpf.cmake, LIGHT): the kernel
// does the CO-RE relocations against its own BTF, so `handlescope-cli counts` does not parse
// the kernel's BTF in user space first (docs/performance.md).
#include "count_program_linux.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fd_counts_record.h"
#include "hs_fd_counts.lskel.h"

int hs_load_count_program(struct hs_count_program* out)
{
    struct hs_fd_counts* skel = hs_fd_counts__open();
    if (!skel)
        return ENOMEM;
    int err = hs_fd_counts__load(skel);
    if (err == 0 && hs_fd_counts__attach(skel) < 0)
        err = -errno;
    if (err != 0) {
        hs_fd_counts__destroy(skel);
        return err < 0 ? -err : EINVAL;
    }
    out->linkFd = skel->links.count_task_fd;
    out->globals = skel->bss;
    out->globalsSize = sizeof *skel->bss;
    out->kindCounts = skel->bss->kind_counts;
    out->inodeReads = &skel->bss->inode_reads;
    out->skeleton = skel;
    return 0; /* kept for the life of the process */
}
