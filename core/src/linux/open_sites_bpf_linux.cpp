// SPDX-License-Identifier: MIT
// OpenSiteTracer on Linux: bpf/open_sites.bpf.c follows the process's creating and closing
// calls; this side keeps, per fd it saw opened and not closed, the unwound stack that
// opened it, and matches them with the process's fds when asked for a report.
#include "handlescope/inspect.h"
#include "handlescope/open_sites.h"

#include "bpf_support_linux.h"
#include "common/open_sites_group.h"
#include "errno_linux.h"
#include "stack_unwind_linux.h"

#include "hs_open_sites.skel.h"
#include "open_sites_record.h"

#include <bpf/libbpf.h>

#include <poll.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>

namespace hs {

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kKernelBtf = "/sys/kernel/btf/vmlinux";

Error traceError(const char* operation, Pid pid, int err)
{
    return linux_::bpfLoadError(operation, err, pid, "the other leak commands work without it",
                                "the kernel needs BTF (/sys/kernel/btf/vmlinux), raw tracepoints and BPF ring buffers (5.8+)");
}

/// st_dev as stat() gives it, from the kernel's dev_t (major << 20 | minor).
std::uint64_t userDevice(std::uint32_t kernelDev) { return makedev(kernelDev >> 20, kernelDev & 0xfffff); }

class BpfOpenSiteTracer final : public OpenSiteTracer {
public:
    BpfOpenSiteTracer(Pid pid, int pidfd)
        : m_pid(pid)
        , m_pidfd(pidfd)
    {
    }
    ~BpfOpenSiteTracer() override
    {
        ring_buffer__free(m_ring); // both accept null
        hs_open_sites__destroy(m_skel);
        if (m_pidfd >= 0)
            ::close(m_pidfd);
    }
    BpfOpenSiteTracer(const BpfOpenSiteTracer&) = delete;
    BpfOpenSiteTracer& operator=(const BpfOpenSiteTracer&) = delete;

    Result<void> attach();
    Result<void> follow(std::chrono::nanoseconds duration, const CancelToken& cancel) override;
    [[nodiscard]] bool exited() const override { return m_exited; }
    Result<OpenSiteReport> report() override;

private:
    static int onRecord(void* self, void* data, std::size_t size);
    void opened(const hs_open_record& r);
    void closed(const hs_site_event& e);
    std::size_t siteOf(std::vector<std::uint64_t> pcs);
    bool processGone();

