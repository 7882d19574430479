import QtQuick
import QtTest
import Intervox

// The theme's colours as the pages use them: a primary button's text reads on its fill (WCAG AA, 4.5:1) in
// both themes. (A property named onAccent was read as a signal handler and came out black on blue.)
TestCase {
    name: "Theme"

    PrimaryButton { id: button; text: "Invite" }

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
    function cleanupTestCase() { Theme.dark = false }
}
