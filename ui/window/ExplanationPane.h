#pragma once

#include "model/resolution.h"

#include <QWidget>

#include <vector>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace iisid::ui {

/// The trace as numbered steps: each with its text, the tokens after it, its confidence
/// (unconfirmed and conflicting rules marked with a badge and the uncertainty) and source links
/// that open in the browser. The current step is highlighted; choosing a step emits
/// stepActivated so the diagram can jump there.
class ExplanationPane : public QWidget {
    Q_OBJECT
public:
    explicit ExplanationPane(QWidget *parent = nullptr);

    void setResolution(const iisid::Resolution &resolution);
    int currentStep() const;
    int stepCount() const;
    /// The text shown for a step (tests and accessibility read it).
    QString stepText(int index) const;
    void setAnswerHidden(bool hidden);
    void setPresentationScale(double scale);
    QListWidget *list() const { return m_list; }

public slots:
    /// Highlights a step (the diagram's currentStepChanged). Emits nothing.
    void setCurrentStep(int index);

signals:
    void stepActivated(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    QString html(const iisid::Step &step, int index) const;
    QString plainText(const iisid::Step &step, int index) const;
    void updateFont();

    std::vector<iisid::Step> m_steps;
    QStackedWidget *m_stack = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_hiddenNote = nullptr;
    double m_scale = 1.0;
    bool m_updatingFont = false;
};

} // namespace iisid::ui
