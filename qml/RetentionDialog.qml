import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// How long the organization keeps recordings and candidates (administrators; RetentionSettings, PUT /retention),
// what is due now, and deleting it now. The candidate's consent screen states these periods.
Dialog {
    id: dialog
    objectName: "retentionDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(600, parent ? parent.width - 2 * Theme.pagePadding : 600)
    modal: true
    title: qsTr("Data retention")

    readonly property alias settings: retention
    RetentionSettings {
        id: retention
        client: AppSession.client
        onChanged: dialog.takeSettings()
    }

    function takeSettings() {
        keepRecordings.checked = retention.recordingsDays > 0
        recordingsDays.value = retention.recordingsDays > 0 ? retention.recordingsDays : 90
        keepCandidates.checked = retention.candidateDays > 0
        candidateDays.value = retention.candidateDays > 0 ? retention.candidateDays : 365
    }
    readonly property int chosenRecordings: keepRecordings.checked ? recordingsDays.value : 0
    readonly property int chosenCandidates: keepCandidates.checked ? candidateDays.value : 0
    readonly property bool edited: retention.loaded && (chosenRecordings !== retention.recordingsDays || chosenCandidates !== retention.candidateDays)

    onOpened: { retention.reload(); keepRecordings.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.unit

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("A daily job deletes what is due. Candidates are told these periods before they agree to be recorded. Each interview can set its own periods through the API.")
        }

        CheckBox {
            id: keepRecordings
            objectName: "retentionRecordingsOn"
            text: qsTr("Delete recordings after a decision")
            Accessible.name: text
        }
        RowLayout {
            enabled: keepRecordings.checked
            Layout.leftMargin: Theme.gap * 2
            spacing: Theme.gap
            SpinBox {
                id: recordingsDays
                objectName: "retentionRecordingsDays"
                from: 1
                to: 3650
                editable: true
                Accessible.name: qsTr("Days after the decision")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("days after a candidate was advanced or rejected (not while on hold). The answers stay listed, without audio.")
            }
        }

        CheckBox {
            id: keepCandidates
            objectName: "retentionCandidatesOn"
            text: qsTr("Erase candidates after their last activity")
            Accessible.name: text
        }
        RowLayout {
            enabled: keepCandidates.checked
            Layout.leftMargin: Theme.gap * 2
            spacing: Theme.gap
            SpinBox {
                id: candidateDays
                objectName: "retentionCandidateDays"
                from: 1
                to: 3650
                editable: true
                Accessible.name: qsTr("Days after the last activity")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: qsTr("days after anything last happened in their application: everything about them goes, CV and recordings included.")
            }
        }
        Label {
            objectName: "retentionNoSchedule"
            Layout.fillWidth: true
            visible: !keepRecordings.checked && !keepCandidates.checked
            wrapMode: Text.Wrap
            color: Theme.warning
            text: qsTr("Nothing is deleted on a schedule: candidates are told their data is kept until they or you ask for it to be deleted.")
        }

        Rectangle { Layout.fillWidth: true; Layout.topMargin: Theme.unit; height: 1; color: Theme.border }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            BusyIndicator {
                running: retention.busy || retention.running
                visible: running
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
            }
            Label {
                objectName: "retentionDue"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.text
                text: !retention.dueKnown ? qsTr("Checking what is due…")
                      : retention.dueRecordings + retention.dueCandidates === 0 ? qsTr("Nothing is due for deletion now.")
                      : qsTr("Due now: the recordings of %n interview(s)", "", retention.dueRecordings) + " · "
                        + qsTr("%n candidate(s) to erase", "", retention.dueCandidates)
            }
            Button {
                objectName: "retentionRunNow"
                text: qsTr("Delete now")
                enabled: retention.dueKnown && retention.dueRecordings + retention.dueCandidates > 0 && !retention.running && !dialog.edited
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Runs the daily deletion now, for what is due today")
                onClicked: retention.runNow()
            }
        }
        Label {
            objectName: "retentionRunResult"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: retention.runResult
        }
        ErrorBanner {
            Layout.fillWidth: true
            error: retention.error
            actionText: qsTr("Try again")
            onAction: retention.reload()
        }
    }
    footer: DialogButtonBox {
        Button { text: qsTr("Close"); DialogButtonBox.buttonRole: DialogButtonBox.RejectRole }
        PrimaryButton {
            objectName: "saveRetention"
            text: qsTr("Save")
            enabled: dialog.edited && !retention.busy
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: retention.save(dialog.chosenRecordings, dialog.chosenCandidates)
        }
    }
}
