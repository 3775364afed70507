// SPDX-License-Identifier: MIT
#include "stack_unwind_linux.h"

#include "errno_linux.h"

#include <elfutils/libdwfl.h>

#include <cxxabi.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace hs::linux_ {

struct StackUnwinder::State {
    Dwfl* dwfl = nullptr;
    pid_t pid = 0;
    const CopiedStack* current = nullptr; ///< the stack being walked (memory_read serves it)
    std::vector<std::uint64_t>* frames = nullptr;
    std::size_t maxFrames = 0;
    std::unordered_map<std::uint64_t, StackFrame> symbols;

    ~State()
    {
        if (dwfl)
            dwfl_end(dwfl);
    }
};

namespace {

// The thread callbacks serve one copied stack, whatever the thread: the process is not
// stopped or read, so it may be running, or gone.
pid_t noMoreThreads(Dwfl*, void*, void**) { return 0; }

bool theCopiedThread(Dwfl*, pid_t, void* dwflArg, void** threadArg)
{
    *threadArg = dwflArg;
    return true;
}

bool readCopiedStack(Dwfl*, Dwarf_Addr address, Dwarf_Word* result, void* arg)
{
    const auto* state = static_cast<StackUnwinder::State*>(arg);
    const CopiedStack& copy = *state->current;
    const std::uint64_t sp = copy.registers[7];
    // Only the copy: reading the live process would mix in frames written since the call.
    if (address < sp || address - sp + sizeof(Dwarf_Word) > copy.stack.size())
        return false;
    std::memcpy(result, copy.stack.data() + (address - sp), sizeof(Dwarf_Word));
    return true;
}

bool setCopiedRegisters(Dwfl_Thread* thread, void* arg)
{
    const auto* state = static_cast<StackUnwinder::State*>(arg);
    Dwarf_Word regs[17];
    std::copy(state->current->registers.begin(), state->current->registers.end(), regs);
    return dwfl_thread_state_registers(thread, 0, 17, regs);
}

const Dwfl_Thread_Callbacks kThreadCallbacks = {
    .next_thread = noMoreThreads,
    .get_thread = theCopiedThread,
    .memory_read = readCopiedStack,
    .set_initial_registers = setCopiedRegisters,
    .detach = nullptr,
    .thread_detach = nullptr,
};

int collectFrame(Dwfl_Frame* frame, void* arg)
{
    auto* state = static_cast<StackUnwinder::State*>(arg);
    Dwarf_Addr pc = 0;
    bool activation = false;
    if (!dwfl_frame_pc(frame, &pc, &activation) || pc == 0)
        return DWARF_CB_ABORT;
    // A return address points after the call: step back into it for the right line.
    state->frames->push_back(activation ? pc : pc - 1);
    return state->frames->size() >= state->maxFrames ? DWARF_CB_ABORT : DWARF_CB_OK;
}

std::string demangled(const char* name)
{
    int status = 0;
    char* plain = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    if (status != 0 || !plain)
        return name;
    std::string out(plain);
    std::free(plain);
    return out;
}

/// What a person calls the function: "Pool::grow" for "(anonymous namespace)::Pool::grow(int)
/// const", "__libc_start_main" for "__libc_start_main@@GLIBC_2.34".
std::string shortName(std::string name)
{
    if (const auto at = name.find('@'); at != std::string::npos)
        name.resize(at);
    // The parameter list: from the last ')' back to its '(' (parameters nest parentheses).
    if (const auto close = name.rfind(')'); close != std::string::npos && close > 0) {
        int depth = 0;
        for (std::size_t i = close + 1; i-- > 0;) {
            depth += name[i] == ')' ? 1 : name[i] == '(' ? -1 : 0;
            if (depth == 0) {
                if (i > 0) // "operator()" and the like keep their name
                    name.resize(i);
                break;
            }
        }
    }
    static constexpr std::string_view anonymous = "(anonymous namespace)::";
    for (auto at = name.find(anonymous); at != std::string::npos; at = name.find(anonymous))
        name.erase(at, anonymous.size());
    return name;
}

Error dwflError(const char* operation, Pid pid, int err, std::string hint)
{
    Error e = errnoError(operation, err != 0 ? err : EIO, pid, -1, std::move(hint));
    e.osText += std::string(" (") + dwfl_errmsg(-1) + ")";
    return e;
}

} // namespace

