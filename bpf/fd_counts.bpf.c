// SPDX-License-Identifier: MIT
// Handle counts of the whole machine, added up in the kernel: one pass of the task_file
// iterator that writes nothing per fd. Per process: the fds of one thread-group leader come
// one after another, so they are counted in a global and stored once per process in
// proc_counts (tgid -> count). Per kind: kind_counts, indexed by enum hs_kind_slot, worked
// out the way the /proc path classifies an fd (core/src/linux/proc_parse.cpp classifyLink,
// kindFromMode), from the inode's mode and file system and an anonymous inode's name.
// User space zeroes the globals, reads the iterator to its end, then takes and deletes
// proc_counts in batches.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>

#include "fd_counts_record.h"

char LICENSE[] SEC("license") = "GPL";

#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define ANON_INODE_FS_MAGIC 0x09041934
#define PIDFS_MAGIC 0x50494446
#define NSFS_MAGIC 0x6e736673

struct {
    __uint(type, BPF_MAP_TYPE_HASH);
    __uint(map_flags, BPF_F_NO_PREALLOC);
    __uint(max_entries, HS_COUNTS_MAX_PROCESSES);
    __type(key, __u32);
    __type(value, __u64);
} proc_counts SEC(".maps");

__u64 kind_counts[HS_SLOT_COUNT];
__u32 cur_tgid;
__u64 cur_count;
__u64 dropped; ///< processes proc_counts had no room for

static __always_inline void flush(void)
{
    __u64 count = cur_count;
    if (count == 0)
        return;
    __u32 tgid = cur_tgid;
    cur_count = 0;
    __u64* old = bpf_map_lookup_elem(&proc_counts, &tgid);
    if (old) { // the same process again, after a thread with an fd table of its own
        *old += count;
        return;
    }
    if (bpf_map_update_elem(&proc_counts, &tgid, &count, BPF_NOEXIST) != 0)
        dropped++;
}

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

static __always_inline __u32 kind_slot(struct file* file)
{
    struct inode* inode = file->f_inode;
    const unsigned long magic = inode->i_sb->s_magic;
    if (magic == ANON_INODE_FS_MAGIC)
        return anon_slot(file->f_path.dentry);
    if (magic == PIDFS_MAGIC)
        return HS_SLOT_PIDFD;
    if (magic == NSFS_MAGIC)
        return HS_SLOT_NSFS;
    switch (inode->i_mode & S_IFMT) {
    case S_IFREG: {
        // memfd_create: an unlinked file "memfd:NAME" at the root of an internal mount,
        // "/memfd:NAME (deleted)" in /proc.
        struct dentry* dentry = file->f_path.dentry;
        if (inode->i_nlink == 0 && dentry->d_parent == dentry) {
            char name[8] = {};
            bpf_probe_read_kernel(name, 6, BPF_CORE_READ(dentry, d_name.name));
            if (name_is(name, "memfd:", 6))
                return HS_SLOT_MEMFD;
        }
        return HS_SLOT_REG;
    }
    case S_IFDIR: return HS_SLOT_DIR;
    case S_IFCHR: return HS_SLOT_CHR;
    case S_IFBLK: return HS_SLOT_BLK;
    case S_IFIFO: return HS_SLOT_FIFO;
    case S_IFSOCK: return HS_SLOT_SOCK;
    default: return HS_SLOT_UNKNOWN;
    }
}

SEC("iter/task_file")
int count_task_file(struct bpf_iter__task_file* ctx)
{
    struct task_struct* task = ctx->task;
    struct file* file = ctx->file;
    if (!task || !file) { // the end of the walk
        flush();
        return 0;
    }
    // Threads of one process share its fd table: count it once, through the leader.
    if (task->pid != task->tgid)
        return 0;
    const __u32 tgid = task->tgid;
    if (tgid != cur_tgid) {
        flush();
        cur_tgid = tgid;
    }
    cur_count++;
    __u32 slot = kind_slot(file);
    if (slot < HS_SLOT_COUNT)
        kind_counts[slot]++;
    return 0;
}
