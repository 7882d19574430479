// Qt Quick Test runner for the app's pages (tests/qml/tst_*.qml): the real QML module and a real embedded
// server with its data in a temporary folder.
#include <QFile>
#include <QQmlContext>
#include <QQmlEngine>
#include <QUrl>
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
        // CSV files for the import test (a file dialog cannot be driven offscreen: the test loads them directly).
        write(QStringLiteral("good.csv"), "name,email\nLin Wei,lin@example.com\nOmar Haddad,omar@example.com\n");
        write(QStringLiteral("bad.csv"), "name,email\nLin Wei,lin@example.com\nNo Address,\n");
    }
    void write(const QString &name, const QByteArray &bytes)
    {
        QFile f(m_data.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
    }
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/")); // the Intervox module is compiled into this binary
        engine->rootContext()->setContextProperty(QStringLiteral("testData"), QUrl::fromLocalFile(m_data.path() + QLatin1Char('/')));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(intervox_qml, Setup)
#include "tst_qml.moc"
