// SPDX-License-Identifier: MIT
#pragma once

// What bpf/fd_counts.bpf.c counts by, shared with core/src/linux/counts_bpf_linux.cpp:
// one slot per kind the /proc path tells apart (classifyLink, kindFromMode).

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

#define HS_COUNTS_MAX_PROCESSES 262144
