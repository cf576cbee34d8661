"""The frame lexicon: which actor of a construction fills which role, as data users extend.

A frame is a pattern over a sentence's shape (see :mod:`.clause`) in a small
language: ``{role}`` is an actor (or a list of them) that fills ``role``;
``{role's}`` a possessive or demonym ("Russia's", "Russian"); a pronoun ("it",
"they") in a role stands for the sentence's first actor; ``{-role}`` an
actor the construction keeps *out* of the role ("Moscow protested the drills");
``~verb`` any form of the verb (``~allow`` is allow, allows, allowed, allowing);
``a|b`` either word; a trailing ``?`` makes a word optional; ``...`` is a gap of
up to eight words inside the clause (``...3`` up to three); ``_`` joins words
("set_up"); a word starting with ``-`` is glued to the one before ("{builder}
-funded"). One entry covers every sentence built that way:

>>> import datetime as dt
>>> doc = Document("Bulgaria agreed to let the U.S. military use two air bases.",
...                published=dt.date(2006, 3, 24))
>>> found = default_frames().match(doc, doc.sentences[0], "base_construction")
>>> {role: [h.code for h in hits] for role, hits in found[0].roles.items()}
{'host': ['BGR'], 'builder': ['USA']}

The built-in frames are in ``secevents/data/frames.json``, each with an example
sentence and the roles it must give (the tests check every one).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Any, Final

import attrs

from .. import _fastre
from .._fastre import TwinPattern
from .._once import load_once
from ._regex import with_first_letters
from .clause import CLOSE, OPEN, Clause, clause_of_sentence
from .document import ActorHit, Document
from .sentences import Sentence

__all__ = [
    "CHARGE_D_AFFAIRES",
    "ENVOY_TITLES",
    "MISSION",
    "Frame",
    "FrameLexicon",
    "FrameMatch",
    "default_frames",
    "inflect",
    "role_codes",
    "shared_frames",
]

#: Words that may open an actor phrase: "the U.S. military", "its Russian partner".
_DETERMINER: Final = r"(?:(?:the|its|their|his|her|a|an)\s+)?"
_SUBJECT_BLOCKERS: Final = ("to", "from", "with", "against", "towards", "toward")
#: Fixed-width look-behinds (with and without an article) for the words above.
_NOT_AFTER_PREPOSITION: Final = "".join(
    rf"(?<!\b{word}\s)(?<!\b{word}\sthe\s)" for word in _SUBJECT_BLOCKERS
)
#: "our embassy in Washington conveyed", "the Chinese ambassador to Japan protested": the
#: state a mission is in is not the one that acts. (Tested on a match, not in the pattern:
#: a look-behind per word would run at every position of every frame.)
#: A state's mission abroad and its head ("our embassy in", "the ambassador to").
MISSION: Final = (
    r"(?:embass(?:y|ies)|(?:high )?commission|consulate(?: general)?|mission|ambassador|envoy)"
)
_AFTER_MISSION: Final = _fastre.compile(
    rf"\b{MISSION}\s(?:in|to)\s(?:the\s)?$",
    re.IGNORECASE,
)
#: "chargé d'affaires", as written with either apostrophe, a space after it or none.
CHARGE_D_AFFAIRES: Final = r"charg[eé]s?\s+d['\u2019]\s?affaires"
#: The titles of a state's envoy abroad (to match with ``re.IGNORECASE``).
ENVOY_TITLES: Final = (
    rf"ambassador|envoy|{CHARGE_D_AFFAIRES}|high commissioner|consul(?:\s+general)?"
)
#: "the ambassador of X", "chargé d'affaires of the UAE": an envoy stands for the state;
#: "the president of the Security Council" for the body.
_ENVOY: Final = (
    r"(?:(?:senior|junior|deputy|acting|top|chief|resident)\s+)?"  # "a senior diplomat at"
    rf"(?:ambassador|envoy|{CHARGE_D_AFFAIRES}|diplomat|representative|consul|"
    r"minister-counsellor|counsellor|president|chair|chairman|chairperson|head|members?)s?"
    r"\s+(?:of|from|at)\s+(?:the\s+)?"  # "an envoy at the South Korean Embassy"
)
#: "summoned Ms Iva Denoo, chargé d'affaires of Ghana": the envoy named first, then the
#: office (with a title, which keeps the frames' first letters few: see _regex.words).
_NAMED_ENVOY: Final = (
    r"(?:Mr|Ms|Mrs|Dr|Mme)\.?\s+(?-i:[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3}),\s+"
    rf"{_DETERMINER}{_ENVOY}"
)
_ENVOY_OF: Final = rf"(?:{_ENVOY}|{_NAMED_ENVOY})?"
#: Nouns after an actor that keep it the actor: "U.S. troops", "Russian warships".
_FORCE_WORDS: Final = (
    r"(?:armed forces|forces|troops|military|navy|army|air force|soldiers|servicemen|"
    r"personnel|warships|ships|aircraft|jets|bombers|units|marines|sailors|government|"
    r"authorities|officials|side|embassy|envoy|ambassador|diplomats?)"
)
#: "U.S. troops", "U.S. troops, warships and aircraft": the actor's forces are the actor.
_FORCE_NOUN: Final = (
    rf"(?:\s+{_FORCE_WORDS})?(?:(?:,\s*|,?\s+and\s+)(?:military\s+)?{_FORCE_WORDS}){{0,3}}"
)
#: What _NOT_POSSESSOR lets through is the actor's own: "Seoul's foreign ministry", "the
#: Foreign Ministry's Asian Affairs Bureau".
_OF_ORGAN: Final = r"(?:['\u2019]s(?=\s))?"
_PLACEHOLDER: Final = rf"{OPEN}\d+{CLOSE}"
#: Not the possessor of a common noun ("Armenia's provocation"); of a force or an organ it
#: is the actor still ("Japan's navy", "Japan's Ground Self-Defense Force").
_NOT_POSSESSOR: Final = (
    rf"(?!['\u2019]s\s+(?!(?:{_FORCE_WORDS}|foreign|defen[cs]e|ministry|mission|permanent|"
    r"president|prime|leader)\b)(?-i:[a-z]))"
)
_GAP_WORDS: Final = 8
#: A word of a gap: the gap stays inside its clause, so a comma and a conjunction ("...,
#: and Japan protested") end it.
_GAP_WORD: Final = (
    # (a comma inside a word stays: "1,200 acres")
    r"(?:[^\s;:]*[^\s;:,]|[^\s;:]+,(?!\s+(?:and|but|while|whereas|although|though|yet)\b))"
)
_TOKEN: Final = _fastre.compile(
    r"\{(?P<role>-?[a-z_]+)(?P<poss>'s)?\}|(?P<gap>\.\.\.(?P<n>\d+)?)|\S+"
)
_PLACEHOLDER_RE: Final = _fastre.compile(rf"{OPEN}(\d+){CLOSE}")
_WORD_RE: Final = _fastre.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: ``_WORD_RE`` on an ASCII text (a range is tested faster than a negated category).
_ASCII_WORD_RE: Final = _fastre.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

#: Irregular verbs: their forms beside the base form.
_IRREGULAR: Final[Mapping[str, tuple[str, ...]]] = {
    "let": ("lets", "letting"),
    "set": ("sets", "setting"),
    "put": ("puts", "putting"),
    "give": ("gives", "gave", "given", "giving"),
    "send": ("sends", "sent", "sending"),
    "write": ("writes", "wrote", "written", "writing"),
    "build": ("builds", "built", "building"),
    "hold": ("holds", "held", "holding"),
    "take": ("takes", "took", "taken", "taking"),
    "make": ("makes", "made", "making"),
    "run": ("runs", "ran", "running"),
    "pay": ("pays", "paid", "paying"),
    "lend": ("lends", "lent", "lending"),
    "keep": ("keeps", "kept", "keeping"),
    "bring": ("brings", "brought", "bringing"),
    "get": ("gets", "got", "gotten", "getting"),
    "see": ("sees", "saw", "seen", "seeing"),
    "begin": ("begins", "began", "begun", "beginning"),
}
_VOWEL: Final = "aeiou"
#: Function words most sentences hold: a frame's cue of these rules out few sentences.
_COMMON: Final = frozenset(
    {"a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into"}
    | {"onto", "over", "against", "as", "and", "or", "but", "not", "no", "is", "are", "was"}
    | {"were", "be", "been", "being", "has", "have", "had", "it", "its", "their", "his"}
    | {"her", "this", "that", "which", "who", "will", "would", "can", "could", "may", "might"}
    | {"should"}
)


def inflect(verb: str) -> list[str]:
    """The forms of an English verb (a few extra harmless spellings are allowed).

    >>> inflect("allow")
    ['allow', 'allows', 'allowed', 'allowing']
    >>> inflect("deny")
    ['deny', 'denies', 'denied', 'denying']
    >>> inflect("permit")[:4]
    ['permit', 'permits', 'permited', 'permiting']
    """
    if verb in _IRREGULAR:
        return [verb, *_IRREGULAR[verb]]
    if verb.endswith("y") and verb[-2:-1] not in tuple(_VOWEL):
        forms = [verb, verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith("e"):
        forms = [verb, verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms = [verb, verb + "es", verb + "ed", verb + "ing"]
    else:
        forms = [verb, verb + "s", verb + "ed", verb + "ing"]
    if (
        len(verb) >= 3
        and verb[-1] not in _VOWEL + "wxy"
        and verb[-2] in _VOWEL
        and verb[-3] not in _VOWEL
    ):  # permit -> permitted; both spellings are kept (summoned, not summonned)
        forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return forms


def _word(token: str) -> str:
    """The regex of one word token: alternatives, verb forms, joined words."""
    alternatives: list[str] = []
    for alternative in token.split("|"):
        if alternative.startswith("~"):
            head, _, rest = alternative[1:].partition("_")
            tail = r"\s+" + r"\s+".join(re.escape(w) for w in rest.split("_")) if rest else ""
            alternatives += [re.escape(form) + tail for form in inflect(head)]
        else:
            alternatives.append(r"\s+".join(re.escape(w) for w in alternative.split("_")))
    body = "|".join(sorted(alternatives, key=len, reverse=True))
    return rf"(?:{body})(?![\w'])"


def _actor(role: str, possessive: bool, counter: dict[str, int]) -> str:
    counter[role] = counter.get(role, 0) + 1
    name = "r_" + role.replace("-", "x_") + f"_{counter[role]}"
    if possessive:
        return rf"{_DETERMINER}(?P<{name}>{_PLACEHOLDER})(?:'s|\u2019s|')?"
    group = rf"(?P<{name}>{_PLACEHOLDER}|(?:it|they|them)(?![\w']))"
    # "a protest against Armenia's provocation": the possessor of another noun fills no role
    # "the Foreign Ministry's Asian Affairs Bureau": the possessor of a named organ acts
    return rf"{_DETERMINER}{_ENVOY_OF}{group}{_FORCE_NOUN}{_NOT_POSSESSOR}{_OF_ORGAN}"


#: A person's name set off by commas after an actor: "Japan's minister, Taro Kono, ...".
_APPOSITION: Final = r"(?:,\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){1,3},)?"


def compile_pattern(pattern: str) -> TwinPattern:
    """The regex over clause shapes that a frame pattern stands for.

    >>> bool(compile_pattern("{host} ~host {builder}").search("⟨0⟩ hosted the ⟨1⟩ troops"))
    True
    """
    parts: list[str] = []
    counter: dict[str, int] = {}
    opened = False  # after "(" or a quote the next word follows without a space
    for match in _TOKEN.finditer(pattern):
        token = match.group()
        optional = token.endswith("?") and len(token) > 1 and not match.group("role")
        token = token[:-1] if optional else token
        space = r"\s*" if opened else r"\s+"  # what stands before the token
        opened = token in ("(", '"', "\u201c")
        if match.group("role"):
            piece = _actor(match.group("role"), bool(match.group("poss")), counter)
        elif match.group("gap"):
            words = int(match.group("n") or _GAP_WORDS)
            # (a name in apposition may follow the actor: "Japan's minister, Taro Kono,
            # protested")
            parts.append(rf"{_APPOSITION}(?:\s+{_GAP_WORD}){{0,{words}}}?")
            continue
        elif not any(c.isalnum() for c in token):  # punctuation sticks to the word before
            piece, space = re.escape(token), r"\s*"
        else:
            if "{" in token or "}" in token:
                raise ValueError(f"{token!r} is not a role: write {{role}} or {{role's}}")
            glued = token.startswith("-")
            piece = _word(token[1:] if glued else token)
            if glued:
                piece, space = "-" + piece, ""
        if not parts:
            space = ""
        parts.append(rf"(?:{space}{piece})?" if optional else space + piece)
    # An actor opening a pattern is a subject, never the object of a preposition:
    # in "Russia's ambassador to Iran sent a letter" Iran sends nothing.
    lead = _NOT_AFTER_PREPOSITION if pattern.lstrip().startswith("{") else ""
    return with_first_letters(re.compile(rf"(?<![\w']){lead}{''.join(parts)}", re.IGNORECASE))


@attrs.frozen(weakref_slot=False)
class Frame:
    """One construction of an event type and the roles its actors fill.

    ``trigger``: the construction states an event by itself ("Iran summoned the
    UAE envoy" is a diplomatic message with no "note" or "letter" in it).
    ``attributes``: fields the construction gives (``{"medium": "protest_note"}``).
    ``example``/``expect``: a sentence and the codes each role must get from it.
    """

    event_type: str
    pattern: str
    trigger: bool = False
    attributes: Mapping[str, str] = attrs.field(factory=dict)
    example: str | None = None
    expect: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    regex: TwinPattern = attrs.field(init=False, eq=False, repr=False)
    #: Whether the pattern opens on an actor (its subject).
    actor_first: bool = attrs.field(init=False, eq=False, repr=False)

    cue: tuple[frozenset[str], ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        try:
            regex = compile_pattern(self.pattern)
        except (re.error, ValueError) as error:
            raise ValueError(f"frame {self.pattern!r}: {error}") from None
        object.__setattr__(self, "regex", regex)
        object.__setattr__(self, "actor_first", self.pattern.lstrip().startswith("{"))
        object.__setattr__(self, "cue", _cue(self.pattern))

    @property
    def roles(self) -> list[str]:
        """The roles the pattern names, in order (``-role`` for a role it excludes)."""
        return list(dict.fromkeys(m.group(1) for m in re.finditer(r"\{(-?[a-z_]+)", self.pattern)))


def _cue(pattern: str) -> tuple[frozenset[str], ...]:
    """Word sets the text must each hold a word of for ``pattern`` to match.

    One set per required word of the pattern: the first words of its forms. Checking
    them first spares building the clause of sentences a frame cannot match. A word
    that is not plain letters ("U.N.") gives no set: the test would not see it. The
    first set is the one least often met (the lexicon's quick test for all its frames
    reads only that one):

    >>> [sorted(words) for words in _cue("{sender} ... ~write to {recipient}")]
    [['write', 'writes', 'writing', 'written', 'wrote'], ['to']]
    """
    cues: list[frozenset[str]] = []
    for match in _TOKEN.finditer(pattern):
        token = match.group()
        if match.group("role") or match.group("gap") or token.endswith("?"):
            continue
        if not any(c.isalpha() for c in token):
            continue
        words: set[str] = set()
        for alternative in token.split("|"):
            alternative = alternative.removeprefix("-")  # "Chinese-funded": a word of its own
            if alternative.startswith("~"):
                words.update(inflect(alternative[1:].split("_")[0].lower()))
            else:
                words.add(alternative.split("_")[0].lower())
        if all(_WORD_RE.fullmatch(word) for word in words):
            cues.append(frozenset(words))
    # The rarest first: a set holding a function word ("to", "was") is met by most
    # sentences, so it comes after every set of content words; then the fewest forms.
    return tuple(sorted(cues, key=lambda words: (not _COMMON.isdisjoint(words), len(words))))


@attrs.frozen(weakref_slot=False)
class FrameMatch:
    """Where a frame matched (document offsets) and the actors of each role."""

    frame: Frame
    start: int
    end: int
    roles: dict[str, tuple[ActorHit, ...]]


class FrameLexicon:
    """Frames by event type tag, in order: the first frame that fills a role wins.

    >>> lexicon = FrameLexicon()
    >>> lexicon.add(Frame("base_construction", "{host} ~lease ... to {builder}"))
    >>> len(lexicon.frames("base_construction"))
    1
    """

    def __init__(self, frames: Iterable[Frame] = ()) -> None:
        self._frames: dict[str, list[Frame]] = {}
        # Per (type, triggers only): a word one of which each such frame needs, or None.
        self._any_cue: dict[tuple[str, bool], frozenset[str] | None] = {}
        self._by_kind: dict[tuple[str, bool], list[Frame]] = {}
        self._needle_cache: dict[tuple[str, bool], tuple[str, ...]] = {}
        for frame in frames:
            self.add(frame)

    def add(self, frame: Frame, *, first: bool = False) -> None:
        """Add ``frame`` after the others of its type (before them with ``first``)."""
        frames = self._frames.setdefault(frame.event_type, [])
        frames.insert(0 if first else len(frames), frame)
        self._any_cue.clear()
        self._by_kind.clear()
        self._needle_cache.clear()

    def frames(self, event_type: str) -> list[Frame]:
        """The frames of event type ``event_type``, in order."""
        return list(self._frames.get(event_type, ()))

    def __iter__(self) -> Iterator[Frame]:
        return (frame for frames in self._frames.values() for frame in frames)

    def copy(self) -> FrameLexicon:
        """A lexicon with the same frames, to extend without changing this one."""
        return FrameLexicon(self)

    def match(
        self, doc: Document, sentence: Sentence, event_type: str, *, triggers: bool = False
    ) -> list[FrameMatch]:
        """Every match of the type's frames in ``sentence``, frames in lexicon order.

        With ``triggers`` only the frames that state an event by themselves.
        """
        # Read once per sentence: several recognizers and milestones ask the same.
        key = f"frames {id(self)} {event_type} {triggers}"
        return doc.memo(key, sentence, lambda _: self._match(doc, sentence, event_type, triggers))

    def _match(
        self, doc: Document, sentence: Sentence, event_type: str, triggers: bool
    ) -> list[FrameMatch]:
        needed = self._needed(event_type, triggers)
        if needed is not None and not _holds_any(
            self._needles(event_type, triggers), doc.folded(sentence)
        ):
            return []  # most sentences: not even a piece of any frame's first cue word
        words = doc.memo("words", sentence, lambda _: _words(doc.folded(sentence)))[0]
        if needed is not None and needed.isdisjoint(words):
            return []  # no frame's first cue word, one test for all frames
        frames = [frame for frame in self._chosen(event_type, triggers) if _has_cues(frame, words)]
        if not frames:
            return []
        clause = clause_of_sentence(doc, sentence)
        if not clause.groups:
            return []
        return [
            _frame_match(frame, clause, match)
            for frame in frames
            for match in _unblocked(frame, clause, doc.text)
        ]

    def _chosen(self, event_type: str, triggers: bool) -> list[Frame]:
        """The type's frames (only those that state an event by themselves, with
        ``triggers``), in order; made once until a frame is added."""
        key = (event_type, triggers)
        chosen = self._by_kind.get(key)
        if chosen is None:
            frames = self._frames.get(event_type, ())
            chosen = self._by_kind[key] = [f for f in frames if f.trigger or not triggers]
        return chosen

    def _needed(self, event_type: str, triggers: bool) -> frozenset[str] | None:
        """The words one of which every frame of the type needs (None: a frame needs none)."""
        key = (event_type, triggers)
        if key not in self._any_cue:
            chosen = [f for f in self._frames.get(event_type, ()) if f.trigger or not triggers]
            needed: frozenset[str] | None = frozenset()
            for frame in chosen:
                if not frame.cue:
                    needed = None
                    break
                needed = needed | frame.cue[0] if needed is not None else None
            self._any_cue[key] = needed
        return self._any_cue[key]

    def _needles(self, event_type: str, triggers: bool) -> tuple[str, ...]:
        """The shortest strings one of which each word of ``_needed`` holds ("call" for
        "called", "calls"): a text holding none of them holds none of those words."""
        key = (event_type, triggers)
        needles = self._needle_cache.get(key)
        if needles is None:
            needed = self._needed(event_type, triggers) or frozenset()
            needles = self._needle_cache[key] = tuple(
                sorted(w for w in needed if not any(v != w and v in w for v in needed))
            )
        return needles

    def roles(
        self,
        doc: Document,
        sentence: Sentence,
        event_type: str,
        *,
        near: int,
        distinct: bool = False,
    ) -> dict[str, FrameMatch]:
        """For each role, the match that fills it: the first frame, its match nearest ``near``.

        Excluded roles come as ``-role`` keys. With ``distinct`` a match that gives one
        actor two roles is none ("after Turkey sent a ship, summoning Turkish officials"
        reaches back past the summoner to a state that is the one summoned).
        """
        chosen: dict[str, FrameMatch] = {}
        ranked = sorted(
            enumerate(self.match(doc, sentence, event_type)),
            key=lambda item: (
                self._frames[event_type].index(item[1].frame),
                _distance(item[1], near),
                item[0],
            ),
        )
        taken: dict[str, set[str]] = {}
        for _, found in ranked:
            if distinct and _one_actor_twice(found):
                continue
            for role, hits in found.roles.items():
                if role in chosen:
                    continue
                codes = {hit.code for hit in hits}
                if (
                    distinct
                    and not role.startswith("-")
                    and any(codes & held for other, held in taken.items() if other != role)
                ):
                    continue  # a later frame giving the summoned state the sender's role too
                chosen[role] = found
                if not role.startswith("-"):
                    taken[role] = codes
        return chosen


def _one_actor_twice(found: FrameMatch) -> bool:
    """Whether two roles of a match hold the same state."""
    seen: set[str] = set()
    for role, hits in found.roles.items():
        if role.startswith("-"):
            continue
        codes = {hit.code for hit in hits}
        if codes & seen:
            return True
        seen |= codes
    return False


def _unblocked(frame: Frame, clause: Clause, text: str) -> Iterator[re.Match[str]]:
    """The frame's matches in ``shape``, but not one with an actor where a mission is
    ("the embassy in {0} conveyed", "a protest with {0}'s ambassador to {1}"); the search
    goes on just after such a match."""
    regex, shape = frame.regex, clause.shape
    at = 0
    while (match := regex.search(shape, at)) is not None:
        start = match.start()
        if frame.actor_first and _AFTER_MISSION.search(shape, max(0, start - 24), start):
            at = start + 1
            continue
        if _actor_at_mission(match, clause, text):
            at = start + 1
            continue
        yield match
        at = match.end() if match.end() > start else start + 1


def _actor_at_mission(match: re.Match[str], clause: Clause, text: str) -> bool:
    """Whether an actor the match puts in a role is where an envoy or embassy is posted:
    "a protest with {0}'s ambassador to {1}" makes {1} no party, unless the envoy fills a
    role of the frame too ("{sender} to {recipient}": "the Chinese ambassador to Japan")."""
    ends = [match.end(g) for name, g in match.re.groupindex.items() if name.startswith("r_")]
    for name, position in match.re.groupindex.items():
        begin = match.start(position)
        if begin <= match.start() or not name.startswith("r_"):
            continue
        at = clause.position(begin)
        if _AFTER_MISSION.search(text, max(0, at - 24), at) and not any(
            begin - 6 <= end < begin for end in ends
        ):
            return True
    return False


def _holds_any(needles: tuple[str, ...], folded: str) -> bool:
    for needle in needles:  # noqa: SIM110  (a loop: any() over a generator costs more)
        if needle in folded:
            return True
    return False


def _has_cues(frame: Frame, words: frozenset[str]) -> bool:
    for cue in frame.cue:  # noqa: SIM110  (a loop: all() over a generator costs more)
        if cue.isdisjoint(words):
            return False
    return True


def _distance(found: FrameMatch, position: int) -> int:
    if found.start <= position < found.end:
        return 0
    return found.start - position if found.start > position else position - found.end + 1


def _words(folded: str) -> list[frozenset[str]]:
    """The words of a sentence folded by ``fold_for_cues``, as one set (a list:
    ``Document.memo`` stores lists)."""
    pattern = _ASCII_WORD_RE if folded.isascii() else _WORD_RE
    return [frozenset(pattern.findall(folded))]


def _frame_match(frame: Frame, clause: Clause, match: re.Match[str]) -> FrameMatch:
    roles: dict[str, list[ActorHit]] = {}
    for name, value in match.groupdict().items():
        if value is None or not name.startswith("r_"):
            continue
        role = name[2:].rsplit("_", 1)[0].replace("x_", "-")
        placeholder = _PLACEHOLDER_RE.fullmatch(value)
        if placeholder is not None:
            roles.setdefault(role, []).extend(clause.group(int(placeholder.group(1))))
        elif clause.groups and clause.group(0)[0].start < clause.position(match.start(name)):
            # "it"/"they": the clause's first actor ("Ethiopia signed a deal that will
            # allow it to set up a naval base")
            roles.setdefault(role, []).extend(clause.group(0))
    return FrameMatch(
        frame=frame,
        start=clause.position(match.start()),
        end=clause.position(match.end() - 1) + 1 if match.end() > match.start() else 0,
        roles={role: tuple(hits) for role, hits in roles.items()},
    )


def _frame(event_type: str, entry: Mapping[str, Any]) -> Frame:
    return Frame(
        event_type=event_type,
        pattern=entry["pattern"],
        trigger=bool(entry.get("trigger", False)),
        attributes=dict(entry.get("attributes", {})),
        example=entry.get("example"),
        expect={role: tuple(codes) for role, codes in entry.get("expect", {}).items()},
    )


@load_once
def _builtin() -> tuple[Frame, ...]:
    text = resources.files("secevents").joinpath("data/frames.json").read_text("utf-8")
    data = json.loads(text)
    return tuple(
        _frame(event_type, entry)
        for event_type, entries in data["frames"].items()
        for entry in entries
    )


def default_frames() -> FrameLexicon:
    """A new lexicon holding the built-in frames (``secevents/data/frames.json``)."""
    return FrameLexicon(_builtin())


@load_once
def shared_frames() -> FrameLexicon:
    """The built-in lexicon the recognizers use when given none (never changed)."""
    return default_frames()


def role_codes(found: Mapping[str, FrameMatch], role: str) -> list[str]:
    """The codes of the actors that the chosen match of ``role`` gives it."""
    match = found.get(role)
    return [hit.code for hit in match.roles[role]] if match is not None else []
