# ref's unit tests: references and the auth/transport parsers.
foreach(_t reference challenge tokenresponse linkheader retryafter registryerrorbody
           dockerconfig credentials)
    lading_add_test(NAME tst_${_t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${_t}.cpp
                    LIBS lading_oci LABELS unit)
endforeach()
