// SPDX-License-Identifier: MIT
// Who opened each fd of one process: on the raw sys_enter/sys_exit tracepoints, every
// system call of the watched thread group that creates fds sends, when it succeeds, the
// new fd(s), the identity of the file and a copy of the user registers and the top of the
// user stack; user space unwinds that copy with DWARF (Debian's libc has no frame
// pointers, so the kernel's own user stack walk stops in libc's wrapper). close and
// close_range send the range they close.
//
// Every other process pays one comparison per system call. Maps are bounded: a full ring
// buffer or pending-call map is counted (lost_events, lost_calls), never silent.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "open_sites_record.h"

char LICENSE[] SEC("license") = "GPL";

// x86-64 system call numbers (arch/x86/entry/syscalls/syscall_64.tbl).
#define NR_open 2
#define NR_mmap 9
#define NR_close 3
#define NR_pipe 22
#define NR_dup 32
#define NR_dup2 33
#define NR_socket 41
#define NR_accept 43
#define NR_socketpair 53
#define NR_fcntl 72
#define NR_creat 85
#define NR_epoll_create 213
#define NR_inotify_init 253
#define NR_openat 257
#define NR_signalfd 282
#define NR_timerfd_create 283
#define NR_eventfd 284
#define NR_accept4 288
#define NR_signalfd4 289
#define NR_eventfd2 290
#define NR_epoll_create1 291
#define NR_dup3 292
#define NR_pipe2 293
#define NR_inotify_init1 294
#define NR_perf_event_open 298
#define NR_fanotify_init 300
#define NR_open_by_handle_at 304
#define NR_memfd_create 319
#define NR_userfaultfd 323
#define NR_io_uring_setup 425
#define NR_pidfd_open 434
#define NR_close_range 436
#define NR_openat2 437
#define NR_pidfd_getfd 438
#define NR_memfd_secret 447

#define F_DUPFD 0
#define F_DUPFD_CLOEXEC 1030
#define CLOSE_RANGE_CLOEXEC 4
#define PROT_EXEC 4

const volatile __u32 target_tgid = 0;

__u64 lost_events; ///< records the ring buffer had no room for
__u64 lost_calls;  ///< calls not followed because the pending map was full
/// Executable mappings made (dlopen maps a library so): user space reads the process's
/// modules again before the next stack when this has moved.
__u64 exec_mappings;

/// A creating call between its entry and its exit: what the exit needs of its arguments.
struct pending_call {
    __u32 syscall;
    __u32 pad;
    __u64 fd_array; ///< pipe, pipe2, socketpair: where the kernel writes the two fds
};

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(max_entries, 4096); // threads of the one process inside a creating call at once
    __type(key, __u32);
    __type(value, struct pending_call);
} pending SEC(".maps");

struct {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 8 << 20); // user space may set another power of two before loading
} events SEC(".maps");

/// Wakes the reader only once a batch has piled up: a wakeup per record (an interrupt
/// work item and a context switch) cost the traced process more than the record itself.
/// The reader also drains the buffer every 100 ms, so a trickle is not held back long.
#define WAKEUP_BATCH_BYTES (512 << 10)

