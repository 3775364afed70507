# `cpack -G DEB` in the release build folder makes handlescope_<version>-1_<arch>.deb from
# the install rules (app/cli, app/gui, packaging/). scripts/check-package.sh builds it and
# checks it with lintian. cpack does not build: build the programs and
# handlescope_desktop_data first.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME handlescope)
set(CPACK_PACKAGE_VENDOR "The HandleScope developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${HANDLESCOPE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "inspect and duplicate the file descriptors of processes")
# cpack puts the summary first and indents these lines as the control file wants.
set(CPACK_PACKAGE_DESCRIPTION
    "HandleScope lists processes and the handles they hold: their file
descriptors (files, pipes, sockets, eventfds, pidfds and more) with the type,
access mode, offset, object identity and name of each, and every other process
holding the same object. It duplicates a descriptor from one process into
another, as DuplicateHandle does on Windows, and closes one inside another
process.
.
The package has the Qt desktop app (handlescope), a command-line tool
(handlescope-cli) that also counts handles, finds leaks, compares snapshots
and writes Prometheus metrics, and a pair of demo processes to learn handle
sharing with (handlescope-demo).")

# Installed under /usr. CPACK_SET_DESTDIR makes install scripts see that prefix (not the
# staging folder), so the polkit action names /usr/bin/handlescope.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# Debian ships stripped binaries; the release build keeps its debug info in build/.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${HANDLESCOPE_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Depends from the libraries the binaries link (dpkg-shlibdeps, package dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The SVG icon engine and image plugin: Qt loads them at run time, so shlibdeps cannot
# see them, and without them the window has no icons.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
# "Restart as administrator" runs pkexec; without it the app still works as its user.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "pkexec")

include(CPack)
