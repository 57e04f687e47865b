# The inspector's widgets (issue 3, "inspector"), offscreen.
lading_add_test(NAME tst_inspectorjsonview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inspectorjsonview.cpp
                LIBS lading_ui LABELS unit)
lading_add_test(NAME tst_inspectoroverview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inspectoroverview.cpp
                LIBS lading_ui LABELS unit)
lading_add_test(NAME tst_inspectorwidget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_inspectorwidget.cpp
                LIBS lading_ui lading_testsupport LABELS integration)
# A manual harness (not run by ctest): PNGs of the inspector against a running registry.
qt_add_executable(inspectorshots ${CMAKE_CURRENT_LIST_DIR}/inspectorshots.cpp)
target_link_libraries(inspectorshots PRIVATE lading_policy lading_ui Qt6::Test)
