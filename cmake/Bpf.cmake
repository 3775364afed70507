# BPF programs (bpf/*.bpf.c) compiled with clang into CO-RE objects and embedded in a
# libbpf skeleton header, for the snapshot iterator and the leak tracer.
#
#   hs_add_bpf_skeleton(<name> [LIGHT] <source.bpf.c>...)
#
# makes an INTERFACE target <name> whose include directory holds <name>.skel.h (skeleton
# "<name>", e.g. struct <name> and <name>__open_and_load()) and that links libbpf. Several
# sources are linked into one object: their global names must differ.
# LIGHT makes <name>.lskel.h instead, a light skeleton (`bpftool gen skeleton -L`): a loader
# program does the CO-RE relocations inside the kernel, which looks types up in its own BTF,
# so user space never parses the kernel's 5.5 MB of BTF nor scans its 126,000 types once per
# type the program reads (measured: 44 ms for the snapshot object through libbpf, 8 ms
# light; docs/performance.md). For programs loaded per command-line run. A light skeleton is
# C that C++ does not accept: include it from a C file.
# HS_BPF_FOUND says whether the tools are here; when it is false the function must not be
# called, and HS_BPF_MISSING names what is missing.

find_program(HS_BPF_CLANG NAMES clang-14 clang)
find_program(HS_BPFTOOL NAMES bpftool PATHS /usr/sbin /sbin)
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(HS_LIBBPF QUIET IMPORTED_TARGET libbpf)
endif()

set(HS_BPF_MISSING "")
if(NOT HS_BPF_CLANG)
    list(APPEND HS_BPF_MISSING "clang")
endif()
if(NOT HS_BPFTOOL)
    list(APPEND HS_BPF_MISSING "bpftool")
endif()
if(NOT HS_LIBBPF_FOUND)
    list(APPEND HS_BPF_MISSING "libbpf (pkg-config libbpf, package libbpf-dev)")
endif()
set(HS_VMLINUX_BTF /sys/kernel/btf/vmlinux)
if(NOT EXISTS ${HS_VMLINUX_BTF})
    list(APPEND HS_BPF_MISSING "kernel BTF (${HS_VMLINUX_BTF})")
endif()

if(HS_BPF_MISSING)
    set(HS_BPF_FOUND OFF)
    list(JOIN HS_BPF_MISSING ", " _hs_missing)
    message(STATUS "BPF backends: off, missing ${_hs_missing} (scripts/install-deps.sh installs them)")
    return()
endif()
set(HS_BPF_FOUND ON)
message(STATUS "BPF backends: on (${HS_BPF_CLANG}, ${HS_BPFTOOL}, libbpf ${HS_LIBBPF_VERSION})")

# vmlinux.h: every kernel type, from the build machine's BTF. CO-RE relocates field offsets
# at load time, so the program runs on other kernels that have BTF too.
set(HS_BPF_GEN_DIR ${CMAKE_BINARY_DIR}/bpf)
add_custom_command(
    OUTPUT ${HS_BPF_GEN_DIR}/vmlinux.h
    COMMAND ${CMAKE_COMMAND} -E make_directory ${HS_BPF_GEN_DIR}
    COMMAND ${HS_BPFTOOL} btf dump file ${HS_VMLINUX_BTF} format c > ${HS_BPF_GEN_DIR}/vmlinux.h
    COMMENT "Generating vmlinux.h from ${HS_VMLINUX_BTF}"
    VERBATIM)
# A target, so that skeletons in other directories can wait for it.
add_custom_target(hs_bpf_vmlinux DEPENDS ${HS_BPF_GEN_DIR}/vmlinux.h)

# Light skeletons are included from C files.
enable_language(C)

function(hs_add_bpf_skeleton name)
    cmake_parse_arguments(PARSE_ARGV 1 _arg "LIGHT" "" "")
    set(_dir ${HS_BPF_GEN_DIR}/${name})
    set(_linked ${_dir}/${name}.o)
    if(_arg_LIGHT)
        set(_skel ${_dir}/${name}.lskel.h)
        set(_light -L)
    else()
        set(_skel ${_dir}/${name}.skel.h)
        set(_light "")
    endif()
    set(_objects "")
    set(_src_dirs "")
    foreach(source IN LISTS _arg_UNPARSED_ARGUMENTS)
        get_filename_component(_src ${source} ABSOLUTE)
        get_filename_component(_src_dir ${_src} DIRECTORY)
        get_filename_component(_base ${_src} NAME_WE)
        set(_obj ${_dir}/${_base}.bpf.o)
        add_custom_command(
            OUTPUT ${_obj}
            COMMAND ${CMAKE_COMMAND} -E make_directory ${_dir}
            COMMAND ${HS_BPF_CLANG} -target bpf -O2 -g -Wall -Werror -D__TARGET_ARCH_x86
                    -I${HS_BPF_GEN_DIR} -I${_src_dir} ${HS_LIBBPF_CFLAGS} -MD -MF ${_obj}.d -MT ${_obj} -c ${_src} -o ${_obj}
            DEPENDS ${_src} hs_bpf_vmlinux
            DEPFILE ${_obj}.d
            COMMENT "Compiling BPF program ${_base}"
            VERBATIM)
        list(APPEND _objects ${_obj})
        list(APPEND _src_dirs ${_src_dir})
    endforeach()
    list(REMOVE_DUPLICATES _src_dirs)
    add_custom_command(
        OUTPUT ${_skel}
        # The linker joins the programs into one object (one load, one parse of the kernel's
        # BTF) and drops the DWARF; the skeleton embeds the smaller object.
        COMMAND ${HS_BPFTOOL} gen object ${_linked} ${_objects}
        COMMAND ${HS_BPFTOOL} gen skeleton ${_light} ${_linked} name ${name} > ${_skel}
        DEPENDS ${_objects}
        COMMENT "Building BPF skeleton ${name}"
        VERBATIM)
    add_custom_target(${name}_gen DEPENDS ${_skel})
    add_library(${name} INTERFACE)
    add_dependencies(${name} ${name}_gen)
    target_include_directories(${name} SYSTEM INTERFACE ${_dir} ${_src_dirs})
    target_link_libraries(${name} INTERFACE PkgConfig::HS_LIBBPF)
endfunction()
