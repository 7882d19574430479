import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// Data retention (administrators, from the Team page): the dialog shows the organization's periods, saving
// changes them on the server — and so what the candidate's consent screen states —, switching both off warns
// that nothing is deleted on a schedule, and a run on request says what it deleted.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: pageComponent; TeamPage { width: root.width; height: root.height } }

    TestCase {
        name: "Retention"
        when: windowShown

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
        }

        function openDialog() {
            const page = createTemporaryObject(pageComponent, root)
            const open = findChild(page, "openRetention")
            verify(open.visible)
            mouseClick(open)
            const dialog = findChild(page, "retentionDialog")
            tryVerify(() => dialog.opened && dialog.settings.loaded && dialog.settings.dueKnown, 10000)
            return dialog
        }

        function test_1_periodsAreShownAndSavedAndReachTheConsentScreen() {
            const dialog = openDialog()
            // A new organization's defaults.
            compare(findChild(dialog, "retentionRecordingsDays").value, 90)
            compare(findChild(dialog, "retentionCandidateDays").value, 365)
            verify(findChild(dialog, "retentionCandidatesOn").checked)
            compare(findChild(dialog, "retentionDue").text, "Nothing is due for deletion now.")
            verify(!findChild(dialog, "retentionRunNow").enabled, "nothing to delete")
            verify(!findChild(dialog, "saveRetention").enabled, "nothing changed yet")

            // 30 days for recordings, typed; candidates kept until erased on request.
            const days = findChild(dialog, "retentionRecordingsDays")
            days.contentItem.forceActiveFocus()
            days.contentItem.selectAll()
            keyClick(Qt.Key_3); keyClick(Qt.Key_0); keyClick(Qt.Key_Tab)
            compare(days.value, 30)
            mouseClick(findChild(dialog, "retentionCandidatesOn"))
            verify(!findChild(dialog, "retentionNoSchedule").visible, "recordings still go on a schedule")
            const save = findChild(dialog, "saveRetention")
            verify(save.enabled)
            mouseClick(save)
            tryVerify(() => !dialog.settings.busy && dialog.settings.recordingsDays === 30, 10000)
            const server = testServer.apiGet(AppSession.client, "/retention")
            compare(server.recordingsDays, 30)
            compare(server.candidateDays, null)
            verify(!save.enabled, "saved")

            // What a candidate invited now is told.
            const interview = testServer.newInterview(AppSession.client, "Retention interview")
            const candidate = testServer.newCandidate(AppSession.client, "Rita Retention")
            const told = testServer.candidatePageInterview(testServer.newInviteLink(AppSession.client, interview, candidate))
            compare(told.retention.recordingsDays, 30)
            compare(told.retention.candidateDays, null)
        }

        function test_2_bothOffWarnsThatNothingIsDeletedOnASchedule() {
            const dialog = openDialog()
            compare(findChild(dialog, "retentionRecordingsDays").value, 30, "the saved period")
            verify(!findChild(dialog, "retentionCandidatesOn").checked)
            mouseClick(findChild(dialog, "retentionRecordingsOn"))
            verify(findChild(dialog, "retentionNoSchedule").visible)
            // Back to the defaults, for the tests that follow.
            mouseClick(findChild(dialog, "retentionRecordingsOn"))
            findChild(dialog, "retentionRecordingsDays").value = 90
            mouseClick(findChild(dialog, "retentionCandidatesOn"))
            mouseClick(findChild(dialog, "saveRetention"))
            tryVerify(() => !dialog.settings.busy && dialog.settings.candidateDays === 365 && dialog.settings.recordingsDays === 90, 10000)
        }

        function test_3_aRunOnRequestSaysWhatItDeleted() {
            const dialog = openDialog()
            dialog.settings.runNow()
            tryVerify(() => dialog.settings.running, 5000)
            tryVerify(() => !dialog.settings.running, 20000)
            const result = findChild(dialog, "retentionRunResult")
            verify(result.visible)
            compare(result.text, "Deleted the recordings of 0 interviews · erased 0 candidates")
            const log = testServer.apiGet(AppSession.client, "/audit?action=retention.start")
            compare(log.items.length, 1)
        }
    }
}
