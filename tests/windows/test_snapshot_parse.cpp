// SPDX-License-Identifier: MIT
// The parser of NtQueryInformationProcess(ProcessHandleInformation) answers, fed hand-made
// answers: Wine 8 does not have the class, so these are the only runs its parser gets here.
// A refused answer makes queryProcessHandles read the system table instead.
#include "windows/win_internal.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <limits>
#include <vector>

namespace {

using hs::win::nt::ProcessHandleEntry;
using hs::win::nt::ProcessHandleSnapshot;

constexpr std::size_t kHeader = offsetof(ProcessHandleSnapshot, Handles);
constexpr hs::Pid kPid = 4242;

ProcessHandleEntry entry(std::uintptr_t value, ULONG access, ULONG typeIndex, ULONG attributes)
{
    ProcessHandleEntry e{};
    e.HandleValue = reinterpret_cast<HANDLE>(value);
    e.HandleCount = 7; // not read: the parser must not mix these into the row
    e.PointerCount = 9;
    e.GrantedAccess = access;
    e.ObjectTypeIndex = typeIndex;
    e.HandleAttributes = attributes;
    e.Reserved = 0xDEADBEEF;
    return e;
}

/// An answer as Windows lays it out: the claimed count, a reserved word, the rows; one
/// extra leading byte when `misaligned` (the parser must not need alignment).
std::vector<std::byte> answer(ULONG_PTR claimedCount, const std::vector<ProcessHandleEntry>& rows,
                              bool misaligned = false)
{
    const std::size_t skew = misaligned ? 1 : 0;
    std::vector<std::byte> bytes(skew + kHeader + rows.size() * sizeof(ProcessHandleEntry));
    std::memcpy(bytes.data() + skew, &claimedCount, sizeof claimedCount);
    const ULONG_PTR reserved = 0x5555;
    std::memcpy(bytes.data() + skew + sizeof claimedCount, &reserved, sizeof reserved);
    for (std::size_t i = 0; i < rows.size(); ++i)
        std::memcpy(bytes.data() + skew + kHeader + i * sizeof(ProcessHandleEntry), &rows[i], sizeof rows[i]);
    return bytes;
}

std::span<const std::byte> withoutSkew(const std::vector<std::byte>& bytes, bool misaligned)
{
    return std::span<const std::byte>(bytes).subspan(misaligned ? 1 : 0);
}

} // namespace

TEST(SnapshotParse, RowsAreReadWholeAndSortedByValue)
{
    for (const bool misaligned : {false, true}) {
        SCOPED_TRACE(misaligned ? "misaligned buffer" : "aligned buffer");
        // Out of order, and one value with a tag bit set: both kept as the kernel gave them.
        const std::vector<ProcessHandleEntry> rows{
            entry(0x1a4, 0x1F0003, 16, 0x2),
            entry(0x4, 0x00100000, 7, 0x0),
            entry(0x55, 0x120089, 37, 0x1),
        };
        const auto bytes = answer(rows.size(), rows, misaligned);
        const auto parsed = hs::win::rowsFromProcessHandleSnapshot(withoutSkew(bytes, misaligned), kPid);
        ASSERT_TRUE(parsed) << parsed.error();
        ASSERT_EQ(parsed->size(), 3u);
        const auto& a = (*parsed)[0];
        EXPECT_EQ(a.pid, kPid);
        EXPECT_EQ(a.value, 0x4);
        EXPECT_EQ(a.object, 0u);
        EXPECT_EQ(a.grantedAccess, 0x00100000u);
        EXPECT_EQ(a.typeIndex, 7u);
        EXPECT_EQ(a.attributes, 0x0u);
        const auto& b = (*parsed)[1];
        EXPECT_EQ(b.pid, kPid);
        EXPECT_EQ(b.value, 0x55);
        EXPECT_EQ(b.object, 0u);
        EXPECT_EQ(b.grantedAccess, 0x120089u);
        EXPECT_EQ(b.typeIndex, 37u);
        EXPECT_EQ(b.attributes, 0x1u);
        const auto& c = (*parsed)[2];
        EXPECT_EQ(c.pid, kPid);
        EXPECT_EQ(c.value, 0x1a4);
        EXPECT_EQ(c.object, 0u);
        EXPECT_EQ(c.grantedAccess, 0x1F0003u);
        EXPECT_EQ(c.typeIndex, 16u);
        EXPECT_EQ(c.attributes, 0x2u);
    }
}

