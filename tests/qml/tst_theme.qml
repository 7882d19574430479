import QtQuick
import QtQuick.Controls.Material
import QtTest
import Intervox

// The theme's colours as the pages use them: a primary button's text reads on its fill (WCAG AA, 4.5:1) in
// both themes (a property named onAccent was read as a signal handler and came out black on blue), and raised
// controls are drawn at all (under the software renderer Material's shadow shader drew nothing, not even the
// control: AppStyle swaps in SoftwareElevation.qml).
Item {
    width: 200
    height: 100

    PrimaryButton { id: button; text: "Invite" }

    TestCase {
        name: "Theme"
        when: windowShown

        function luminance(c) {
            const f = v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b)
        }
        function contrast(a, b) {
            const la = luminance(a), lb = luminance(b)
            return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
        }

        function test_primaryButtonTextReadsOnItsFill_data() { return [{tag: "light", dark: false}, {tag: "dark", dark: true}] }
        function test_primaryButtonTextReadsOnItsFill(data) {
            Theme.dark = data.dark
            compare(button.contentItem.color, Theme.textOnAccent)
            verify(contrast(button.contentItem.color, Theme.accentFill) >= 4.5,
                   "contrast " + contrast(button.contentItem.color, Theme.accentFill).toFixed(2))
            verify(contrast(Theme.text, Theme.background) >= 4.5)
            verify(contrast(Theme.mutedText, Theme.surface) >= 4.5)
            verify(contrast(Theme.warning, Theme.surface) >= 4.5)
            verify(contrast(Theme.danger, Theme.dangerSurface) >= 4.5)
        }
        function test_raisedButtonIsFilled() {
            Theme.dark = false
            waitForRendering(button)
            // A point of the fill beside the text, against the colour Material fills a highlighted button with.
            const pixel = testServer.windowPixel(button, 8, button.height / 2)
            const fill = button.Material.accentColor
            verify(Math.abs(pixel.r - fill.r) < 0.03 && Math.abs(pixel.g - fill.g) < 0.03 && Math.abs(pixel.b - fill.b) < 0.03,
                   "the button's fill is " + pixel + ", not " + fill)
        }
        function cleanupTestCase() { Theme.dark = false }
    }
}
