#pragma once

#include "model/confidence.h"

#include <QColor>
#include <QString>

#include <optional>

namespace iisid::ui {

/// A confidence badge's own colours: amber for a rule the sources do not confirm, rose for one
/// Microsoft's documents disagree on, pale blue for a partly confirmed one; nullopt for a
/// confirmed rule (no badge). Not the palette's selection colours, so a badge never reads as
/// selected text; the text colour is fixed against the badge's own background, so light and
/// dark themes alike can read it.
struct BadgeColours {
    QColor background;
    QColor text;
};

inline std::optional<BadgeColours> badgeColours(iisid::Confidence confidence) {
    switch (confidence) {
    case iisid::Confidence::Confirmed:
        return std::nullopt;
    case iisid::Confidence::Partial:
        return BadgeColours{QColor(0xdd, 0xe8, 0xf5), QColor(0x1d, 0x33, 0x50)};
    case iisid::Confidence::Unconfirmed:
        return BadgeColours{QColor(0xff, 0xd8, 0x6b), QColor(0x3d, 0x2b, 0x00)};
    case iisid::Confidence::Conflict:
        return BadgeColours{QColor(0xf6, 0xb4, 0xaa), QColor(0x4a, 0x10, 0x06)};
    }
    return std::nullopt;
}

/// A QLabel style sheet that draws the badge (empty for a confirmed rule).
inline QString badgeStyleSheet(iisid::Confidence confidence) {
    const std::optional<BadgeColours> colours = badgeColours(confidence);
    if (!colours)
        return QString();
    return QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px solid %2; "
                          "border-radius: 4px; padding: 1px 5px; }")
        .arg(colours->background.name(), colours->text.name());
}

} // namespace iisid::ui
