"""KB of report text per second that ``extract`` reads on one core, beside a baseline.

Run: ``python benchmarks/extract.py [--repeat N] [--runs R] [--baseline DIR]``.
Each run extracts every report of ``tests/data/corpus`` ``N`` times (fresh calls:
no cache is shared between calls); the figures, by the wall clock and by the CPU
time of the process (one core's work), are medians of ``R`` runs after a warm-up
that loads the normalizers' data tables, and the CPU figure is set against issue
11's target of 1 MB a second. With ``--baseline DIR`` (a
checkout of another version of secevents, e.g. ``git worktree add /tmp/base
<commit>``) the same texts are timed by both versions in alternating runs of one
process each, so a busy machine slows both alike, and the ratio is printed. "This"
version is the ``src`` beside this file (put first on the path of each process), so
a snapshot of a commit (``git archive``) times itself, not an editable install.

``--instructions`` counts instead of timing: each version makes one pass over the
corpus under valgrind's callgrind (after two warm-up passes) and the machine
instructions it runs are printed per KB. The count does not change with the load
of the machine, so a change of 1 % shows where CPU time varies by 5 % between runs.

``--scaling`` times one document built to 10 KB, 100 KB, 1 MB and 5 MB two ways:
the corpus reports joined one after another, and the reference report repeated
(under 1 MB, the 1 MB document read in pieces of that size), in CPU seconds.
Time per MB must stay flat whatever the text repeats.

"Joined" is a concatenation of *different* reports at every size. The 81 KB corpus
is read as is once; each later pass over it (cycle ``k``) is a variant of it, made
by :func:`vary`: every number is shifted by ``k`` (a day of the month stays one:
1-28 turn round within 1-28), and the names of months, weekdays, 39 states with
their demonyms and 22 capitals, eight reporting verbs ("said", "stated", "noted"...)
and the number words are each turned ``k`` places round their list ("Russia"/"Russian"
becomes "China"/"Chinese"). The text stays ordinary news English and sets the
recognizers the same kind of work, and most sentences of one cycle are not those of
another. A sentence whose only varied word is in a list of ``m`` comes round again
after ``m`` cycles, and one with none of these words ("The dead and injured have not
been named.", "Image: AP") repeats in every cycle: the run prints the share of the
text in repeated sentences at 5 MB (27 % there, 11 % at 1 MB, 2 % in 100 KB pieces,
none in 10 KB pieces; it was 98 % at 5 MB when the corpus was simply cycled).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
#: Issue 11: at least 1 MB of news text a second on one core.
_TARGET = 1000.0


def load_texts() -> list[str]:
    """The texts of the development corpus."""
    return [
        json.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted(CORPUS.glob("*.json"))
    ]


def kb_per_second(texts: list[str], repeat: int) -> tuple[float, float]:
    """KB (1,000 characters) of ``texts`` read per second, each text ``repeat`` times:
    by the wall clock and by this process's CPU time (one core's work, which other
    processes on a shared machine add less to)."""
    from secevents.extraction import extract

    start, cpu = time.perf_counter(), time.process_time()
    events = 0
    for _ in range(repeat):
        for text in texts:
            events += len(extract(text).events)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert events > 0
    size = sum(len(t) for t in texts) * repeat / 1000
    return size / elapsed, size / cpu


def _words(text: str) -> list[str]:
    return text.split()


#: Words turned round their list in each cycle of the "joined" text (see :func:`vary`).
_MONTHS: Final = _words(
    "January February March April May June July August September October November December"
)
_WEEKDAYS: Final = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
_STATES: Final = [
    pair.split("/")
    for pair in _words(
        "Russia/Russian China/Chinese Turkey/Turkish India/Indian Pakistan/Pakistani "
        "Iran/Iranian Japan/Japanese Ukraine/Ukrainian Egypt/Egyptian Kenya/Kenyan "
        "Ethiopia/Ethiopian Armenia/Armenian Germany/German Australia/Australian "
        "Somalia/Somali Qatar/Qatari Kazakhstan/Kazakh Tajikistan/Tajik Kyrgyzstan/Kyrgyz "
        "Uzbekistan/Uzbek Sudan/Sudanese Venezuela/Venezuelan Lithuania/Lithuanian "
        "Bangladesh/Bangladeshi France/French Britain/British Israel/Israeli Syria/Syrian "
        "Iraq/Iraqi Afghanistan/Afghan Djibouti/Djiboutian Eritrea/Eritrean Greece/Greek "
        "Cyprus/Cypriot Norway/Norwegian Sweden/Swedish Poland/Polish Belarus/Belarusian"
    )
]
_CAPITALS: Final = _words(
    "Washington Moscow Beijing Tokyo Ankara Tehran Doha Kabul Cairo Nairobi Dushanbe Bishkek "
    "Islamabad Yerevan Berlin Canberra Caracas Khartoum Mogadishu Baghdad Athens Seoul"
)
#: Ordinary words in the same slot: the reporting verb, number words, "country"/"nation".
_WORDS: Final = (
    "said stated noted added remarked declared observed asserted",
    "two three four five six seven eight nine ten eleven twelve",
    "country nation",
    "countries nations",
)
_LISTS: Final = (_MONTHS, _WEEKDAYS, _CAPITALS, *(_words(line) for line in _WORDS))
_VARIED: Final = re.compile(
    r"\d+|\b(?:"
    + "|".join(
        sorted(
            [*(w for names in _LISTS for w in names), *(name for pair in _STATES for name in pair)],
            key=len,
            reverse=True,
        )
    )
    + r")\b"
)


def vary(text: str, cycle: int) -> str:
    """``text`` as the ``cycle``-th variant of itself (0: unchanged): numbers shifted,
    month, weekday and state names turned round their lists.

    >>> vary("On Monday, 12 March 2021, Russian and Turkish ships left Russia.", 1)
    'On Tuesday, 13 April 2022, Chinese and Indian ships left China.'
    """
    if cycle == 0:
        return text
    rotated: dict[str, str] = {}
    for names in _LISTS:
        turn = cycle % len(names)
        rotated.update(zip(names, names[turn:] + names[:turn], strict=True))
    for at, (state, demonym) in enumerate(_STATES):
        other = _STATES[(at + cycle) % len(_STATES)]
        rotated[state], rotated[demonym] = other

    def replace(match: re.Match[str]) -> str:
        word = match[0]
        if not word.isdigit():
            return rotated[word]
        number = int(word)
        shifted = (number - 1 + cycle) % 28 + 1 if 1 <= number <= 28 else number + cycle
        return str(shifted).zfill(len(word))

    return _VARIED.sub(replace, text)


def document(kind: str, size: int) -> str:
    """One text of about ``size`` characters: the corpus reports joined (each pass over
    the corpus a new variant of it, see :func:`vary`), or the seed report repeated."""
    texts = load_texts()
    seed = json.loads((CORPUS / "seed.json").read_text(encoding="utf-8"))["text"]
    parts = [seed] if kind == "repeated" else texts
    body = " date 2021-10-28 "
    index = 0
    while len(body) < size:
        part = parts[index % len(parts)]
        if kind != "repeated":
            part = vary(part, index // len(parts))
        body += part.split(" ", 3)[-1] + "\n\n"  # without each report's own date line
        index += 1
    return body[:size]


def repeated_share(text: str) -> float:
    """The share of the characters of ``text`` in sentences whose text an earlier sentence
    already had (what a per-document cache of sentences need not read again)."""
    from secevents.extraction.sentences import split_sentences

    seen: set[str] = set()
    repeated = total = 0
    for sentence in split_sentences(text, 0):
        total += len(sentence.text)
        repeated += len(sentence.text) if sentence.text in seen else 0
        seen.add(sentence.text)
    return repeated / total


def pieces(kind: str, size: int) -> list[str]:
    """At least 1 MB of ``kind`` text in documents of about ``size`` characters.

    Every size reads the same text (documents under 1 MB are consecutive pieces of the
    1 MB document, cut where a paragraph ends), so only the document size differs.
    """
    if size >= 1_000_000:
        return [document(kind, size)]
    whole = document(kind, 1_000_000)
    found, start = [], len(" date 2021-10-28 ")
    while start < len(whole):
        cut = whole.find("\n\n", start + size)
        end = len(whole) if cut < 0 else cut + 2
        found.append(" date 2021-10-28 " + whole[start:end])
        start = end
    return found


def scaling_kb_per_second(kind: str, size: int) -> float:
    """KB/s reading documents of ``size`` characters of ``kind`` (see :func:`pieces`).

    After a warm-up pass over the corpus (tables loaded, caches as in steady use); CPU
    time of this process: other work on a shared machine does not add to it, and the
    sizes are timed minutes apart.
    """
    from secevents.extraction import extract

    texts = pieces(kind, size)
    kb_per_second(load_texts(), 1)  # warm-up: loads the gazetteer and name tables
    start = time.process_time()
    for text in texts:
        extract(text)
    return sum(len(t) for t in texts) / 1000 / (time.process_time() - start)


def _child(source: str | None, args: list[str]) -> list[float]:
    """One measurement in a fresh process running ``source``'s secevents (None: this one)."""
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(Path(source) / "src")
    command = [sys.executable, __file__, "--child", *args]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return [float(figure) for figure in done.stdout.split()]


