"""Build ``src/secevents/data/cameo_1.1b3.tsv``, the pinned CAMEO 1.1b3 code table.

The source is ``data-raw/cameo-codes.csv`` of the andybega/icews R package (MIT; its
text is that of the CAMEO 1.1b3 manual), kept in the repository as
``tests/data/realdata/cameo/icews_cameo_codes_1.1b3.csv``. That file is not UTF-8
(cp1252); names are stripped of surrounding spaces.

Run: ``python scripts/build_cameo_table.py``; a test checks the shipped table against
the source.
"""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests" / "data" / "realdata" / "cameo" / "icews_cameo_codes_1.1b3.csv"
TARGET = ROOT / "src" / "secevents" / "data" / "cameo_1.1b3.tsv"
HEADER = (
    "# CAMEO 1.1b3 event codes: code, name, Goldstein scale, root code. From andybega/icews\n"
    "# data-raw/cameo-codes.csv (commit 3746c729551f5fcb5a49f643f82638011a5fcfec, MIT; "
    "text of the CAMEO 1.1b3 manual).\n"
    "code\tname\tgoldstein\troot\n"
)


def table_text(source: Path = SOURCE) -> str:
    """The TSV text built from the source CSV."""
    with source.open(encoding="cp1252", newline="") as handle:
        rows = [
            f"{row['code']}\t{row['name'].strip()}\t{float(row['goldstein'])}\t{row['root_code']}\n"
            for row in csv.DictReader(handle)
        ]
    return HEADER + "".join(rows)


def main() -> None:
    TARGET.write_text(table_text(), encoding="utf-8")
    print(f"{TARGET}: {table_text().count(chr(10)) - 3} codes")


if __name__ == "__main__":
    main()
