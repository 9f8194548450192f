#include "diagramlayout.h"

namespace iisid::ui {

int DiagramLayout::stationIndex(StationKind kind) const {
    for (std::size_t i = 0; i < stations.size(); ++i) {
        if (stations[i].kind == kind)
            return static_cast<int>(i);
    }
    return -1;
}

const ArrowLayout *DiagramLayout::arrowInto(int to) const {
    for (const ArrowLayout &arrow : arrows) {
        if (arrow.to == to)
            return &arrow;
    }
    return nullptr;
}

} // namespace iisid::ui
