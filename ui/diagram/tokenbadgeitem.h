#pragma once

#include "diagramlayout.h"

#include <QGraphicsObject>

class QPalette;

namespace iisid::ui {

/// A token as a pill: a small role label ("process", "thread", "read as") and the account name,
/// e.g. "NT AUTHORITY\IUSR", wrapped onto more lines when it is wider than the pill may grow
/// (diagram::layoutBadge). Animated when tokens change hands.
class TokenBadgeItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum { Type = UserType + 2 };
    enum class Role { Process, Thread, Other };

    explicit TokenBadgeItem(Role role, QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    /// plain: a remark ("no impersonation", "not reached"), not an account; drawn quietly.
    void setToken(const QString &label, const QString &account, bool plain = false);
    QString label() const { return m_label; }
    QString account() const { return m_account; }
    Role role() const { return m_role; }
    void setRole(Role role);
    /// The widest the pill may grow; longer names wrap.
    void setMaximumWidth(double width);
    void setFailed(bool failed);
    /// Its token changes hands at the step shown: set larger (diagram::changingBadgeStyles).
    void setChanging(bool changing);
    /// The type of the label and the account (the layout's variant: larger in presenter mode).
    void setTextStyles(const diagram::TextStyles &styles);
    /// How the pill is set now: its size and its lines.
    const BadgeLayout &badgeLayout() const { return m_layout; }

private:
    /// Paints the badge as it is now (paint() keeps the picture).
    void draw(QPainter *painter, const QPalette &palette);
    void relayout();

    Role m_role;
    QString m_label;
    QString m_account;
    BadgeLayout m_layout;
    double m_maximumWidth = 300;
    diagram::TextStyles m_styles = diagram::LayoutOptions{}.styles();
    bool m_failed = false;
    bool m_changing = false;
    bool m_plain = false;
};

} // namespace iisid::ui
