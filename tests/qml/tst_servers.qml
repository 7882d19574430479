import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// Signing in to a remote server from the app's screens, as a recruiter would: the server menu, the address
// checked as it is typed in, the sign-in card and the browser (played by the test against a real intervoxd), the
// team page of that server (inviting a colleague by keyboard, the setup link shown once, disabling), signing out
// and going back to the server on this computer.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: startupComponent; StartupView { width: root.width; height: root.height } }
    Component { id: switcherComponent; ServerSwitcher { width: 220; y: 600 } }
    Component { id: teamComponent; TeamPage { width: root.width; height: root.height } }
    Component { id: interviewComponent; InterviewPage { width: root.width; height: root.height } }

    TestCase {
        name: "Servers"
        when: windowShown
        property string remote

        function type(text) {
            for (const c of text)
                keyClick(c)
        }
        function row(list, email) {
            for (let i = 0; i < list.count; ++i) {
                const item = list.itemAtIndex(i)
                if (item && item.email === email)
                    return item
            }
            return null
        }

        function initTestCase() {
            remote = testServer.remoteServer()
            verify(remote.length > 0, "intervoxd runs")
            verify(testServer.playBrowser(AppSession))
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
            verify(AppSession.embedded)
        }

        function test_1_addingAServerChecksTheAddressThenOffersToSignIn() {
            const switcher = createTemporaryObject(switcherComponent, root)
            const startup = createTemporaryObject(startupComponent, root)
            mouseClick(findChild(switcher, "serverButton"))
            const menu = findChild(switcher, "serverMenu")
            tryCompare(menu, "opened", true)
            menu.close()
            const dialog = findChild(switcher, "addServerDialog")
            dialog.open()
            tryCompare(dialog, "opened", true)
            const field = findChild(dialog, "serverAddressField")
            tryVerify(() => field.activeFocus)
            type("http://example.com")
            keyClick(Qt.Key_Return)
            const error = findChild(dialog, "addServerError")
            verify(error.visible)
            verify(error.text.indexOf("https://") >= 0, error.text)
            verify(dialog.opened, "the dialog stays open to fix the address")
            verify(AppSession.embedded)

            field.selectAll()
            type(remote)
            keyClick(Qt.Key_Return)
            tryCompare(dialog, "visible", false) // closed, its modal shade gone
            verify(!AppSession.embedded)
            tryCompare(AppSession, "status", AppSession.SignInNeeded, 20000)
            tryCompare(AppSession, "serverLabel", "Acme Hiring", 10000)
            const card = findChild(startup, "signInCard")
            verify(card.visible)
            compare(findChild(startup, "signInTitle").text, "Sign in to Acme Hiring")

            mouseClick(findChild(startup, "signInButton"))
            tryVerify(() => AppSession.status === AppSession.Ready, 30000, "signed in through the browser: " + AppSession.error.detail + " " + AppSession.status) // the browser signed in
            compare(AppSession.organizationName, "Acme Hiring")
            compare(AppSession.userName, "Ada Admin")
            verify(AppSession.isAdmin)
            // No keychain in this test: said once, not hidden.
            verify(AppSession.notice.length > 0)
        }

        function test_2_theRemoteServersTeamByKeyboard() {
            const page = createTemporaryObject(teamComponent, root)
            const list = findChild(page, "teamList")
            tryVerify(() => page.model.loaded && page.model.count === 1, 10000)
            compare(list.itemAtIndex(0).name, "Ada Admin")
            verify(findChild(page, "aloneInTeam").visible, "an empty team says what to do next")

            page.forceActiveFocus()
            keyClick(Qt.Key_N, Qt.ControlModifier)
            const invite = findChild(page, "inviteDialog")
            tryCompare(invite, "opened", true)
            tryVerify(() => findChild(invite, "memberName").activeFocus)
            type("Ravi Shah")
            keyClick(Qt.Key_Tab)
            type("ravi@example.com")
            keyClick(Qt.Key_Return)
            const link = findChild(page, "setupLinkDialog")
            tryCompare(link, "opened", true, 10000)
            verify(findChild(link, "setupLink").text.indexOf(remote + "/setup#") === 0, findChild(link, "setupLink").text)
            const raviLink = findChild(link, "setupLink").text
            link.close()
            tryCompare(link, "visible", false)
            tryVerify(() => page.model.count === 2, 10000)
            const ravi = row(list, "ravi@example.com")
            verify(ravi)
            compare(ravi.memberRole, "recruiter")
            compare(ravi.status, "invited")
            verify(!row(list, "admin@example.com").editable, "no one changes their own account")
            verify(!findChild(ravi, "signout:ravi@example.com").visible, "an invited member has no session to end")

            // Once Ravi has signed in, an administrator can end his sessions everywhere.
            const raviToken = testServer.setUpMember(AppSession.client, raviLink, "violet tractor lantern")
            verify(raviToken.length > 0)
            verify(testServer.tokenWorks(AppSession.client, raviToken))
            page.model.reload()
            tryVerify(() => { const r = row(list, "ravi@example.com"); return r && r.status === "active" }, 10000)
            mouseClick(findChild(row(list, "ravi@example.com"), "signout:ravi@example.com"))
            tryVerify(() => findChild(page, "teamNote").visible, 10000)
            verify(!testServer.tokenWorks(AppSession.client, raviToken), "his session ended")

            mouseClick(findChild(row(list, "ravi@example.com"), "disable:ravi@example.com"))
            const confirm = findChild(page, "confirmDisable")
            tryVerify(() => confirm.visible)
            mouseClick(confirm)
            tryVerify(() => { const r = row(list, "ravi@example.com"); return r && r.status === "disabled" }, 10000)
        }

        function test_3_signingOutAndBackToThisComputer() {
            const startup = createTemporaryObject(startupComponent, root)
            AppSession.signOut()
            compare(AppSession.status, AppSession.SignInNeeded)
            verify(findChild(startup, "signInCard").visible)
            mouseClick(findChild(startup, "useEmbedded"))
            verify(AppSession.embedded)
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
            compare(AppSession.organizationName, "This computer")
        }

        function test_4_aReviewerIsAssignedToAnInterview() {
            const team = createTemporaryObject(teamComponent, root)
            tryVerify(() => team.model.loaded, 10000)
            team.model.invite("Aiko Yamamoto", "aiko@example.com", "reviewer")
            tryVerify(() => team.model.count === 2, 10000, "count " + team.model.count + " " + team.model.error.detail)
            const dialog = findChild(team, "setupLinkDialog")
            tryCompare(dialog, "opened", true)
            dialog.close()
            tryCompare(dialog, "visible", false)
            team.destroy()

            const id = testServer.newInterview(AppSession.client, "Reviewed interview")
            verify(id > 0)
            const page = createTemporaryObject(interviewComponent, root, {interviewId: id, interviewTitle: "Reviewed interview"})
            const button = findChild(page, "reviewersButton")
            tryVerify(() => page.reviewers.loaded, 10000)
            compare(page.reviewers.assignedCount, 0)
            compare(button.text, "Reviewers")
            mouseClick(button)
            const reviewers = findChild(page, "reviewersDialog")
            tryCompare(reviewers, "opened", true)
            let box = null
            tryVerify(() => (box = findChild(reviewers.contentItem, "reviewer:aiko@example.com")) !== null, 10000, "reviewers " + page.reviewers.count + " " + page.reviewers.totalCount + " " + page.reviewers.error.detail)
            verify(!box.checked)
            mouseClick(box)
            tryCompare(page.reviewers, "assignedCount", 1, 10000)
            compare(button.text, "Reviewers (1)")
            compare(page.reviewers.assignedNames, "Aiko Yamamoto")
            // From the server, in a fresh model: the assignment holds.
            const again = createTemporaryObject(interviewComponent, root, {interviewId: id, interviewTitle: "Reviewed interview"})
            tryCompare(again.reviewers, "assignedCount", 1, 10000)
            again.destroy()
            // By keyboard: Space on the focused box removes the reviewer again.
            tryVerify(() => { box = findChild(reviewers.contentItem, "reviewer:aiko@example.com"); return box && box.enabled })
            box.forceActiveFocus()
            keyClick(Qt.Key_Space)
            tryCompare(page.reviewers, "assignedCount", 0, 10000)
            reviewers.close()
        }

        function cleanupTestCase() {
            AppSession.removeServer(remote)
        }
    }
}
