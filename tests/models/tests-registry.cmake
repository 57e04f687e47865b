# Issue 3, registry tree and registries (owner: registry).
lading_add_test(NAME tst_repositoryname SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_repositoryname.cpp
                LIBS lading_models LABELS unit)
lading_add_test(NAME tst_registryfilterproxy
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registryfilterproxy.cpp
                LIBS lading_models lading_testsupport LABELS integration)
lading_add_test(NAME tst_registryprobe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registryprobe.cpp
                LIBS lading_models lading_testsupport LABELS integration)
