import QtQuick
import QtQuick.Controls
import QtQuick.Pdf
import QtTest
import Intervox

// A candidate's CV in the app: the empty state, a file that is not a PDF refused on this computer (nothing sent),
// a real PDF attached through the API and shown by QtPdf, kept only in a folder this user can read and removed
// when the dialog goes.
Item {
    id: root
    width: 1280
    height: 800

    Component { id: dialogComponent; CvDialog { parent: root } }

    TestCase {
        name: "Cv"
        when: windowShown

        function initTestCase() {
            AppSession.start()
            tryCompare(AppSession, "status", AppSession.Ready, 30000)
        }

        function test_attachAndReadACv() {
            const id = testServer.newCandidate(AppSession.client, "Lin Wei")
            verify(id > 0)
            const dialog = createTemporaryObject(dialogComponent, root, {candidateId: id, candidateName: "Lin Wei"})
            dialog.open()
            tryCompare(dialog, "opened", true)
            tryVerify(() => dialog.cv.loaded, 10000)
            verify(!dialog.cv.hasCv)
            verify(findChild(dialog.contentItem, "noCv").visible, "the empty state says what to do")

            dialog.cv.attach(testData + "not-a-pdf.pdf")
            verify(dialog.cv.error.isError)
            compare(dialog.cv.error.code, "wrong_type")
            verify(dialog.cv.error.detail.indexOf("not-a-pdf.pdf") >= 0, dialog.cv.error.detail)
            verify(!dialog.cv.busy, "nothing was sent")

            dialog.cv.attach(testData + "cv.pdf")
            tryVerify(() => dialog.cv.hasCv && dialog.cv.source.toString().length > 0, 20000, "attached and fetched back")
            verify(!dialog.cv.error.isError)
            tryCompare(dialog.document, "status", PdfDocument.Ready, 10000)
            compare(dialog.document.pageCount, 1)
            verify(findChild(dialog.contentItem, "cvView").visible)
            const kept = dialog.cv.source
            verify(testServer.ownerOnly(kept), "only this user can read the fetched CV")

            // Opened again from the server: the same CV.
            const again = createTemporaryObject(dialogComponent, root, {candidateId: id, candidateName: "Lin Wei"})
            again.open()
            tryVerify(() => again.cv.hasCv && again.document.status === PdfDocument.Ready, 20000)
            compare(again.cv.size, dialog.cv.size)
            again.close()
            again.destroy()

            dialog.close()
            dialog.destroy()
            tryVerify(() => !testServer.exists(kept), 5000, "the fetched CV is removed with the dialog")
        }
    }
}
