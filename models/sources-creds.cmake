# creds (issue 3): secrets in the system keychain (QtKeychain), the session's credential chain.
find_package(Qt6Keychain CONFIG REQUIRED)
target_link_libraries(lading_models PRIVATE qt6keychain)
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/keychainstore.h ${CMAKE_CURRENT_LIST_DIR}/keychainstore.cpp
)
