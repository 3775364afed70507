// SPDX-License-Identifier: MIT
#pragma once

// One record of the task_file iterator (bpf/task_file.bpf.c), read by
// core/src/linux/snapshot_bpf_linux.cpp: this header, then path_len bytes of d_path text
// (with its NUL). Plain __u* types so both the BPF program and user space include it.

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

#define HS_PATH_MAX 4096
#define HS_MAX_READERS 16 ///< threads that may read iterators of one program at once
/// path_error of a record read by a thread that did not register in reader_tids.
#define HS_ERR_UNREGISTERED 10000

/// What follows a record's header. The kernel names sockets, pipes and anonymous inodes
/// with a printf into d_path's buffer ("socket:[INODE]", "pipe:[INODE]", "anon_inode:NAME");
/// for those the program sends the inode or the dentry name and user space prints the same.
enum hs_name_source {
    HS_NAME_D_PATH = 0, ///< bpf_d_path's text
    HS_NAME_SOCKET = 1, ///< "socket:[ino]"; the text holds a UNIX socket's names
    HS_NAME_PIPE = 2,   ///< no text: "pipe:[ino]"
    HS_NAME_ANON = 3,   ///< the dentry's name: "anon_inode:" before it
};

struct hs_fd_record {
    __u32 tgid;
    __u32 fd;
    __u64 ino;
    __u32 dev;        ///< the kernel's s_dev: major << 20 | minor
    __u32 mode;       ///< i_mode
    __u64 pos;        ///< f_pos
    __u32 flags;      ///< f_flags (without O_CLOEXEC, see cloexec)
    __u32 path_len;   ///< bytes of path after the header, NUL included; 0 on error
    __s32 path_error; ///< errno of bpf_d_path, 0 if it worked
    __u32 cloexec;    ///< the fd's close-on-exec bit
    __u32 mnt_id;     ///< the mount's id, as fdinfo's mnt_id
    // Anonymous inodes: private_data read as an eventfd and as a pidfd's struct pid; user
    // space keeps what the fd's kind says it is.
    __u32 eventfd_flags;
    __u64 eventfd_count;
    __s32 eventfd_id;
    __s32 pidfd_pid; ///< the pid in the initial pid namespace
    // Sockets only (zero otherwise).
    __u64 netns;      ///< inode of the socket's network namespace
    __u16 family;
    __u16 protocol;
    __u16 sock_type;
    __u16 local_port;  ///< host order
    __u16 remote_port; ///< host order
    __u8 sock_state;
    __u8 name_source; ///< enum hs_name_source: what the path text after the header is
    __u8 pad[2];
    __u8 local_addr[16];  ///< IPv4 in the first 4 bytes, network order
    __u8 remote_addr[16];
    // UNIX sockets: the bound names of this socket and of its peer (sun_path bytes, an
    // abstract name starting with a NUL), one after the other as the record's text
    // (path_len = unix_name_len + unix_peer_name_len), and the peer's inode.
    __u64 unix_peer_ino;
    __u16 unix_name_len;
    __u16 unix_peer_name_len;
    __u32 pad2;
};
