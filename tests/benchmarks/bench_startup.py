"""Cold start to a shown main window: the app from source beside a bare PySide6 window run by
the same Python, and the frozen app beside the same bare window frozen with the same PyInstaller
settings (one folder, windowed, stripped on Linux, no UPX). Targets: at most 2.0 times its
floor, and the frozen app under 1.5 s.

python -m tests.benchmarks.bench_startup [BUNDLE]     (BUNDLE default: dist/manage-account)
"""

import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.app_process import SHOWN, demo_database, launch, log_file, source_command, stop

RUNS = 7
TARGET_SECONDS = 1.5
TARGET_OVER_FLOOR = 2.0
ROOT = Path(__file__).resolve().parents[2]
BARE = ROOT / "tests" / "benchmarks" / "bare_window.py"
BENCH_BUILD = ROOT / "build" / "bench-startup"


def frozen_bare_window() -> Path | None:
    """The bare window frozen as the app is (made once, kept in build/), or None without
    PyInstaller (sh scripts/run.sh bundle installs it)."""
    program = BENCH_BUILD / "dist" / "bare_window" / "bare_window"
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if not program.exists() and pyinstaller:
        strip = ["--strip"] if sys.platform.startswith("linux") else []
        subprocess.run(
            [pyinstaller, "--onedir", "--windowed", "--noupx", *strip, "--noconfirm",
             "--log-level", "WARN", "--distpath", str(BENCH_BUILD / "dist"),
             "--workpath", str(BENCH_BUILD / "work"), "--specpath", str(BENCH_BUILD), str(BARE)],
            check=True,
        )  # fmt: skip
    return program if program.exists() else None


def seconds_to_window(command: list[str], home: Path) -> float:
    launched = launch(command, home)
    stop(launched)
    return launched.seconds_to_window


def why_not_starting(command: list[str], folder: Path) -> str | None:
    """Why the bundle cannot show a window on this source tree's database (it is missing, or
    older than the database's schema), or None."""
    if not Path(command[0]).exists():
        return "missing"
    try:
        seconds_to_window(command, folder / "frozen-trial")
    except RuntimeError as error:
        return str(error)
    return None


def main() -> None:
    for package in ("billing", "db", "desktop", "service", "ui"):  # as an install leaves them:
        compileall.compile_dir(ROOT / package, quiet=1)  # compiled, even if this shell says not
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "manage-account")
    frozen = bundle / "manage-account"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = demo_database(folder)
        unusable = why_not_starting([str(frozen), "--database", url], folder)
        measured = unusable is None
        bare_frozen = frozen_bare_window() if measured else None
        starts = {
            "bare window, from source": lambda home: [
                sys.executable, str(BARE), str(log_file(home)), SHOWN
            ],
            "app from source": lambda home: source_command("--database", url),
        }  # fmt: skip
        if bare_frozen is not None:
            starts["bare window, frozen"] = lambda home: [
                str(bare_frozen), str(log_file(home)), SHOWN
            ]  # fmt: skip
        if measured:
            starts["frozen app (one-folder bundle)"] = lambda home: [str(frozen), "--database", url]
        timings = {label: [] for label in starts}
        for run in range(RUNS):  # interleaved, so a busy moment hurts every kind alike
            for kind, (label, command) in enumerate(starts.items()):
                home = folder / f"{kind}-{run}"
                timings[label].append(seconds_to_window(command(home), home))
    floors = {"app from source": "bare window, from source",
              "frozen app (one-folder bundle)": "bare window, frozen"}  # fmt: skip
    print(f"\nCold start to a shown window, median and best of {RUNS} (offscreen)\n")
    header = f"| {'start':<32} | {'median':>8} | {'best':>8} | {'x floor':>8} | target        |"
    print(f"{header} ok     |")
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 10}|{'-' * 10}|---------------|--------|")
    for label, seconds in timings.items():
        median = statistics.median(seconds)
        ratio, target, ok = "", "", ""
        if label in floors and floors[label] in timings:
            times = median / statistics.median(timings[floors[label]])
            ratio, target = f"{times:.2f}x", f"<= {TARGET_OVER_FLOOR:g}x"
            ok = "met" if times <= TARGET_OVER_FLOOR else "missed"
            if label.startswith("frozen"):
                target += f", < {TARGET_SECONDS:g} s"
                ok = "met" if ok == "met" and median < TARGET_SECONDS else "missed"
        print(
            f"| {label:<32} | {median:>6.2f} s | {min(seconds):>6.2f} s | {ratio:>8} | "
            f"{target:<13} | {ok:<6} |"
        )
    if not frozen.exists():
        print(f"\n(no bundle at {bundle}: build it with sh scripts/run.sh bundle)")
    elif unusable is not None:
        print(f"\n(the bundle at {bundle} was not measured: {unusable.strip()}; rebuild it)")


if __name__ == "__main__":
    main()
