import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQml.Models
import Intervox

// The current server in the navigation rail, and a menu to switch to another, add one, or sign out. For the
// server inside the app, it says what that means for candidates.
ColumnLayout {
    id: switcher
    spacing: 2

    ItemDelegate {
        id: current
        objectName: "serverButton"
        Layout.fillWidth: true
        leftPadding: 0
        rightPadding: 0
        Accessible.name: qsTr("Server: %1. Switch servers").arg(AppSession.serverLabel)
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Switch servers, add one, or sign out")
        onClicked: menu.open()
        contentItem: ColumnLayout {
            spacing: 2
            Label {
                Layout.fillWidth: true
                elide: Text.ElideRight
                text: (AppSession.embedded ? qsTr("Server on this computer") : AppSession.serverLabel) + "  ▾"
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Label {
                objectName: "serverAddress"
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                text: AppSession.serverUrl.toString()
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }

        Menu {
            id: menu
            objectName: "serverMenu"
            y: -height
            width: 360
            // Instantiator, not Repeater: a Menu takes its items through insertItem().
            Instantiator {
                model: AppSession.servers
                delegate: MenuItem {
                    required property string url
                    required property string label
                    required property string address
                    required property bool current
                    objectName: "server:" + (url.length > 0 ? url : "embedded")
                    checkable: true
                    checked: current
                    text: url.length > 0 ? label + " — " + address : label
                    onTriggered: {
                        checked = Qt.binding(() => current)
                        AppSession.switchTo(url)
                    }
                }
                onObjectAdded: (index, object) => menu.insertItem(index, object)
                onObjectRemoved: (index, object) => menu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem {
                objectName: "addServer"
                text: qsTr("Add a server…")
                onTriggered: addDialog.open()
            }
            MenuItem {
                objectName: "signOut"
                visible: !AppSession.embedded
                height: visible ? implicitHeight : 0
                text: qsTr("Sign out of %1").arg(AppSession.serverLabel)
                onTriggered: AppSession.signOut()
            }
            MenuItem {
                objectName: "removeServer"
                visible: !AppSession.embedded
                height: visible ? implicitHeight : 0
                text: qsTr("Remove this server from the list")
                onTriggered: AppSession.removeServer(AppSession.serverUrl.toString())
            }
        }
    }

    Label {
        Layout.fillWidth: true
        visible: AppSession.embedded
        wrapMode: Text.Wrap
        text: qsTr("Invite links made here open only on this computer. Candidates elsewhere need a public Intervox server.")
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }

    AddServerDialog {
        id: addDialog
        parent: Overlay.overlay
    }
}
