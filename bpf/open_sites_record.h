// SPDX-License-Identifier: MIT
#pragma once

// What bpf/open_sites.bpf.c sends through its ring buffer, shared with
// core/src/linux/open_sites_bpf_linux.cpp. Plain __u* types so both sides include it.

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/// The top of the user stack copied at each call that creates fds: what a DWARF unwinder
/// needs to walk from the libc wrapper back to the caller (perf's default dump size).
#define HS_STACK_COPY_BYTES 8192
/// The registers an x86-64 DWARF unwinder starts from, in DWARF numbering (rax, rdx, rcx,
/// rbx, rsi, rdi, rbp, rsp, r8..r15, rip).
#define HS_UNWIND_REGS 17

enum hs_site_event_type {
    HS_EVENT_OPENED = 1,  ///< fd (and fd2 for pipes and socket pairs) created
    HS_EVENT_CLOSED = 2,  ///< fds first..last closed (close: first == last)
};

/// Every record starts with this header; an OPENED record is a struct hs_open_record.
struct hs_site_event {
    __u32 type;
    __u32 tid;
    __u32 syscall;  ///< the x86-64 syscall number that created or closed the fds
    __u32 pad;
    __s64 first;    ///< OPENED: the fd; CLOSED: the first fd of the range
    __s64 second;   ///< OPENED: the second fd or -1; CLOSED: the last fd of the range
};

struct hs_open_record {
    struct hs_site_event event;
    __u64 inode;       ///< identity of the file the fd refers to, to check at report time
    __u32 kernel_dev;  ///< its superblock's dev_t, kernel encoding (major << 20 | minor)
    __u32 stack_size;  ///< bytes of stack copied from regs[7] (rsp) upwards; 0 if none
    __u64 regs[HS_UNWIND_REGS];
    __u8 stack[HS_STACK_COPY_BYTES];
};
