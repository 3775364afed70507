// SPDX-License-Identifier: MIT
// The page rseq_target shares with its test (fd 3 of rseq_target, a memfd of the test).
#pragma once

struct RseqShared {
    enum State : int { Starting = 0, Spinning = 1, Done = 2, NoRseq = -1 };
    volatile long spins; ///< loop iterations inside the section
    volatile long aborts; ///< the kernel aborted the section (resumed at abort_ip)
    volatile long broken; ///< resumed inside the section with rseq_cs cleared
    volatile long commits; ///< commits (1 after `go`)
    volatile int go; ///< set by the test: commit and exit 0
    volatile int state; ///< State
};
