"""Draw ``docs/images/report.png``: the reference report as a notebook shows it.

Reads the reference report (``tests/data/corpus/seed.json``), extracts it with
its publisher as source, and renders ``Report._repr_html_`` in headless Chromium.

    apt-get install -y chromium     # once
    .venv/bin/python scripts/report_screenshot.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import secevents as se

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from render_html import screenshot  # noqa: E402

SEED = ROOT / "tests" / "data" / "corpus" / "seed.json"
TARGET = ROOT / "docs" / "images" / "report.png"


def main() -> None:
    text = json.loads(SEED.read_text(encoding="utf-8"))["text"]
    report = se.extract(text, source="Khaama Press")
    screenshot(report._repr_html_(), TARGET)
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
