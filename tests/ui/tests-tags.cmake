# The repository page (issue 3, "tags"): filter, referrers, and the event-loop stall while
# 5,001 tags load (printed, not asserted).
lading_add_test(NAME tst_repositorypage
                SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_repositorypage.cpp
                LIBS lading_ui lading_tagtestsupport LABELS integration)
