# Tests of the creds work on issue 3: the keychain and the session's credential chain.
# The plain runs have no D-Bus (the session-only fallback); the *_secretservice runs go
# through keychain-session.sh, a private D-Bus session with an unlocked gnome-keyring.
foreach(_t keychainstore registrysession)
    lading_add_test(NAME tst_${_t}
                    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${_t}.cpp
                            ${CMAKE_CURRENT_LIST_DIR}/keychaintestmode.h
                    LIBS lading_models LABELS unit)
    add_test(NAME tst_${_t}_secretservice
             COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/keychain-session.sh $<TARGET_FILE:tst_${_t}>)
    set_tests_properties(tst_${_t}_secretservice PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LADING_SOURCE_DIR=${PROJECT_SOURCE_DIR};LADING_KEYCHAIN_TEST=secret-service"
        LABELS integration
        TIMEOUT 120)
endforeach()
# The three auth modes against the real registry (token and Basic auth)
lading_add_test(NAME tst_registrysessionauth
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registrysessionauth.cpp
                        ${CMAKE_CURRENT_LIST_DIR}/keychaintestmode.h
                LIBS lading_models lading_testsupport LABELS integration)