StackUnwinder::StackUnwinder(std::unique_ptr<State> state)
    : m_state(std::move(state))
{
}

StackUnwinder::~StackUnwinder() = default;

Result<std::unique_ptr<StackUnwinder>> StackUnwinder::create(Pid pid)
{
    auto state = std::make_unique<State>();
    state->pid = static_cast<pid_t>(pid);
    static const Dwfl_Callbacks callbacks = {
        .find_elf = dwfl_linux_proc_find_elf,
        .find_debuginfo = dwfl_standard_find_debuginfo,
        .section_address = nullptr,
        .debuginfo_path = nullptr,
    };
    state->dwfl = dwfl_begin(&callbacks);
    if (!state->dwfl)
        return fail(dwflError("start stack unwinder", pid, ENOMEM, "elfutils' libdwfl could not start"));
    dwfl_report_begin(state->dwfl);
    if (int err = dwfl_linux_proc_report(state->dwfl, static_cast<pid_t>(pid)); err != 0)
        return fail(dwflError("read the modules of the process", pid, err > 0 ? err : EIO,
                              "the process may have exited; /proc/PID/maps must be readable"));
    if (dwfl_report_end(state->dwfl, nullptr, nullptr) != 0)
        return fail(dwflError("read the modules of the process", pid, EIO, "its ELF files may have been removed"));
    // The architecture comes from the modules; the threads are our copied stacks.
    if (!dwfl_attach_state(state->dwfl, nullptr, static_cast<pid_t>(pid), &kThreadCallbacks, state.get()))
        return fail(dwflError("prepare unwinding", pid, ENOEXEC, "no module of the process could be read as ELF"));
    return std::unique_ptr<StackUnwinder>(new StackUnwinder(std::move(state)));
}

std::vector<std::uint64_t> StackUnwinder::unwind(const CopiedStack& copy, std::size_t maxFrames)
{
    std::vector<std::uint64_t> frames;
    m_state->current = &copy;
    m_state->frames = &frames;
    m_state->maxFrames = maxFrames;
    // It ends with an error where the walk leaves the copy or finds no CFI; the frames
    // up to there are what there is.
    dwfl_getthread_frames(m_state->dwfl, copy.tid != 0 ? static_cast<pid_t>(copy.tid) : m_state->pid, collectFrame,
                          m_state.get());
    m_state->current = nullptr;
    m_state->frames = nullptr;
    return frames;
}

bool StackUnwinder::refreshModules()
{
    // All of them, not only the new ones: an unloaded library's range may hold another now.
    dwfl_report_begin(m_state->dwfl);
    const bool read = dwfl_linux_proc_report(m_state->dwfl, m_state->pid) == 0;
    dwfl_report_end(m_state->dwfl, nullptr, nullptr);
    m_state->symbols.clear(); // addresses that had no module may have one now
    return read;
}

StackFrame StackUnwinder::symbolise(std::uint64_t address)
{
    if (auto it = m_state->symbols.find(address); it != m_state->symbols.end())
        return it->second;
    StackFrame f;
    f.address = address;
    if (Dwfl_Module* module = dwfl_addrmodule(m_state->dwfl, address)) {
        const char* mainFile = nullptr;
        const char* name = dwfl_module_info(module, nullptr, nullptr, nullptr, nullptr, nullptr, &mainFile, nullptr);
        const std::string path = mainFile ? mainFile : name ? name : "";
        const auto slash = path.rfind('/');
        f.module = path.substr(slash == std::string::npos ? 0 : slash + 1);
        GElf_Off offset = 0;
        GElf_Sym symbol{};
        if (const char* fn = dwfl_module_addrinfo(module, address, &offset, &symbol, nullptr, nullptr, nullptr)) {
            f.signature = demangled(fn);
            f.function = shortName(f.signature);
        }
        if (Dwfl_Line* line = dwfl_module_getsrc(module, address)) {
            int lineNo = 0;
            if (const char* source = dwfl_lineinfo(line, nullptr, &lineNo, nullptr, nullptr, nullptr)) {
                f.file = source;
                f.line = lineNo;
            }
        }
    }
    m_state->symbols.emplace(address, f);
    return f;
}

} // namespace hs::linux_
