#pragma once

// Image configs written by hand as Docker's classic builder, BuildKit and umoci write them,
// and helpers to make variants of them, for the config and layer diff tests.

#include "oci/core/digest.h"
#include "oci/manifest/imageconfig.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

namespace samples {

// A stand-in digest per number: "sha256:<hex of sha256(\"n\")>".
inline QString digestText(int n)
{
    return oci::Digest::sha256Of(QByteArray::number(n)).toString();
}

// "@D1@" … in a sample become digestText(1) …
inline QByteArray withDigests(QByteArray json)
{
    for (int n = 1; n <= 9; ++n)
        json.replace(QByteArray(QByteArray("@D") + QByteArray::number(n) + '@'), digestText(n).toUtf8());
    return json;
}

// `docker build` (classic builder) of an nginx-like image: empty fields written out, Env
// values with '=', the build container's Hostname and parent Image, empty_layer steps.
inline QByteArray dockerConfig()
{
    return withDigests(R"json({
  "architecture": "amd64",
  "config": {
    "Hostname": "4c1b2b3e0f1a", "Domainname": "", "User": "",
    "AttachStdin": false, "AttachStdout": false, "AttachStderr": false,
    "ExposedPorts": {"80/tcp": {}},
    "Tty": false, "OpenStdin": false, "StdinOnce": false,
    "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "NGINX_VERSION=1.25.3", "NGINX_OPTS=--with-http_ssl_module --prefix=/etc/nginx"],
    "Cmd": ["nginx", "-g", "daemon off;"],
    "Image": "sha256:2b5a6e0e1c3f8c0c5e6d1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e",
    "Volumes": {"/var/cache/nginx": {}},
    "WorkingDir": "",
    "Entrypoint": ["/docker-entrypoint.sh"],
    "OnBuild": null,
    "Labels": {"maintainer": "NGINX Docker Maintainers <docker-maint@nginx.com>"},
    "StopSignal": "SIGQUIT"
  },
  "container": "4c1b2b3e0f1a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e",
  "created": "2023-11-01T04:21:33.123456789Z",
  "docker_version": "20.10.23",
  "history": [
    {"created": "2023-10-31T22:00:00Z", "created_by": "/bin/sh -c #(nop) ADD file:9a7b in / "},
    {"created": "2023-10-31T22:00:01Z", "created_by": "/bin/sh -c #(nop)  CMD [\"bash\"]", "empty_layer": true},
    {"created": "2023-11-01T04:21:00Z", "created_by": "/bin/sh -c #(nop)  LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>", "empty_layer": true},
    {"created": "2023-11-01T04:21:01Z", "created_by": "/bin/sh -c #(nop)  ENV NGINX_VERSION=1.25.3", "empty_layer": true},
    {"created": "2023-11-01T04:21:30Z", "created_by": "/bin/sh -c set -x && apt-get update && apt-get install -y nginx"},
    {"created": "2023-11-01T04:21:31Z", "created_by": "/bin/sh -c #(nop) COPY file:e57e in /docker-entrypoint.sh "},
    {"created": "2023-11-01T04:21:32Z", "created_by": "/bin/sh -c #(nop)  ENTRYPOINT [\"/docker-entrypoint.sh\"]", "empty_layer": true},
    {"created": "2023-11-01T04:21:33Z", "created_by": "/bin/sh -c #(nop)  CMD [\"nginx\" \"-g\" \"daemon off;\"]", "empty_layer": true}
  ],
  "os": "linux",
  "rootfs": {"type": "layers", "diff_ids": ["@D1@", "@D2@", "@D3@"]}
})json");
}

// BuildKit (docker buildx): no empty fields, "# buildkit" comments, arm64 with a variant,
// a HEALTHCHECK.
inline QByteArray buildkitConfig()
{
    return withDigests(R"json({
  "architecture": "arm64",
  "variant": "v8",
  "os": "linux",
  "created": "2024-02-03T10:11:12.5Z",
  "config": {
    "User": "app",
    "ExposedPorts": {"8080/tcp": {}, "9090/tcp": {}},
    "Env": ["PATH=/usr/local/bin:/usr/bin:/bin", "APP_ENV=production", "APP_ENV=staging"],
    "Entrypoint": ["/app/server"],
    "Cmd": ["--listen=:8080"],
    "WorkingDir": "/app",
    "Labels": {"org.opencontainers.image.source": "https://example.com/app",
               "org.opencontainers.image.version": "1.1"},
    "Healthcheck": {"Test": ["CMD", "/app/server", "-health"], "Interval": 30000000000},
    "ArgsEscaped": true
  },
  "history": [
    {"created": "2024-01-01T00:00:00Z", "created_by": "/bin/sh -c #(nop) ADD file:1c2d in / "},
    {"created": "2024-02-03T10:11:00Z", "created_by": "WORKDIR /app", "comment": "buildkit.dockerfile.v0"},
    {"created": "2024-02-03T10:11:05Z", "created_by": "COPY server /app/server # buildkit", "comment": "buildkit.dockerfile.v0"},
    {"created": "2024-02-03T10:11:06Z", "created_by": "USER app", "comment": "buildkit.dockerfile.v0", "empty_layer": true}
  ],
  "rootfs": {"type": "layers", "diff_ids": ["@D4@", "@D5@", "@D6@"]}
})json");
}

// umoci: `umoci config` / `umoci insert` steps in the history, a bare "8443" port.
inline QByteArray umociConfig()
{
    return withDigests(R"json({
  "created": "2024-05-06T07:08:09.123456Z",
  "architecture": "amd64",
  "os": "linux",
  "config": {
    "Env": ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"],
    "Cmd": ["/bin/sh"],
    "ExposedPorts": {"8443": {}},
    "Volumes": {"/data": {}}
  },
  "rootfs": {"type": "layers", "diff_ids": ["@D7@", "@D8@"]},
  "history": [
    {"created": "2024-05-06T07:08:00Z", "created_by": "umoci raw add-layer", "author": "umoci"},
    {"created": "2024-05-06T07:08:05Z", "created_by": "umoci insert /srv", "author": "umoci"},
    {"created": "2024-05-06T07:08:09Z", "created_by": "umoci config", "author": "umoci", "empty_layer": true}
  ]
})json");
}

inline QJsonObject objectOf(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

inline QByteArray bytesOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

// `json` with its "config" member edited by `edit`.
inline QByteArray editRun(const QByteArray &json, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = objectOf(json);
    QJsonObject run = root.value(QLatin1String("config")).toObject();
    edit(run);
    root.insert(QLatin1String("config"), run);
    return bytesOf(root);
}

// `json` with its top level edited by `edit`.
inline QByteArray editRoot(const QByteArray &json, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject root = objectOf(json);
    edit(root);
    return bytesOf(root);
}

// Parsed; the test fails in the caller when it does not parse.
inline oci::ImageConfig parsed(const QByteArray &json)
{
    oci::Result<oci::ImageConfig> config = oci::ImageConfig::parse(json);
    if (!config.ok()) {
        QTest::qFail(qPrintable(config.error().message()), __FILE__, __LINE__);
        return {};
    }
    return std::move(config).value();
}

} // namespace samples
