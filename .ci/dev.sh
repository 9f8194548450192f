#!/usr/bin/env bash
# The README's two commands. On a bare Debian 12 machine (as root, or with sudo) it installs what
# is missing from Debian's packages, configures with CMake + Ninja and then:
#   .ci/dev.sh run    builds and starts the desktop program on a bundled lesson (without a
#                     display: explains it on the terminal and writes its diagram to a PNG)
#   .ci/dev.sh test   builds everything and runs every test (ctest)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
run | test) ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac

build_packages=(g++ cmake ninja-build pkg-config nlohmann-json3-dev libcli11-dev libpugixml-dev)
# poppler-utils: pdftotext reads the PDF reports back in tests/ui/report_test.cpp.
test_packages=(libgtest-dev libgmock-dev python3-jsonschema poppler-utils)
ui_packages=(qt6-base-dev qt6-svg-dev libxkbcommon-dev libgl-dev)

wanted=("${build_packages[@]}")
if [ "$mode" = test ]; then
    wanted+=("${test_packages[@]}")
fi
build_ui=${IISID_BUILD_UI:-ON}
if [ "$build_ui" = ON ]; then
    wanted+=("${ui_packages[@]}")
fi

missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

werror=OFF
if [ "${CI:-}" = true ]; then
    werror=ON
fi
tests=OFF
if [ "$mode" = test ]; then
    tests=ON
fi
build_dir=${IISID_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DIISID_BUILD_UI="$build_ui" \
    -DIISID_BUILD_TESTS="$tests" -DIISID_WARNINGS_AS_ERRORS="$werror"

if [ "$mode" = run ]; then
    lesson=stsadm-wscript-shell
    if [ "$build_ui" != ON ]; then
        cmake --build "$build_dir" --target iisid
        exec ./"$build_dir"/app/iisid explain resources/scenarios/seed-stsadm-wscript-shell-network-service.iisid.json
    fi
    cmake --build "$build_dir" --target iisid iisid-gui
    if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
        exec ./"$build_dir"/app/iisid-gui/iisid-gui --lesson "$lesson"
    fi
    # No display (a server or a container): explain the lesson's case on the terminal and write
    # its diagram to a picture instead of opening a window.
    export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
    ./"$build_dir"/app/iisid explain resources/scenarios/seed-stsadm-wscript-shell-network-service.iisid.json
    QT_QPA_PLATFORM=offscreen ./"$build_dir"/app/iisid-gui/iisid-gui \
        --export-diagram build/seed-stsadm-wscript-shell.png resources/scenarios/seed-stsadm-wscript-shell-network-service.iisid.json
    echo
    echo "No display found, so the desktop program was not opened. The diagram of this case is in"
    echo "build/seed-stsadm-wscript-shell.png; with a display, run: build/app/iisid-gui/iisid-gui --lesson $lesson"
else
    cmake --build "$build_dir"
    ctest --test-dir "$build_dir" --output-on-failure -j 2
fi
