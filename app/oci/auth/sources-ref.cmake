# ref's sources in app/oci/auth.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/challenge.h
    ${CMAKE_CURRENT_LIST_DIR}/tokenresponse.h
    ${CMAKE_CURRENT_LIST_DIR}/credentials.h
    ${CMAKE_CURRENT_LIST_DIR}/staticcredentials.h
    ${CMAKE_CURRENT_LIST_DIR}/dockerconfig.h
    ${CMAKE_CURRENT_LIST_DIR}/chainedcredentials.h
)
