# cache: the content cache (unit), fetching and tag details against the real registry.
lading_add_test(NAME tst_contentcache SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_contentcache.cpp
                LIBS lading_oci LABELS unit)
