# Tests of the creds work on issue 3 (credential helpers, Docker/Podman files, auth modes).
lading_add_test(NAME tst_registryconfig SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registryconfig.cpp
                LIBS lading_oci LABELS unit)
# Docker credential helpers (a fake docker-credential-test on PATH) and config.json precedence
lading_add_test(NAME tst_credentialhelper
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_credentialhelper.cpp
                        ${CMAKE_CURRENT_LIST_DIR}/fakecredentialhelper.h
                LIBS lading_oci LABELS unit)
# Podman's auth.json: file paths, host and namespaced keys, credHelpers
lading_add_test(NAME tst_podmanauth
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_podmanauth.cpp
                        ${CMAKE_CURRENT_LIST_DIR}/fakecredentialhelper.h
                LIBS lading_oci LABELS unit)
# A certificate error names the certificate (subject, issuer) and the reason
lading_add_test(NAME tst_tlserrortext SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tlserrortext.cpp
                LIBS lading_testsupport LABELS unit)
