#include "appstyle.h"

#include <QDir>
#include <QQmlAbstractUrlInterceptor>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace {

bool hasGpu()
{
#ifdef Q_OS_LINUX
    // A GPU the desktop can render with has a DRM render node; machines without one (VMs, containers, Xvfb
    // sessions) fall back to llvmpipe, a CPU emulation of one.
    return !QDir(QStringLiteral("/dev/dri")).entryList({QStringLiteral("renderD*")}, QDir::System).isEmpty();
#else
    return true;
#endif
}

class SoftwareElevation : public QQmlAbstractUrlInterceptor
{
public:
    QUrl intercept(const QUrl &url, DataType type) override
    {
        if (type == QmlFile && url.path().endsWith(QLatin1String("/QtQuick/Controls/Material/impl/ElevationEffect.qml")))
            return QUrl(QStringLiteral("qrc:/Intervox/SoftwareElevation.qml"));
        return url;
    }
};

} // namespace

namespace AppStyle {

void configure()
{
    QQuickStyle::setStyle(QStringLiteral("Material"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_BACKEND") && qEnvironmentVariableIsEmpty("QSG_RHI_BACKEND") && !hasGpu())
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
}

bool softwareRenderer()
{
    // QQuickWindow::graphicsApi() still says OpenGL after setGraphicsApi(Software) in Qt 6.4; the backend's
    // name is what the scene graph goes by.
    return QQuickWindow::sceneGraphBackend() == QLatin1String("software");
}

void prepare(QQmlEngine *engine)
{
    static SoftwareElevation interceptor; // engines do not own their interceptors; this one outlives them all
    if (softwareRenderer())
        engine->addUrlInterceptor(&interceptor);
}

} // namespace AppStyle
