#pragma once

#include "model/resolution.h"

#include <QFrame>

#include <string>
#include <utility>
#include <vector>

class QLabel;
class QPushButton;

namespace iisid::ui {

/// The result of the explained request in large type: the HTTP result, the identity the code
/// runs as (largest), the process identity with its executable, the thread token, who reads the
/// content, who a child process runs as and who the network sees (the model's result fields, in
/// their reading order; the worker is left to the diagram), each with its own confidence beside
/// it, then the overall confidence as a summary, what the result depends on (inputs the scenario
/// does not know), the model's warnings and any input problems.
/// Text is selectable; Copy puts a plain-text summary on the clipboard.
class ResultCard : public QFrame {
    Q_OBJECT
public:
    explicit ResultCard(QWidget *parent = nullptr);

    /// problems: the scenario's input problems (settings::validate), shown above the result.
    void setResolution(const iisid::Resolution &resolution,
                       const std::vector<std::pair<std::string, std::string>> &problems = {});
    /// While a lesson waits for a prediction the answer is covered.
    void setAnswerHidden(bool hidden);
    bool isAnswerHidden() const { return m_hidden; }
    /// 1.0 at the desk; presenter mode uses more.
    void setPresentationScale(double scale);

    /// The card as plain text, as Copy puts it on the clipboard.
    QString plainText() const;

public slots:
    /// Puts plainText() on the clipboard, says so on the button for a moment and emits copied().
    void copy();

signals:
    void copied();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QLabel *caption = nullptr;
        QLabel *value = nullptr;
        QLabel *mark = nullptr; // the identity's own confidence; none on the HTTP and summary rows
    };
    struct IdentityRow {
        iisid::IdentityField field;
        Row row;
    };
    Row addRow(const QString &caption, const QString &accessibleName, int row, bool withMark);
    std::vector<Row> rows() const; // in the order the card and its plain text show them
    void updateFonts();
    void updateVisibility();

    iisid::Resolution m_resolution;
    bool m_hidden = false;
    double m_scale = 1.0;
    bool m_updatingFonts = false;

    Row m_http, m_confidence;
    Row m_dependsOn;                       // shown only when the result rests on an unknown input
    std::vector<IdentityRow> m_identities; // in readingOrder (result_fields.h), code first
    QLabel *m_hiddenNote = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace iisid::ui
