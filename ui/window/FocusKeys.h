#pragma once

class QKeyEvent;
class QWidget;

namespace iisid::ui {

/// Whether the focused widget uses this key itself, so that the window's single-key shortcuts
/// (playback: Space, the arrows, R; lessons: 1-4 and Enter) must leave it alone. A text field
/// keeps every key it can type or move with; a button keeps Space; a drop-down keeps Space and
/// the arrows; a list keeps Space, Enter and Up/Down; a radio button keeps the arrows too.
/// Everywhere else (the diagram, the result card, labels) the keys drive the presentation.
bool focusUsesKey(const QWidget *focus, const QKeyEvent &key);

} // namespace iisid::ui
