#include "diagramscene.h"
#include "diagramview.h"

#include "ui/window/QtText.h"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace iisid::ui {

bool exportDiagram(const iisid::Resolution &resolution, const QString &path, QString *error) {
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("png") && suffix != QStringLiteral("svg"))
        return fail(QStringLiteral("%1: the diagram can be exported as .png or .svg, not \"%2\"")
                        .arg(path, suffix.isEmpty() ? QStringLiteral("(no suffix)") : suffix));

    DiagramScene scene;
    scene.setResolution(resolution); // the final picture: the last step
    const QRectF source = scene.sceneRect();

    if (suffix == QStringLiteral("png")) {
        // Twice the scene size: sharp on high-DPI screens and slides.
        constexpr double scale = 2.0;
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(1.0);
        image.fill(scene.palette().color(QPalette::Base));
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                                   QPainter::SmoothPixmapTransform);
            scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        }
        if (!image.save(path, "PNG"))
            return fail(QStringLiteral("%1: cannot write the PNG file").arg(path));
        return true;
    }

    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(source.size().toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
    generator.setTitle(QStringLiteral("IIS request flow"));
    generator.setDescription(toQString(scene.diagramLayout().result));
    QPainter painter;
    if (!painter.begin(&generator))
        return fail(QStringLiteral("%1: cannot write the SVG file").arg(path));
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    if (!painter.end())
        return fail(QStringLiteral("%1: cannot write the SVG file").arg(path));
    return true;
}

} // namespace iisid::ui
