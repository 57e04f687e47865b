# Issue 3, registries, their dialogs, the tree's filter and badges (owner: registry).
lading_add_test(NAME tst_certificateerrordialog
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_certificateerrordialog.cpp
                LIBS lading_ui lading_testsupport LABELS unit)
lading_add_test(NAME tst_addrepositorydialog
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_addrepositorydialog.cpp
                LIBS lading_ui LABELS unit)
lading_add_test(NAME tst_registryactions SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registryactions.cpp
                LIBS lading_ui lading_testsupport LABELS integration)
lading_add_test(NAME tst_registrytreedelegate
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_registrytreedelegate.cpp
                LIBS lading_ui LABELS unit)
