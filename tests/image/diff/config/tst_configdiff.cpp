#include "configsamples.h"

#include "image/diff/config/configdiff.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using image::ConfigChange;
using image::ConfigChangeKind;
using image::ConfigField;
using samples::editRoot;
using samples::editRun;
using samples::parsed;

namespace {

image::ConfigDiff diffOf(const QByteArray &a, const QByteArray &b)
{
    return image::diffConfigs(parsed(a), parsed(b), a, b);
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

class TestConfigDiff final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalConfigsHaveNoChanges_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::newRow("docker") << samples::dockerConfig();
        QTest::newRow("buildkit") << samples::buildkitConfig();
        QTest::newRow("umoci") << samples::umociConfig();
    }

    void identicalConfigsHaveNoChanges()
    {
        QFETCH(QByteArray, config);
        const image::ConfigDiff diff = diffOf(config, config);
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.changedKeyCount(), 0);
        QCOMPARE(diff.describe(), QStringList());
        QCOMPARE(diff.history.size(), parsed(config).history.size());
        for (const image::HistoryRow &row : diff.history) {
            QVERIFY(!row.differs);
            QCOMPARE(row.indexA, row.indexB);
        }
        QCOMPARE(diff.toJson().value(QLatin1String("changes")).toArray().size(), 0);
        QCOMPARE(diff.toJson().value(QLatin1String("changedKeyCount")).toInt(-1), 0);
    }

    // A rebuild of the same Dockerfile: new timestamps, build container and parent image
    // ID, Env written in another order, Cmd as a string — nothing a person would call a
    // change.
    void rebuildNoiseIsNotAChange()
    {
        const QByteArray a = samples::dockerConfig();
        QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Hostname"), QStringLiteral("99aa88bb77cc"));
            run.insert(QLatin1String("Image"), QStringLiteral("sha256:0000"));
            run.insert(QLatin1String("Tty"), true);
            QJsonArray env = run.value(QLatin1String("Env")).toArray();
            run.insert(QLatin1String("Env"), QJsonArray{env.at(2), env.at(0), env.at(1)});
            run.insert(QLatin1String("Entrypoint"), QStringLiteral("/docker-entrypoint.sh"));
        });
        b = editRoot(b, [](QJsonObject &root) {
            root.insert(QLatin1String("created"), QStringLiteral("2025-01-01T00:00:00Z"));
            root.insert(QLatin1String("container"), QStringLiteral("ffff"));
            QJsonArray history = root.value(QLatin1String("history")).toArray();
            for (qsizetype i = 0; i < history.size(); ++i) {
                QJsonObject entry = history.at(i).toObject();
                entry.insert(QLatin1String("created"), QStringLiteral("2025-01-01T00:00:00Z"));
                history.replace(i, entry);
            }
            root.insert(QLatin1String("history"), history);
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.describe(), QStringList());
        QVERIFY(diff.isEmpty());
    }

    void envByNameWithLastSettingWinning()
    {
        const QByteArray a = samples::dockerConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Env"),
                       strings({QStringLiteral("NGINX_OPTS=--with-http_ssl_module --prefix=/etc/nginx2"),
                                QStringLiteral("PATH=/tmp"),
                                QStringLiteral("NJS_VERSION=0.8.2"),
                                // set again: the earlier PATH=/tmp is not what runs
                                QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")}));
        });
        const image::ConfigDiff diff = diffOf(a, b);
        const QList<ConfigChange> expected{
            {ConfigField::Env, ConfigChangeKind::Changed, QStringLiteral("NGINX_OPTS"),
             QStringLiteral("--with-http_ssl_module --prefix=/etc/nginx"),
             QStringLiteral("--with-http_ssl_module --prefix=/etc/nginx2"), {}, {}},
            {ConfigField::Env, ConfigChangeKind::Removed, QStringLiteral("NGINX_VERSION"),
             QStringLiteral("1.25.3"), {}, {}, {}},
            {ConfigField::Env, ConfigChangeKind::Added, QStringLiteral("NJS_VERSION"), {},
             QStringLiteral("0.8.2"), {}, {}},
        };
        QCOMPARE(diff.changes, expected);
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral("env NGINX_OPTS: --with-http_ssl_module --prefix=/etc/nginx → "
                                             "--with-http_ssl_module --prefix=/etc/nginx2"),
                              QStringLiteral("- env NGINX_VERSION=1.25.3"),
                              QStringLiteral("+ env NJS_VERSION=0.8.2")}));
        QCOMPARE(diff.changedKeyCount(), 3);
    }

    void envDuplicateInBuildkitConfig()
    {
        // buildkitConfig sets APP_ENV twice; "staging", the last, is its value.
        const QByteArray a = samples::buildkitConfig();
        const QByteArray staging = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Env"), strings({QStringLiteral("APP_ENV=staging"),
                                                      QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin")}));
        });
        QVERIFY(diffOf(a, staging).isEmpty());
        const QByteArray production = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Env"), strings({QStringLiteral("PATH=/usr/local/bin:/usr/bin:/bin"),
                                                      QStringLiteral("APP_ENV=production")}));
        });
        QCOMPARE(diffOf(a, production).describe(),
                 QStringList{QStringLiteral("env APP_ENV: staging → production")});
    }

    void envExampleOfTheBrief()
    {
        const QByteArray a = editRun(samples::umociConfig(), [](QJsonObject &run) {
            run.insert(QLatin1String("Env"), strings({QStringLiteral("PATH=/usr/bin")}));
        });
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Env"), strings({QStringLiteral("PATH=/usr/local/bin:/usr/bin")}));
        });
        QCOMPARE(diffOf(a, b).describe(),
                 QStringList{QStringLiteral("env PATH: /usr/bin → /usr/local/bin:/usr/bin")});
    }

    void envNamesFoldCaseOnWindows()
    {
        const auto windows = [](const QString &env) {
            return editRoot(editRun(samples::umociConfig(),
                                    [&](QJsonObject &run) {
                                        run.insert(QLatin1String("Env"), strings({env}));
                                    }),
                            [](QJsonObject &root) {
                                root.insert(QLatin1String("os"), QStringLiteral("windows"));
                            });
        };
        QVERIFY(diffOf(windows(QStringLiteral("Path=C:\\Windows")),
                       windows(QStringLiteral("PATH=C:\\Windows")))
                    .isEmpty());
        const auto onLinux = [](const QString &env) {
            return editRun(samples::umociConfig(), [&](QJsonObject &run) {
                run.insert(QLatin1String("Env"), strings({env}));
            });
        };
        QCOMPARE(diffOf(onLinux(QStringLiteral("Path=/bin")), onLinux(QStringLiteral("PATH=/bin"))).describe(),
                 (QStringList{QStringLiteral("+ env PATH=/bin"), QStringLiteral("- env Path=/bin")}));
    }

    void labels()
    {
        const QByteArray a = samples::buildkitConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Labels"),
                       QJsonObject{{QStringLiteral("org.opencontainers.image.version"), QStringLiteral("1.2")},
                                   {QStringLiteral("org.opencontainers.image.revision"), QStringLiteral("abc123")}});
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.changesOf(ConfigField::Label).size(), 3);
        QCOMPARE(diff.changes.size(), 3);
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral("+ label org.opencontainers.image.revision=abc123"),
                              QStringLiteral("- label org.opencontainers.image.source=https://example.com/app"),
                              QStringLiteral("label org.opencontainers.image.version: 1.1 → 1.2")}));

        const QByteArray docker = samples::dockerConfig();
        const QByteArray versioned = editRun(docker, [](QJsonObject &run) {
            QJsonObject labels = run.value(QLatin1String("Labels")).toObject();
            labels.insert(QStringLiteral("org.opencontainers.image.version"), QStringLiteral("1.2"));
            run.insert(QLatin1String("Labels"), labels);
        });
        QCOMPARE(diffOf(docker, versioned).describe(),
                 QStringList{QStringLiteral("+ label org.opencontainers.image.version=1.2")});
    }

    void entrypointAndCmd()
    {
        const QByteArray a = samples::dockerConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Entrypoint"), QJsonValue::Null);
            run.insert(QLatin1String("Cmd"), strings({QStringLiteral("nginx"), QStringLiteral("-g"),
                                                      QStringLiteral("daemon on;")}));
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.changes.size(), 2);
        const ConfigChange entrypoint = diff.changes.at(0);
        QCOMPARE(entrypoint.field, ConfigField::Entrypoint);
        QCOMPARE(entrypoint.kind, ConfigChangeKind::Removed);
        QCOMPARE(entrypoint.oldList, QStringList{QStringLiteral("/docker-entrypoint.sh")});
        QCOMPARE(entrypoint.newList, QStringList());
        const ConfigChange cmd = diff.changes.at(1);
        QCOMPARE(cmd.field, ConfigField::Cmd);
        QCOMPARE(cmd.kind, ConfigChangeKind::Changed);
        QCOMPARE(cmd.newList, (QStringList{QStringLiteral("nginx"), QStringLiteral("-g"),
                                           QStringLiteral("daemon on;")}));
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral(R"(entrypoint: ["/docker-entrypoint.sh"] → (none))"),
                              QStringLiteral(R"(cmd: ["nginx","-g","daemon off;"] → ["nginx","-g","daemon on;"])")}));
        // Arguments moved between entrypoint and cmd are a change of both.
        const QByteArray c = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Entrypoint"), strings({QStringLiteral("/docker-entrypoint.sh"),
                                                             QStringLiteral("nginx")}));
            run.insert(QLatin1String("Cmd"), strings({QStringLiteral("-g"), QStringLiteral("daemon off;")}));
        });
        QCOMPARE(diffOf(a, c).changedKeyCount(), 2);
    }

    void userWorkingDirAndStopSignal()
    {
        const QByteArray a = samples::dockerConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("User"), QStringLiteral("nginx"));
            run.insert(QLatin1String("WorkingDir"), QStringLiteral("/srv"));
            run.insert(QLatin1String("StopSignal"), QStringLiteral("SIGTERM"));
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.describe(), (QStringList{QStringLiteral("user: (none) → nginx"),
                                               QStringLiteral("working dir: (none) → /srv"),
                                               QStringLiteral("stop signal: SIGQUIT → SIGTERM")}));
        QCOMPARE(diff.changes.at(0).kind, ConfigChangeKind::Added);
        QCOMPARE(diff.changes.at(2).kind, ConfigChangeKind::Changed);
        QCOMPARE(diffOf(b, a).changes.at(1).kind, ConfigChangeKind::Removed);
    }

    void portsAndVolumes()
    {
        const QByteArray a = samples::umociConfig(); // "8443" bare, volume /data
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("ExposedPorts"),
                       QJsonObject{{QStringLiteral("8443/tcp"), QJsonObject()},
                                   {QStringLiteral("53/udp"), QJsonObject()}});
            run.insert(QLatin1String("Volumes"), QJsonObject{{QStringLiteral("/data"), QJsonObject()},
                                                             {QStringLiteral("/logs"), QJsonObject()}});
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral("+ port 53/udp"), QStringLiteral("+ volume /logs")}));
        QCOMPARE(diff.changesOf(ConfigField::ExposedPort).at(0).key, QStringLiteral("53/udp"));

        const QByteArray docker = samples::dockerConfig();
        const QByteArray closed = editRun(docker, [](QJsonObject &run) {
            run.remove(QLatin1String("ExposedPorts"));
            run.insert(QLatin1String("Volumes"), QJsonValue::Null);
        });
        QCOMPARE(diffOf(docker, closed).describe(),
                 (QStringList{QStringLiteral("- port 80/tcp"), QStringLiteral("- volume /var/cache/nginx")}));
    }

    void platform()
    {
        const QByteArray a = samples::buildkitConfig(); // linux/arm64/v8
        const QByteArray b = editRoot(a, [](QJsonObject &root) {
            root.insert(QLatin1String("architecture"), QStringLiteral("amd64"));
            root.remove(QLatin1String("variant"));
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.describe(), (QStringList{QStringLiteral("architecture: arm64 → amd64"),
                                               QStringLiteral("variant: v8 → (none)")}));
        QCOMPARE(diff.changes.at(1).field, ConfigField::Variant);
        QCOMPARE(diff.changes.at(1).kind, ConfigChangeKind::Removed);
        const QByteArray windows = editRoot(b, [](QJsonObject &root) {
            root.insert(QLatin1String("os"), QStringLiteral("windows"));
            root.insert(QLatin1String("os.version"), QStringLiteral("10.0.17763.5329"));
        });
        QCOMPARE(diffOf(b, windows).describe(), (QStringList{QStringLiteral("os: linux → windows"),
                                                             QStringLiteral("os version: (none) → 10.0.17763.5329")}));
    }

    // Steps matched by command: one changed, one inserted, one dropped; the rest in step.
    void history()
    {
        const QByteArray a = samples::dockerConfig();
        const QByteArray b = editRoot(a, [](QJsonObject &root) {
            QJsonArray history = root.value(QLatin1String("history")).toArray();
            history.removeAt(2); // the LABEL step
            QJsonObject install = history.at(3).toObject();
            install.insert(QLatin1String("created_by"),
                           QStringLiteral("/bin/sh -c set -x && apt-get update && apt-get install -y nginx-extras"));
            history.replace(3, install);
            history.insert(5, QJsonObject{{QStringLiteral("created_by"),
                                           QStringLiteral("/bin/sh -c chmod +x /docker-entrypoint.sh")}});
            root.insert(QLatin1String("history"), history);
            QJsonObject rootfs = root.value(QLatin1String("rootfs")).toObject();
            rootfs.insert(QLatin1String("diff_ids"), QJsonArray{samples::digestText(1), samples::digestText(2),
                                                                samples::digestText(3), samples::digestText(9)});
            root.insert(QLatin1String("rootfs"), rootfs);
        });
        const image::ConfigDiff diff = diffOf(a, b);
        QVERIFY(diff.changes.isEmpty());
        QVERIFY(diff.historyChanged());
        QCOMPARE(diff.changedKeyCount(), 1);
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral("- history LABEL maintainer=NGINX Docker Maintainers "
                                             "<docker-maint@nginx.com> (empty layer)"),
                              QStringLiteral("history #3: /bin/sh -c set -x && apt-get update && apt-get install -y nginx → "
                                             "/bin/sh -c set -x && apt-get update && apt-get install -y nginx-extras"),
                              QStringLiteral("+ history /bin/sh -c chmod +x /docker-entrypoint.sh")}));
        // Every entry of both sides appears once, in order.
        QList<int> rowsA;
        QList<int> rowsB;
        for (const image::HistoryRow &row : diff.history) {
            if (row.indexA >= 0)
                rowsA.append(row.indexA);
            if (row.indexB >= 0)
                rowsB.append(row.indexB);
        }
        QCOMPARE(rowsA, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(rowsB, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7}));
        QCOMPARE(diff.history.size(), 9);
        const image::HistoryRow dropped = diff.history.at(2);
        QCOMPARE(dropped.indexB, -1);
        QVERIFY(dropped.emptyLayerA);
        const image::HistoryRow changed = diff.history.at(4);
        QCOMPARE(changed.indexA, 4);
        QCOMPARE(changed.indexB, 3);
        QVERIFY(changed.differs);
        QVERIFY(!diff.history.at(5).differs); // the COPY step, shifted
    }

    // Long histories whose middles differ entirely are paired by position, quickly.
    void longHistoriesPairedByPosition()
    {
        const auto longHistory = [](const QString &prefix) {
            QJsonArray history;
            for (int i = 0; i < 2500; ++i)
                history.append(QJsonObject{{QStringLiteral("created_by"), QString(prefix + QString::number(i))},
                                           {QStringLiteral("empty_layer"), true}});
            return editRoot(samples::umociConfig(), [&](QJsonObject &root) {
                root.insert(QLatin1String("history"), history);
            });
        };
        const image::ConfigDiff diff = diffOf(longHistory(QStringLiteral("a")), longHistory(QStringLiteral("b")));
        QCOMPARE(diff.history.size(), 2500);
        QCOMPARE(diff.history.at(7).indexA, 7);
        QCOMPARE(diff.history.at(7).indexB, 7);
        QCOMPARE(diff.describe().size(), 2500);
    }

    // Members of "config" ImageConfig does not parse, from the raw JSON.
    void otherConfigMembers()
    {
        const QByteArray a = samples::buildkitConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Healthcheck"),
                       QJsonObject{{QStringLiteral("Test"), strings({QStringLiteral("CMD"), QStringLiteral("/app/server"),
                                                                     QStringLiteral("-health")})},
                                   {QStringLiteral("Interval"), qint64(10000000000)}});
            run.remove(QLatin1String("ArgsEscaped"));
            run.insert(QLatin1String("Shell"), strings({QStringLiteral("/bin/bash"), QStringLiteral("-c")}));
            run.insert(QLatin1String("Hostname"), QStringLiteral("buildkitsandbox"));
        });
        QVERIFY(image::diffConfigs(parsed(a), parsed(b)).isEmpty());
        const image::ConfigDiff diff = diffOf(a, b);
        QCOMPARE(diff.describe(),
                 (QStringList{QStringLiteral("- config ArgsEscaped=true"),
                              QStringLiteral(R"(config Healthcheck: {"Interval":30000000000,"Test":["CMD","/app/server","-health"]})"
                                             R"( → {"Interval":10000000000,"Test":["CMD","/app/server","-health"]})"),
                              QStringLiteral(R"(+ config Shell=["/bin/bash","-c"])")}));
        QCOMPARE(diff.changedKeyCount(), 3);
        // Raw bytes that do not read as a config add nothing (and take nothing away).
        QVERIFY(image::diffConfigs(parsed(a), parsed(b), a, QByteArray("not json")).isEmpty());
    }

    void json()
    {
        const QByteArray a = samples::buildkitConfig();
        const QByteArray b = editRun(a, [](QJsonObject &run) {
            run.insert(QLatin1String("Entrypoint"), strings({QStringLiteral("/app/server2")}));
            run.insert(QLatin1String("User"), QStringLiteral(""));
            run.insert(QLatin1String("Shell"), strings({QStringLiteral("/bin/bash")}));
        });
        const QJsonObject json = diffOf(a, b).toJson();
        QCOMPARE(json.value(QLatin1String("changedKeyCount")).toInt(), 3);
        const QJsonArray changes = json.value(QLatin1String("changes")).toArray();
        QCOMPARE(changes.size(), 3);
        QCOMPARE(changes.at(0).toObject(),
                 (QJsonObject{{QStringLiteral("field"), QStringLiteral("entrypoint")},
                              {QStringLiteral("kind"), QStringLiteral("changed")},
                              {QStringLiteral("old"), strings({QStringLiteral("/app/server")})},
                              {QStringLiteral("new"), strings({QStringLiteral("/app/server2")})}}));
        QCOMPARE(changes.at(1).toObject(),
                 (QJsonObject{{QStringLiteral("field"), QStringLiteral("user")},
                              {QStringLiteral("kind"), QStringLiteral("removed")},
                              {QStringLiteral("old"), QStringLiteral("app")}}));
        QCOMPARE(changes.at(2).toObject(),
                 (QJsonObject{{QStringLiteral("field"), QStringLiteral("config")},
                              {QStringLiteral("kind"), QStringLiteral("added")},
                              {QStringLiteral("key"), QStringLiteral("Shell")},
                              {QStringLiteral("new"), strings({QStringLiteral("/bin/bash")})}}));
        const QJsonArray history = json.value(QLatin1String("history")).toArray();
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(3).toObject(),
                 (QJsonObject{{QStringLiteral("differs"), false},
                              {QStringLiteral("a"), 3},
                              {QStringLiteral("createdByA"), QStringLiteral("USER app")},
                              {QStringLiteral("emptyLayerA"), true},
                              {QStringLiteral("b"), 3},
                              {QStringLiteral("createdByB"), QStringLiteral("USER app")},
                              {QStringLiteral("emptyLayerB"), true}}));
    }

    void names()
    {
        QCOMPARE(image::configFieldName(ConfigField::ExposedPort), QStringLiteral("exposedPort"));
        QCOMPARE(image::configFieldName(ConfigField::Other), QStringLiteral("config"));
        QCOMPARE(image::configChangeKindName(ConfigChangeKind::Removed), QStringLiteral("removed"));
    }
};

QTEST_GUILESS_MAIN(TestConfigDiff)
#include "tst_configdiff.moc"
