import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// The activity log page (administrators): what happened shows with who and what in words, the kind of activity
// and the search narrow it, an empty period says so, and the CSV export writes what is shown into a file only
// the user can read — and is itself logged.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: pageComponent; AuditPage { width: root.width; height: root.height } }

    TestCase {
        name: "Audit"
        when: windowShown

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
            verify(testServer.newInterview(AppSession.client, "Logged interview") > 0)
            verify(testServer.newCandidate(AppSession.client, "Logged Candidate") > 0)
        }

        function actions(model) {
            const out = []
            for (let i = 0; i < model.count; ++i)
                out.push(model.data(model.index(i, 0), AuditModel.ActionRole))
            return out
        }

        function test_1_theLogShowsWhatHappenedInWords() {
            const page = createTemporaryObject(pageComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            const list = actions(page.model)
            verify(list.indexOf("interview.create") >= 0, JSON.stringify(list))
            verify(list.indexOf("candidate.create") >= 0, JSON.stringify(list))
            const row = list.indexOf("interview.create")
            compare(page.model.data(page.model.index(row, 0), AuditModel.ActionTextRole), "Created an interview")
            compare(page.model.data(page.model.index(row, 0), AuditModel.WhoRole), AppSession.userName)

            // The search narrows what is shown; Escape clears it.
            const search = findChild(page, "auditSearch")
            keyClick(Qt.Key_F, Qt.ControlModifier)
            verify(search.activeFocus)
            for (const c of "candidate")
                keyClick(c)
            tryVerify(() => page.model.count >= 1 && actions(page.model).every(a => a === "candidate.create"), 5000, JSON.stringify(actions(page.model)))
            keyClick(Qt.Key_Escape)
            tryVerify(() => page.model.count === list.length)
        }

        function test_2_aKindWithNothingInItSaysSo() {
            const page = createTemporaryObject(pageComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            const family = findChild(page, "auditFamily")
            family.currentIndex = family.indexOfValue("team")
            family.activated(family.currentIndex)
            compare(page.model.family, "team")
            tryVerify(() => !page.model.loading && page.model.totalCount === 0, 10000)
            tryVerify(() => findChild(page, "auditEmpty").visible)
            page.model.family = "changes"
            tryVerify(() => !page.model.loading && page.model.totalCount >= 2, 10000)
            verify(actions(page.model).every(a => a === "interview.create" || a === "candidate.create"), JSON.stringify(actions(page.model)))
        }

        function test_3_theExportWritesAFileOnlyTheUserReadsAndIsLogged() {
            const page = createTemporaryObject(pageComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            page.model.family = "changes"
            tryVerify(() => !page.model.loading && page.model.totalCount >= 2, 10000)
            const file = testData + "activity.csv"
            page.model.exportTo(file)
            tryVerify(() => findChild(page, "exportNote").visible, 10000, "the page says where the file is")
            verify(testServer.ownerOnly(file))
            const lines = testServer.readText(file).trim().split("\r\n")
            compare(lines[0], "id,at,user_id,user,action,target,address")
            compare(lines.length - 1, page.model.totalCount, "exactly what the page shows")
            page.model.family = "exports"
            tryVerify(() => !page.model.loading && actions(page.model).indexOf("audit.export") >= 0, 10000)
        }
    }
}
