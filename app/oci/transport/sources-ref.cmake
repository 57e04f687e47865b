# ref's sources in app/oci/transport.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/linkheader.h ${CMAKE_CURRENT_LIST_DIR}/linkheader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/retryafter.h ${CMAKE_CURRENT_LIST_DIR}/retryafter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/registryerrorbody.h ${CMAKE_CURRENT_LIST_DIR}/registryerrorbody.cpp
)
