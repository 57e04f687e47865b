# ref's sources in app/oci/auth.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/challenge.h ${CMAKE_CURRENT_LIST_DIR}/challenge.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenresponse.h ${CMAKE_CURRENT_LIST_DIR}/tokenresponse.cpp
    ${CMAKE_CURRENT_LIST_DIR}/credentials.h ${CMAKE_CURRENT_LIST_DIR}/credentials.cpp
    ${CMAKE_CURRENT_LIST_DIR}/staticcredentials.h ${CMAKE_CURRENT_LIST_DIR}/staticcredentials.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dockerconfig.h ${CMAKE_CURRENT_LIST_DIR}/dockerconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/chainedcredentials.h ${CMAKE_CURRENT_LIST_DIR}/chainedcredentials.cpp
)