    Pid m_pid;
    int m_pidfd;
    hs_open_sites* m_skel = nullptr;
    ring_buffer* m_ring = nullptr;
    std::unique_ptr<linux_::StackUnwinder> m_unwinder;
    std::map<std::vector<std::uint64_t>, std::size_t> m_siteIds; ///< stack -> index into m_sites
    std::vector<std::vector<std::uint64_t>> m_sites;
    std::map<HandleValue, TracedFd> m_traced;
    OpenSiteReport m_counts; ///< only the counters are kept up to date
    std::chrono::nanoseconds m_followed{};
    std::uint64_t m_execMappingsSeen = 0; ///< exec_mappings when the modules were last read
    bool m_exited = false;
};

Result<void> BpfOpenSiteTracer::attach()
{
    libbpf_set_print(linux_::forwardLibbpfLog);
    m_skel = hs_open_sites__open();
    if (!m_skel)
        return fail(traceError("open BPF open-site tracer", m_pid, errno));
    m_skel->rodata->target_tgid = static_cast<std::uint32_t>(m_pid);
    if (int err = hs_open_sites__load(m_skel); err != 0)
        return fail(traceError("load BPF open-site tracer", m_pid, -err));
    if (int err = hs_open_sites__attach(m_skel); err != 0)
        return fail(traceError("attach BPF open-site tracer", m_pid, -err));
    m_ring = ring_buffer__new(bpf_map__fd(m_skel->maps.events), onRecord, this, nullptr);
    if (!m_ring)
        return fail(traceError("open BPF open-site ring buffer", m_pid, errno));
    // After attaching: a module mapped in between is known to both.
    auto unwinder = linux_::StackUnwinder::create(m_pid);
    if (!unwinder)
        return fail(unwinder.error());
    m_unwinder = std::move(*unwinder);
    return {};
}

int BpfOpenSiteTracer::onRecord(void* self, void* data, std::size_t size)
{
    auto* tracer = static_cast<BpfOpenSiteTracer*>(self);
    if (size < sizeof(hs_site_event))
        return 0;
    const auto* event = static_cast<const hs_site_event*>(data);
    if (event->type == HS_EVENT_OPENED && size >= sizeof(hs_open_record))
        tracer->opened(*static_cast<const hs_open_record*>(data));
    else if (event->type == HS_EVENT_CLOSED)
        tracer->closed(*event);
    return 0;
}

std::size_t BpfOpenSiteTracer::siteOf(std::vector<std::uint64_t> pcs)
{
    const auto [it, added] = m_siteIds.try_emplace(std::move(pcs), m_sites.size());
    if (added)
        m_sites.push_back(it->first);
    return it->second;
}

void BpfOpenSiteTracer::opened(const hs_open_record& r)
{
    ++m_counts.openCalls;
    linux_::CopiedStack copy{
        .registers = {},
        .stack = std::span<const std::uint8_t>(r.stack, std::min<std::uint32_t>(r.stack_size, HS_STACK_COPY_BYTES)),
        .tid = r.event.tid,
    };
    std::copy(std::begin(r.regs), std::end(r.regs), copy.registers.begin());
    // The process mapped code since its modules were read (dlopen; one unloaded since may
    // have left its range to the new one): read them again before walking through them.
    if (const std::uint64_t mapped = m_skel->bss->exec_mappings; mapped != m_execMappingsSeen) {
        m_execMappingsSeen = mapped;
        m_unwinder->refreshModules();
    }
    auto pcs = m_unwinder->unwind(copy);
    if (pcs.size() <= 1)
        ++m_counts.unwindFailures;
    const std::size_t site = siteOf(std::move(pcs));
    const ObjectId object = r.inode != 0 ? ObjectId{userDevice(r.kernel_dev), r.inode} : ObjectId{};
    m_traced[r.event.first] = {site, object};
    if (r.event.second >= 0) // the other end of a pipe or socket pair: its identity was not read
        m_traced[r.event.second] = {site, ObjectId{}};
}

void BpfOpenSiteTracer::closed(const hs_site_event& e)
{
    ++m_counts.closeCalls;
    if (e.second < e.first) // close_range(5, 3) fails with EINVAL and closes nothing
        return;
    m_traced.erase(m_traced.lower_bound(e.first), m_traced.upper_bound(e.second));
}

bool BpfOpenSiteTracer::processGone()
{
    pollfd p{m_pidfd, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & POLLIN) != 0;
}

Result<void> BpfOpenSiteTracer::follow(std::chrono::nanoseconds duration, const CancelToken& cancel)
{
    const auto start = Clock::now();
    const auto deadline = start + duration;
    pollfd fds[2] = {{ring_buffer__epoll_fd(m_ring), POLLIN, 0}, {m_pidfd, POLLIN, 0}};
    while (!m_exited && !cancel.cancelled()) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0)
            break;
        // Short waits, so a cancel from another thread is seen soon.
        const int r = ::poll(fds, 2, static_cast<int>(std::min<std::int64_t>(left.count(), 100)));
        if (r < 0 && errno != EINTR)
            return fail(linux_::errnoError("wait for BPF open-site records", errno, m_pid));
        ring_buffer__consume(m_ring);
        if (r > 0 && (fds[1].revents & POLLIN)) {
            m_exited = true;
            ring_buffer__consume(m_ring);
        }
    }
    m_followed += Clock::now() - start;
    return {};
}

Result<OpenSiteReport> BpfOpenSiteTracer::report()
{
    ring_buffer__consume(m_ring); // closes up to now, before the fds are read
    if (m_exited || processGone()) {
        m_exited = true;
        return fail(linux_::errnoError("report open sites", ESRCH, m_pid, -1,
                                       "the process exited while it was traced, and its fds closed with it"));
    }
    auto live = listHandles(m_pid, Detail::Fast);
    if (!live)
        return fail(live.error());
    std::vector<std::vector<StackFrame>> stacks;
    stacks.reserve(m_sites.size());
    for (const auto& pcs : m_sites) {
        auto& frames = stacks.emplace_back();
        for (std::uint64_t pc : pcs)
            frames.push_back(m_unwinder->symbolise(pc));
    }
    OpenSiteReport report = m_counts;
    report.pid = m_pid;
    report.traced = m_followed;
    const auto* bss = m_skel->bss;
    report.lostRecords = static_cast<std::int64_t>(bss->lost_events + bss->lost_calls);
    groupBySite(m_traced, stacks, *live, report);
    return report;
}

} // namespace

Result<std::unique_ptr<OpenSiteTracer>> OpenSiteTracer::start(Pid pid)
{
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, static_cast<pid_t>(pid), 0));
    if (pidfd < 0)
        return fail(linux_::errnoError("trace open sites", errno, pid, -1,
                                       errno == ESRCH ? "no process has this pid; it may have exited"
                                       : errno == EINVAL || errno == ENOENT
                                           ? "the pid must be a process's, not one of its threads'"
                                           : "pidfd_open needs Linux 5.3"));
    auto tracer = std::make_unique<BpfOpenSiteTracer>(pid, pidfd);
    if (::access(kKernelBtf, R_OK) != 0)
        return fail(linux_::errnoError("trace open sites", errno, pid, -1,
                                       "the kernel has no BTF (/sys/kernel/btf/vmlinux): it must be built with "
                                       "CONFIG_DEBUG_INFO_BTF for the BPF tracer to load"));
    if (auto attached = tracer->attach(); !attached)
        return fail(attached.error());
    return std::unique_ptr<OpenSiteTracer>(std::move(tracer));
}

} // namespace hs
