"""Cold start to a shown main window: the frozen app and the app from source, beside a bare
PySide6 window started the same way (the floor). Target: the frozen app under 1.5 s.

python -m tests.benchmarks.bench_startup [BUNDLE]     (BUNDLE default: dist/manage-account)
"""

import statistics
import sys
import tempfile
from pathlib import Path

from tests.app_process import SHOWN, demo_database, launch, log_file, source_command, stop

RUNS = 7
TARGET_SECONDS = 1.5
ROOT = Path(__file__).resolve().parents[2]


def seconds_to_window(command: list[str], home: Path) -> float:
    launched = launch(command, home)
    stop(launched)
    return launched.seconds_to_window


def main() -> None:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / "manage-account")
    frozen = bundle / "manage-account"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        url = demo_database(folder)
        starts = {
            "bare PySide6 window (floor)": lambda home: [
                sys.executable,
                str(ROOT / "tests" / "benchmarks" / "bare_window.py"),
                str(log_file(home)),
                SHOWN,
            ],
            "app from source": lambda home: source_command("--database", url),
        }
        if frozen.exists():
            starts["frozen app (one-folder bundle)"] = lambda home: [str(frozen), "--database", url]
        timings = {label: [] for label in starts}
        for run in range(RUNS):  # interleaved, so a busy moment hurts every kind alike
            for label, command in starts.items():
                home = folder / f"{label.split()[0]}-{run}"
                timings[label].append(seconds_to_window(command(home), home))
    floor = statistics.median(timings["bare PySide6 window (floor)"])
    print(f"\nCold start to a shown window, median and best of {RUNS} (offscreen)\n")
    print(f"| {'start':<32} | {'median':>8} | {'best':>8} | {'over floor':>10} | target  | ok  |")
    print(f"|{'-' * 34}|{'-' * 10}|{'-' * 10}|{'-' * 12}|---------|-----|")
    for label, seconds in timings.items():
        median = statistics.median(seconds)
        target, ok = "", "   "
        if label.startswith("frozen"):
            target, ok = f"< {TARGET_SECONDS:g} s", "yes" if median < TARGET_SECONDS else "NO"
        print(
            f"| {label:<32} | {median:>6.2f} s | {min(seconds):>6.2f} s | "
            f"{median - floor:>+8.2f} s | {target:<7} | {ok} |"
        )
    if not frozen.exists():
        print(f"\n(no bundle at {bundle}: build it with sh scripts/run.sh bundle)")


if __name__ == "__main__":
    main()
