# net's sources in app/oci/auth: scopes, token cache, token requests, the authenticator.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/authscope.h ${CMAKE_CURRENT_LIST_DIR}/authscope.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokencache.h ${CMAKE_CURRENT_LIST_DIR}/tokencache.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenfetch.h ${CMAKE_CURRENT_LIST_DIR}/tokenfetch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/authenticator.h ${CMAKE_CURRENT_LIST_DIR}/authenticator.cpp
)
