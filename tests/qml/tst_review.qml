import QtQuick
import QtTest
import QtMultimedia
import Intervox

// The review page and its triage loop by keyboard alone, against the real embedded server with candidates who
// answered over the session protocol: play (to the end), seek, speed, move between answers and candidates, rate,
// write a private note, decide.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: reviewComponent; ReviewPage { width: root.width; height: root.height } }
    Component { id: comparisonComponent; ComparisonPage { width: root.width; height: root.height } }
    Component { id: spyComponent; SignalSpy {} }
    Component { id: cvComponent; CandidateCv { client: AppSession.client } }

    TestCase {
        name: "Review"
        when: windowShown
        property var invites: []

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
            invites = testServer.finishedCandidates(AppSession.client, AppSession.serverUrl, ["Ada Lovelace", "Grace Hopper"], 2)
            compare(invites.length, 2, "two candidates answered")
        }

        function openReview() {
            const page = createTemporaryObject(reviewComponent, root, {inviteIds: invites, position: 0})
            tryVerify(() => page.review.loaded, 10000, "the review loads")
            findChild(page, "triageFocus").forceActiveFocus()
            return page
        }

        function test_theTriageLoopRunsOnTheKeyboardAlone() {
            const page = openReview()
            const review = page.review
            compare(findChild(page, "candidateName").text, "Ada Lovelace")
            compare(review.answers.length, 2)
            compare(findChild(page, "candidatePosition").text, "Candidate 1 of 2")
            verify(findChild(page, "shortcutHelp").text.indexOf("Space") >= 0, "the shortcuts are shown")
            tryVerify(() => review.audioSource.toString().length > 0, 30000, "the first answer is ready to play")

            // Space plays, → and ← seek by 5 s (the answer is 3 s long: to its end and back to the start).
            keyClick(Qt.Key_Space)
            tryCompare(page.player, "playbackState", MediaPlayer.PlayingState, 10000)
            tryVerify(() => page.player.position > 0, 10000, "the position moves while playing")
            keyClick(Qt.Key_Space)
            tryCompare(page.player, "playbackState", MediaPlayer.PausedState, 5000)
            tryVerify(() => page.player.duration > 2000, 5000, "the player knows the answer's length")
            keyClick(Qt.Key_Left)
            tryCompare(page.player, "position", 0, 5000)
            keyClick(Qt.Key_S)
            compare(page.speed, 1.25)
            keyClick(Qt.Key_S); keyClick(Qt.Key_S)
            compare(page.speed, 2.0)

            // J / K: next and previous answer.
            keyClick(Qt.Key_J)
            compare(review.currentAnswer, 1)
            compare(findChild(page, "questionText").text, "Tell us about challenge 2")
            keyClick(Qt.Key_K)
            compare(review.currentAnswer, 0)

            // ↓ picks the next criterion, a digit rates it, 0 clears it.
            keyClick(Qt.Key_3)
            tryVerify(() => review.criteria[0].mine === 3, 10000, "3 rates the first criterion")
            keyClick(Qt.Key_Down)
            compare(page.currentCriterion, 1)
            keyClick(Qt.Key_5)
            tryVerify(() => review.criteria[1].mine === 5, 10000, "5 rates the second criterion")
            keyClick(Qt.Key_0)
            tryVerify(() => review.criteria[1].mine === 0, 10000, "0 clears the rating")
            keyClick(Qt.Key_4)
            tryVerify(() => review.criteria[1].mine === 4, 10000)

            // E writes the note: there the keys type (a digit does not rate), Esc saves and leaves it.
            keyClick(Qt.Key_E)
            tryVerify(() => findChild(page, "noteField").activeFocus, 5000)
            keyClick(Qt.Key_2)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Escape)
            verify(!findChild(page, "noteField").activeFocus, "Esc leaves the note")
            tryCompare(review, "note", "2a", 10000)
            compare(review.criteria[1].mine, 4, "typing in the note did not rate")
            compare(review.decision, "", "typing in the note did not decide")

            // A / H / R decide.
            keyClick(Qt.Key_H)
            tryCompare(review, "decision", "hold", 10000)
            keyClick(Qt.Key_A)
            tryCompare(review, "decision", "advance", 10000)
            verify(findChild(page, "decisionText").text.indexOf("Advanced by") === 0, findChild(page, "decisionText").text)

            // N / P: next and previous candidate, each with their own review.
            keyClick(Qt.Key_N)
            tryCompare(findChild(page, "candidateName"), "text", "Grace Hopper", 10000)
            tryVerify(() => review.loaded && review.decision === "" && review.criteria[0].mine === 0, 10000)
            compare(findChild(page, "candidatePosition").text, "Candidate 2 of 2")
            keyClick(Qt.Key_N) // the last one: stays
            compare(page.position, 1)
            keyClick(Qt.Key_P)
            tryCompare(findChild(page, "candidateName"), "text", "Ada Lovelace", 10000)
            tryCompare(review, "decision", "advance", 10000)
            tryCompare(review, "note", "2a", 10000)
        }

        function test_anAnswerPlaysToItsEnd() {
            const page = openReview()
            tryVerify(() => page.review.audioSource.toString().length > 0, 30000)
            findChild(page, "speed3").clicked() // 2×, chosen before playing
            // The furthest position the player reported (at the end it may jump back to 0 as it stops).
            let furthest = 0
            const follow = () => { furthest = Math.max(furthest, page.player.position) }
            page.player.positionChanged.connect(follow)
            mouseClick(findChild(page, "playButton"))
            tryCompare(page.player, "playbackRate", 2.0, 5000)
            tryCompare(page.player, "mediaStatus", MediaPlayer.EndOfMedia, 15000)
            page.player.positionChanged.disconnect(follow)
            verify(page.player.duration > 2000, "duration " + page.player.duration)
            verify(furthest >= page.player.duration - 250, "reached " + furthest + " of " + page.player.duration)
        }

        // Runs after the triage loop (name order), which rated and advanced Ada and left Grace alone.
        function test_zTheComparisonSortsByAnyColumnAndOpensAReview() {
            const interviewId = testServer.interviewOf(AppSession.client, invites[0])
            verify(interviewId > 0)
            const page = createTemporaryObject(comparisonComponent, root, {interviewId: interviewId, interviewTitle: "Review test"})
            const table = findChild(page, "comparisonTable")
            tryVerify(() => page.model.loaded && page.model.count === 2 && page.model.criteria.length === 2, 10000)
            const nameAt = (row) => page.model.data(page.model.index(row, 0), 259 /* NameRole */)
            compare(nameAt(0), "Grace Hopper", "newest first before any sort")
            // The criteria are columns between the overall score and the decision.
            verify(findChild(page, "header-criterion:" + page.model.criteria[0].id) !== null)
            mouseClick(findChild(page, "header-score"))
            compare(page.model.sortKey, "score")
            compare(page.model.sortDescending, true)
            compare(nameAt(0), "Ada Lovelace")
            mouseClick(findChild(page, "header-score"))
            compare(page.model.sortDescending, false)
            compare(nameAt(0), "Ada Lovelace", "nobody rated Grace: last either way")
            mouseClick(findChild(page, "header-name"))
            compare(nameAt(0), "Ada Lovelace")
            mouseClick(findChild(page, "header-name"))
            compare(nameAt(0), "Grace Hopper")
            verify(findChild(page, "summary").text.indexOf("Candidate") >= 0, findChild(page, "summary").text)

            // Keyboard: the table has the focus; ↓ then Enter reviews that candidate.
            const wanted = createTemporaryObject(spyComponent, root, {target: page, signalName: "reviewCandidates"})
            table.forceActiveFocus()
            table.currentIndex = 0
            keyClick(Qt.Key_Down)
            compare(table.currentIndex, 1)
            keyClick(Qt.Key_Return)
            compare(wanted.count, 1)
            compare(wanted.signalArguments[0][0].length, 2)
            compare(wanted.signalArguments[0][1], 1)
        }

        function test_cTheCvOpensOverTheTriageLoopAndEscapeClosesOnlyIt() {
            let page = openReview()
            verify(!findChild(page, "cvButton").visible, "no CV, no button")
            // A CV for Ada, attached the way the app does.
            const cv = createTemporaryObject(cvComponent, root, {candidateId: page.review.candidateId})
            tryVerify(() => cv.loaded, 10000)
            cv.attach(testData + "cv.pdf")
            tryVerify(() => cv.hasCv, 20000)
            page.destroy()
            page = openReview()
            tryVerify(() => findChild(page, "cvButton").visible, 10000)
            verify(findChild(page, "shortcutHelp").text.indexOf("C CV") >= 0)
            tryVerify(() => page.review.audioSource.toString().length > 0, 30000)
            keyClick(Qt.Key_C)
            const dialog = findChild(page, "cvDialog")
            tryCompare(dialog, "opened", true)
            tryCompare(dialog.document, "pageCount", 1, 20000)
            // The triage keys rest while the CV is open: Space does not play, 4 does not rate.
            keyClick(Qt.Key_Space)
            keyClick(Qt.Key_4)
            compare(page.player.playbackState, MediaPlayer.StoppedState)
            // Escape closes the CV, not the review.
            const back = createTemporaryObject(spyComponent, root, {target: page, signalName: "back"})
            keyClick(Qt.Key_Escape)
            tryCompare(dialog, "visible", false)
            compare(back.count, 0)
            keyClick(Qt.Key_Space)
            tryCompare(page.player, "playbackState", MediaPlayer.PlayingState, 10000)
            keyClick(Qt.Key_Space)
        }

        function test_yARecordingDeletedUnderTheRetentionPolicySaysSo() {
            const invite = testServer.finishedCandidates(AppSession.client, AppSession.serverUrl, ["Rena Retained"], 1)[0]
            const decided = testServer.apiPost(AppSession.client, "/invites/" + invite + "/decision", {decision: "reject"})
            verify(JSON.stringify(decided).indexOf("reject") >= 0, JSON.stringify(decided))
            verify(testServer.ageDecisions(invite, 91), "the decision is 91 days old")
            const run = testServer.apiPost(AppSession.client, "/retention/run", {})
            verify(run.jobId > 0)
            tryVerify(() => testServer.apiGet(AppSession.client, "/jobs/" + run.jobId).state === "done", 20000, "the retention run")
            const page = createTemporaryObject(reviewComponent, root, {inviteIds: [invite], position: 0})
            tryVerify(() => page.review.loaded, 10000)
            verify(page.review.answers[0].recordingDeleted)
            const state = findChild(page, "audioState")
            tryVerify(() => state.text.indexOf("deleted under your organization's retention policy") >= 0, 5000, state.text)
            verify(!page.review.audioLoading, "nothing is fetched")
            verify(!page.review.audioError.isError, "not an error: it is gone on purpose")
        }

        function test_everyControlHasAnAccessibleName() {
            const page = openReview()
            for (const name of ["playButton", "seekSlider", "noteField", "decide-advance", "decide-hold", "decide-reject", "speed0"]) {
                const item = findChild(page, name)
                verify(item !== null, name)
                verify(item.Accessible.name.length > 0, name + " has no accessible name")
            }
        }
    }
}
