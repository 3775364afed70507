# ctest gui.translations_complete: every text of the sources is in the catalogue and
# translated. Runs lupdate over a copy of the .ts (the source tree stays untouched), so a
# tr() added without `--target update_translations` shows up as unfinished too.
# cmake -DLUPDATE=... -DTS=... -DSOURCE_DIR=... -DWORK_DIR=... -P check_catalogue.cmake
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
string(REGEX MATCHALL "<message[ >]" _messages "${_text}")
list(LENGTH _messages _total)
# An unfinished message is one lupdate found new, or one nobody translated yet.
string(REGEX MATCHALL "type=\"unfinished\"" _flags "${_text}")
list(LENGTH _flags _missing)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" _unfinished "${_text}")
if(_missing GREATER 0)
    message(FATAL_ERROR "${_name}: ${_missing} of ${_total} messages not translated:\n${_unfinished}\n"
                        "Run `cmake --build --preset dev --target update_translations` and translate them (docs/gui.md, Languages).")
endif()
if(_total LESS 200)
    message(FATAL_ERROR "${_name}: only ${_total} messages: lupdate did not read the sources?\n${_out}")
endif()
message(STATUS "${_name}: ${_total} messages, all translated")
