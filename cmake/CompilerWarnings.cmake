# Warnings are errors in our own code. Imported targets (Qt, spdlog) come in as -isystem,
# so their headers do not trip these.
function(handlescope_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
        -Wnon-virtual-dtor -Wold-style-cast -Wnull-dereference -Werror
        # Designated initializers leave fields at their defaults on purpose.
        -Wno-missing-field-initializers)
endfunction()
