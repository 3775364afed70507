// SPDX-License-Identifier: MIT
// Handle counts of the whole machine, added up in the kernel. A task iterator visits each
// fd table once (through a thread-group leader, or a thread that unshared its table) and
// walks it itself: the open_fds bitmap says which slots to read, the fd array is read 64
// slots at a time, and each file is classified from its f_op, read from the file's first
// cache line. One record per process (struct hs_count_record) leaves through the iterator;
// the per-kind totals stay in kind_counts.
//
// Why not the task_file iterator: it takes a reference on every file (an atomic on a cache
// line of its own) and calls the program once per fd, 24 ms at 100,000 fds before the
// program does anything; reading the inode to classify doubled that (one more cold cache
// line per fd). Here a file's kind is worked out from its inode once per f_op and kept in
// fop_cache, so most fds cost one read of their file. See docs/performance.md.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "fd_counts_record.h"

char LICENSE[] SEC("license") = "GPL";

#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define ANON_INODE_FS_MAGIC 0x09041934
#define PIDFS_MAGIC 0x50494446
#define NSFS_MAGIC 0x6e736673
#define TMPFS_MAGIC 0x01021994
#define HUGETLBFS_MAGIC 0x958458f6
#define FMODE_PATH 0x4000

#define FOP_CACHE_SIZE 512 // a power of two; a machine has a few dozen f_ops in use

__u64 kind_counts[HS_SLOT_COUNT];
struct hs_fop_slot fop_cache[FOP_CACHE_SIZE];
__u64 inode_reads; ///< files classified from their inode (cache misses and uncacheable)
struct file* slots[64]; ///< one word's worth of the fd array being walked
/// The table being walked's count. A global, not a field of struct walk: the verifier
/// follows a counter on the stack as a constant through bpf_loop's callback, 0, 1, 2...,
/// and never finds the loop's states equal.
__u64 table_count;

static __always_inline int name_is(const char* name, const char* lit, int len)
{
    for (int i = 0; i < len; i++) // len counts the NUL: a longer name does not match
        if (name[i] != lit[i])
            return 0;
    return 1;
}

/// The kind of an anonymous inode from its dentry name, as "anon_inode:NAME" reads.
static __always_inline __u32 anon_slot(struct dentry* dentry)
{
    char name[16] = {};
    bpf_probe_read_kernel_str(name, sizeof name, BPF_CORE_READ(dentry, d_name.name));
    if (name_is(name, "[eventfd]", 10))
        return HS_SLOT_EVENTFD;
    if (name_is(name, "[timerfd]", 10))
        return HS_SLOT_TIMERFD;
    if (name_is(name, "[signalfd]", 11))
        return HS_SLOT_SIGNALFD;
    if (name_is(name, "[eventpoll]", 12))
        return HS_SLOT_EPOLL;
    if (name_is(name, "inotify", 8) || name_is(name, "[inotify]", 10))
        return HS_SLOT_INOTIFY;
    if (name_is(name, "[fanotify]", 11))
        return HS_SLOT_FANOTIFY;
    if (name_is(name, "[pidfd]", 8))
        return HS_SLOT_PIDFD;
    if (name_is(name, "[io_uring]", 11))
        return HS_SLOT_IO_URING;
    return HS_SLOT_ANON;
}

#define UNCACHEABLE 0x100 ///< or'ed into inode_slot's result: other files of this f_op may differ

