# The inspector's models (issue 3, "inspector"): under QAbstractItemModelTester, with
# hand-written documents and images in the real registry.
lading_add_test(NAME tst_layerhistory SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_layerhistory.cpp
                LIBS lading_models LABELS unit)
foreach(_model layertablemodel historytablemodel platformtablemodel)
    lading_add_test(NAME tst_${_model}
                    SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${_model}.cpp
                            ${CMAKE_CURRENT_LIST_DIR}/inspectortestdata.h
                    LIBS lading_models lading_testsupport LABELS integration)
endforeach()
