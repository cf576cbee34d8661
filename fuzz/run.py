"""Run one fuzzer with atheris: ``python fuzz/run.py TARGET CORPUS_DIR [libFuzzer options]``.

TARGET is one of ``loads``, ``extract``, ``normalizers`` or a reader (``gdelt``,
``icews``, ``ucdp``, ``acled``, ``csv``, ``plover``, ``jsonl``); build the seed
corpora first with ``python fuzz/seeds.py``. See ``fuzz/README.md``.
"""

from __future__ import annotations

import sys

import atheris  # pip install -e '.[fuzz]'

with atheris.instrument_imports(include=["secevents"]):
    import targets

    targets.import_everything()  # the lazily imported parts too


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in targets.TARGETS:
        raise SystemExit(
            f"usage: run.py TARGET [libFuzzer options]; TARGET: {list(targets.TARGETS)}"
        )
    check = targets.TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
