// SPDX-License-Identifier: MIT
// Loads the snapshot's programs through light skeletons (cmake/Bpf.cmake, LIGHT): the
// kernel does the CO-RE relocations against its own BTF, so a command-line run does not
// parse the kernel's BTF in user space first (8 ms instead of 44 ms; docs/performance.md).
#include "snapshot_programs_linux.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hs_task_fds.lskel.h"
#include "hs_task_file.lskel.h"

int hs_load_snapshot_programs(struct hs_snapshot_programs* out)
{
    struct hs_task_file* both = hs_task_file__open();
    if (!both)
        return ENOMEM;
    const int err = hs_task_file__load(both);
    if (err == 0) {
        out->fdProgram = both->progs.dump_task_file.prog_fd;
        out->detailsProgram = both->progs.dump_task_info.prog_fd;
        out->detailsError = 0;
        out->readerTids = both->bss->reader_tids;
        out->skeleton = both;
        return 0; /* kept for the life of the process */
    }
    hs_task_file__destroy(both);
    /* A kernel that refuses the sleepable details program (before 5.18) still runs the
     * fd program; the details then come from /proc. */
    struct hs_task_fds* fds = hs_task_fds__open();
    if (!fds)
        return ENOMEM;
    const int fdsErr = hs_task_fds__load(fds);
    if (fdsErr != 0) {
        hs_task_fds__destroy(fds);
        return fdsErr < 0 ? -fdsErr : EINVAL;
    }
    out->fdProgram = fds->progs.dump_task_file.prog_fd;
    out->detailsProgram = -1;
    out->detailsError = err < 0 ? -err : EINVAL;
    out->readerTids = fds->bss->reader_tids;
    out->skeleton = fds;
    return 0;
}
