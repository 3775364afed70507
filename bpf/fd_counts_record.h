// SPDX-License-Identifier: MIT
#pragma once

// What bpf/fd_counts.bpf.c counts by and writes, shared with core/src/linux/counts_bpf_linux.cpp:
// one slot per kind the /proc path tells apart (classifyLink, kindFromMode), and the
// per-table record. Plain __u* types so both the BPF program and user space include it.

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

enum hs_kind_slot {
    HS_SLOT_REG,
    HS_SLOT_DIR,
    HS_SLOT_CHR,
    HS_SLOT_BLK,
    HS_SLOT_FIFO,
    HS_SLOT_SOCK,
    HS_SLOT_EVENTFD,
    HS_SLOT_TIMERFD,
    HS_SLOT_SIGNALFD,
    HS_SLOT_EPOLL,
    HS_SLOT_INOTIFY,
    HS_SLOT_FANOTIFY,
    HS_SLOT_PIDFD,
    HS_SLOT_MEMFD,
    HS_SLOT_IO_URING,
    HS_SLOT_ANON,    ///< any other anonymous inode (bpf-map, perf_event, userfaultfd...)
    HS_SLOT_NSFS,    ///< namespace files: HandleKind::Other
    HS_SLOT_UNKNOWN,
    HS_SLOT_COUNT,
};

/// One fd table's count, written by the iterator for each table with at least one fd. A
/// process whose threads unshared their table has more than one record.
struct hs_count_record {
    __u32 tgid;
    __u32 pad;
    __u64 count;
};

/// One entry of the program's f_op cache (f_op -> kind slot, learned from the inode the
/// first time an f_op is seen in a run). Here because the skeleton names the type.
struct hs_fop_slot {
    __u64 fop;
    __u64 slot;
};
