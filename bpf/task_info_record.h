// SPDX-License-Identifier: MIT
#pragma once

// One record of the task iterator (bpf/task_info.bpf.c), read by
// core/src/linux/task_info_linux.cpp: this header, then args_len bytes of the argument
// area (as /proc/PID/cmdline shows it when the area ends with a NUL).

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define HS_ARGS_MAX 4096 ///< longer argument areas are read from /proc/PID/cmdline

struct hs_task_record {
    __u32 tgid;
    __u32 ppid;          ///< the real parent's tgid, 0 if none
    __u32 sid;           ///< session id, initial pid namespace
    __u32 euid;          ///< the owner /proc shows for /proc/PID (effective uid)
    __u32 flags;         ///< task->flags (PF_KTHREAD...)
    __u32 state;         ///< task->__state
    __u32 exit_state;    ///< task->exit_state
    __u32 args_len;      ///< bytes of the argument area after the header
    __u32 args_total;    ///< arg_end - arg_start: more than args_len means cut
    __s32 args_error;    ///< errno of the copy from the process's memory, 0 if it worked
    __u64 start_boottime; ///< ns since boot, as /proc/PID/stat's start time before scaling
    char comm[16];
};