def main(argv: list[str] | None = None) -> None:
    """Print the median throughput (and the baseline's, with ``--baseline``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--baseline",
        action="append",
        default=[],
        help="a checkout of another secevents to time beside (may be given more than once)",
    )
    parser.add_argument("--scaling", action="store_true", help="KB/s by document size")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="machine instructions per KB of one pass over the corpus (needs valgrind)",
    )
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        if args.child and args.child[0] == "scaling":
            print(scaling_kb_per_second(args.child[1], int(args.child[2])))
        elif args.child and args.child[0] == "instructions":
            _counted_pass()
        else:
            texts = load_texts()
            kb_per_second(texts, 1)  # warm-up: loads gazetteer and name tables
            print(*kb_per_second(texts, args.repeat))
        return
    # "this" is the checkout holding this file, named on the path of its processes: with
    # an editable install, a copy of the tree (``git archive`` of a commit) would otherwise
    # time the installed tree instead.
    versions: dict[str, str | None] = {"this": str(ROOT)}
    versions.update({f"baseline {path}": path for path in args.baseline})
    if args.scaling:
        _scaling(versions, args.runs)
        return
    if args.instructions:
        _instructions(versions)
        return
    wall: dict[str, list[float]] = {name: [] for name in versions}
    cpu: dict[str, list[float]] = {name: [] for name in versions}
    for _ in range(args.runs):
        for name, source in versions.items():  # alternating: load hits both alike
            by_wall, by_cpu = _child(source, ["--repeat", str(args.repeat)])
            wall[name].append(by_wall)
            cpu[name].append(by_cpu)
    size = sum(len(t) for t in load_texts()) / 1000
    for name in versions:
        print(
            f"extract ({name}): {statistics.median(wall[name]):.1f} KB/s wall, "
            f"{statistics.median(cpu[name]):.1f} KB/s CPU (medians of {args.runs} runs, "
            f"{size:.1f} KB x {args.repeat})"
        )
    for name in list(versions)[1:]:
        for label, figures in (("wall", wall), ("CPU", cpu)):
            ratio = statistics.median(figures["this"]) / statistics.median(figures[name])
            print(f"this / {name} ({label}): {ratio:.2f}")
    best = statistics.median(cpu["this"])
    verdict = "met" if best >= _TARGET else "not met"
    print(f"target {_TARGET:.0f} KB/s of CPU time (one core): {verdict}")


def _counted_pass() -> None:
    """Under callgrind: two warm-up passes over the corpus, then one counted pass."""
    from secevents.extraction import extract

    texts = load_texts()
    for _ in range(2):  # tables loaded, regexes compiled, caches of the process filled
        for text in texts:
            extract(text)
    control = ["callgrind_control", "--instr", "{}", str(os.getpid())]
    subprocess.run([c.format("on") for c in control], capture_output=True, check=True)
    for text in texts:
        extract(text)
    subprocess.run([c.format("off") for c in control], capture_output=True, check=True)


def _instructions(versions: dict[str, str | None]) -> None:
    """Instructions (callgrind's count: the same on a busy machine as on an idle one)
    per KB of one pass over the corpus, for each version; ratios to the first."""
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        raise SystemExit("--instructions needs valgrind (callgrind) on the PATH")
    size = sum(len(t) for t in load_texts()) / 1000
    counts: dict[str, int] = {}
    for name, source in versions.items():
        env = dict(os.environ)
        if source is not None:
            env["PYTHONPATH"] = str(Path(source) / "src")
        with tempfile.TemporaryDirectory() as scratch:
            command = [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={scratch}/out",
                sys.executable,
                __file__,
                "--child",
                "instructions",
            ]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise SystemExit(f"no instruction count from callgrind for {name}:\n{done.stderr}")
        counts[name] = int(found.group(1))
        print(f"extract ({name}): {counts[name] / size / 1e6:.2f} M instructions per KB")
    first = counts["this"]
    for name in list(versions)[1:]:
        print(f"this / {name} (instructions): {first / counts[name]:.3f}")


def _scaling(versions: dict[str, str | None], runs: int) -> None:
    for kind in ("joined", "repeated"):
        share = repeated_share(document(kind, SIZES[-1]))
        size = SIZES[-1] // 1000
        print(f"{kind:>8}: {share:.1%} of the text at {size} KB is in sentences read before")
        figures: dict[str, list[float]] = {name: [] for name in versions}
        for size in SIZES:
            timed: dict[str, list[float]] = {name: [] for name in versions}
            for _ in range(runs):
                for name, source in versions.items():  # alternating: load hits both alike
                    timed[name].append(_child(source, ["scaling", kind, str(size)])[0])
            for name in versions:
                figures[name].append(statistics.median(timed[name]))
        for name, kbs in figures.items():
            cells = "  ".join(
                f"{size // 1000:>5} KB: {kb:7.1f}" for size, kb in zip(SIZES, kbs, strict=True)
            )
            spread = max(kbs) / min(kbs)
            print(f"{kind:>8} ({name}): {cells}  KB/s; fastest/slowest {spread:.2f}")


if __name__ == "__main__":
    main()
