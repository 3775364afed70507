// SPDX-License-Identifier: MIT
// A process's open files (user space creates one iterator per process, several at a time):
// for every fd of the thread-group leader, one fixed header (identity, mode, offset, flags,
// socket endpoints) followed by its d_path text. The record layout is shared with user
// space through task_file_record.h.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "task_file_record.h"

char LICENSE[] SEC("license") = "GPL";

#define S_IFMT 00170000
#define S_IFSOCK 0140000
#define S_IFREG 0100000
#define PIDFS_MAGIC 0x50494446
#define SOCKFS_MAGIC 0x534F434B
#define PIPEFS_MAGIC 0x50495045
#define ANON_INODE_FS_MAGIC 0x09041934
#define ANON_NAME_MAX 64
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define UNIX_PATH_MAX 108

// The header and the path buffer are too big for the BPF stack: one per reading thread in
// a map. Not one per CPU: two of our readers on one CPU can preempt each other mid-record.
struct scratch {
    struct hs_fd_record rec;
    char path[HS_PATH_MAX];
    // What the reader read for the fd before, valid for one process (tgid): consecutive fds
    // share a word of the close-on-exec bitmap and mostly a mount, so most fds read neither.
    __u32 cache_tgid;
    __u32 cloexec_index;        ///< of the word in cloexec_word, +1 (0: none)
    unsigned long cloexec_word;
    void* mount;                ///< the vfsmount whose id is mount_id
    __u32 mount_id;
};

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, HS_MAX_READERS);
    __type(key, __u32);
    __type(value, struct scratch);
} scratch_map SEC(".maps");

/// The thread ids of the threads reading iterators now, set by user space (0: free); a
/// reader's index here is its scratch slot.
__u32 reader_tids[HS_MAX_READERS];

static __always_inline __u32 reader_slot(void)
{
    const __u32 tid = (__u32)bpf_get_current_pid_tgid();
    for (__u32 i = 0; i < HS_MAX_READERS; i++)
        if (reader_tids[i] == tid)
            return i;
    return HS_MAX_READERS;
}

/// The bound name of a UNIX socket into buf (at most UNIX_PATH_MAX bytes); its length.
static __always_inline __u32 read_unix_name(struct sock* sk, char* buf)
{
    struct unix_address* addr = BPF_CORE_READ((struct unix_sock*)sk, addr);
    if (!addr)
        return 0;
    const int len = BPF_CORE_READ(addr, len) - (int)sizeof(short); // without sun_family
    if (len <= 0)
        return 0;
    const __u32 n = len > UNIX_PATH_MAX ? UNIX_PATH_MAX : (__u32)len;
    if (bpf_probe_read_kernel(buf, n & 127, &addr->name[0].sun_path) != 0)
        return 0;
    return n & 127;
}

/// A UNIX socket's names and its peer's inode, as unix_diag reports them (UNIX_DIAG_NAME,
/// UNIX_DIAG_PEER); the names go into `text`, this socket's first. Returns the text's length.
static __always_inline __u32 read_unix(struct sock* sk, struct hs_fd_record* rec, char* text)
{
    const __u32 own = read_unix_name(sk, text);
    rec->unix_name_len = own;
    struct sock* peer = BPF_CORE_READ((struct unix_sock*)sk, peer);
    if (!peer)
        return own;
    // sock_i_ino(): the inode sits right after the struct socket in struct socket_alloc.
    struct socket* peer_socket = BPF_CORE_READ(peer, sk_socket);
    if (peer_socket) {
        struct socket_alloc* alloc = (void*)peer_socket - bpf_core_field_offset(struct socket_alloc, socket);
        rec->unix_peer_ino = BPF_CORE_READ(alloc, vfs_inode.i_ino);
    }
    const __u32 theirs = read_unix_name(peer, text + (own & 127));
    rec->unix_peer_name_len = theirs;
    return own + theirs;
}

/// Returns the length of the text it wrote into `text` (UNIX sockets only).
static __always_inline __u32 read_socket(struct file* file, struct hs_fd_record* rec, char* text)
{
    struct socket* sock = file->private_data;
    struct sock* sk = BPF_CORE_READ(sock, sk);
    if (!sk)
        return 0;
    // The endpoints, family and state sit in struct sock_common at the start of the sock:
    // one read of it, not one per field. Its size and field offsets are the running
    // kernel's (CO-RE); the fields used lie inside both its size and ours.
    struct sock_common common;
    __u32 size = bpf_core_type_size(struct sock_common);
    if (size > sizeof common)
        size = sizeof common;
    if (bpf_probe_read_kernel(&common, size, &sk->__sk_common) != 0)
        return 0;
    const struct sock_common* c = &common;
    rec->family = c->skc_family;
    rec->sock_state = c->skc_state;
    rec->protocol = BPF_CORE_READ(sk, sk_protocol);
    rec->sock_type = BPF_CORE_READ(sk, sk_type);
    rec->netns = BPF_CORE_READ(c, skc_net.net, ns.inum);
    if (rec->family == AF_INET) {
        rec->local_port = c->skc_num;
        rec->remote_port = bpf_ntohs(c->skc_dport);
        __builtin_memcpy(rec->local_addr, &c->skc_rcv_saddr, 4);
        __builtin_memcpy(rec->remote_addr, &c->skc_daddr, 4);
    } else if (rec->family == AF_INET6) {
        rec->local_port = c->skc_num;
        rec->remote_port = bpf_ntohs(c->skc_dport);
        __builtin_memcpy(rec->local_addr, &c->skc_v6_rcv_saddr, 16);
        __builtin_memcpy(rec->remote_addr, &c->skc_v6_daddr, 16);
    } else if (rec->family == AF_UNIX) {
        return read_unix(sk, rec, text);
    }
    return 0;
}