static __always_inline __u64 wakeup_flags(void)
{
    return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= WAKEUP_BATCH_BYTES ? BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

static __always_inline int creates_fds(__u32 nr, struct pt_regs* regs)
{
    switch (nr) {
    case NR_open: case NR_openat: case NR_openat2: case NR_creat: case NR_open_by_handle_at:
    case NR_socket: case NR_socketpair: case NR_accept: case NR_accept4:
    case NR_pipe: case NR_pipe2: case NR_dup: case NR_dup2: case NR_dup3:
    case NR_eventfd: case NR_eventfd2: case NR_epoll_create: case NR_epoll_create1:
    case NR_inotify_init: case NR_inotify_init1: case NR_signalfd: case NR_signalfd4:
    case NR_timerfd_create: case NR_memfd_create: case NR_memfd_secret: case NR_pidfd_open:
    case NR_pidfd_getfd: case NR_io_uring_setup: case NR_perf_event_open: case NR_fanotify_init:
    case NR_userfaultfd:
        return 1;
    case NR_fcntl: {
        const long cmd = BPF_CORE_READ(regs, si);
        return cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
    }
    default:
        return 0;
    }
}

static __always_inline int watched(void)
{
    return (bpf_get_current_pid_tgid() >> 32) == target_tgid;
}

/// close and close_range are sent at entry: once the kernel frees the fd, another thread
/// may be given it and send its OPENED before this call's exit would.
static __always_inline void send_closed(__u32 tid, __u32 nr, __s64 first, __s64 last)
{
    struct hs_site_event* e = bpf_ringbuf_reserve(&events, sizeof *e, 0);
    if (!e) {
        __sync_fetch_and_add(&lost_events, 1);
        return;
    }
    e->type = HS_EVENT_CLOSED;
    e->tid = tid;
    e->syscall = nr;
    e->pad = 0;
    e->first = first;
    e->second = last;
    bpf_ringbuf_submit(e, wakeup_flags());
}

SEC("raw_tp/sys_enter")
int on_sys_enter(struct bpf_raw_tracepoint_args* ctx)
{
    if (!watched())
        return 0;
    struct pt_regs* regs = (struct pt_regs*)ctx->args[0];
    const __u32 nr = (__u32)ctx->args[1];
    const __u32 tid = (__u32)bpf_get_current_pid_tgid();
    if (nr == NR_close) {
        const __s64 fd = (int)BPF_CORE_READ(regs, di);
        send_closed(tid, nr, fd, fd);
        return 0;
    }
    if (nr == NR_close_range) {
        if (BPF_CORE_READ(regs, dx) & CLOSE_RANGE_CLOEXEC)
            return 0; // only marks the fds close-on-exec
        send_closed(tid, nr, (__u32)BPF_CORE_READ(regs, di), (__u32)BPF_CORE_READ(regs, si));
        return 0;
    }
    if (nr == NR_mmap && (BPF_CORE_READ(regs, dx) & PROT_EXEC)) {
        __sync_fetch_and_add(&exec_mappings, 1);
        return 0;
    }
    if (!creates_fds(nr, regs))
        return 0;
    struct pending_call call = {.syscall = nr};
    if (nr == NR_pipe || nr == NR_pipe2)
        call.fd_array = BPF_CORE_READ(regs, di);
    else if (nr == NR_socketpair)
        call.fd_array = BPF_CORE_READ(regs, r10); // the fourth argument
    if (bpf_map_update_elem(&pending, &tid, &call, BPF_ANY) != 0)
        __sync_fetch_and_add(&lost_calls, 1);
    return 0;
}

/// The file behind `fd` of the current process: its inode number and device, so user space
/// can tell at report time whether the fd still refers to what was opened.
static __always_inline void file_identity(int fd, struct hs_open_record* r)
{
    struct task_struct* task = (struct task_struct*)bpf_get_current_task();
    struct fdtable* fdt = BPF_CORE_READ(task, files, fdt);
    if (!fdt || fd < 0 || (__u32)fd >= BPF_CORE_READ(fdt, max_fds))
        return;
    struct file** slots = BPF_CORE_READ(fdt, fd);
    struct file* file = 0;
    if (bpf_probe_read_kernel(&file, sizeof file, &slots[fd]) != 0 || !file)
        return;
    struct inode* inode = BPF_CORE_READ(file, f_inode);
    r->inode = BPF_CORE_READ(inode, i_ino);
    r->kernel_dev = BPF_CORE_READ(inode, i_sb, s_dev);
}

/// The largest of a few sizes that can be read from `sp` up: a stack near the top of its
/// mapping has less than HS_STACK_COPY_BYTES above its pointer.
static __always_inline __u32 copy_stack(struct hs_open_record* r, __u64 sp)
{
    if (bpf_probe_read_user(r->stack, HS_STACK_COPY_BYTES, (void*)sp) == 0)
        return HS_STACK_COPY_BYTES;
    if (bpf_probe_read_user(r->stack, HS_STACK_COPY_BYTES / 2, (void*)sp) == 0)
        return HS_STACK_COPY_BYTES / 2;
    if (bpf_probe_read_user(r->stack, HS_STACK_COPY_BYTES / 4, (void*)sp) == 0)
        return HS_STACK_COPY_BYTES / 4;
    if (bpf_probe_read_user(r->stack, HS_STACK_COPY_BYTES / 8, (void*)sp) == 0)
        return HS_STACK_COPY_BYTES / 8;
    return 0;
}

SEC("raw_tp/sys_exit")
int on_sys_exit(struct bpf_raw_tracepoint_args* ctx)
{
    if (!watched())
        return 0;
    const __u32 tid = (__u32)bpf_get_current_pid_tgid();
    struct pending_call* found = bpf_map_lookup_elem(&pending, &tid);
    if (!found)
        return 0;
    const struct pending_call call = *found;
    bpf_map_delete_elem(&pending, &tid);
    // An entry left by a thread that never came back from its call (it was killed) must not
    // make a reused thread id's next call an open.
    struct pt_regs* user_regs = (struct pt_regs*)ctx->args[0];
    if ((__u32)BPF_CORE_READ(user_regs, orig_ax) != call.syscall)
        return 0;
    const long ret = (long)ctx->args[1];
    if (ret < 0)
        return 0;

    __s64 first = ret;
    __s64 second = -1;
    if (call.syscall == NR_pipe || call.syscall == NR_pipe2 || call.syscall == NR_socketpair) {
        int fds[2] = {-1, -1};
        if (bpf_probe_read_user(fds, sizeof fds, (void*)call.fd_array) != 0)
            return 0;
        first = fds[0];
        second = fds[1];
    }

    struct hs_open_record* r = bpf_ringbuf_reserve(&events, sizeof *r, 0);
    if (!r) {
        __sync_fetch_and_add(&lost_events, 1);
        return 0;
    }
    r->event.type = HS_EVENT_OPENED;
    r->event.tid = tid;
    r->event.syscall = call.syscall;
    r->event.pad = 0;
    r->event.first = first;
    r->event.second = second;
    r->inode = 0;
    r->kernel_dev = 0;
    file_identity((int)first, r);

    struct pt_regs regs = {};
    bpf_probe_read_kernel(&regs, sizeof regs, (void*)ctx->args[0]);
    r->regs[0] = regs.ax;
    r->regs[1] = regs.dx;
    r->regs[2] = regs.cx;
    r->regs[3] = regs.bx;
    r->regs[4] = regs.si;
    r->regs[5] = regs.di;
    r->regs[6] = regs.bp;
    r->regs[7] = regs.sp;
    r->regs[8] = regs.r8;
    r->regs[9] = regs.r9;
    r->regs[10] = regs.r10;
    r->regs[11] = regs.r11;
    r->regs[12] = regs.r12;
    r->regs[13] = regs.r13;
    r->regs[14] = regs.r14;
    r->regs[15] = regs.r15;
    r->regs[16] = regs.ip;
    r->stack_size = copy_stack(r, regs.sp);
    bpf_ringbuf_submit(r, wakeup_flags());
    return 0;
}
