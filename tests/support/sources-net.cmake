# net's test support: the HTTP test server with fault knobs (used by rig's token server too).
target_sources(lading_testsupport PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/httptestserver.h
    ${CMAKE_CURRENT_LIST_DIR}/httptestserver.cpp
)
