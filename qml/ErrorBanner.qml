import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// An error where it happened, in the recruiter's words, with the server's detail in small print and an
// optional way out (retry).
Rectangle {
    id: banner
    property var error            // an ApiError
    property string actionText: ""
    signal action()

    visible: error !== undefined && error.isError
    color: Theme.dangerSurface
    border.color: Theme.danger
    radius: Theme.radius
    implicitHeight: row.implicitHeight + 2 * Theme.unit * 1.5
    Accessible.role: Accessible.AlertMessage
    Accessible.name: visible ? error.message : ""

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: Theme.unit * 1.5
        spacing: Theme.gap
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                text: banner.visible ? banner.error.message : ""
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                visible: text.length > 0
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
                text: banner.visible && banner.error.detail.length > 0 ? qsTr("Details: %1").arg(banner.error.detail) : ""
            }
        }
        Button {
            visible: banner.actionText.length > 0
            text: banner.actionText
            flat: true
            onClicked: banner.action()
        }
    }
}
