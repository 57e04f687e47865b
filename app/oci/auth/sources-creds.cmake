# creds (issue 3): Docker credential helpers, the shared auth-file parser, Podman's auth.json.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/authfile.h ${CMAKE_CURRENT_LIST_DIR}/authfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/credentialhelper.h ${CMAKE_CURRENT_LIST_DIR}/credentialhelper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/podmanauth.h ${CMAKE_CURRENT_LIST_DIR}/podmanauth.cpp
)
