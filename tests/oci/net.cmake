# net's tests: transport, auth and RegistryClient against the HTTP test server.
lading_add_test(NAME tst_httptestserver SOURCES tst_httptestserver.cpp LIBS lading_testsupport LABELS unit)
lading_add_test(NAME tst_transport SOURCES tst_transport.cpp nettestsupport.h LIBS lading_testsupport LABELS unit)
lading_add_test(NAME tst_authenticator SOURCES tst_authenticator.cpp nettestsupport.h LIBS lading_testsupport LABELS unit)
lading_add_test(NAME tst_registryclient SOURCES tst_registryclient.cpp nettestsupport.h LIBS lading_testsupport LABELS unit)
lading_add_test(NAME tst_authscope SOURCES tst_authscope.cpp LIBS lading_oci LABELS unit)
lading_add_test(NAME tst_tokencache SOURCES tst_tokencache.cpp LIBS lading_oci LABELS unit)
lading_add_test(NAME tst_origin SOURCES tst_origin.cpp LIBS lading_oci LABELS unit)
lading_add_test(NAME tst_job SOURCES tst_job.cpp LIBS lading_oci LABELS unit)
