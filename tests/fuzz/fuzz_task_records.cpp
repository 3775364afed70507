// SPDX-License-Identifier: MIT
// The process iterator's output (bpf/task_info_record.h): parseTaskRecords on any bytes.
// It accepts whole records only, never reads past the input, and keeps a command line only
// when the record says the copy was whole and NUL-terminated.
#include "fuzz_common.h"

#include "linux/task_info_linux.h"

#include "task_info_record.h"

using namespace hs::linux_;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes = hs::fuzz::asText(data, size);
    std::vector<IteratedProcess> out;
    const auto parsed = parseTaskRecords(bytes, out);
    HS_FUZZ_CHECK(out.size() <= size / sizeof(hs_task_record));
    if (parsed)
        HS_FUZZ_CHECK(size == 0 || !out.empty());
    else
        HS_FUZZ_CHECK(parsed.error().osName == "EPROTO");
    for (const IteratedProcess& p : out) {
        HS_FUZZ_CHECK(p.info.name.size() <= 16);
        HS_FUZZ_CHECK(p.info.executable.empty());
        if (!p.commandLineComplete)
            HS_FUZZ_CHECK(p.info.commandLine.empty());
    }
    return 0;
}
