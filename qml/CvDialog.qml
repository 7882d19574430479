import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtQuick.Pdf
import Intervox

// A candidate's CV, read inside the app (QtPdf): every page, zoom with Ctrl++ / Ctrl+- , and attaching or
// replacing the PDF. The file is fetched through the API into a folder only this user can read, removed again.
Dialog {
    id: dialog
    objectName: "cvDialog"
    property int candidateId: 0
    property string candidateName: ""
    readonly property alias cv: cvModel
    readonly property alias document: pdf

    title: qsTr("CV of %1").arg(candidateName)
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: parent ? Math.min(parent.width - 2 * Theme.gap, 900) : 900
    height: parent ? parent.height - 2 * Theme.gap : 700

    CandidateCv {
        id: cvModel
        client: dialog.visible ? AppSession.client : null
        candidateId: dialog.candidateId
    }
    FileDialog {
        id: chooser
        title: qsTr("Choose the CV (PDF)")
        nameFilters: [qsTr("PDF files (*.pdf)")]
        onAccepted: cvModel.attach(selectedFile)
    }
    PdfDocument {
        id: pdf
        objectName: "cvDocument"
        source: cvModel.source
    }

    Shortcut { sequence: StandardKey.ZoomIn; enabled: dialog.visible && view.visible; onActivated: view.renderScale *= 1.25 }
    Shortcut { sequence: StandardKey.ZoomOut; enabled: dialog.visible && view.visible; onActivated: view.renderScale /= 1.25 }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit

        ErrorBanner {
            Layout.fillWidth: true
            error: cvModel.error
            actionText: qsTr("Try again")
            onAction: cvModel.reload()
        }
        Label {
            objectName: "cvUnreadable"
            Layout.fillWidth: true
            visible: pdf.status === PdfDocument.Error
            wrapMode: Text.Wrap
            color: Theme.danger
            text: qsTr("This PDF cannot be shown here. It is stored on the server as it was sent.")
        }
        Label {
            Layout.fillWidth: true
            visible: pdf.status === PdfDocument.Ready
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
            text: qsTr("%n page(s)", "", pdf.pageCount) + " · " + qsTr("%1 KiB").arg(Math.max(1, Math.round(cvModel.size / 1024)))
                  + " · " + qsTr("Ctrl++ / Ctrl+- to zoom")
        }

        PdfMultiPageView {
            id: view
            objectName: "cvView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: cvModel.source.toString().length > 0 && pdf.status === PdfDocument.Ready
            document: pdf
            clip: true
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !view.visible
            BusyIndicator {
                anchors.centerIn: parent
                running: cvModel.busy
                visible: running
            }
            EmptyState {
                objectName: "noCv"
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Theme.gap, 460)
                visible: cvModel.loaded && !cvModel.hasCv && !cvModel.busy
                title: qsTr("No CV yet")
                text: qsTr("Attach the candidate's CV as a PDF. Everyone reviewing this candidate can read it here.")
                actionText: qsTr("Attach a PDF…")
                onAction: chooser.open()
            }
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "replaceCv"
            visible: cvModel.hasCv
            enabled: !cvModel.busy
            text: qsTr("Replace…")
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: chooser.open()
        }
        Button {
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
