import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Intervox

// Candidates from a CSV file: choose it, see every row with its problem, import all of them or none, then save
// the links (they are shown only now).
Dialog {
    id: dialog
    required property int interviewId
    signal importedAll()

    modal: true
    width: Math.min(parent ? parent.width - 80 : 760, 760)
    height: Math.min(parent ? parent.height - 80 : 600, 600)
    anchors.centerIn: parent
    Overlay.modal: Rectangle { color: "#80000000" }
    title: csv.imported ? qsTr("%n candidate(s) imported", "", csv.count) : qsTr("Import candidates from a CSV file")
    readonly property alias csv: csv

    CsvImport {
        id: csv
        onSent: (ok) => { if (ok) dialog.importedAll() }
    }
    FileDialog {
        id: openFile
        title: qsTr("Choose a CSV file")
        nameFilters: [qsTr("CSV files (*.csv *.txt)"), qsTr("All files (*)")]
        onAccepted: csv.load(selectedFile)
    }
    FileDialog {
        id: saveFile
        title: qsTr("Save the invite links")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: csv.saveLinks(selectedFile)
    }
    onOpened: csv.clear()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: !csv.imported
            color: Theme.mutedText
            text: qsTr("One candidate per line, with a name and an email address: a first line naming the columns (“name”, “email”) is recognised, otherwise the name comes first. Comma or semicolon, UTF-8.")
        }
        RowLayout {
            Layout.fillWidth: true
            visible: !csv.imported
            Button {
                objectName: "chooseFile"
                text: csv.fileName.length > 0 ? qsTr("Choose another file…") : qsTr("Choose a file…")
                onClicked: openFile.open()
            }
            Label {
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                text: csv.fileName
                color: Theme.text
            }
        }
        Label {
            objectName: "fileProblem"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: csv.fileProblem.length > 0
            text: csv.fileProblem
            color: Theme.danger
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: csv.count > 0
            color: csv.problemCount > 0 ? Theme.danger : Theme.mutedText
            text: csv.imported ? qsTr("Each candidate has an invite link. Save them now: they are shown only once.")
                : csv.problemCount > 0 ? qsTr("%n line(s) need fixing in the file before anything is imported.", "", csv.problemCount)
                                       : qsTr("%n candidate(s) ready to import.", "", csv.count)
        }
        ErrorBanner {
            Layout.fillWidth: true
            error: csv.error
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: csv.count > 0
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            ListView {
                id: rows
                objectName: "rows"
                anchors.fill: parent
                anchors.margins: 1
                clip: true
                model: csv
                ScrollBar.vertical: ScrollBar {}
                delegate: ItemDelegate {
                    required property int line
                    required property string name
                    required property string email
                    required property string problem
                    required property string link
                    width: ListView.view.width
                    Accessible.name: problem.length > 0 ? qsTr("Line %1: %2").arg(line).arg(problem) : qsTr("Line %1: %2, %3").arg(line).arg(name).arg(email)
                    contentItem: RowLayout {
                        spacing: Theme.gap
                        Label { text: line; color: Theme.mutedText; Layout.preferredWidth: 40; font.pixelSize: Theme.fontSmall }
                        Label { text: name; color: Theme.text; elide: Text.ElideRight; Layout.preferredWidth: 160 }
                        Label { text: email; color: Theme.text; elide: Text.ElideRight; Layout.preferredWidth: 200 }
                        Label {
                            Layout.fillWidth: true
                            wrapMode: problem.length > 0 ? Text.Wrap : Text.NoWrap
                            elide: Text.ElideRight
                            text: problem.length > 0 ? problem : link
                            color: problem.length > 0 ? Theme.danger : Theme.mutedText
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }
        Item { Layout.fillHeight: true; visible: csv.count === 0 }
    }

    footer: DialogButtonBox {
        Button {
            text: csv.imported ? qsTr("Done") : qsTr("Cancel")
            flat: true
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            visible: csv.imported
            text: qsTr("Copy all links")
            flat: true
            onClicked: csv.copyLinks()
        }
        PrimaryButton {
            objectName: "importOrSave"
            text: csv.imported ? qsTr("Save links…") : qsTr("Import %n candidate(s)", "", csv.count)
            enabled: csv.imported || (csv.count > 0 && csv.problemCount === 0 && !csv.busy)
            onClicked: csv.imported ? saveFile.open() : csv.send(AppSession.client, dialog.interviewId)
        }
    }
}
