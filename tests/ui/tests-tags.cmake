# The repository page (issue 3, "tags"): filter, referrers, and the event-loop stall while
# 5,001 tags load (printed, not asserted).
lading_add_test(NAME tst_repositorypage
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_repositorypage.cpp
                LIBS lading_ui lading_tagtestsupport LABELS integration)
# What `lading --screenshot` does (the demo tour down to the tag table and the inspector).
lading_add_test(NAME tst_screenshotrun
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_screenshotrun.cpp
                LIBS lading_ui lading_testsupport LABELS integration)
