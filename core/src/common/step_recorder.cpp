// SPDX-License-Identifier: MIT
#include "step_recorder.h"

namespace hs {

std::string_view toString(DuplicateStep step)
{
    switch (step) {
    case DuplicateStep::Pinned:
        return "pinned";
    case DuplicateStep::Attached:
        return "attached";
    case DuplicateStep::Call:
        return "call";
    case DuplicateStep::Checked:
        return "checked";
    case DuplicateStep::Closed:
        return "closed";
    case DuplicateStep::Detached:
        return "detached";
    case DuplicateStep::OpenProcess:
        return "OpenProcess";
    case DuplicateStep::DuplicateHandle:
        return "DuplicateHandle";
    case DuplicateStep::ReleasedProcess:
        return "CloseHandle";
    case DuplicateStep::Note:
        return "note";
    }
    return "?";
}

namespace {

// Windows calls are shown as written in C ("hSrc = OpenProcess(...) -> 0x8C"); the Linux
// lines say where each call ran ("[pid 42] close(7) = 0").
bool writtenAsWindowsApi(const std::string& call)
{
    return call.starts_with("hSrc = ") || call.starts_with("hTgt = ") || call.starts_with("DuplicateHandle(")
           || call.starts_with("CloseHandle(");
}

} // namespace

std::string DuplicateProgress::line() const
{
    if (error)
        return "failed at " + std::string(toString(step)) + ": " + error->message();
    const bool windows = writtenAsWindowsApi(call);
    std::string text;
    if (injected)
        text = "[pid " + std::to_string(process) + "] ";
    else if (!windows)
        text = "[tool] ";
    text += call;
    if (!result.empty())
        text += (windows ? " -> " : " = ") + result;
    return text;
}

namespace {

// What usually follows a step; the caller corrects it with expect() where it knows better.
DuplicateStep following(DuplicateStep step)
{
    switch (step) {
    case DuplicateStep::Pinned:
        return DuplicateStep::Pinned;
    case DuplicateStep::Attached:
    case DuplicateStep::Note:
        return DuplicateStep::Call;
    case DuplicateStep::Call:
        return DuplicateStep::Call;
    case DuplicateStep::Checked:
        return DuplicateStep::Detached;
    case DuplicateStep::Detached:
        return DuplicateStep::Attached; // a later session (closing the source) attaches again
    case DuplicateStep::Closed:
        return DuplicateStep::Detached;
    case DuplicateStep::OpenProcess:
        return DuplicateStep::DuplicateHandle;
    case DuplicateStep::DuplicateHandle:
        return DuplicateStep::Closed;
    case DuplicateStep::ReleasedProcess:
        return DuplicateStep::ReleasedProcess;
    }
    return DuplicateStep::Note;
}

} // namespace

void StepRecorder::record(const DuplicateProgress& event)
{
    if (m_lines)
        m_lines->push_back(event.line());
    // A call that failed is where a failure now would be; after a good one, what follows.
    m_next = event.ok ? following(event.step) : event.step;
    if (m_callback)
        m_callback(event);
}

void StepRecorder::record(DuplicateStep step, Pid process, bool injected, std::string call, std::string result, bool ok,
                          HandleValue handle)
{
    DuplicateProgress event;
    event.step = step;
    event.process = process;
    event.injected = injected;
    event.call = std::move(call);
    event.result = std::move(result);
    event.ok = ok;
    event.handle = handle;
    record(event);
}

void StepRecorder::failed(const Error& error)
{
    DuplicateProgress event;
    event.step = inProgress();
    event.process = error.pid > 0 ? error.pid : 0;
    event.ok = false;
    event.error = error;
    if (m_callback)
        m_callback(event); // not in the steps: a failed operation returns its error, not steps
}

} // namespace hs
