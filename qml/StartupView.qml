import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Intervox

// Shown until the app is signed in to its server: progress, the sign-in to a remote server through the browser,
// or what went wrong and a way to try again.
Item {
    id: view
    readonly property bool signIn: AppSession.status === AppSession.SignInNeeded || AppSession.status === AppSession.WaitingForBrowser
    readonly property bool waiting: AppSession.status === AppSession.WaitingForBrowser

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
            running: (AppSession.status !== AppSession.Failed && !view.signIn) || view.waiting
            visible: running
        }
        Label {
            objectName: "status"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.mutedText
            visible: AppSession.status !== AppSession.Failed && !view.signIn
            text: AppSession.status === AppSession.SigningIn ? qsTr("Signing in to %1…").arg(AppSession.serverLabel)
                                                             : qsTr("Starting the interview server…")
        }

        // ---- sign-in to a remote server
        Rectangle {
            objectName: "signInCard"
            Layout.fillWidth: true
            visible: view.signIn
            implicitHeight: card.implicitHeight + 2 * Theme.pagePadding
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ColumnLayout {
                id: card
                anchors.fill: parent
                anchors.margins: Theme.pagePadding
                spacing: Theme.gap
                Label {
                    objectName: "signInTitle"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: qsTr("Sign in to %1").arg(AppSession.serverLabel)
                    font.pixelSize: Theme.fontHeading
                    font.weight: Font.DemiBold
                    color: Theme.text
                    Accessible.role: Accessible.Heading
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    text: view.waiting
                          ? qsTr("Finish signing in in your browser. This window continues by itself when you are done.")
                          : qsTr("Your browser opens the server's sign-in page at %1. Your password is entered there, never in this app.")
                                .arg(AppSession.serverUrl.toString())
                }
                ErrorBanner {
                    Layout.fillWidth: true
                    error: AppSession.error
                }
                Label {
                    objectName: "notice"
                    Layout.fillWidth: true
                    visible: AppSession.notice.length > 0
                    wrapMode: Text.Wrap
                    color: Theme.warning
                    text: AppSession.notice
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.unit
                    PrimaryButton {
                        objectName: "signInButton"
                        visible: !view.waiting
                        text: qsTr("Sign in with your browser")
                        Accessible.name: text
                        onClicked: AppSession.signIn()
                    }
                    Button {
                        objectName: "cancelSignIn"
                        visible: view.waiting
                        text: qsTr("Cancel")
                        Accessible.name: qsTr("Cancel signing in")
                        onClicked: AppSession.cancelSignIn()
                    }
                    Item { Layout.fillWidth: true }
                    Button {
                        objectName: "useEmbedded"
                        flat: true
                        text: qsTr("Use this computer's server")
                        Accessible.name: text
                        onClicked: AppSession.switchTo("")
                    }
                }
            }
        }

        ErrorBanner {
            Layout.fillWidth: true
            visible: AppSession.status === AppSession.Failed && AppSession.error.isError
            error: AppSession.error
            actionText: qsTr("Try again")
            onAction: AppSession.retry()
        }
        Button {
            Layout.alignment: Qt.AlignHCenter
            visible: AppSession.status === AppSession.Failed && !AppSession.embedded
            flat: true
            text: qsTr("Use this computer's server")
            onClicked: AppSession.switchTo("")
        }
    }
}
