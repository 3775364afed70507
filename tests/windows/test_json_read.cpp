// SPDX-License-Identifier: MIT
// The snapshot reader on Windows: a snapshot of this machine, written to a file and read
// back, is the same (object addresses, access masks and OBJ_PROTECT_CLOSE included); a
// missing file is an error with its errno.
#include "handlescope/inspect.h"
#include "handlescope/json.h"
#include "handlescope/json_read.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

TEST(JsonRead, MachineSnapshotRoundTrips)
{
    auto taken = hs::takeSnapshot(hs::Detail::Full);
    ASSERT_TRUE(taken) << taken.error().message();
    const auto path = (std::filesystem::temp_directory_path() / "hs_json_read_test.json").string();
    {
        std::FILE* out = std::fopen(path.c_str(), "wb");
        ASSERT_NE(out, nullptr);
        {
            hs::json::Writer w(out);
            hs::json::writeSnapshotDocument(w, *taken);
        }
        std::fclose(out);
    }
    auto read = hs::json::readSnapshotFile(path);
    std::remove(path.c_str());
    ASSERT_TRUE(read) << read.error().message();
    ASSERT_EQ(read->processes.size(), taken->processes.size());
    EXPECT_EQ(read->backend, taken->backend);
    for (std::size_t i = 0; i < taken->processes.size(); ++i) {
        const auto &got = read->processes[i], &want = taken->processes[i];
        EXPECT_EQ(got.process.pid, want.process.pid);
        EXPECT_EQ(got.process.name, want.process.name);
        EXPECT_EQ(got.process.session, want.process.session);
        EXPECT_EQ(got.process.startTime, want.process.startTime);
        EXPECT_EQ(got.process.handleCount, want.process.handleCount);
        EXPECT_EQ(got.process.accessError.has_value(), want.process.accessError.has_value());
        ASSERT_EQ(got.handles.size(), want.handles.size()) << "pid " << want.process.pid;
        for (std::size_t k = 0; k < want.handles.size(); ++k)
            EXPECT_TRUE(got.handles[k] == want.handles[k]) << "pid " << want.process.pid << " handle " << want.handles[k].value;
    }
}

TEST(JsonRead, MissingFile)
{
    const auto path = (std::filesystem::temp_directory_path() / "hs_json_read_missing.json").string();
    auto r = hs::json::readSnapshotFile(path);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().osName, "ENOENT");
    EXPECT_EQ(r.error().osCode, ENOENT);
    EXPECT_NE(r.error().hint.find("check the path"), std::string::npos);
}
