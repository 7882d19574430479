import QtQuick

// Material's ElevationEffect for the software renderer (AppStyle swaps it in): the software renderer has no
// shaders, so instead of a blurred shadow the raised control gets a flat edge below it, a little deeper the
// higher it is raised. The control itself is drawn through a ShaderEffectSource, which that renderer supports.
Item {
    id: effect

    // The properties Material's controls set on ElevationEffect.
    property var source
    property int elevation: 0
    property bool fullWidth: false
    property bool fullHeight: false
    readonly property Item sourceItem: source ? source.sourceItem : null
    readonly property real radius: sourceItem && sourceItem.radius ? sourceItem.radius : 0

    Rectangle {
        visible: effect.elevation >= 6
        x: -1
        y: 1
        width: parent.width + 2
        height: parent.height + 2
        radius: effect.radius + 1
        color: Qt.rgba(0, 0, 0, 0.08)
    }
    Rectangle {
        visible: effect.elevation > 0
        x: effect.fullWidth ? 0 : -0.5
        y: 0.5
        width: parent.width + (effect.fullWidth ? 0 : 1)
        height: parent.height + 1
        radius: effect.radius
        color: Qt.rgba(0, 0, 0, 0.2)
    }
    ShaderEffectSource {
        anchors.fill: parent
        sourceItem: effect.sourceItem
    }
}
