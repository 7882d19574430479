import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// Every control a person can reach with Tab has an accessible name, on each page and in each dialog, so a screen
// reader says what it is; and Tab reaches every control of a page and leaves every field (a multi-line field that
// swallowed Tab kept keyboard users inside it). (The triage loop's keyboard use is in tst_review.qml.)
Item {
    id: root
    width: 1280
    height: 800

    Component { id: startupComponent; StartupView { width: root.width; height: root.height } }
    Component { id: interviewsComponent; InterviewsPage { width: root.width; height: root.height } }
    Component { id: interviewComponent; InterviewPage { width: root.width; height: root.height } }
    Component { id: teamComponent; TeamPage { width: root.width; height: root.height } }
    Component { id: switcherComponent; ServerSwitcher { width: 220 } }
    Component { id: editorComponent; InterviewEditor { width: root.width; height: root.height } }
    Component { id: comparisonComponent; ComparisonPage { width: root.width; height: root.height } }
    Component { id: auditComponent; AuditPage { width: root.width; height: root.height } }

    TestCase {
        name: "Accessibility"
        when: windowShown
        property int interviewId: 0

        // A button's words are its accessible name (Qt Quick Controls hand them to the screen reader once one
        // is active); a symbol such as "×" or "‹" is not a name.
        function named(item) {
            if (item.Accessible.name && item.Accessible.name.length > 0)
                return true
            // The text field inside a named control (an editable SpinBox or ComboBox) is part of that control.
            const owner = item.parent
            if (owner && owner.contentItem === item && owner.Accessible.name && owner.Accessible.name.length > 0)
                return true
            return item.checkable !== undefined && typeof item.text === "string" && /[A-Za-zÀ-ÿ]/.test(item.text)
        }
        // The visible controls under `item` that take the keyboard focus but have no accessible name.
        function unnamed(item, out) {
            out = out || []
            if (!item || !item.visible)
                return out
            const tabbable = item.activeFocusOnTab === true || (item.focusPolicy !== undefined && (item.focusPolicy & Qt.TabFocus))
            if (tabbable && item.enabled && !named(item))
                out.push((item.objectName || String(item)) + (item.text ? " '" + item.text + "'" : ""))
            for (let i = 0; i < item.children.length; ++i)
                unnamed(item.children[i], out)
            return out
        }
        function check(item, what) {
            const missing = unnamed(item)
            verify(missing.length === 0, what + ": controls without an accessible name: " + missing.join(", "))
        }
        function checkDialog(dialog, what) {
            dialog.open()
            tryCompare(dialog, "opened", true)
            check(dialog.contentItem, what)
            if (dialog.footer)
                check(dialog.footer, what + " (buttons)")
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        // The controls under `item` that take the keyboard focus with Tab.
        function tabbable(item, out) {
            out = out || []
            if (!item || !item.visible)
                return out
            if (item.enabled && (item.activeFocusOnTab === true || (item.focusPolicy !== undefined && (item.focusPolicy & Qt.TabFocus))))
                out.push(item)
            for (let i = 0; i < item.children.length; ++i)
                tabbable(item.children[i], out)
            return out
        }
        // Presses Tab from the first control of `page` round the whole chain: every control is reached, and each
        // press moves the focus on (none keeps it).
        function checkTabOrder(page, what) {
            const controls = tabbable(page)
            verify(controls.length > 0, what + ": no control takes the focus")
            controls[0].forceActiveFocus(Qt.TabFocusReason)
            const reached = new Set()
            let previous = null
            for (let i = 0; i < controls.length * 2 + 10; ++i) {
                const focused = root.Window.activeFocusItem
                verify(focused !== previous, what + ": Tab stayed in " + (focused ? focused.objectName || String(focused) : "nothing"))
                // A control's own text field (an editable SpinBox) counts for the control.
                for (let item = focused; item; item = item.parent)
                    reached.add(item)
                previous = focused
                keyClick(Qt.Key_Tab)
            }
            const missed = controls.filter(c => !reached.has(c)).map(c => (c.objectName || String(c)) + (c.text ? " '" + c.text + "'" : ""))
            verify(missed.length === 0, what + ": Tab never reaches " + missed.join(", "))
        }

        function test_tabReachesEveryControl() {
            const editor = createTemporaryObject(editorComponent, root, {interviewId: interviewId})
            tryVerify(() => editor.draft.title === "Named controls", 10000)
            checkTabOrder(editor, "builder")
            editor.destroy()
            const page = createTemporaryObject(interviewComponent, root, {interviewId: interviewId, interviewTitle: "Named controls"})
            tryVerify(() => page.model.loaded && page.model.count > 0, 10000)
            checkTabOrder(page, "interview page")
            page.destroy()
            const list = createTemporaryObject(interviewsComponent, root)
            tryVerify(() => list.model.loaded, 10000)
            checkTabOrder(list, "interviews")
            list.destroy()
            const team = createTemporaryObject(teamComponent, root)
            tryVerify(() => team.model.loaded, 10000)
            checkTabOrder(team, "team")
            team.destroy()
            const table = createTemporaryObject(comparisonComponent, root, {interviewId: interviewId, interviewTitle: "Named controls"})
            tryVerify(() => table.model.loaded, 10000)
            checkTabOrder(table, "comparison")
            table.destroy()
            const audit = createTemporaryObject(auditComponent, root)
            tryVerify(() => audit.model.loaded, 10000)
            checkTabOrder(audit, "activity log")
        }

        function test_theActivityLog() {
            const page = createTemporaryObject(auditComponent, root)
            tryVerify(() => page.model.loaded && page.model.count > 0, 10000)
            check(page, "activity log")
        }

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
            interviewId = testServer.newInterview(AppSession.client, "Named controls")
            verify(interviewId > 0)
        }

        function test_theInterviewList() {
            const page = createTemporaryObject(interviewsComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            check(page, "interviews")
        }

        function test_anInterviewAndItsDialogs() {
            const page = createTemporaryObject(interviewComponent, root, {interviewId: interviewId, interviewTitle: "Named controls"})
            page.model.addCandidate("Ravi Menon", "ravi.menon@example.com")
            tryVerify(() => page.model.count === 1, 10000)
            check(page, "interview page")
            for (const name of ["addDialog", "importDialog", "reviewersDialog", "termsDialog", "cvDialog", "eraseDialog", "exportDialog"])
                checkDialog(findChild(page, name), name)
        }

        function test_theBuilderAndTheComparison() {
            const editor = createTemporaryObject(editorComponent, root, {interviewId: interviewId})
            tryVerify(() => editor.draft.title === "Named controls", 10000)
            check(editor, "builder")
            const table = createTemporaryObject(comparisonComponent, root, {interviewId: interviewId, interviewTitle: "Named controls"})
            tryVerify(() => table.model.loaded, 10000)
            check(table, "comparison")
        }

        function test_theTeam() {
            const page = createTemporaryObject(teamComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            page.model.invite("Mara Lind", "mara@example.com", "reviewer")
            const link = findChild(page, "setupLinkDialog")
            tryCompare(link, "opened", true, 10000)
            check(link.contentItem, "setup link")
            link.close()
            tryCompare(link, "visible", false)
            tryVerify(() => page.model.count === 2, 10000)
            check(page, "team")
            checkDialog(findChild(page, "inviteDialog"), "invite")
            checkDialog(findChild(page, "retentionDialog"), "retention")
        }

        function test_theServerMenuAndTheSignInCard() {
            const switcher = createTemporaryObject(switcherComponent, root)
            check(switcher, "server switcher")
            checkDialog(findChild(switcher, "addServerDialog"), "add a server")
            const startup = createTemporaryObject(startupComponent, root)
            check(startup, "start-up view")
        }
    }
}