SEC("iter/task_file")
int dump_task_file(struct bpf_iter__task_file* ctx)
{
    struct seq_file* seq = ctx->meta->seq;
    struct task_struct* task = ctx->task;
    struct file* file = ctx->file;
    if (!task || !file)
        return 0;
    // Read once: the verifier refuses a load through a pointer into ctx the compiler moved.
    const __u32 fd = *(volatile __u32*)&ctx->fd;
    // Threads of one process share its fd table: read it once, through the leader.
    if (task->pid != task->tgid)
        return 0;

    const __u32 slot = reader_slot();
    struct scratch* s = bpf_map_lookup_elem(&scratch_map, &slot);
    if (!s) { // a reader user space did not register: say so in the record, never drop it
        struct hs_fd_record bare = {.tgid = task->tgid, .fd = fd, .path_error = HS_ERR_UNREGISTERED};
        bpf_seq_write(seq, &bare, sizeof bare);
        return 0;
    }
    struct hs_fd_record* rec = &s->rec;
    __builtin_memset(rec, 0, sizeof *rec);
    rec->tgid = task->tgid;
    rec->fd = fd;

    // Fields of kernel structs are read by direct loads (the verifier makes them fault-safe),
    // much cheaper than a bpf_probe_read_kernel call each.
    struct inode* inode = file->f_inode;
    struct super_block* sb = inode->i_sb;
    rec->ino = inode->i_ino;
    rec->dev = sb->s_dev;
    rec->mode = inode->i_mode;
    rec->pos = file->f_pos;
    rec->flags = file->f_flags;

    if (s->cache_tgid != rec->tgid) {
        s->cache_tgid = rec->tgid;
        s->cloexec_index = 0;
        s->mount = 0;
    }
    // fdinfo's "flags" adds O_CLOEXEC from the fd table's bitmap; so do we.
    const __u32 index = fd / 64;
    if (s->cloexec_index != index + 1) {
        unsigned long* cloexec = task->files->fdt->close_on_exec;
        unsigned long word = 0;
        bpf_probe_read_kernel(&word, sizeof word, cloexec + index);
        s->cloexec_word = word;
        s->cloexec_index = index + 1;
    }
    rec->cloexec = (s->cloexec_word >> (fd % 64)) & 1;

    // struct mount holds the vfsmount the path points at: container_of by hand. The file
    // holds a reference on the mount, so the pointer names one mount while it is open.
    void* vfsmount = file->f_path.mnt;
    if (s->mount != vfsmount) {
        struct mount* mnt = vfsmount - bpf_core_field_offset(struct mount, mnt);
        s->mount_id = BPF_CORE_READ(mnt, mnt_id);
        s->mount = vfsmount;
    }
    rec->mnt_id = s->mount_id;

    const __u32 type = rec->mode & S_IFMT;
    __u32 socket_text = 0;
    if (type == S_IFSOCK) {
        socket_text = read_socket(file, rec, s->path);
    } else if (type == 0) {
        // Anonymous inodes have no file type. What private_data points at depends on the
        // kind, which user space knows from the name: read it as each, keep the right one.
        void* data = file->private_data;
        if (data) {
            struct eventfd_ctx* ev = data;
            rec->eventfd_count = BPF_CORE_READ(ev, count);
            rec->eventfd_flags = BPF_CORE_READ(ev, flags);
            rec->eventfd_id = BPF_CORE_READ(ev, id);
            struct pid* pid = data;
            rec->pidfd_pid = BPF_CORE_READ(pid, numbers[0].nr);
        }
    } else if (type == S_IFREG && sb->s_magic == PIDFS_MAGIC) {
        // pidfs (6.9+) keeps a pidfd's struct pid in its inode.
        struct pid* pid = inode->i_private;
        if (pid)
            rec->pidfd_pid = BPF_CORE_READ(pid, numbers[0].nr);
    }

    // The names the kernel prints (d_dname) come cheaper as their parts: see hs_name_source.
    long len;
    const unsigned long magic = sb->s_magic;
    if (magic == SOCKFS_MAGIC || magic == PIPEFS_MAGIC) {
        rec->name_source = magic == SOCKFS_MAGIC ? HS_NAME_SOCKET : HS_NAME_PIPE;
        len = magic == SOCKFS_MAGIC ? socket_text : 0;
    } else if (magic == ANON_INODE_FS_MAGIC) {
        rec->name_source = HS_NAME_ANON;
        len = bpf_probe_read_kernel_str(s->path, ANON_NAME_MAX, file->f_path.dentry->d_name.name);
    } else {
        len = bpf_d_path((struct path*)&file->f_path, s->path, sizeof s->path);
    }
    rec->path_len = len > 0 ? (__u32)len : 0; // with its NUL
    rec->path_error = len < 0 ? (__s32)-len : 0;
    bpf_seq_write(seq, rec, sizeof *rec);
    if (len > 0)
        bpf_seq_write(seq, s->path, (__u32)len & (HS_PATH_MAX - 1));
    return 0;
}
