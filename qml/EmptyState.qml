import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// What to do next when a list is empty: a title, one sentence, and the action that fills it.
ColumnLayout {
    id: empty
    property string title
    property string text
    property string actionText: ""
    signal action()

    spacing: Theme.unit * 1.5
    Label {
        Layout.alignment: Qt.AlignHCenter
        text: empty.title
        font.pixelSize: Theme.fontHeading
        font.weight: Font.DemiBold
        color: Theme.text
    }
    Label {
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 420
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        text: empty.text
        color: Theme.mutedText
        font.pixelSize: Theme.fontBody
    }
    PrimaryButton {
        objectName: "action"
        Layout.alignment: Qt.AlignHCenter
        visible: empty.actionText.length > 0
        text: empty.actionText
        onClicked: empty.action()
    }
}
