# The tag table (issue 3, "tags"). Fixtures for dated images and referrers fallback tags,
# written into the registry's storage; shared with the GUI tests in tests/ui.
add_library(lading_tagtestsupport STATIC
    ${CMAKE_CURRENT_LIST_DIR}/tagtablefixtures.h ${CMAKE_CURRENT_LIST_DIR}/tagtablefixtures.cpp)
target_include_directories(lading_tagtestsupport PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(lading_tagtestsupport PUBLIC lading_policy lading_testsupport)

lading_add_test(NAME tst_tagtablemodel
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tagtablemodel.cpp
                LIBS lading_models lading_tagtestsupport LABELS integration)
