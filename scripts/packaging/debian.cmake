# The Debian package (included by the top-level CMakeLists.txt): `cpack -G DEB` in the build directory
# writes bahth_VERSION_ARCH.deb with the two programs, their man pages and completions, the JSON Schemas,
# README.md and the copyright file. Depends: is computed by dpkg-shlibdeps (package dpkg-dev) from the
# libraries the binaries link, so it names the Debian 12 runtime packages (libxapian30, libicu72, libzstd1
# for the compressed stored text, ...).

# The README and the copyright file, where Debian puts a package's documents.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${CMAKE_CURRENT_LIST_DIR}/copyright
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME bahth)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search for archives of Arabic news")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "An indexer that understands Arabic text (diacritics, tatweel, alef and hamza forms, Arabic-Indic\n\
digits, clitics, dates in every month-name family and Hijri) and a searcher that answers ranked queries\n\
with highlighted snippets, facets by date and source, and JSON Lines for scripts. Built on Xapian and ICU.")
set(CPACK_PACKAGE_CONTACT "The Bahth team")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)          # bahth_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)           # Depends: from the linked libraries (dpkg-shlibdeps)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "xapian-tools, bash-completion")  # xapian-tcpsrv for remote shards
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)                         # the debug info of RelWithDebInfo stays in the build
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
include(CPack)
