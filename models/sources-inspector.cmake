# The inspector's models (issue 3, "inspector").
target_sources(lading_models PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/inspectorroles.h
    ${CMAKE_CURRENT_LIST_DIR}/inspectormediatypes.h ${CMAKE_CURRENT_LIST_DIR}/inspectormediatypes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layerhistory.h ${CMAKE_CURRENT_LIST_DIR}/layerhistory.cpp
    ${CMAKE_CURRENT_LIST_DIR}/layertablemodel.h ${CMAKE_CURRENT_LIST_DIR}/layertablemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/historytablemodel.h ${CMAKE_CURRENT_LIST_DIR}/historytablemodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/platformtablemodel.h ${CMAKE_CURRENT_LIST_DIR}/platformtablemodel.cpp
)
