// Qt Quick Test runner for the app's pages (tests/qml/tst_*.qml): the real QML module and a real embedded
// server with its data in a temporary folder.
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(IntervoxPlugin)

class Setup : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
public slots:
    void applicationAvailable()
    {
        qputenv("INTERVOX_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_data.filePath(QStringLiteral("config")).toUtf8());
        QQuickStyle::setStyle(QStringLiteral("Material"));
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the Intervox module is compiled into this binary
    }
};

QUICK_TEST_MAIN_WITH_SETUP(intervox_qml, Setup)
#include "tst_qml.moc"
