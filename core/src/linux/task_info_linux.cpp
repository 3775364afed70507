// SPDX-License-Identifier: MIT
// Loads and reads the process iterator (bpf/task_info.bpf.c); its records are parsed in
// task_info_record_linux.cpp.
#include "task_info_linux.h"

#include "bpf_support_linux.h"
#include "errno_linux.h"
#include "proc_reader.h"

#include "hs_task_info.skel.h"
#include "task_info_record.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace hs::linux_ {

namespace {

Result<hs_task_info*> skeleton()
{
    static KeptSkeleton<hs_task_info> kept;
    return kept.get([]() -> Result<hs_task_info*> {
        hs_task_info* skel = hs_task_info__open_and_load();
        if (!skel)
            return fail(bpfLoadError("load BPF process iterator", errno));
        return skel;
    });
}

} // namespace

Result<std::vector<IteratedProcess>> readIteratedProcesses()
{
    auto skel = skeleton();
    if (!skel)
        return fail(skel.error());
    const UniqueFd link(bpf_link_create(bpf_program__fd((*skel)->progs.dump_task_info), 0, BPF_TRACE_ITER, nullptr));
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
