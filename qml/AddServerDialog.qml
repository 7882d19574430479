import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// Adds a remote Intervox server by its address; the app then switches to it and offers to sign in.
Dialog {
    id: dialog
    objectName: "addServerDialog"
    title: qsTr("Add a server")
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.pagePadding : 520, 520)
    property string error: ""

    onOpened: {
        address.text = ""
        error = ""
        address.forceActiveFocus()
    }
    function add() {
        error = AppSession.addServer(address.text)
        if (error.length === 0)
            close()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit * 1.5
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("The address of your organization's Intervox server, as your administrator gave it to you.")
        }
        TextField {
            id: address
            objectName: "serverAddressField"
            Layout.fillWidth: true
            placeholderText: qsTr("interviews.example.com")
            Accessible.name: qsTr("Server address")
            inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
            onAccepted: dialog.add()
        }
        Label {
            objectName: "addServerError"
            Layout.fillWidth: true
            visible: dialog.error.length > 0
            wrapMode: Text.Wrap
            color: Theme.danger
            text: dialog.error
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }

    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        PrimaryButton {
            objectName: "addServerButton"
            text: qsTr("Add and sign in")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.add()
        }
    }
}
