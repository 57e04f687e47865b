# Issue 3, registry tree, registries and their dialogs (owner: registry).
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/registrytreedata.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registrytreeloading.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registrytreerows.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registrytreeroles.h
    ${CMAKE_CURRENT_LIST_DIR}/repositoryname.h ${CMAKE_CURRENT_LIST_DIR}/repositoryname.cpp
)
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/registryfilterproxy.h ${CMAKE_CURRENT_LIST_DIR}/registryfilterproxy.cpp
)
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/registryprobe.h ${CMAKE_CURRENT_LIST_DIR}/registryprobe.cpp
)
