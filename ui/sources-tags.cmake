# The repository page and its tag table (issue 3, "tags").
target_sources(lading_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tagtableview.h ${CMAKE_CURRENT_LIST_DIR}/tagtableview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/repositorypage.h ${CMAKE_CURRENT_LIST_DIR}/repositorypage.cpp
)
