pragma Singleton
import QtQuick

// The one place for colours, spacing and type: every page takes its look from here, in light and dark.
QtObject {
    // INTERVOX_THEME=dark|light overrides the system's choice (used by the screenshot script).
    property bool dark: false

    readonly property color background: dark ? "#14161a" : "#f5f6f8"
    readonly property color surface: dark ? "#1d2026" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#252932" : "#eef0f4"
    readonly property color border: dark ? "#343945" : "#dde1e8"
    readonly property color text: dark ? "#e9ebef" : "#1a1d23"
    readonly property color mutedText: dark ? "#a4abb8" : "#5c6472"
    readonly property color accent: dark ? "#8ea2ff" : "#3451d1"
    // Filled (primary) buttons: their text is textOnAccent (contrast ≥ 4.5 in both themes).
    readonly property color accentFill: dark ? "#8ea2ff" : "#3451d1"
    readonly property color textOnAccent: dark ? "#0d1330" : "#ffffff"
    readonly property color danger: dark ? "#ff8a80" : "#b3261e"
    readonly property color dangerSurface: dark ? "#3b1f1d" : "#fdecea"
    readonly property color success: dark ? "#7dd89a" : "#1e7d3c"

    readonly property color warning: dark ? "#ffd479" : "#8a5a00"

    // The colour of a candidate's status (PipelineModel's status words).
    function statusColor(status) {
        switch (status) {
        case "finished": return success
        case "started": return accent
        case "refused_consent": return danger
        case "revoked":
        case "expired": return mutedText
        default: return warning
        }
    }

    readonly property int unit: 8
    readonly property int gap: 16
    readonly property int pagePadding: 32
    readonly property int radius: 8
    readonly property int navWidth: 220
    readonly property int contentMaxWidth: 960

    readonly property int fontTitle: 24
    readonly property int fontHeading: 17
    readonly property int fontBody: 14
    readonly property int fontSmall: 12
}
