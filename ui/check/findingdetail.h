#pragma once

#include "model/check/check_report.h"

#include <QWidget>

#include <string_view>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace iisid::ui {

/// One finding in full: severity (icon and word), rule, status, CIS item; the configuration
/// file's lines around the cause with the cause's line marked and highlighted (read-only); the
/// message, the fix and the source as a link; and Copy. Secrets stay redacted unless shown.
class FindingDetail : public QWidget {
    Q_OBJECT
public:
    explicit FindingDetail(QWidget *parent = nullptr);

    /// Shows a finding (nullptr: nothing). fileText is the text of the finding's file, or empty
    /// when it was not read.
    void setFinding(const iisid::check::CheckFinding *finding, std::string_view fileText,
                    bool showSecrets);

    /// The line of the file shown highlighted (1-based), 0 when none.
    int highlightedLine() const { return m_line; }
    QPlainTextEdit *sourceView() const { return m_source; }
    QTextBrowser *textView() const { return m_text; }
    QPushButton *copyButton() const { return m_copy; }

public slots:
    void copy();

private:
    const iisid::check::CheckFinding *m_finding = nullptr;
    bool m_show = false;
    int m_line = 0;
    QLabel *m_icon = nullptr;
    QLabel *m_heading = nullptr;
    QPlainTextEdit *m_source = nullptr;
    QTextBrowser *m_text = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace iisid::ui
