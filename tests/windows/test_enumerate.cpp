// SPDX-License-Identifier: MIT
// Enumeration of a child's handles: types, names, access, attributes, identity.
#include "child_process.h"
#include "windows/win_internal.h"

#include "handlescope/find.h"
#include "handlescope/inspect.h"
#include "handlescope/log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/base_sink.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

using namespace hstest;

namespace {

const hs::HandleInfo* byValue(const std::vector<hs::HandleInfo>& handles, std::int64_t value)
{
    for (const auto& h : handles)
        if (h.value == value)
            return &h;
    return nullptr;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string fileNameOf(const std::string& path) { return path.substr(path.find_last_of("\\/") + 1); }

class Enumerate : public ::testing::Test {
protected:
    void SetUp() override
    {
        path = tempFilePath("hs_enum");
        child.emplace(Child::helper(L"objects \"" + std::wstring(path.begin(), path.end()) + L"\""));
        ASSERT_GT(child->value("thread"), 0) << "child did not report its handles";
        auto list = hs::listHandles(child->pid(), hs::Detail::Full);
        ASSERT_TRUE(list) << list.error().message();
        handles = std::move(*list);
    }
    void TearDown() override
    {
        child.reset();
        DeleteFileA(path.c_str());
    }
    const hs::HandleInfo& get(const std::string& name)
    {
        const auto* h = byValue(handles, child->value(name));
        if (!h)
            throw std::runtime_error("handle '" + name + "' not listed");
        return *h;
    }
    std::string path;
    std::optional<Child> child;
    std::vector<hs::HandleInfo> handles;
};

} // namespace

TEST_F(Enumerate, SortedByValueAndCountMatchesProcessInfo)
{
    ASSERT_GE(handles.size(), 14u);
    EXPECT_TRUE(std::is_sorted(handles.begin(), handles.end(),
                               [](const hs::HandleInfo& a, const hs::HandleInfo& b) { return a.value < b.value; }));
    auto info = hs::processInfo(child->pid());
    ASSERT_TRUE(info) << info.error().message();
    EXPECT_EQ(info->pid, child->pid());
    EXPECT_EQ(lower(info->name), "hs_child.exe");
    EXPECT_EQ(info->parentPid, static_cast<hs::Pid>(GetCurrentProcessId()));
    // SystemProcessInformation's HandleCount: Wine 8 reports its table's capacity (32, 64,
    // 128), not the count, so only "at least the handles listed" holds under Wine.
    EXPECT_GE(info->handleCount, static_cast<std::int64_t>(handles.size()));
    EXPECT_GT(info->startTime, 0u);
}

TEST_F(Enumerate, EventsWithAccessAndInheritance)
{
    const auto& event = get("event");
    EXPECT_EQ(event.typeName, "Event");
    EXPECT_EQ(event.kind, hs::HandleKind::Event);
    EXPECT_EQ(event.grantedAccess, static_cast<std::uint32_t>(EVENT_ALL_ACCESS));
    EXPECT_EQ(event.accessText, "EVENT_ALL_ACCESS");
    ASSERT_TRUE(event.inheritable.has_value());
    EXPECT_FALSE(*event.inheritable);
    EXPECT_FALSE(event.protectFromClose);

    const auto& narrow = get("event_narrow");
    EXPECT_EQ(narrow.typeName, "Event");
    EXPECT_EQ(narrow.grantedAccess, static_cast<std::uint32_t>(SYNCHRONIZE | EVENT_MODIFY_STATE));
    EXPECT_EQ(narrow.accessText, "EVENT_MODIFY_STATE | SYNCHRONIZE");
    EXPECT_TRUE(contains(narrow.name, "hs_event_" + std::to_string(child->pid()))) << narrow.name;

    const auto& inherit = get("event_inherit");
    ASSERT_TRUE(inherit.inheritable.has_value());
    EXPECT_TRUE(*inherit.inheritable);
}

TEST_F(Enumerate, NamedMutexSemaphoreSection)
{
    const auto& mutex = get("mutex");
    EXPECT_EQ(mutex.typeName, "Mutant");
    EXPECT_EQ(mutex.kind, hs::HandleKind::Mutex);
    EXPECT_TRUE(contains(mutex.name, "hs_mutex_" + std::to_string(child->pid()))) << mutex.name;
    EXPECT_EQ(mutex.grantedAccess, static_cast<std::uint32_t>(MUTEX_ALL_ACCESS));

    const auto& sem = get("semaphore");
    EXPECT_EQ(sem.typeName, "Semaphore");
    EXPECT_EQ(sem.kind, hs::HandleKind::Semaphore);
    EXPECT_TRUE(sem.name.empty()) << sem.name;

    const auto& section = get("section");
    EXPECT_EQ(section.typeName, "Section");
    EXPECT_EQ(section.kind, hs::HandleKind::Section);
    EXPECT_TRUE(contains(section.name, "hs_section_" + std::to_string(child->pid()))) << section.name;
    EXPECT_TRUE(contains(section.accessText, "SECTION_MAP_WRITE") || section.accessText == "SECTION_ALL_ACCESS")
        << section.accessText;
}

TEST_F(Enumerate, FileWithDosPathAccessAndIdentity)
{
    const auto& file = get("file");
    EXPECT_EQ(file.typeName, "File");
    EXPECT_EQ(file.kind, hs::HandleKind::RegularFile);
    EXPECT_EQ(lower(fileNameOf(file.name)), lower(fileNameOf(path))) << file.name;
    ASSERT_GE(file.name.size(), 3u);
    EXPECT_EQ(file.name[1], ':') << "not a DOS path: " << file.name;
    EXPECT_EQ(file.access, hs::AccessMode::ReadWrite);
    EXPECT_TRUE(contains(file.accessText, "FILE_WRITE_DATA")) << file.accessText;
    EXPECT_TRUE(contains(file.accessText, "FILE_READ_DATA")) << file.accessText;
    auto id = hs::objectIdOfPath(path);
    ASSERT_TRUE(id) << id.error().message();
    EXPECT_TRUE(file.object.valid());
    EXPECT_EQ(file.object, *id);
}

TEST_F(Enumerate, PipeKeyProcessThread)
{
    const auto& pipe = get("pipe_read");
    EXPECT_EQ(pipe.typeName, "File");
    EXPECT_EQ(pipe.kind, hs::HandleKind::Fifo);
    EXPECT_EQ(get("pipe_write").kind, hs::HandleKind::Fifo);

    const auto& key = get("key");
    EXPECT_EQ(key.typeName, "Key");
    EXPECT_EQ(key.kind, hs::HandleKind::Key);
    EXPECT_TRUE(contains(key.name, "HandleScopeTest\\" + std::to_string(child->pid()))) << key.name;
    EXPECT_EQ(key.name.rfind("HKEY_", 0), 0u) << key.name;
    EXPECT_TRUE(contains(key.accessText, "KEY_SET_VALUE")) << key.accessText;

    const auto& process = get("process");
    EXPECT_EQ(process.typeName, "Process");
    EXPECT_EQ(process.referencedPid, child->pid());
    EXPECT_TRUE(contains(lower(process.name), "hs_child.exe")) << process.name;
    EXPECT_EQ(process.accessText, "PROCESS_QUERY_LIMITED_INFORMATION | SYNCHRONIZE");

    const auto& thread = get("thread");
    EXPECT_EQ(thread.typeName, "Thread");
    EXPECT_EQ(thread.kind, hs::HandleKind::Thread);
    EXPECT_EQ(thread.referencedPid, child->pid());
    EXPECT_EQ(thread.accessText, "THREAD_QUERY_LIMITED_INFORMATION | SYNCHRONIZE");
}

TEST_F(Enumerate, SynchronizeOnlyProcessHandleIsNamed)
{
    // The copy for naming asks for PROCESS_QUERY_LIMITED_INFORMATION itself instead of
    // inheriting the owner's rights (SYNCHRONIZE here, not enough for GetProcessId).
    const auto& process = get("process_sync");
    EXPECT_EQ(process.typeName, "Process");
    EXPECT_EQ(process.grantedAccess, static_cast<std::uint32_t>(SYNCHRONIZE));
    EXPECT_EQ(process.accessText, "SYNCHRONIZE");
    EXPECT_EQ(process.referencedPid, child->pid()) << process.partialError;
    EXPECT_TRUE(contains(lower(process.name), "hs_child.exe")) << process.name << " / " << process.partialError;
    EXPECT_TRUE(process.partialError.empty()) << process.partialError;
}

TEST_F(Enumerate, SynchronousPipeNameIsNotQueried)
{
    // CreatePipe gives synchronous ends: on Windows their name query can wait forever
    // behind a pending read, so it is not made, and the listing does not wait for the
    // 1 s worker timeout either.
    const auto t0 = std::chrono::steady_clock::now();
    auto list = hs::listHandles(child->pid(), hs::Detail::Full);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    ASSERT_TRUE(list) << list.error().message();
    EXPECT_LT(ms.count(), 1000) << "a File query timed out";
    for (const char* name : {"pipe_read", "pipe_write"}) {
        const auto* pipe = byValue(*list, child->value(name));
        ASSERT_NE(pipe, nullptr) << name;
        EXPECT_EQ(pipe->kind, hs::HandleKind::Fifo) << name;
        EXPECT_TRUE(pipe->name.empty()) << name << ": " << pipe->name;
        EXPECT_TRUE(contains(pipe->partialError, "synchronous pipe")) << name << ": " << pipe->partialError;
    }
    // The disk file next to them is still named.
    const auto* file = byValue(*list, child->value("file"));
    ASSERT_NE(file, nullptr);
    EXPECT_TRUE(contains(file->name, fileNameOf(path))) << file->name << " / " << file->partialError;
}

TEST_F(Enumerate, IdentityGroupsTheSameObject)
{
    const auto& event = get("event");
    const auto& alias = get("event_alias");
    ASSERT_TRUE(event.object.valid());
    EXPECT_EQ(event.object, alias.object);
    EXPECT_NE(event.object, get("named_event").object);
    EXPECT_EQ(get("named_event").object, get("event_narrow").object);
    EXPECT_NE(event.object, get("semaphore").object);
}

TEST_F(Enumerate, CalibratedTypeIndexMatchesQueriedType)
{
    // The table's ObjectTypeIndex -> name mapping (calibrated) against each copy's own answer.
    auto raw = hs::win::querySystemHandles(child->pid());
    ASSERT_TRUE(raw) << raw.error().message();
    int compared = 0;
    for (const auto& r : *raw) {
        const auto* h = byValue(handles, r.value);
        ASSERT_NE(h, nullptr);
        if (h->typeName.empty())
            continue;
        EXPECT_EQ(hs::win::typeNameForIndex(r.typeIndex), h->typeName) << "handle " << r.value;
        ++compared;
    }
    EXPECT_GE(compared, 10);
}

TEST_F(Enumerate, HandleInfoMatchesListing)
{
    auto one = hs::handleInfo(child->pid(), child->value("mutex"));
    ASSERT_TRUE(one) << one.error().message();
    EXPECT_EQ(one->typeName, "Mutant");
    EXPECT_EQ(one->name, get("mutex").name);
    EXPECT_EQ(one->grantedAccess, get("mutex").grantedAccess);
}

TEST_F(Enumerate, SnapshotAndProcessListSeeTheChild)
{
    auto processes = hs::listProcesses();
    ASSERT_TRUE(processes) << processes.error().message();
    EXPECT_TRUE(std::any_of(processes->begin(), processes->end(),
                            [&](const hs::ProcessInfo& p) { return p.pid == child->pid(); }));
    EXPECT_TRUE(std::is_sorted(processes->begin(), processes->end(),
                               [](const hs::ProcessInfo& a, const hs::ProcessInfo& b) { return a.pid < b.pid; }));
    auto snap = hs::takeSnapshot();
    ASSERT_TRUE(snap) << snap.error().message();
    const auto* ph = snap->findProcess(child->pid());
    ASSERT_NE(ph, nullptr);
    const auto* mutex = byValue(ph->handles, child->value("mutex"));
    ASSERT_NE(mutex, nullptr);
    EXPECT_EQ(mutex->typeName, "Mutant");
}

// A token cancelled before the call: every read says so.
TEST_F(Enumerate, CancelledBeforeTheCall)
{
    const hs::CancelToken cancel = hs::CancelToken::create();
    cancel.cancel();
    auto processes = hs::listProcesses(cancel);
    ASSERT_FALSE(processes);
    EXPECT_TRUE(hs::isCancelled(processes.error()));
    EXPECT_EQ(processes.error().operation, "list processes");
    auto list = hs::listHandles(child->pid(), hs::Detail::Full, cancel);
    ASSERT_FALSE(list);
    EXPECT_TRUE(hs::isCancelled(list.error()));
    EXPECT_EQ(list.error().operation, "read handles");
    auto snap = hs::takeSnapshot(hs::Detail::Fast, cancel);
    ASSERT_FALSE(snap);
    EXPECT_TRUE(hs::isCancelled(snap.error()));
    EXPECT_EQ(snap.error().operation, "take snapshot");
    auto holders = hs::findHolders(get("event").object, cancel);
    ASSERT_FALSE(holders);
    EXPECT_TRUE(hs::isCancelled(holders.error()));
    EXPECT_FALSE(hs::isCancelled(hs::listHandles(-5).error()));
}

namespace {

// Holds the snapshot's thread at its first log line ("takeSnapshot") until the test has
// cancelled the token from its own thread: a cancellation during the call, every time.
class PauseAtSnapshotStart : public spdlog::sinks::base_sink<std::mutex> {
public:
    std::promise<void> started;
    std::promise<void> resume;

protected:
    void sink_it_(const spdlog::details::log_msg& msg) override
    {
        if (m_seen || std::string_view(msg.payload.data(), msg.payload.size()).find("takeSnapshot") == std::string_view::npos)
            return;
        m_seen = true;
        started.set_value();
        resume.get_future().wait();
    }
    void flush_() override {}

private:
    bool m_seen = false;
};

} // namespace

TEST_F(Enumerate, CancelledDuringASnapshot)
{
    auto pause = std::make_shared<PauseAtSnapshotStart>();
    auto started = pause->started.get_future();
    hs::log::addSink(pause);
    const hs::CancelToken cancel = hs::CancelToken::create();
    std::optional<hs::Result<hs::Snapshot>> snap;
    std::thread reader([&] { snap = hs::takeSnapshot(hs::Detail::Fast, cancel); });
    started.wait();
    cancel.cancel();
    pause->resume.set_value();
    reader.join();
    hs::log::removeSink(pause);
    ASSERT_TRUE(snap.has_value());
    ASSERT_FALSE(*snap);
    EXPECT_TRUE(hs::isCancelled(snap->error()));
    EXPECT_EQ(snap->error().operation, "take snapshot");
}

// The holders of an object held twice by the child (an event and its duplicate), and of the
// file it opened: on demand, and from an index of a snapshot.
TEST_F(Enumerate, HoldersOnDemandAndFromASnapshot)
{
    using Pairs = std::vector<std::pair<hs::Pid, std::int64_t>>;
    auto sorted = [](Pairs p) {
        std::sort(p.begin(), p.end());
        return p;
    };
    const Pairs eventHolders = sorted({{child->pid(), child->value("event")}, {child->pid(), child->value("event_alias")}});
    auto found = hs::findHolders(get("event").object);
    ASSERT_TRUE(found) << found.error().message();
    Pairs onDemand;
    for (const auto& h : *found) {
        onDemand.emplace_back(h.process.pid, h.handle.value);
        EXPECT_EQ(h.handle.object, get("event").object);
        EXPECT_EQ(h.handle.typeName, "Event");
        EXPECT_EQ(lower(h.processName), "hs_child.exe");
        EXPECT_GT(h.process.startTime, 0u);
    }
    EXPECT_EQ(onDemand, eventHolders);

    auto fileId = hs::objectIdOfPath(path);
    ASSERT_TRUE(fileId) << fileId.error().message();
    auto fileHolders = hs::findHolders(*fileId);
    ASSERT_TRUE(fileHolders) << fileHolders.error().message();
    Pairs files;
    for (const auto& h : *fileHolders)
        files.emplace_back(h.process.pid, h.handle.value);
    EXPECT_EQ(files, (Pairs{{child->pid(), child->value("file")}}));

    auto snap = hs::takeSnapshot();
    ASSERT_TRUE(snap) << snap.error().message();
    const hs::HolderIndex index(*snap);
    const auto* ph = snap->findProcess(child->pid());
    ASSERT_NE(ph, nullptr);
    const auto* event = byValue(ph->handles, child->value("event"));
    ASSERT_NE(event, nullptr);
    Pairs indexed; // ids derived by comparison (Wine) hold within one snapshot
    for (const auto& hit : index.holders(event->object))
        indexed.emplace_back(hit.process->pid, hit.handle->value);
    EXPECT_EQ(indexed, eventHolders);
    Pairs indexedFiles;
    for (const auto& hit : index.holders(*fileId))
        indexedFiles.emplace_back(hit.process->pid, hit.handle->value);
    EXPECT_EQ(indexedFiles, (Pairs{{child->pid(), child->value("file")}}));
}

TEST(Platform, InfoSaysWindows)
{
    const auto p = hs::platformInfo();
    EXPECT_EQ(p.name, "Windows");
    EXPECT_TRUE(p.canNarrowAccess);
    EXPECT_EQ(p.handleWord, "handle");
    EXPECT_EQ(hs::currentProcessId(), static_cast<hs::Pid>(GetCurrentProcessId()));
}
