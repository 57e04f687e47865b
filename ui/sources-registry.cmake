# Issue 3, registries and their dialogs, the tree's filter and badges (owner: registry).
target_sources(lading_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/addrepositorydialog.h ${CMAKE_CURRENT_LIST_DIR}/addrepositorydialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificateerrordialog.h ${CMAKE_CURRENT_LIST_DIR}/certificateerrordialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registryactions.h ${CMAKE_CURRENT_LIST_DIR}/registryactions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registryfilteredit.h ${CMAKE_CURRENT_LIST_DIR}/registryfilteredit.cpp
)