TEST(SnapshotParse, BytesPastTheClaimedRowsAreNotRows)
{
    // A buffer larger than the answer (the zeroed tail of the caller's buffer): only the
    // claimed rows are rows.
    const std::vector<ProcessHandleEntry> rows{entry(0x8, 0x1, 2, 0), entry(0xc, 0x3, 4, 0x2),
                                               ProcessHandleEntry{}, ProcessHandleEntry{}};
    const auto bytes = answer(2, rows);
    const auto parsed = hs::win::rowsFromProcessHandleSnapshot(bytes, kPid);
    ASSERT_TRUE(parsed) << parsed.error();
    ASSERT_EQ(parsed->size(), 2u);
    EXPECT_EQ((*parsed)[0].pid, kPid);
    EXPECT_EQ((*parsed)[0].value, 0x8);
    EXPECT_EQ((*parsed)[0].object, 0u);
    EXPECT_EQ((*parsed)[0].grantedAccess, 0x1u);
    EXPECT_EQ((*parsed)[0].typeIndex, 2u);
    EXPECT_EQ((*parsed)[0].attributes, 0x0u);
    EXPECT_EQ((*parsed)[1].pid, kPid);
    EXPECT_EQ((*parsed)[1].value, 0xc);
    EXPECT_EQ((*parsed)[1].object, 0u);
    EXPECT_EQ((*parsed)[1].grantedAccess, 0x3u);
    EXPECT_EQ((*parsed)[1].typeIndex, 4u);
    EXPECT_EQ((*parsed)[1].attributes, 0x2u);
}

TEST(SnapshotParse, TruncatedAnswersAreRefused)
{
    const std::vector<ProcessHandleEntry> rows{entry(0x4, 0x1, 2, 0), entry(0x8, 0x1, 2, 0), entry(0xc, 0x1, 2, 0)};
    auto bytes = answer(rows.size(), rows);
    // Every cut from an empty buffer to one byte short of the last row is refused.
    for (std::size_t size = 0; size < bytes.size(); ++size) {
        const auto parsed =
            hs::win::rowsFromProcessHandleSnapshot(std::span<const std::byte>(bytes).first(size), kPid);
        ASSERT_FALSE(parsed) << size << " bytes gave " << parsed->size() << " rows";
        const std::string_view why = size < kHeader ? "the answer is shorter than its header"
                                                    : "the answer claims more rows than it holds";
        EXPECT_EQ(parsed.error(), why) << size << " bytes";
    }
    EXPECT_TRUE(hs::win::rowsFromProcessHandleSnapshot(bytes, kPid));
}

TEST(SnapshotParse, ZeroRowsAreRefused)
{
    // What some Windows 10 processes answer with success (System Informer, PhEnumProcessHandles),
    // and what a zeroed buffer the call did not write reads as.
    const std::vector<std::byte> zeroed(16u << 10);
    const auto parsed = hs::win::rowsFromProcessHandleSnapshot(zeroed, kPid);
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error(), "the answer claims zero rows");
    const auto headerOnly = hs::win::rowsFromProcessHandleSnapshot(answer(0, {}), kPid);
    ASSERT_FALSE(headerOnly);
    EXPECT_EQ(headerOnly.error(), "the answer claims zero rows");
}

TEST(SnapshotParse, CountsPastTheBufferAreRefusedWithoutWrappingAround)
{
    const std::vector<ProcessHandleEntry> rows{entry(0x4, 0x1, 2, 0), entry(0x8, 0x1, 2, 0)};
    constexpr ULONG_PTR kMax = std::numeric_limits<ULONG_PTR>::max();
    // One more than fits; counts whose product with the row size wraps around to a small
    // number (2^64 / 40 + 1 rows is 24 bytes after the wrap); the largest count.
    const ULONG_PTR wraps = kMax / sizeof(ProcessHandleEntry) + 1;
    for (const ULONG_PTR claimed : {ULONG_PTR{3}, wraps, wraps + 1, kMax}) {
        const auto parsed = hs::win::rowsFromProcessHandleSnapshot(answer(claimed, rows), kPid);
        ASSERT_FALSE(parsed) << claimed;
        EXPECT_EQ(parsed.error(), "the answer claims more rows than it holds") << claimed;
    }
}
