# The inspector (issue 3, "inspector").
target_sources(lading_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/inspectorlocation.h ${CMAKE_CURRENT_LIST_DIR}/inspectorlocation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectorjsonview.h ${CMAKE_CURRENT_LIST_DIR}/inspectorjsonview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectoroverview.h ${CMAKE_CURRENT_LIST_DIR}/inspectoroverview.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectorcontent.h ${CMAKE_CURRENT_LIST_DIR}/inspectorcontent.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectorheader.h ${CMAKE_CURRENT_LIST_DIR}/inspectorheader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectorwidget.h ${CMAKE_CURRENT_LIST_DIR}/inspectorwidget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inspectorloading.cpp
)
