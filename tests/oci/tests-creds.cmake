# Tests of the creds work on issue 3 (credential helpers, Docker/Podman files, auth modes).
lading_add_test(NAME tst_registryconfig SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registryconfig.cpp
                LIBS lading_oci LABELS unit)
