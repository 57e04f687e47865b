# net's sources in app/oci/transport: the request pipeline.
target_sources(lading_oci PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/transportrequest.h ${CMAKE_CURRENT_LIST_DIR}/transportrequest.cpp
    ${CMAKE_CURRENT_LIST_DIR}/transport.h ${CMAKE_CURRENT_LIST_DIR}/transport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/transportreply.h ${CMAKE_CURRENT_LIST_DIR}/transportreply.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hopsession.h ${CMAKE_CURRENT_LIST_DIR}/hopsession.cpp
    ${CMAKE_CURRENT_LIST_DIR}/httperror.h ${CMAKE_CURRENT_LIST_DIR}/httperror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/origin.h ${CMAKE_CURRENT_LIST_DIR}/origin.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.h ${CMAKE_CURRENT_LIST_DIR}/tlsconfig.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ownedrequest.h
    ${CMAKE_CURRENT_LIST_DIR}/transportlog.h
)
