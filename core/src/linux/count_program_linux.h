// SPDX-License-Identifier: MIT
#pragma once
// The counting BPF program (bpf/fd_counts.bpf.c), loaded from a light skeleton by
// count_program_linux.c. C, because the generated light skeleton is C that C++ refuses.

#include <linux/types.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hs_count_program {
    int linkFd;              /* the task iterator's link: bpf_iter_create on it runs a count */
    void* globals;           /* the program's globals, cleared before each count */
    size_t globalsSize;
    const __u64* kindCounts; /* [HS_SLOT_COUNT], in the globals */
    const __u64* inodeReads; /* files classified from their inode, in the globals */
    void* skeleton;          /* the light skeleton, kept loaded (and reachable) for the process's life */
};

/* Loads and attaches the program. Returns 0, or a positive errno. Loaded once per process
 * and kept. */
int hs_load_count_program(struct hs_count_program* out);

#ifdef __cplusplus
}
#endif