/// The kind of a file from its inode, the way the /proc path classifies it
/// (core/src/linux/proc_parse.cpp classifyLink, kindFromMode), or'ed with UNCACHEABLE when
/// other files with this f_op may be of another kind. A global function, so the verifier
/// checks it once rather than at every call site.
__noinline __u32 inode_slot(__u64 file_address)
{
    struct file* file = (struct file*)file_address;
    struct inode* inode = BPF_CORE_READ(file, f_inode);
    const unsigned long magic = BPF_CORE_READ(inode, i_sb, s_magic);
    // An anonymous inode's fops belong to its kind (eventfd_fops, eventpoll_fops...).
    if (magic == ANON_INODE_FS_MAGIC)
        return anon_slot(BPF_CORE_READ(file, f_path.dentry));
    if (magic == PIDFS_MAGIC)
        return HS_SLOT_PIDFD;
    if (magic == NSFS_MAGIC)
        return HS_SLOT_NSFS;
    switch (BPF_CORE_READ(inode, i_mode) & S_IFMT) {
    case S_IFREG: {
        // memfd_create: an unlinked file "memfd:NAME" at the root of an internal tmpfs or
        // hugetlbfs mount, "/memfd:NAME (deleted)" in /proc. It shares its f_op with every
        // other file of those file systems, so that f_op says nothing.
        const __u32 shared = magic == TMPFS_MAGIC || magic == HUGETLBFS_MAGIC ? UNCACHEABLE : 0;
        struct dentry* dentry = BPF_CORE_READ(file, f_path.dentry);
        if (BPF_CORE_READ(inode, i_nlink) == 0 && BPF_CORE_READ(dentry, d_parent) == dentry) {
            char name[8] = {};
            bpf_probe_read_kernel(name, 6, BPF_CORE_READ(dentry, d_name.name));
            if (name_is(name, "memfd:", 6))
                return HS_SLOT_MEMFD | shared;
        }
        return HS_SLOT_REG | shared;
    }
    case S_IFDIR: return HS_SLOT_DIR;
    case S_IFCHR: return HS_SLOT_CHR;
    case S_IFBLK: return HS_SLOT_BLK;
    case S_IFIFO: return HS_SLOT_FIFO;
    case S_IFSOCK: return HS_SLOT_SOCK;
    default: return HS_SLOT_UNKNOWN;
    }
}

/// The kind slot of one open file. Global, like inode_slot, so the loop that calls it for
/// each of 64 slots stays small for the verifier.
__noinline __u32 file_slot(__u64 file_address)
{
    struct file* file = (struct file*)file_address;
    const __u64 fop = (__u64)BPF_CORE_READ(file, f_op);
    // O_PATH files of every kind share one f_op (empty_fops): ask their inode.
    const int path_only = (BPF_CORE_READ(file, f_mode) & FMODE_PATH) != 0;
    const __u32 index = (__u32)((fop >> 4) ^ (fop >> 13)) & (FOP_CACHE_SIZE - 1);
    struct hs_fop_slot* cached = &fop_cache[index];
    if (!path_only && fop != 0 && cached->fop == fop)
        return (__u32)cached->slot;
    const __u32 result = inode_slot(file_address);
    const __u32 slot = result & ~UNCACHEABLE;
    inode_reads++;
    if (!path_only && !(result & UNCACHEABLE)) {
        cached->fop = fop;
        cached->slot = slot;
    }
    return slot;
}

struct walk {
    struct file** fd;
    unsigned long* open_fds;
    unsigned long bits; ///< the open_fds word being walked
};

static long visit_slot(__u32 bit, struct walk* walk)
{
    if (bit >= 64 || !(walk->bits & (1UL << bit)))
        return 0;
    struct file* file = slots[bit];
    if (!file) // reserved by an open() that has not installed its file yet
        return 0;
    table_count++;
    const __u32 slot = file_slot((__u64)file);
    if (slot < HS_SLOT_COUNT)
        kind_counts[slot]++;
    return 0;
}

static long visit_word(__u32 word, struct walk* walk)
{
    unsigned long bits = 0;
    if (bpf_probe_read_kernel(&bits, sizeof bits, &walk->open_fds[word]) != 0)
        return 1; // the table went away under us (the process is exiting): stop
    if (bits == 0)
        return 0;
    if (bpf_probe_read_kernel(slots, sizeof slots, &walk->fd[(__u64)word * 64]) != 0)
        return 1;
    walk->bits = bits;
    bpf_loop(64, visit_slot, walk, 0);
    return 0;
}

SEC("iter/task")
int count_task(struct bpf_iter__task* ctx)
{
    struct task_struct* task = ctx->task;
    if (!task)
        return 0;
    struct files_struct* files = task->files;
    if (!files) // exited, or a kernel thread
        return 0;
    // Threads share their process's table unless they unshared it: read it once.
    if (task->pid != task->tgid && files == task->group_leader->files)
        return 0;
    struct fdtable* fdt = files->fdt;
    struct walk walk = {
        .fd = fdt->fd,
        .open_fds = fdt->open_fds,
    };
    // max_fds is a multiple of 64 (BITS_PER_LONG): every word has 64 slots behind it.
    const __u32 words = fdt->max_fds / 64;
    table_count = 0;
    bpf_loop(words, visit_word, &walk, 0);
    if (table_count == 0)
        return 0;
    struct hs_count_record record = {.tgid = task->tgid, .count = table_count};
    bpf_seq_write(ctx->meta->seq, &record, sizeof record);
    return 0;
}
