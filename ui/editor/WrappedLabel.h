#pragma once

#include <QHash>
#include <QLabel>

namespace iisid::ui {

/// A word-wrapped label that remembers its sizes: its height for each width asked, its size hint
/// and its minimum. A form lays out again whenever one row changes, and asks every wrapped label
/// of the section its height (not all of it cached by Qt), which QLabel finds by laying its text
/// out anew each time; a new text makes QLabel measure all again. The sizes are kept for a few
/// dozen texts and looks, and forgotten when the application's font or style changes.
/// It also paints from a picture kept in QPixmapCache for each text, look and state: a form
/// repaints every label below a row whose reason came or went, and a result card every row of
/// a result that changed, and most of them look as before. Focused, or with text selected, it
/// paints as QLabel does.
class WrappedLabel : public QLabel {
    Q_OBJECT
public:
    explicit WrappedLabel(const QString &text = QString(), QWidget *parent = nullptr);

    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    /// What QLabel measured for one text.
    struct Measures {
        QHash<int, int> heights; // by width
        QSize size;              // sizeHint(), invalid until asked
        QSize minimum;           // minimumSizeHint()
    };
    Measures &measures() const;

    void forgetLook();
    QString pictureKey() const;
    bool paintsAsPicture() const;
    void keepPicture();

    mutable QHash<QString, Measures> m_measures; // by text and look
    mutable Measures *m_current = nullptr;       // the entry of the text and look shown
    mutable QString m_currentText;
    mutable QString m_look; // style sheet, font and contents margins; empty: to be found
    mutable int m_margin = 0;
    mutable int m_indent = -1;
    QString m_styleSheet;         // at the last style change
    const quint64 m_serial;       // names this label's pictures
    bool m_rendering = false;     // painting into a picture
    bool m_pictureQueued = false; // keepPicture() is to come
};

} // namespace iisid::ui
