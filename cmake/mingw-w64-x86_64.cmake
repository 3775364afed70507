# Cross build for Windows x86_64 with mingw-w64 on Debian; executables run under Wine.
# The -posix compilers: the win32-thread variant has no std::mutex / std::condition_variable.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(_hs_triple x86_64-w64-mingw32)

set(CMAKE_C_COMPILER ${_hs_triple}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_hs_triple}-g++-posix)
set(CMAKE_RC_COMPILER ${_hs_triple}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${_hs_triple})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Static: the .exe files run under Wine (and on Windows) without the mingw runtime DLLs.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# try_run, gtest_discover_tests and ctest run the .exe files through Wine.
set(CMAKE_CROSSCOMPILING_EMULATOR ${CMAKE_CURRENT_LIST_DIR}/../scripts/wine-run.sh)

# Line tables only: with full DWARF (header-only fmt/spdlog in every object) the core library
# was 119 MB and mingw's ld needed over 5 minutes to link one executable on 2 busy cores.
set(CMAKE_C_FLAGS_DEBUG_INIT "-O1 -g1")
set(CMAKE_CXX_FLAGS_DEBUG_INIT "-O1 -g1")
