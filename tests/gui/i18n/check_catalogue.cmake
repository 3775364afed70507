# ctest gui.translations_complete: every text of the sources is in the catalogue and
# translated. Runs lupdate over a copy of the .ts (the source tree stays untouched), so a
# tr() added without `--target update_translations` shows up as unfinished too.
# cmake -DLUPDATE=... -DTS=... -DSOURCE_DIR=... -DWORK_DIR=... [-DPLURALS_ONLY=ON] -P check_catalogue.cmake
# PLURALS_ONLY: the English catalogue, which only gives the %n messages their plural forms.
get_filename_component(_name "${TS}" NAME)
file(MAKE_DIRECTORY "${WORK_DIR}")
set(_copy "${WORK_DIR}/${_name}")
file(COPY_FILE "${TS}" "${_copy}")
execute_process(
    COMMAND "${LUPDATE}" -no-obsolete -locations none -recursive "${SOURCE_DIR}/ui" "${SOURCE_DIR}/app/gui" -ts "${_copy}"
    RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${_rc}):\n${_out}")
endif()
file(READ "${_copy}" _text)
# One list item per message: the texts' own semicolons and brackets (which would join
# list items) are hidden first.
string(REPLACE ";" "@SEMICOLON@" _text "${_text}")
string(REPLACE "[" "@LBRACKET@" _text "${_text}")
string(REPLACE "]" "@RBRACKET@" _text "${_text}")
string(REPLACE "<message" ";<message" _messages "${_text}")
list(POP_FRONT _messages) # the header before the first message
list(LENGTH _messages _total)
set(_missing "")
foreach(_message IN LISTS _messages)
    if(PLURALS_ONLY AND NOT _message MATCHES "numerus=\"yes\"")
        continue()
    endif()
    # Unfinished: new in the sources, or nobody translated it yet.
    if((_message MATCHES "type=\"unfinished\"" OR _message MATCHES "<numerusform></numerusform>")
       AND _message MATCHES "<source>([^<]*)</source>")
        list(APPEND _missing "${CMAKE_MATCH_1}")
    endif()
endforeach()
list(LENGTH _missing _count)
if(_count GREATER 0)
    list(JOIN _missing "\n  " _list)
    string(REPLACE "@SEMICOLON@" ";" _list "${_list}")
    string(REPLACE "@LBRACKET@" "[" _list "${_list}")
    string(REPLACE "@RBRACKET@" "]" _list "${_list}")
    message(FATAL_ERROR "${_name}: ${_count} of ${_total} messages not translated:\n  ${_list}\n"
                        "Run `cmake --build --preset dev --target update_translations` and translate them (docs/gui.md, Languages).")
endif()
if(_total LESS 200)
    message(FATAL_ERROR "${_name}: only ${_total} messages: lupdate did not read the sources?\n${_out}")
endif()
if(PLURALS_ONLY)
    message(STATUS "${_name}: every plural message of ${_total} has its forms")
else()
    message(STATUS "${_name}: ${_total} messages, all translated")
endif()
