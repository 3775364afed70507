// SPDX-License-Identifier: MIT
#pragma once
// The snapshot's two BPF programs (bpf/task_file.bpf.c, bpf/task_info.bpf.c), loaded from
// light skeletons by snapshot_programs_linux.c. C, because the generated light skeleton is
// C that C++ refuses.

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hs_snapshot_programs {
    int fdProgram;      /* task_file iterator: one record per fd */
    int detailsProgram; /* sleepable task iterator: one record per process; -1 if refused */
    int detailsError;   /* why the details program was refused (positive errno), else 0 */
    __u32* readerTids;  /* the programs' reader_tids[HS_MAX_READERS], mapped into user space */
    void* skeleton;     /* the light skeleton, kept loaded (and reachable) for the process's life */
};

/* Loads both programs, or the fd program alone where the kernel refuses the sleepable
 * details program. Returns 0, or a positive errno. Loaded once per process and kept. */
int hs_load_snapshot_programs(struct hs_snapshot_programs* out);

#ifdef __cplusplus
}
#endif
