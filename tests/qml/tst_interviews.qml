import QtQuick
import QtQuick.Controls
import QtTest
import Intervox

// The interviews page and the builder, driven by keyboard and mouse as a recruiter would, against the real
// embedded server. Test functions run in name order: the list starts empty.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: pageComponent; InterviewsPage { width: root.width; height: root.height } }
    Component { id: editorComponent; InterviewEditor { width: root.width; height: root.height } }
    Component { id: spyComponent; SignalSpy {} }
    Component { id: listComponent; InterviewListModel { client: AppSession.client } }
    Component { id: interviewPageComponent; InterviewPage { width: root.width; height: root.height } }
    Component { id: stackComponent; StackView { width: root.width; height: root.height } }

    TestCase {
        name: "Interviews"
        when: windowShown

        function type(text) {
            for (const c of text)
                keyClick(c)
        }

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
        }

        function test_1_anEmptyListOffersTheFirstInterview() {
            const page = createTemporaryObject(pageComponent, root)
            const wanted = createTemporaryObject(spyComponent, root, {target: page, signalName: "newInterview"})
            const empty = findChild(page, "noInterviews")
            tryVerify(() => empty.visible, 10000, "the empty state shows once the list is loaded")
            mouseClick(findChild(empty, "action"))
            compare(wanted.count, 1)
            // Ctrl+N does the same.
            keyClick(Qt.Key_N, Qt.ControlModifier)
            compare(wanted.count, 2)
        }

        function test_2_theBuilderCreatesAnInterviewByKeyboardAlone() {
            const editor = createTemporaryObject(editorComponent, root, {interviewId: 0})
            const closed = createTemporaryObject(spyComponent, root, {target: editor, signalName: "closed"})
            const title = findChild(editor, "title")
            tryVerify(() => title.activeFocus, 5000, "the title has the focus when the builder opens")
            type("Keyboard interview")
            compare(editor.draft.title, "Keyboard interview")
            verify(!editor.draft.canSave, "the empty first question blocks saving")

            const question = findChild(editor, "questionText")
            question.forceActiveFocus()
            type("First?")
            keyClick(Qt.Key_Return, Qt.ControlModifier) // a new question after this one, with the focus in it
            compare(editor.draft.questions.count, 2)
            tryVerify(() => findChild(editor, "questions").currentIndex === 1)
            waitForRendering(editor)
            const second = findChild(editor, "questions").itemAtIndex(1)
            tryVerify(() => second && findChild(second, "questionText").activeFocus, 5000, "the new question has the focus")
            type("Second?")
            keyClick(Qt.Key_Up, Qt.AltModifier) // move it above the first
            tryCompare(findChild(editor, "questions"), "currentIndex", 0)
            verify(editor.draft.canSave)

            keyClick(Qt.Key_S, Qt.ControlModifier)
            tryCompare(closed, "count", 1, 10000)

            const list = createTemporaryObject(listComponent, root)
            tryVerify(() => list.loaded && !list.loading, 10000)
            compare(list.count, 1)
            const draft = editor.draft
            compare(draft.interviewId > 0, true)
            const again = createTemporaryObject(editorComponent, root, {interviewId: draft.interviewId})
            tryCompare(again.draft, "title", "Keyboard interview", 10000)
            compare(again.draft.questions.count, 2)
            // The list makes its delegates once it has laid itself out: wait for both.
            tryVerify(() => findChild(again, "questions").itemAtIndex(0) !== null && findChild(again, "questions").itemAtIndex(1) !== null)
            compare(findChild(findChild(again, "questions").itemAtIndex(0), "questionText").text, "Second?")
            compare(findChild(findChild(again, "questions").itemAtIndex(1), "questionText").text, "First?")
        }

        function test_7_aQuestionIsDraggedByItsHandle() {
            const editor = createTemporaryObject(editorComponent, root, {interviewId: 0})
            const questions = editor.draft.questions
            for (let i = 0; i < 2; ++i)
                questions.add(-1)
            compare(questions.count, 3)
            for (let i = 0; i < 3; ++i)
                questions.setField(i, "text", ["Alpha?", "Bravo?", "Charlie?"][i])
            const list = findChild(editor, "questions")
            tryVerify(() => list.itemAtIndex(2) !== null)
            waitForRendering(editor)
            const texts = () => [0, 1, 2].map(i => findChild(list.itemAtIndex(i), "questionText").text)
            compare(texts(), ["Alpha?", "Bravo?", "Charlie?"])
            // Alpha dragged two cards down lands last; the others move up.
            // (Positions are the list's: the handle itself moves with the card while it is dragged.)
            const first = list.itemAtIndex(0)
            const handle = findChild(first, "dragHandle")
            const step = first.height + list.spacing
            const at = handle.mapToItem(list, handle.width / 2, handle.height / 2)
            mouseDrag(list, at.x, at.y, 0, 2 * step + 10)
            tryVerify(() => list.itemAtIndex(2) && findChild(list.itemAtIndex(2), "questionText").text === "Alpha?", 5000,
                      "after the drop: " + texts())
            compare(texts(), ["Bravo?", "Charlie?", "Alpha?"])
            compare(list.currentIndex, 2)
            // A short drag (less than half a card) leaves the order alone.
            const handle2 = findChild(list.itemAtIndex(0), "dragHandle")
            const at2 = handle2.mapToItem(list, handle2.width / 2, handle2.height / 2)
            mouseDrag(list, at2.x, at2.y, 0, step / 3)
            compare(texts(), ["Bravo?", "Charlie?", "Alpha?"])
        }

        function test_4_aCandidateIsAddedByKeyboardAndGetsALink() {
            const list = createTemporaryObject(listComponent, root)
            tryVerify(() => list.loaded && list.count === 1, 10000)
            const id = list.data(list.index(0, 0), InterviewListModel.IdRole)
            const page = createTemporaryObject(interviewPageComponent, root, {interviewId: id, interviewTitle: "Keyboard interview"})
            tryVerify(() => findChild(page, "noCandidates").visible, 10000, "an interview without candidates says so")
            keyClick(Qt.Key_N, Qt.ControlModifier)
            const dialog = findChild(page, "addDialog")
            tryVerify(() => dialog.opened, 5000)
            tryVerify(() => findChild(page, "candidateName").activeFocus)
            type("Grace Hopper")
            keyClick(Qt.Key_Return)
            verify(findChild(page, "candidateEmail").activeFocus)
            type("grace@example")
            verify(!findChild(page, "confirmAdd").enabled, "an address without a domain cannot be sent")
            type(".com")
            verify(findChild(page, "confirmAdd").enabled)
            keyClick(Qt.Key_Return)
            tryVerify(() => !dialog.visible, 10000, "the dialog closes when the candidate is added")
            tryCompare(page.model, "count", 1, 10000)
            compare(page.model.data(page.model.index(0, 0), PipelineModel.StatusRole), "invited")
            const link = findChild(page, "newLink")
            verify(link.visible)
            verify(page.model.lastLink.indexOf("/i/") > 0)
            const copy = findChild(page, "copyLink")
            mouseClick(copy)
            compare(copy.text, "Copied")
        }

        // Pages stacked as in the app: the shortcuts of the page below must not make the top page's ambiguous
        // (two active Ctrl+N or Escape shortcuts and Qt fires neither).
        function test_6_theShortcutsAreThoseOfThePageOnTop() {
            const list = createTemporaryObject(listComponent, root)
            tryVerify(() => list.loaded && list.count === 1, 10000)
            const id = list.data(list.index(0, 0), InterviewListModel.IdRole)
            const stack = createTemporaryObject(stackComponent, root)
            const below = stack.push(pageComponent)
            const wantedNew = createTemporaryObject(spyComponent, root, {target: below, signalName: "newInterview"})
            const top = stack.push(interviewPageComponent, {interviewId: id, interviewTitle: "Keyboard interview"})
            tryCompare(stack, "busy", false, 5000)
            const back = createTemporaryObject(spyComponent, root, {target: top, signalName: "back"})
            keyClick(Qt.Key_N, Qt.ControlModifier)
            const dialog = findChild(top, "addDialog")
            tryVerify(() => dialog.opened, 5000, "Ctrl+N opens the add dialog of the page on top")
            compare(wantedNew.count, 0, "not the page below")
            dialog.close()
            tryVerify(() => !dialog.visible, 5000)
            keyClick(Qt.Key_Escape)
            compare(back.count, 1, "Escape goes back from the page on top")
        }

        function test_5_aCsvFileImportsEveryoneOrNobody() {
            const list = createTemporaryObject(listComponent, root)
            tryVerify(() => list.loaded && list.count === 1, 10000)
            const id = list.data(list.index(0, 0), InterviewListModel.IdRole)
            const page = createTemporaryObject(interviewPageComponent, root, {interviewId: id, interviewTitle: "Keyboard interview"})
            tryCompare(page.model, "count", 1, 10000) // Grace, from test 4
            mouseClick(findChild(page, "importCandidates"))
            const dialog = findChild(page, "importDialog")
            tryVerify(() => dialog.opened, 5000)
            const importButton = findChild(dialog, "importOrSave")
            verify(!importButton.enabled, "nothing to import before a file is chosen")

            verify(dialog.csv.load(testData + "bad.csv"))
            compare(dialog.csv.count, 2)
            compare(dialog.csv.problemCount, 1)
            verify(!importButton.enabled, "a line with a problem blocks the import")
            tryVerify(() => findChild(dialog, "rows").itemAtIndex(1) !== null)

            verify(dialog.csv.load(testData + "good.csv"))
            compare(dialog.csv.problemCount, 0)
            verify(importButton.enabled)
            compare(importButton.text, "Import 2 candidates")
            mouseClick(importButton)
            tryVerify(() => dialog.csv.imported, 10000)
            compare(importButton.text, "Save links…")
            tryCompare(page.model, "count", 3, 10000)
            dialog.close()
        }

        function test_8_previewSavesThenOpensTheCandidatePageInTheBrowser() {
            testServer.catchBrowser(AppSession)
            const id = testServer.newInterview(AppSession.client, "Preview me")
            verify(id > 0)
            const list = createTemporaryObject(listComponent, root)
            tryVerify(() => list.loaded && !list.loading, 10000)
            const interviews = list.count

            const editor = createTemporaryObject(editorComponent, root, {interviewId: id})
            const closed = createTemporaryObject(spyComponent, root, {target: editor, signalName: "closed"})
            tryCompare(editor.draft, "title", "Preview me", 10000)
            const title = findChild(editor, "title")
            title.forceActiveFocus()
            keyClick(Qt.Key_End)
            type(" now")
            verify(editor.draft.dirty)
            // Unsaved changes are saved first, and the builder stays open.
            keyClick(Qt.Key_P, Qt.ControlModifier | Qt.ShiftModifier)
            tryVerify(() => testServer.opened().length === 1, 10000, "the preview opened in the browser")
            verify(!editor.draft.dirty)
            compare(closed.count, 0)
            verify(findChild(editor, "previewOpened").visible)
            const page = testServer.candidatePageInterview(testServer.opened()[0])
            compare(page.title, "Preview me now")
            compare(page.preview, true)

            // Saved and unchanged: the button previews again at once; the copies show in no list.
            mouseClick(findChild(editor, "preview"))
            tryVerify(() => testServer.opened().length === 2, 10000, "a second preview opened")
            list.reload()
            tryVerify(() => list.loaded && !list.loading, 10000)
            compare(list.count, interviews)
        }

        function test_3_searchNarrowsTheListAndEscapeClearsIt() {
            const page = createTemporaryObject(pageComponent, root)
            tryVerify(() => page.model.loaded, 10000)
            compare(page.model.count, 1)
            const search = findChild(page, "search")
            keyClick(Qt.Key_F, Qt.ControlModifier)
            verify(search.activeFocus)
            type("zzz")
            compare(page.model.count, 0)
            verify(findChild(page, "noMatch").visible)
            keyClick(Qt.Key_Escape)
            compare(search.text, "")
            compare(page.model.count, 1)
            verify(!findChild(page, "noMatch").visible)
        }
    }
}
