import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// A later deadline and extra time for one candidate, from the interview page: the dialog shows the link's
// deadline, saves both through the API, and the candidate's row says what was granted. And erasing a candidate at
// their request: confirmed in a dialog that says what goes, then gone from the list and from the server. And their
// data in one archive for them, from the same menu, saved where the administrator chose and for their eyes only.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: pageComponent; InterviewPage { width: root.width; height: root.height } }

    TestCase {
        name: "Terms"
        when: windowShown

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
        }

        function rowOf(list, email) {
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.email === email)
                    return item
            }
            return null
        }

        function test_aLaterDeadlineAndExtraTime() {
            const id = testServer.newInterview(AppSession.client, "Accommodations")
            const page = createTemporaryObject(pageComponent, root, {interviewId: id, interviewTitle: "Accommodations"})
            page.model.addCandidate("Noor Haddad", "noor@example.com")
            const list = findChild(page, "candidateList")
            let row = null
            tryVerify(() => (row = rowOf(list, "noor@example.com")) !== null, 10000)
            const before = row.expiresAt.getTime()
            verify(row.detail.indexOf("extra time") < 0)

            mouseClick(findChild(row, "terms:noor@example.com"))
            const dialog = findChild(page, "termsDialog")
            tryCompare(dialog, "opened", true)
            const extend = findChild(dialog.contentItem, "extendDays")
            tryVerify(() => extend.activeFocus)
            extend.currentIndex = 1 // 7 more days
            findChild(dialog.contentItem, "extraTime").currentIndex = 2 // 50 %
            mouseClick(findChild(dialog.footer, "saveTerms"))
            tryCompare(dialog, "visible", false, 10000)

            tryVerify(() => { row = rowOf(list, "noor@example.com"); return row && row.extraTimePercent === 50 }, 10000)
            verify(row.detail.indexOf("50 % extra time") >= 0, row.detail)
            const days = (row.expiresAt.getTime() - before) / (24 * 3600 * 1000)
            verify(days > 6.99 && days < 7.01, "seven more days: " + days)

            // Extra time the dialog does not offer (set through the API) is kept when only the deadline changes.
            page.model.changeTerms(row.inviteId, 0, 150)
            tryVerify(() => { row = rowOf(list, "noor@example.com"); return row && row.extraTimePercent === 150 }, 10000)
            mouseClick(findChild(row, "terms:noor@example.com"))
            tryCompare(dialog, "opened", true)
            compare(findChild(dialog.contentItem, "extraTime").currentText, "150 % more")
            findChild(dialog.contentItem, "extendDays").currentIndex = 1
            mouseClick(findChild(dialog.footer, "saveTerms"))
            tryCompare(dialog, "visible", false, 10000)
            tryVerify(() => { row = rowOf(list, "noor@example.com"); return row && (row.expiresAt.getTime() - before) / 86400000 > 13.99 }, 10000)
            compare(row.extraTimePercent, 150)
        }

        function test_erasingACandidateAtTheirRequest() {
            const id = testServer.newInterview(AppSession.client, "Erasure")
            const page = createTemporaryObject(pageComponent, root, {interviewId: id, interviewTitle: "Erasure"})
            const list = findChild(page, "candidateList")
            page.model.addCandidate("Ines Erased", "ines@example.com")
            tryVerify(() => list.count === 1 && !page.model.busy, 10000)
            page.model.addCandidate("Tom Stays", "tom@example.com")
            let row = null
            tryVerify(() => list.count === 2 && (row = rowOf(list, "ines@example.com")) !== null, 10000)
            const candidate = row.candidateId

            const erase = () => {
                mouseClick(findChild(row, "more:ines@example.com"))
                let item = null
                tryVerify(() => (item = findChild(row, "erase:ines@example.com")) !== null && item.visible, 5000, "the menu offers erasing")
                mouseClick(item)
            }
            erase()
            const dialog = findChild(page, "eraseDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "Erase everything about Ines Erased?")
            // Cancel keeps everything.
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            compare(list.count, 2)

            erase()
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog.footer, "eraseConfirm"))
            tryCompare(dialog, "visible", false, 10000)
            tryVerify(() => list.count === 1 && rowOf(list, "tom@example.com") !== null, 10000)
            verify(!testServer.candidateExists(AppSession.client, candidate), "the server has no such candidate any more")
        }

        function test_exportingACandidatesDataForThem() {
            const id = testServer.newInterview(AppSession.client, "Access")
            const page = createTemporaryObject(pageComponent, root, {interviewId: id, interviewTitle: "Access"})
            const list = findChild(page, "candidateList")
            page.model.addCandidate("Ada Access", "ada.access@example.com")
            let row = null
            tryVerify(() => list.count === 1 && (row = rowOf(list, "ada.access@example.com")) !== null, 10000)
            mouseClick(findChild(row, "more:ada.access@example.com"))
            let item = null
            tryVerify(() => (item = findChild(row, "export:ada.access@example.com")) !== null && item.visible, 5000, "the menu offers an export")
            mouseClick(item)
            const dialog = findChild(page, "exportDialog")
            tryCompare(dialog, "opened", true)
            compare(dialog.title, "Export everything about Ada Access")
            // (A file dialog cannot be driven offscreen: the test names the file as the dialog would.)
            const file = testData + "ada-access.zip"
            dialog.archive.saveTo(row.candidateId, file)
            tryVerify(() => findChild(dialog, "exportProgress").visible, 5000, "it shows that it works")
            tryVerify(() => findChild(dialog, "exportSaved").visible, 20000, "it says where the archive went")
            verify(!dialog.archive.error.isError)
            verify(testServer.ownerOnly(file), "only the administrator can open it")
            verify(testServer.readText(file).startsWith("PK"), "a ZIP archive")
            const log = testServer.apiGet(AppSession.client, "/audit?action=candidate.export_download")
            compare(log.items.length, 1)
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
        }
    }
}
