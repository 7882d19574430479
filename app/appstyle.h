#pragma once

class QQmlEngine;

// How the app draws: the Material style, on the GPU where there is one and with Qt Quick's software renderer
// where there is not (a VM, a remote desktop, Xvfb). Mesa's llvmpipe, the alternative there, costs about 90 MiB of
// memory and more CPU than the software renderer for a UI of text and flat shapes. QT_QUICK_BACKEND or
// QSG_RHI_BACKEND, when set, choose instead.
//
// The software renderer has no shaders, and Material draws every raised control (primary buttons, combo boxes,
// dialogs, menus) through a shader that casts its shadow: left alone, those controls would not appear. The app
// therefore swaps Material's ElevationEffect for SoftwareElevation.qml (the control itself and a flat edge).
namespace AppStyle {

// Before the first window and engine: picks the style and the renderer.
void configure();

// On every engine that loads the app's QML, once configure() ran.
void prepare(QQmlEngine *engine);

// Whether configure() chose (or was told to use) the software renderer.
bool softwareRenderer();

} // namespace AppStyle
