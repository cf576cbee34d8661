"""Other ways a known person's name is written: with one of three names left out
("Tayyip Erdogan"), or in another transliteration ("Bashar al-Asad", "Hasan Rohani")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Final, Generic, TypeVar

__all__ = ["LooseNames", "loose", "loose_word", "shortened"]

T = TypeVar("T")
_LOOSE_VOWELS: Final = str.maketrans("eoy", "aui")
#: Lower-case particles of names, which stay lower-case in a loose match ("al", "bin").
_PARTICLES: Final = frozenset({"al", "bin", "ibn", "bint", "da", "di", "du", "van", "fun"})


def loose(word: str) -> str:
    """A folded word's spelling with the vowels transliterations swap merged and doubled
    letters single: ``loose("assad") == loose("asad")``, ``loose("rouhani") ==
    loose("rohani")``, ``loose("mohammed") == loose("muhammad")``, ``loose("el") ==
    loose("al")``."""
    merged = word.translate(_LOOSE_VOWELS)
    return "".join(c for k, c in enumerate(merged) if not k or merged[k - 1] != c)


#: :func:`loose`, remembered: the words of names repeat across texts.
loose_word: Final = lru_cache(maxsize=16384)(loose)
_loose_word: Final = loose_word


def shortened(name: str) -> tuple[str, ...]:
    """The two-word names that a three-word personal name is also written as: its
    first or its second name with its last ("Recep Erdogan", "Tayyip Erdogan" for
    "Recep Tayyip Erdogan"). Each word must be a capitalised name of three letters or
    more: no particle ("bin", "al-") and no part of a Chinese or Korean given name
    ("Kim Jong Un")."""
    parts = name.split(" ")
    if len(parts) != 3 or not all(
        len(part) > 2 and part.isalpha() and part[0].isupper() and part[1:].islower()
        for part in parts
    ):
        return ()
    return (f"{parts[0]} {parts[2]}", f"{parts[1]} {parts[2]}")


class LooseNames(Generic[T]):
    """People's names of two to four words by their :func:`loose` spelling; a loose
    spelling two people share names neither."""

    def __init__(self) -> None:
        #: By the loose spelling of the first two words: the whole name's and the person.
        self.by_pair: dict[tuple[str, str], list[tuple[tuple[str, ...], T]]] = {}

    def add(self, people: Iterable[tuple[tuple[str, ...], T]]) -> None:
        """Index each person by the folded words of one of their names."""
        named: dict[tuple[str, ...], set[T]] = {}
        for words, person in people:
            if 2 <= len(words) <= 4:
                named.setdefault(tuple(map(loose, words)), set()).add(person)
        for key, persons in named.items():
            if len(persons) == 1:
                self.by_pair.setdefault((key[0], key[1]), []).append((key, next(iter(persons))))

    def match(
        self,
        text: str,
        spans: list[tuple[int, int]],
        folded: list[str],
        i: int,
        gap_ok: Callable[[str], bool],
    ) -> tuple[int, T] | None:
        """The last token and the person of the longest name starting at token ``i``
        whose words, all capitalised (but for particles), equal one of the index's but
        for :func:`loose` spelling ("Bashar al-Asad", "Dmitriy Medvedev")."""
        if i + 1 >= len(spans):
            return None
        candidates = self.by_pair.get((_loose_word(folded[i]), _loose_word(folded[i + 1])))
        if not candidates:
            return None
        best: tuple[int, T] | None = None
        for key, person in candidates:
            last = i + len(key) - 1
            if last >= len(spans) or (best is not None and best[0] >= last):
                continue
            if all(
                _loose_word(folded[i + k]) == key[k]
                and (text[spans[i + k][0]].isupper() or key[k] in _PARTICLES)
                and gap_ok(text[spans[i + k - 1][1] : spans[i + k][0]])
                for k in range(1, len(key))
            ):
                best = (last, person)
        return best
