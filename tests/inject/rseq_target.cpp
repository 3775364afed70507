// SPDX-License-Identifier: MIT
// rseq_target: a single-threaded process whose only thread spins inside an rseq critical
// section (x86_64), so an injection must stop it there. It reports through a shared page
// (fd 3, a memfd of the test, see RseqShared below) rather than a command thread: with
// one thread, the thread the injector stops is surely the one inside the section.
//
// The section stores &cs into the rseq area glibc registered, then loops until `go` is
// set and commits with a last store. Inside the loop it checks that rseq_cs still names
// its descriptor: the kernel clears rseq_cs only when it aborts the section (the thread
// then resumes at the abort handler) or when the thread is outside it. Reading 0 inside
// the section means the thread was resumed inside it after the kernel cleared rseq_cs,
// i.e. the section is no longer protected: counted in `broken`, and the section is left.
#include "rseq_shared.h"

#include <cstddef>
#include <cstdio>
#include <sys/mman.h>
#include <sys/rseq.h>
#include <unistd.h>

namespace {

static_assert(offsetof(struct rseq, rseq_cs) == 8, "the asm below stores rseq_cs at offset 8");
static_assert(RSEQ_SIG == 0x53053053, "the abort signature below is the x86 RSEQ_SIG");

// Returns after a commit (go set) or after detecting a broken section.
__attribute__((noinline)) void spinInSection(struct rseq* rs, RseqShared* shared)
{
    asm volatile(".pushsection __rseq_cs, \"aw\"\n\t"
                 ".balign 32\n\t"
                 "3:\n\t"
                 ".long 0, 0\n\t" // version, flags
                 ".quad 1f, (2f - 1f), 4f\n\t" // start_ip, post_commit_offset, abort_ip
                 ".popsection\n\t"
                 "6:\n\t"
                 "leaq 3b(%%rip), %%rax\n\t"
                 "movq %%rax, 8(%[rs])\n\t" // rseq->rseq_cs = &cs
                 "1:\n\t" // start_ip
                 "addq $1, %c[spins](%[sh])\n\t"
                 "movq 8(%[rs]), %%rax\n\t"
                 "testq %%rax, %%rax\n\t"
                 "jz 5f\n\t" // cleared while inside: broken
                 "cmpl $0, %c[go](%[sh])\n\t"
                 "je 1b\n\t"
                 "addq $1, %c[commits](%[sh])\n\t" // the commit store
                 "2:\n\t" // post-commit
                 "jmp 7f\n\t"
                 "5:\n\t"
                 "addq $1, %c[broken](%[sh])\n\t"
                 "jmp 7f\n\t"
                 ".byte 0x0f, 0xb9, 0x3d\n\t" // ud1 <sig>(%rip), %edi: the signature as an instruction
                 ".long 0x53053053\n\t"
                 "4:\n\t" // abort_ip
                 "addq $1, %c[aborts](%[sh])\n\t"
                 "jmp 6b\n\t"
                 "7:\n\t"
                 :
                 : [rs] "r"(rs), [sh] "r"(shared), [spins] "i"(offsetof(RseqShared, spins)),
                 [aborts] "i"(offsetof(RseqShared, aborts)), [broken] "i"(offsetof(RseqShared, broken)),
                 [commits] "i"(offsetof(RseqShared, commits)), [go] "i"(offsetof(RseqShared, go))
                 : "rax", "memory", "cc");
}

} // namespace

int main()
{
    void* page = ::mmap(nullptr, sizeof(RseqShared), PROT_READ | PROT_WRITE, MAP_SHARED, 3, 0);
    if (page == MAP_FAILED) {
        std::perror("rseq_target: mmap fd 3");
        return 2;
    }
    auto* shared = static_cast<RseqShared*>(page);
    if (__rseq_size == 0) {
        shared->state = RseqShared::NoRseq; // glibc did not register (glibc.pthread.rseq=0?)
        return 3;
    }
    auto* rs = reinterpret_cast<struct rseq*>(static_cast<char*>(__builtin_thread_pointer()) + __rseq_offset);
    if (static_cast<int>(rs->cpu_id) < 0) {
        shared->state = RseqShared::NoRseq;
        return 3;
    }
    shared->state = RseqShared::Spinning;
    while (shared->go == 0)
        spinInSection(rs, shared);
    shared->state = RseqShared::Done;
    return 0;
}
