import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// Shown until the app is signed in to its server: progress, or what went wrong and a way to try again.
Item {
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.pagePadding, 560)
        spacing: Theme.gap

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Intervox")
            font.pixelSize: 32
            font.weight: Font.DemiBold
            color: Theme.text
        }
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: AppSession.status !== AppSession.Failed
            visible: running
        }
        Label {
            objectName: "status"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            visible: AppSession.status !== AppSession.Failed
            text: AppSession.status === AppSession.SigningIn ? qsTr("Signing in…") : qsTr("Starting the interview server…")
        }
        ErrorBanner {
            Layout.fillWidth: true
            error: AppSession.error
            actionText: qsTr("Try again")
            onAction: AppSession.retry()
        }
    }
}
