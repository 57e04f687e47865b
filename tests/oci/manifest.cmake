# manifest's unit tests: media types, the strict JSON gate and the document types.
foreach(_t mediatypes strictjson platform descriptor imagemanifest imageindex imageconfig
           manifestdocument)
    lading_add_test(NAME tst_${_t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${_t}.cpp
                    ${CMAKE_CURRENT_LIST_DIR}/manifesttestdata.h
                    LIBS lading_oci LABELS unit)
endforeach()
