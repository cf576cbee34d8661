"""Sentence splitting with character offsets, aware of paragraphs and abbreviations.

>>> [s.text for s in split_sentences("The U.S. Navy left on Oct. 3. Drills began.")]
['The U.S. Navy left on Oct. 3.', 'Drills began.']
>>> [s.text for s in split_sentences("It opened today.The U.S.Navy was there.")]
['It opened today.', 'The U.S.Navy was there.']
"""

from __future__ import annotations

from typing import Final

import attrs

from .. import _fastre

__all__ = ["MAX_SENTENCE", "Sentence", "split_sentences", "unstopped"]

#: Longer runs of text without a sentence end are cut (news sentences are far shorter).
MAX_SENTENCE: Final = 1500

#: Words that end with a period without ending the sentence.
_ABBREVIATIONS: Final = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "capt",
        "cpt",
        "maj",
        "sgt",
        "adm",
        "cmdr",
        "cdr",
        "gov",
        "sen",
        "rep",
        "pres",
        "st",
        "no",
        "vs",
        "etc",
        "jr",
        "sr",
        "prof",
        "rev",
        "inc",
        "corp",
        "ltd",
        "co",
        "dept",
        "approx",
        "est",
        "fig",
        "ft",
        "mt",
    ]
)
_PARAGRAPH: Final = _fastre.compile(r"\n[ \t]*\n\s*")
#: A candidate sentence end: terminal punctuation and closing quotes (space must follow,
#: checked by the caller: a lookahead here would retry the rest of a run of "." at each
#: of its characters, n**2 / 2 steps on a text of dots), or a line break.
_END: Final = _fastre.compile(r"[.!?]+[\"'\u201d\u2019)]*|\n")
#: Sentences run together by a scraper: "... today (July 12).Prime Minister Hasina will".
_RUN_ON: Final = _fastre.compile(r"[a-z0-9)][.!?][A-Z][a-z]")
#: After a line break, what goes on with the sentence: a lower-case word or a closing mark.
_LINE_GOES_ON: Final = _fastre.compile(r"[ \t]*(?:[a-z]|[),;:\]]|\((?=[a-z0-9]))")
#: Line lengths of hard-wrapped copy, and what ends a line that ends a sentence.
_WRAP_WIDTH: Final = (40, 100)
_CLOSERS: Final = (".", "!", "?", ":", '"', "\u201d", ")")
_WORD_BEFORE: Final = _fastre.compile(r"([A-Za-z][A-Za-z.]*)$")


@attrs.frozen(weakref_slot=False)
class Sentence:
    """``text == document[start:end]``, the ``index`` of the sentence and its ``paragraph``."""

    start: int
    end: int
    text: str
    index: int
    paragraph: int


def unstopped(sentence: Sentence) -> bool:
    """Whether ``sentence`` ends with no full stop: a title, a headline or a line of the day."""
    return not sentence.text.rstrip().endswith(_FULL_STOPS)


#: What ends a sentence of prose.
_FULL_STOPS: Final = (".", "!", "?", '"', "\u201d")


def _is_abbreviation(chunk: str) -> bool:
    chunk = chunk[-24:]
    match = _WORD_BEFORE.search(chunk[:-1] if chunk.endswith(".") else chunk)
    if match is None:
        return False
    word = match.group(1)
    if "." in word or (len(word) == 1 and word.isupper()):  # U.S., U.N., initials
        return True
    return word.lower() in _ABBREVIATIONS


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """Whether a paragraph's lines are cut at a fixed width, as wire copy often is: two or
    more breaks, each inside a sentence, after lines of 40 to 100 characters."""
    lines = text[start:end].split("\n")
    if len(lines) < 3:
        return False
    return all(
        _WRAP_WIDTH[0] <= len(line) <= _WRAP_WIDTH[1] and not line.rstrip().endswith(_CLOSERS)
        for line in lines[:-1]
    )


def _full_lines(text: str, start: int, end: int) -> frozenset[int]:
    """Where the lines of a mostly hard-wrapped paragraph break inside a sentence: after a
    line near the paragraph's width with no sentence end ("... signed on" / "Saturday a
    memorandum"). Short lines (a headline, a dateline) keep their break. Most lines (two
    thirds) must be of wire-copy width for the paragraph to count as wrapped."""
    lines, at = [], start
    for line in text[start:end].split("\n"):
        lines.append((at, line.rstrip()))
        at += len(line) + 1
    body = lines[:-1]
    wide = [line for _, line in body if _WRAP_WIDTH[0] <= len(line) <= _WRAP_WIDTH[1]]
    if len(body) < 3 or len(wide) * 3 < len(body) * 2:
        return frozenset()
    full = max(len(line) for line in wide) * 3 // 4
    return frozenset(
        at + len(text[at : text.index("\n", at)])
        for at, line in body
        if len(line) >= full and not line.endswith(_CLOSERS)
    )


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    begin = start
    wrapped = "\n" in text[start:end] and _hard_wrapped(text, start, end)
    full_lines = (
        _full_lines(text, start, end) if "\n" in text[start:end] and not wrapped else frozenset()
    )
    for match in _END.finditer(text, start, end):
        after = match.end()
        if (
            (after >= end or not text[after].isspace())
            and match.group() != "\n"
            and not _RUN_ON.match(text, match.start() - 1, end)
        ):
            continue
        if match.group() == "\n" and (
            wrapped or match.start() in full_lines or _LINE_GOES_ON.match(text, after, end)
        ):
            continue  # "members of ASEAN\n) on Saturday", "with\nthe aim": a wrapped line
        stop = match.start() + 1  # only the last few characters can hold an abbreviation
        if match.group().startswith(".") and _is_abbreviation(text[max(begin, stop - 24) : stop]):
            continue
        out.append((begin, match.end()))
        begin = match.end()
    out.append((begin, end))
    return [part for piece in out for part in _bounded(text, *piece)]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` cut at spaces into parts of at most ``MAX_SENTENCE`` characters."""
    parts: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE
        parts.append((start, cut))
        start = cut
    parts.append((start, end))
    return parts


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """The sentences of ``text[start:]`` with offsets; paragraph breaks always end a sentence.

    >>> doc = "Russia and China met.\\n\\nTASS said so. Gen. Smith agreed."
    >>> [(s.text, s.paragraph) for s in split_sentences(doc)]
    [('Russia and China met.', 0), ('TASS said so.', 1), ('Gen. Smith agreed.', 1)]
    """
    sentences: list[Sentence] = []
    bounds: list[tuple[int, int]] = []
    begin = start
    for match in _PARAGRAPH.finditer(text, start):
        bounds.append((begin, match.start()))
        begin = match.end()
    bounds.append((begin, len(text)))
    for paragraph, (p_start, p_end) in enumerate(bounds):
        for start, end in _pieces(text, p_start, p_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(start, end, text[start:end], len(sentences), paragraph))
    return sentences
