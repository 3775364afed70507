// SPDX-License-Identifier: MIT
// Reads the process iterator (bpf/task_info.bpf.c, loaded with the fd program by
// snapshot_bpf_linux.cpp); its records are parsed in task_info_record_linux.cpp.
#include "task_info_linux.h"

#include "errno_linux.h"
#include "proc_reader.h"

#include "task_info_record.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace hs::linux_ {

Result<std::vector<IteratedProcess>> readIteratedProcesses(int progFd)
{
    if (progFd < 0)
        return fail(errnoError("load BPF process iterator", ENOTSUP, -1, -1,
                               "the kernel refused the details program (sleepable iterators and "
                               "bpf_copy_from_user_task need Linux 5.18); /proc gives the details"));
    const UniqueFd link(bpf_link_create(progFd, 0, BPF_TRACE_ITER, nullptr));
    if (!link.valid())
        return fail(errnoError("create BPF process iterator", errno));
    const UniqueFd fd(bpf_iter_create(link.get()));
    if (!fd.valid())
        return fail(errnoError("create BPF process iterator", errno));
    std::string bytes;
    std::size_t have = 0;
    for (;;) {
        if (bytes.size() - have < 64 * 1024)
            bytes.resize(std::max<std::size_t>(256 * 1024, 2 * bytes.size()));
        const ssize_t n = ::read(fd.get(), bytes.data() + have, bytes.size() - have);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errnoError("read BPF process iterator", errno));
        }
        if (n == 0)
            break;
        have += static_cast<std::size_t>(n);
    }
    std::vector<IteratedProcess> out;
    out.reserve(have / (sizeof(hs_task_record) + 64));
    if (auto parsed = parseTaskRecords(std::string_view(bytes.data(), have), out); !parsed)
        return fail(parsed.error());
    if (!std::ranges::is_sorted(out, {}, [](const IteratedProcess& p) { return p.info.pid; }))
        std::ranges::sort(out, {}, [](const IteratedProcess& p) { return p.info.pid; });
    return out;
}

} // namespace hs::linux_
