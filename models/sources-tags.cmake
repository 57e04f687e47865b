# The tag table of a repository (issue 3, "tags").
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tagtabletext.h ${CMAKE_CURRENT_LIST_DIR}/tagtabletext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tagtablemodel.h ${CMAKE_CURRENT_LIST_DIR}/tagtablemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tagtableproxymodel.h ${CMAKE_CURRENT_LIST_DIR}/tagtableproxymodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tagtablereferrers.h ${CMAKE_CURRENT_LIST_DIR}/tagtablereferrers.cpp
)
