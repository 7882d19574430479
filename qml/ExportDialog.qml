import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Intervox

// A candidate's data in one archive, for them (their right of access; administrators): what is in it, where to
// save it, progress while the server makes it, and where it went.
Dialog {
    id: dialog
    objectName: "exportDialog"
    property int candidateId: 0
    property string name: ""
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 2 * Theme.gap : 560, 560)
    modal: true
    title: qsTr("Export everything about %1").arg(name)

    readonly property alias archive: archive
    CandidateExport { id: archive; client: AppSession.client }
    onOpened: { archive.clear(); chooseButton.forceActiveFocus() }

    FileDialog {
        id: saveDialog
        title: qsTr("Save the archive")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "zip"
        nameFilters: [qsTr("ZIP archives (*.zip)")]
        onAccepted: archive.saveTo(dialog.candidateId, selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("One ZIP file with everything held about %1: their details, CV, every recorded answer, the ratings, reviewers' notes and decisions (without who wrote them), and a short explanation. Give it to them when they ask for their data.").arg(dialog.name)
        }
        RowLayout {
            Layout.fillWidth: true
            visible: archive.busy
            spacing: Theme.gap
            BusyIndicator { running: archive.busy; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
            Label {
                objectName: "exportProgress"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("The server is putting the archive together…")
            }
        }
        Label {
            objectName: "exportSaved"
            Layout.fillWidth: true
            visible: archive.savedPath.length > 0
            wrapMode: Text.Wrap
            color: Theme.text
            text: qsTr("Saved to %1. Only you can open it; send it to %2 in a way only they can open, and delete your copy afterwards.").arg(archive.savedPath).arg(dialog.name)
        }
        ErrorBanner { Layout.fillWidth: true; error: archive.error }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        PrimaryButton {
            id: chooseButton
            objectName: "exportChoose"
            text: qsTr("Save archive…")
            enabled: !archive.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: saveDialog.open()
        }
    }
}
