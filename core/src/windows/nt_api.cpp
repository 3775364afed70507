// SPDX-License-Identifier: MIT
#include "nt_api.h"

namespace hs::win::nt {

namespace {

template <class Fn>
Fn resolve(HMODULE module, const char* name)
{
    FARPROC proc = GetProcAddress(module, name);
    // Through void(*)(): casting one function pointer type to another directly warns.
    return reinterpret_cast<Fn>(reinterpret_cast<void (*)()>(proc));
}

Api load()
{
    Api a;
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (!ntdll)
        return a;
    a.querySystemInformation = resolve<NtQuerySystemInformationFn>(ntdll, "NtQuerySystemInformation");
    a.queryObject = resolve<NtQueryObjectFn>(ntdll, "NtQueryObject");
    a.compareObjects = resolve<NtCompareObjectsFn>(ntdll, "NtCompareObjects");
    a.queryInformationProcess = resolve<NtQueryInformationProcessFn>(ntdll, "NtQueryInformationProcess");
    a.statusToDosError = resolve<RtlNtStatusToDosErrorFn>(ntdll, "RtlNtStatusToDosError");
    return a;
}

} // namespace

const Api& api()
{
    static const Api a = load();
    return a;
}

} // namespace hs::win::nt
