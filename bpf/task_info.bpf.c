// SPDX-License-Identifier: MIT
// Every process's details in one pass (one record per thread-group leader): what the /proc
// backend reads from /proc/PID/stat, /proc/PID's owner and cmdline, with ~10 system calls
// per process. Sleepable ("iter.s"), because the argument area lives in the process's
// memory and bpf_copy_from_user_task may fault pages in. The exe link stays a readlink:
// the verifier does not trust task->mm->exe_file as an argument of bpf_d_path.
#include "vmlinux.h"

#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "task_info_record.h"

// Linked into one object with task_file.bpf.c (hs_task_file), whose LICENSE it shares.

#define PIDTYPE_SID 3


// The record and its texts are too big for the BPF stack. One slot: user space reads one
// iterator of this program at a time (the snapshot lock), and seq_file serialises the reads
// of one iterator.
struct info_scratch {
    struct hs_task_record rec;
    char args[HS_ARGS_MAX];
};

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct info_scratch);
} info_scratch SEC(".maps");

SEC("iter.s/task")
int dump_task_info(struct bpf_iter__task* ctx)
{
    struct seq_file* seq = ctx->meta->seq;
    struct task_struct* task = ctx->task;
    if (!task || task->pid != task->tgid) // threads share the leader's details
        return 0;
    const __u32 zero = 0;
    struct info_scratch* s = bpf_map_lookup_elem(&info_scratch, &zero);
    if (!s)
        return 0;
    struct hs_task_record* rec = &s->rec;
    __builtin_memset(rec, 0, sizeof *rec);
    rec->tgid = task->tgid;
    rec->flags = task->flags;
    rec->state = task->__state;
    rec->exit_state = task->exit_state;
    rec->start_boottime = task->start_boottime;
    rec->euid = task->cred->euid.val;
    struct task_struct* parent = task->real_parent;
    if (parent)
        rec->ppid = parent->tgid;
    struct pid* session = task->signal->pids[PIDTYPE_SID];
    if (session)
        rec->sid = session->numbers[0].nr;
    bpf_probe_read_kernel_str(rec->comm, sizeof rec->comm, task->comm);

    struct mm_struct* mm = task->mm;
    __u32 args_len = 0;
    if (mm) {
        const unsigned long start = mm->arg_start;
        const unsigned long end = mm->arg_end;
        if (end > start) {
            const unsigned long total = end - start;
            rec->args_total = total > 0xffffffffUL ? 0xffffffffU : (__u32)total;
            args_len = total > HS_ARGS_MAX ? HS_ARGS_MAX : (__u32)total;
            const long err = bpf_copy_from_user_task(s->args, args_len, (void*)start, task, 0);
            if (err < 0) {
                rec->args_error = (__s32)-err;
                args_len = 0;
            }
        }
    }
    rec->args_len = args_len;

    bpf_seq_write(seq, rec, sizeof *rec);
    if (args_len > 0)
        bpf_seq_write(seq, s->args, args_len);
    return 0;
}
