# cache: the content cache (unit), fetching and tag details against the real registry.
lading_add_test(NAME tst_contentcache SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_contentcache.cpp
                LIBS lading_oci LABELS unit)
# against the real registry (docker-registry), requests counted in its access log
foreach(_t contentfetcher detailsresolver referrersjob)
    lading_add_test(NAME tst_${_t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${_t}.cpp
                    ${CMAKE_CURRENT_LIST_DIR}/cachetestsupport.h
                    LIBS lading_testsupport LABELS integration)
endforeach()
lading_add_test(NAME tst_tagorder SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagorder.cpp
                LIBS lading_oci LABELS unit)
