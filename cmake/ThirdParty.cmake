# spdlog and fmt. On Linux: Debian's compiled spdlog (brings fmt 9). In the mingw cross build
# a private include folder links Debian's spdlog and fmt headers (never -I/usr/include, which
# would pull glibc headers into a Windows build), and both are used header-only.
# nlohmann/json (header-only; the snapshot reader's SAX parser) comes the same two ways: its
# CMake config on Linux, the linked folder in the cross build, whose toolchain file keeps
# find_package inside the mingw root.
if(WIN32 AND CMAKE_CROSSCOMPILING)
    set(_hs_inc ${CMAKE_BINARY_DIR}/third_party_include)
    file(MAKE_DIRECTORY ${_hs_inc})
    foreach(_lib spdlog fmt nlohmann)
        if(NOT EXISTS ${_hs_inc}/${_lib})
            file(CREATE_LINK /usr/include/${_lib} ${_hs_inc}/${_lib} SYMBOLIC)
        endif()
    endforeach()
    add_library(hs_spdlog INTERFACE)
    target_include_directories(hs_spdlog SYSTEM INTERFACE ${_hs_inc})
    target_compile_definitions(hs_spdlog INTERFACE SPDLOG_HEADER_ONLY FMT_HEADER_ONLY SPDLOG_FMT_EXTERNAL)
    add_library(hs_nlohmann_json INTERFACE)
    target_include_directories(hs_nlohmann_json SYSTEM INTERFACE ${_hs_inc})
else()
    find_package(spdlog 1.10 REQUIRED)
    add_library(hs_spdlog INTERFACE)
    target_link_libraries(hs_spdlog INTERFACE spdlog::spdlog)
    find_package(nlohmann_json 3 REQUIRED CONFIG)
    add_library(hs_nlohmann_json INTERFACE)
    target_link_libraries(hs_nlohmann_json INTERFACE nlohmann_json::nlohmann_json)
endif()
