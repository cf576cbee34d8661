"""Recognizer of ``base_construction``: building, funding, agreeing, opening or denying a base.

>>> import datetime as dt
>>> doc = Document("Russia opened a military base in Kyrgyzstan on Monday.",
...                published=dt.date(2021, 10, 28))
>>> [m] = ConstructionRecognizer().recognize(doc.sentences[0], doc)
>>> m.fields["builder"].code, m.fields["host"].code, m.fields["status"].value, str(m.fields["date"])
('RUS', 'KGZ', 'operational', '2021-10-25')
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Final

from .. import _fastre
from ..model.actors import Actor
from ..model.codes import is_country_code
from ..model.dates import Bound, DateSpan, PartialDate
from ..model.events import BaseConstruction, Event
from ..model.places import Location
from ..model.vocab import ActorKind, ConstructionStatus, Factuality
from ._base_hosts import each_host
from ._base_sides import (
    NEAR_BEFORE,
    abroad_of,
    compared_with,
    leave_out_a_neighbour,
    set_up_in_the_past,
)
from ._base_status import MILESTONES, Cue, reported_would, status_cues
from ._regex import Gated, words
from .clues import (
    DENIAL_VERBS,
    DENIED_THAT,
    FALSE_REPORT,
    coded_actor,
    in_other_relation,
    object_codes,
    reported_clause_start,
    subject_codes,
    unique,
)
from .common import (
    EXERCISE_NOUNS,
    NEGATION,
    STATE_NOUNS,
    add_date,
    add_factuality,
    add_money,
    add_place,
    add_quantities,
    clause_bounds,
    in_an_activity,
)
from .document import Document
from .frames import FrameLexicon, role_codes, shared_frames
from .mention import Mention
from .sentences import Sentence

__all__ = ["BASING_STATES", "ConstructionRecognizer"]

_BASING_LIST: Final[list[str]] = json.loads(
    resources.files("secevents").joinpath("data/basing_states.json").read_text()
)["states"]
#: States that keep bases on other states' soil (``data/basing_states.json``): when a
#: sentence names two states and nothing else tells builder from host, the one in this
#: set builds (of two in it, the one with more bases abroad, listed first in the file).
#: A set users may add to.
BASING_STATES: Final[set[str]] = set(_BASING_LIST)
_BASING_ORDER: Final = {code: rank for rank, code in enumerate(_BASING_LIST)}

_BASE: Final = _fastre.compile(
    r"\b(?:air ?base|base|basing|outpost|air ?field|air ?strip|AFBs?|"
    # the US budget's term: "an investment of $57 million in military construction in Iceland"
    r"military construction|"
    r"military (?:(?:training|support|logistics?|supply|intelligence|air|naval) )?"
    r"(?:post|installation|facilit(?:y|ie)|presence|complex|camp|site|hub)|"
    # "U.S. to have permanent troop presence in Poland as defense pact agreed"
    r"(?:permanent|rotational|enduring) (?:troop|military|naval|force) presence|"
    r"(?:naval|logistics?|logistical|supply|refuel(?:l)?ing) "
    r"(?:hub|facilit(?:y|ie)|station|point|cent(?:er|re)|dock)|"
    # "the US transit center at Manas", "NATO Transit Center": a military or named one (not
    # "a new transit center for refugees")
    r"(?:military |air |its |their |(?-i:[A-Z][\w.\-]*) )transit (?:cent(?:er|re)|hub)|"
    # "an agreement to set up a transit center at Manas international airport"
    r"transit (?:cent(?:er|re)|hub)(?= (?:at|in) (?:the )?(?:[\w\-]+ ){1,3}"
    r"(?:airport|air ?base|airfield)\b)|"
    # "gives US forces access to Senegalese facilities", "to eight more military areas":
    # places a foreign force is let in to
    r"(?:(?<=forces access to )|(?<=troops access to ))(?:the |its |their )?"
    r"(?:[\w\-]+ ){0,4}?(?:facilit(?:y|ie)|air ?fields?|installations?|military (?:areas|sites))|"
    # "a naval port expansion project", "the new Chinese naval pier at Ream"
    r"naval (?:port|pier|wharf|jett(?:y|ie)|harbou?r)|"
    # "facilities in the African state for use by China's military"
    r"facilit(?:y|ie)(?=s?\s[^.;]{0,60}?\bfor (?:the )?use (?:by|of)\s[^.;]{0,30}?"
    r"(?:military|armed forces|navy|troops|forces)\b)|"
    r"defen[cs]e facilit(?:y|ie)|radar (?:station|system|network|site|facilit(?:y|ie))|"
    r"(?:military |logistics? |naval )?support facilit(?:y|ie)|naval establishment|"
    r"(?:training|army|peacekeeping|peace-keeping) camp|listening (?:post|station)|"
    r"surveillance (?:post|station|facilit(?:y|ie))|"
    # the defence cooperation agreements' term: "access to and use of agreed facilities"
    r"agreed facilit(?:y|ie)|"
    # "the Aegis Ashore missile defense site now under construction at Deveselu"
    r"missile[ \-]defen[cs]e (?:site|facilit(?:y|ie)|installation|complex)|"
    # "granted British forces access to the Duqm port facilities"
    r"(?<=access to )(?:the |its |their )?(?:[A-Z][\w\-]+ )?(?:port|naval|air|military) "
    r"facilit(?:y|ie)|"
    # "gained access to the key Port of Duqm in Oman for military use"
    r"access to (?:the |its |their )?(?:[\w\-]+ )?(?:[Pp]ort|[Hh]arbou?r|[Aa]irport)"
    r"(?=(?: of [A-Z][\w\-]+)?(?: in [A-Z][\w\-]+)? for (?:military|naval|defen[cs]e) )|"
    r"(?:military|army|naval|tactical) (?:headquarters|garrison)|"
    # "an agreement allowing the Royal Navy to use facilities at Duqm Port", "allows the
    # Chinese navy to use Djibouti port": a port a foreign military may use, named by it
    r"(?:navy|navies|warships|naval (?:ships|vessels|forces)|military forces)"
    r"(?= (?:(?:is|are|was|were|will be|would be|be|been) (?:allowed|permitted) )?"
    r"(?:to )?(?:use|access|dock at|berth at) (?:the )?"
    r"(?:(?:port )?facilities (?:at|in) (?:the )?)?(?:(?-i:[A-Z])[\w\-]+ ){0,2}"
    r"(?:[Pp]ort|[Hh]arbou?r)\b))s?\b",
    re.IGNORECASE,
)
_BASE_CUE: Final = Gated(
    _BASE,
    "base basing field strip afb outpost military hub facilit station point cent radar camp"
    " missile construction"
    " headquarters garrison establishment listening surveillance access dock presence navy install"
    " navies warships naval",
)
_ANAPHOR: Final = _fastre.compile(
    r"^(?:It|This|The (?:bases?|facilit(?:y|ies)|installations?|posts?))\b"
)
#: "the new ¥47 billion facility", "the complex": a base named shortly before.
_ANAPHORIC_NOUN: Final = words(
    r"facility|installation|complex|compound|garrison|camp|outpost|"
    # "the deal", "the UAE plan": the agreement or plan for a base named just before
    r"deal|plan|agreement|accord|lease|treaty|pact|project|"
    # "the reports were false": what was reported of the base named before, denied
    r"reports?|claims?|allegations?|"
    r"(?:posted|stationed|based|deployed|serving|housed|garrisoned) there"
)
_REPORT_NOUNS: Final = ("report", "claim", "allegation")
_ANAPHORIC_NOUN_CUE: Final = Gated(
    _ANAPHORIC_NOUN,
    "facility installation complex compound garrison camp outpost deal plan agreement accord"
    " lease treaty"
    " pact project there report claim allegation",
)
#: What stands before "facility" when it is a base named shortly before: "the new $47m".
_ANAPHORIC_LEAD: Final = _fastre.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:\S+\s+){0,3}$")
#: "the cease-fire agreement", "the gas deal": a deal named by another subject than a base.
_OTHER_DEAL: Final = _fastre.compile(
    r"\b(?:cease-?fire|truce|armistice|peace|trade|free-trade|gas|oil|grain|nuclear|"
    r"border|prisoner|debt|loan|fishing|visa|migration|power-sharing)\s+$",
    re.IGNORECASE,
)
#: Where a clause ends, for the dates of "the deal" named again.
_AND_CLAUSE: Final = _fastre.compile(r"[;:]|,\s+(?:and|but|while|although|as|which)\b| -- ")
#: How close to a base's noun a cue of a plan must stand (characters).
_PLAN_REACH: Final = 60
#: Building told without the base's noun ("Construction at Ream began in June").
_BUILDING: Final = _fastre.compile(
    r"\b(?:[Cc]onstruction|[Gg]roundbreaking|[Ww]ork on)\b(?=[^.;]{0,80}?\b(?:began|begins|"
    r"started|starts|starting|is under ?way|got under ?way|ceremony)\b)"
)
_BUILDING_CUE: Final = Gated(_BUILDING, "construction groundbreaking work")
#: How many sentences back a base must have been named for "the facility" to be it.
_ANAPHOR_REACH: Final = 5
#: What a state pays for a base it uses: a sum in such a sentence is the base's cost.
_PAYMENT: Final = words(
    r"rent|rents|rental|lease payments?|leasing fees?|annual fee|"
    # "The cost is estimated at $200 million": the price of the base named before
    r"the (?:total |estimated |overall )?cost (?:is|was|will be|would be)|(?:will|would) cost|"
    r"at a cost of|price tag",
    re.IGNORECASE,
)
_PAYMENT_CUE: Final = Gated(_PAYMENT, "rent lease leasing fee cost price")
#: How far back (in characters) a base must have been named for a rent or a garrison to be its.
_TOLD_BEFORE_REACH: Final = 3000
#: Counts that are not a base's garrison: the soldiers it trains, the forces it fights.
_NOT_GARRISON: Final = _fastre.compile(
    r"\b(?:train|trains|training|trained|against|fight\w*|kill\w*)\s+(?:up to |some |about )?$"
)
#: A settled cue that is only wanted: "permission to open", "plans to set up", "asked to build".
_WANTED: Final = _fastre.compile(
    r"\b(?:permission|application|request\w*|ask\w*|seek\w*|want\w*|plans?|planned|"
    r"planning|intends?|intention|aims?|hopes?|propos\w+|offer\w*|ready|willing)\b"
    r"[^.;,]{0,30}?\bto\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
_CONDITION: Final = _fastre.compile(r"\b(?:if|unless|provided that)\b[^,;.]{0,45}$")
#: "is not a military base", "does not qualify as a Russian base": a base denied.
_NOT_A_BASE: Final = _fastre.compile(
    rf"\b(?:(?:is|was|are|were|be)\s+{NEGATION}\s*(?:an?\s+)?|(?:is|are|was|were)\s+no\s+|"
    rf"{NEGATION}\s*(?:qualify|count|amount)\s+(?:as|to)\s+(?:an?\s+)?)"
    r"(?:[\w\-]+\s+){0,3}$",
    re.IGNORECASE,
)
#: "would allow Moscow to open", "permits US forces to build": what a deal allows.
_ALLOWED_TO: Final = _fastre.compile(
    r"\b(?:allow|permit|enable|authori[sz]e|let|agree|deal|accord|pact|treat(?:y|ies))\w*\s+"
    r"(?:[\w\-.']+\s+){0,3}?to\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: Speech before a cue: the sentence reports what someone said of the base.
_SAID: Final = words(r"said|says|told|stated|announced|declared|added", re.IGNORECASE)
#: An agreement ended or a base left: the corpus conventions give such news no base event.
_ENDED: Final = words(
    r"ending|ended|ends|terminat\w+|scrap\w*|cancel\w*|evict\w*|revok\w+|"
    # "lawmakers voted to end the U.S.-Kyrgyz agreement on the center"
    r"(?:to|will|would|must|shall) end (?:the|its|their|a|an) (?:[\w\-.]+ ){0,3}?"
    r"(?:agreements?|deals?|leases?|accords?|treat(?:y|ies)|pacts?|presence)\b|"
    # "the earlier agreement ran out", not "the lease, which expires in July, was renewed"
    r"ran out(?<!which ran out)(?<!that ran out)|runs out(?<!which runs out)|"
    r"expired(?<!which expired)(?<!that expired)|lapsed(?<!which lapsed)|"
    r"withdr[ae]w\w* from|withdrawal|pull(?:s|ed|ing)? out of|to leave|vacate\w*|"
    # "Russia undertook to close the military base in Gudauta by 1 July 2001"
    r"(?:to |will |would |must )?clos(?:e|es|ed|ing|ure of) (?:the |its |their |a )?"
    r"(?:[\w\-]+ ){0,2}?(?:bases?|facilit(?:y|ies)|installations?)|"
    r"(?:handover|handing over|hand-over|transfer) (?:ceremony )?of (?:[\w'\-]+ ){0,6}?from|"
    r"(?:handed|hands|transferred|transfers|returned|returns) (?:[\w'\-]+ ){0,6}?back to"
)
#: "a Chinese funded upgrade", "the US-built runway": who funded or built it, said in
#: passing of a thing, is no milestone of its own.
_ATTRIBUTIVE: Final = _fastre.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+[A-Z][\w.]*\s|[A-Za-z.]-)\Z"
)
#: What opens the object of a verb: "built a base", "funded the new runway".
_OBJECT_AFTER: Final = _fastre.compile(
    r"\s+(?:a|an|the|its|their|his|her|two|three|four|several|many|new|\d[\d,]*)\s"
)
_ATTRIBUTIVE_WORDS: Final = ("funded", "built", "financed", "backed", "constructed", "operated")
_OF_AN_EXERCISE: Final = _fastre.compile(
    r"\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:[\w'\-\u2019]+\s+){0,5}?"
    rf"(?:{EXERCISE_NOUNS}|training|games|summit|talks)\b"
    # "the opening ceremony of Yudh Abhyas 19": a named exercise's
    # (not a sum: "an investment of USD 57 million")
    r"|(?-i:(?![A-Z]{3}\s\d)[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)*\s\d{2,4}\b))",
    re.IGNORECASE,
)
#: An exercise, named or not, right before its ceremony: "the Yudh Abhyas 19 opening".
_EXERCISE_BEFORE: Final = _fastre.compile(
    rf"(?:\b(?:{EXERCISE_NOUNS})|\b[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)*\s\d{{2,4}})"
    r"(?:['\u2019]s?)?(?:\s+(?:during|at|for)\s+the)?\s+$"
    # "NATO launched its biggest exercise in a decade on October 19 with an opening
    # ceremony at Tripani Air Base": the ceremony that launched the drills
    rf"|\b(?:launched|began|opened|started|kicked\s+off)\s+(?:[\w'\-]+\s+){{0,4}}?"
    rf"(?:{EXERCISE_NOUNS})\b[^.;]{{0,60}}\bwith\s+(?:an?|the)\s+$"
)
#: A clause that plans or supposes (rather than schedules) a milestone: it is a proposal.
_INTENDED: Final = words(
    r"would|could|might|may|plans?|planned|planning|intends?|intended|wants?|wanted|"
    r"proposed|proposes|offered|offers|willing|ready to|considering|if|unless|whether|"
    r"permission|application|appl(?:y|ied|ies) for|request\w*|ask(?:s|ed|ing)?|seek\w*|"
    r"hopes? to|aims? to"
)
#: ", which has operated off Somalia since 2009": a relative clause up to its next comma.
_RELATIVE: Final = _fastre.compile(r",\s+(?:which|who|whose)\b[^,;]*")
#: How far after a base's noun its own relative clause may begin.
_RELATIVE_REACH: Final = 40
#: Craft named by their role: "Su-25 attack aircraft", "attack submarines" are no attack.
_ATTACK_CRAFT: Final = (
    r"(?:\s+and\s+[\w\-]+)?\s+(?:aircraft|planes?|jets?|helicopters?|submarines?|boats?|"
    r"craft|drones?|fighters?|bombers?|squadrons?|variants?|versions?)\b"
)
#: An attack on a base (the weapons alone are no attack: "a missile defense base").
_ATTACK: Final = words(
    rf"attack(?!{_ATTACK_CRAFT})|attack(?:s|ed|ing|ers?)|fired|shell(?:ed|ing)|"
    r"bomb(?:ed|ing|ings|ers? struck)|hit|"
    # (not "struck a deal with Eritrea to open a base")
    r"struck(?! (?:a |an |the )?(?:[\w\-]+ )?(?:deal|agreement|accord|bargain|pact|compromise))|"
    r"(?:air|drone|rocket|missile|mortar) ?(?:strikes?|attacks?|fire)|rockets? (?:hit|landed)|"
    r"came under fire|targeted|shot down"
)
#: A rule against foreign bases in general ("the constitution bars the presence of foreign
#: military bases", "a treaty that rules out foreign bases"): no base of anyone's.
_NO_FOREIGN_BASES: Final = _fastre.compile(
    r"\b(?:bans?|banned|banning|prohibit\w*|forbid\w*|bars?|barred|barring|rules? out|"
    r"ruled out|ruling out|outlaw\w*|"
    r"(?:(?:does|do|did|will|would|shall|must|can|could)\s+not|won't|cannot|never)\s+"
    r"(?:allow|permit|accept|host)|not permit\w*)\s+"
    r"(?:the\s+)?(?:presence\s+of\s+)?(?:any\s+)?foreign\s+(?:military\s+)?(?:bases?|troops)",
    re.IGNORECASE,
)
#: A base a deal or a state keeps another from building ("a treaty that prevents China
#: creating a military base", "blocked Beijing from setting up a base"): no base.
_PREVENTED: Final = _fastre.compile(
    r"\b(?:prevent\w*|block\w*|stop|stops|stopped|stopping|bars?|barred|barring|"
    r"preclud\w*|keeps?|kept|keeping)\s+(?:[\w\-'\u2019]+\s+){0,4}?(?:from\s+)?"
    r"(?:creating|building|establishing|setting up|opening|constructing|gaining|having)\s+"
    r"(?:a|an|any)\s+(?:[\w\-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ANY_BASE: Final = _fastre.compile(r"\b[Aa]ny\s+(?:[\w\-]+\s+){0,2}$")
_BY_AGENT: Final = _fastre.compile(r"\bby\s+an?\s+$")  # "by a New Zealand academic"
#: "... in Romania and a Polish tank base": a second site joined to the first.
_JOINED_SITE: Final = _fastre.compile(
    r"\b(?:and|as well as|along with|together with|plus)\s+(?:an?|the|its)?\s*(?:[\w\-]+\s+){0,3}$"
)
#: "expressed concern about plans for a base", "worried over": what a critic speaks of.
_CONCERN_ABOUT: Final = _fastre.compile(
    r"\b(?:concerns?|worries|worried|alarm(?:ed)?|fears?|unease|disquiet|misgivings|"
    r"objections?|opposition)\s+(?:over|about|at|regarding|to|with)\b"
    # "The U.S. military has warned of Chinese plans to build a base at Ream"
    r"|\b(?:warn(?:s|ed|ing)?|cautioned|complained)\s+(?:of|about|against)\b"
)
#: A denial in a sentence: "denied the reports", "the claims were false".
_DENIAL: Final = words(rf"{DENIAL_VERBS}|{FALSE_REPORT}", re.IGNORECASE)
#: "denied that it plans": the denier speaks of itself.
_ITS_OWN: Final = _fastre.compile(r"\bthat\s+(?:it|they|its|their)\b")
#: "denied (reports) that China plans to build a base": the denial of what a clause says.
_DENIED_THAT: Final = _fastre.compile(DENIED_THAT)
#: A sentence that opens on "The bases", "This new facility": a base told of before.
_OPENS_ON_THE_BASE: Final = _fastre.compile(r"(?:The|These|This|That|Those)\s+(?:[\w\-]+\s+){0,2}")
_HELP: Final = _fastre.compile(r"\b(?:with the help|with (?:the )?(?:funding|support|money) )\b")
_NOUN_GAP: Final = _fastre.compile(r"(?:'s)?(?:[\s\-]+[\w\-]+)*?[\s\-]*")
_NEW_PHRASE: Final = _fastre.compile(r"^(?!'s)\W*\b.*?\b(?:the|a|an|this|that|its|their)\b", re.I)
#: Words before a plural that make it name particular bases ("the bases", "two new bases").
_DETERMINERS: Final = frozenset(
    [
        "the",
        "these",
        "those",
        "its",
        "their",
        "our",
        "his",
        "her",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "several",
        "new",
        "more",
        "other",
        "both",
    ]
)
_QUOTE_REACH: Final = 2000
#: Prepositions that put a base somewhere ("leased to China" names the lessee, not a site).
_SITE_PREPS: Final = frozenset({"in", "at", "near", "on", "inside", "outside", "off"})
_DEFINITE: Final = _fastre.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+\Z")
#: "This was announced on Thursday by the ministry": the day the sentence before was said,
#: the date of what was said (a denial, an announcement) when it has none of its own.
_SAID_THEN: Final = _fastre.compile(
    r"\W*(?:This|That|It)\s+(?:was|has been)\s+(?:(?:first|also)\s+)?"
    r"(?:announced|said|stated|declared|reported|confirmed|told)\b"
)
_SETTLED: Final = frozenset({ConstructionStatus.COMPLETED, ConstructionStatus.OPERATIONAL})
#: A deal told as made: "We have signed an agreement", "the two sides agreed".
_DEAL_MADE: Final = _fastre.compile(
    r"(?:(?:has|have|had)\s+(?:now\s+|already\s+|just\s+)?)?(?:signed|agreed|ratified|concluded)\b"
)
#: A milestone still to come: "will be established", "is to be opened".
_TO_COME: Final = _fastre.compile(
    r"\b(?:will|shall|would|is\s+to|are\s+to|to)\s+(?:soon\s+)?(?:be\s+)?$"
)


def _deal_made_first(text: str, sentence: Sentence, cues: list[Cue]) -> list[Cue]:
    """ "We have signed an agreement, and soon a permanent base will be established": a
    deal told as made is the milestone, before the opening it leads to."""
    made = [
        c
        for c in cues
        if c[0] is ConstructionStatus.AGREED
        and _DEAL_MADE.match(text, c[1])
        and not _TO_COME.search(text, max(sentence.start, c[1] - 16), c[1])
    ]
    if not made:
        return cues
    later = [
        c
        for c in cues
        if c[0] in _SETTLED
        and c[1] > made[0][1]
        and _TO_COME.search(text, max(sentence.start, c[1] - 16), c[1])
    ]
    if not later:
        return cues
    return [made[0], *(c for c in cues if c is not made[0])]


#: Between a base (the subject) and what it will let others do: "will promote stability
#: in the region and".
_BASE_AS_SUBJECT: Final = _fastre.compile(
    r"\s+(?:will|would|could|can|may|might|should)\s+(?:[\w\-,]+\s+){0,10}?"
    # "the new airfield allows surveillance across the Lake Chad Basin": what it does now
    r"|\s+(?:also\s+|now\s+)?"
)
#: A milestone's verb in the simple past ("opened", "inaugurated"), told as done.
_DONE: Final = _fastre.compile(r"(?:opened|inaugurated|commissioned|reopened|re-opened)\b")
#: A base's noun right before a participle: "the first PLA military base established".
_NOUN_THEN_PARTICIPLE: Final = _fastre.compile(rf"(?:{_BASE.pattern})\s+$", re.IGNORECASE)
#: Words before a past participle that make it a plan or a passive ("will be opened").
_AUXILIARY: Final = _fastre.compile(
    r"\b(?:will|would|to|be|been|being|is|are|was|were|could|might|may|should|must|"
    r"shall|not|never|has|have|had)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
#: States that no longer exist: a base they built is another's now ("a disused Soviet base").
_DISSOLVED: Final = frozenset({"SUN", "YUG", "CSK", "DDR", "SCG"})


def _keeps_bases_abroad(first: str | None, second: str | None) -> bool:
    """Whether ``first`` keeps bases abroad and ``second`` does not, or keeps fewer (see
    BASING_STATES: "Japan and the US signed a deal to relocate the Futenma base")."""
    if first not in BASING_STATES or second is None:
        return False
    return second not in BASING_STATES or _basing_rank(first) < _basing_rank(second)


def _basing_rank(code: str) -> int:
    """Where a state stands in the list of basing states, most bases abroad first (a state
    a user adds comes after the listed ones)."""
    return _BASING_ORDER.get(code, len(_BASING_ORDER))


def _anaphor(sentence: Sentence, doc: Document) -> tuple[int, int] | None:
    """The span of "It"/"the facility" in a sentence right after a base was named."""
    text = doc.text
    recent = doc.sentences[max(0, sentence.index - _ANAPHOR_REACH) : sentence.index]
    if not any(_base_of(s, doc) and not _ruled_out(s, doc) for s in recent):
        return None  # "the deal" after "a pact blocks China from building a base" is no base's
    folded = doc.folded(sentence)
    found: tuple[int, int] | None = None
    if _ANAPHOR.match(sentence.text):
        found = sentence.start, sentence.start + len(sentence.text.split()[0])
    else:
        for noun in _ANAPHORIC_NOUN_CUE.finditer(text, sentence.start, sentence.end, folded):
            lead = _ANAPHORIC_LEAD.search(
                text, max(sentence.start, noun.start() - 40), noun.start()
            )
            if _OTHER_DEAL.search(text, max(sentence.start, noun.start() - 16), noun.start()):
                continue
            if noun.group().lower().startswith(_REPORT_NOUNS) and not _DENIAL.search(
                text, sentence.start, sentence.end
            ):
                continue  # reports are the base's only when they are denied
            if noun.group().endswith("there") or lead is not None:
                found = (noun.start(), noun.end())  # the noun: "the UAE plan" keeps its UAE
                break
        else:  # "Construction at Ream began in June 2022": the base named just before
            built = _BUILDING_CUE.search(text, sentence.start, sentence.end, folded)
            found = (built.start(), built.end()) if built is not None else None
    return found


def _intended(text: str, begin: int, end: int) -> bool:
    """Whether the clause states only an intention ("would be built", "plans to open"),
    not the "would" of reported speech ("said the camp would open next month")."""
    return any(
        not (match.group() == "would" and reported_would(text, begin, match.start()))
        for match in _INTENDED.finditer(text, begin, end)
    )


def _ruled_out(sentence: Sentence, doc: Document) -> bool:
    """Whether the sentence's base is one that is prevented or ruled out in general (read
    once per sentence: the sentences after it ask again)."""
    return doc.memo("base ruled out", sentence, lambda _: [_rules_out(sentence, doc)])[0]


def _rules_out(sentence: Sentence, doc: Document) -> bool:
    text = doc.text
    base = _base_of(sentence, doc)
    if base is not None and _PREVENTED.search(
        text, max(sentence.start, base.start() - 90), base.start()
    ):
        return True
    return (  # every match holds "foreign": most sentences are ruled out by an ``in`` test
        "foreign" in doc.folded(sentence)
        and _NO_FOREIGN_BASES.search(text, sentence.start, sentence.end) is not None
    )


def _same_clause(doc: Document, m: Mention, span: tuple[int, int] | None) -> bool:
    """Whether ``span`` lies in the clause of the mention's trigger (", and" ends a clause)."""
    if span is None:
        return True
    text, begin, end = doc.text, m.sentence.start, m.sentence.end
    for edge in _AND_CLAUSE.finditer(text, begin, end):
        if edge.end() <= m.trigger[0]:
            begin = edge.end()
        elif edge.start() >= m.trigger[1]:
            if edge.start() == m.trigger[1] and edge.group().endswith("which"):
                continue  # "the lease, which was signed in 1995": of the noun itself
            end = edge.start()
            break
    return begin <= span[0] < end


def _base_of(sentence: Sentence, doc: Document) -> re.Match[str] | None:
    """The first base noun of ``sentence`` (read once per sentence)."""
    return doc.memo(
        "base_noun",
        sentence,
        lambda _: [_BASE_CUE.search(doc.text, sentence.start, sentence.end, doc.folded(sentence))],
    )[0]


def _other_relative_clauses(
    text: str, sentence: Sentence, trigger: int
) -> tuple[tuple[int, int], ...]:
    """Relative clauses about another noun than the base ("the MSDF, which has operated ...").

    A relative clause right after the base's noun phrase, or holding it, is kept; so is
    every "where" clause, which often tells the news itself ("a meeting, where the
    cabinet approved the agreement on defence facilities").
    """
    spans: list[tuple[int, int]] = []
    for match in _RELATIVE.finditer(text, sentence.start, sentence.end):
        about_the_base = 0 <= match.start() - trigger <= _RELATIVE_REACH
        if not about_the_base and not match.start() <= trigger < match.end():
            spans.append((match.start(), match.end()))
    return tuple(spans)


def _demonym_codes(doc: Document, sentence: Sentence, noun: int) -> list[str]:
    """Codes of possessives/demonyms in the noun phrase before ``noun`` ("the Russian base")."""
    text = doc.text
    out: list[str] = []
    places = {(p.start, p.end) for p in doc.places(sentence)}
    for hit in doc.actors(sentence):
        if (hit.start, hit.end) in places and hit.actor.kind is not ActorKind.STATE:
            continue
        if hit.start < noun < hit.end:  # "four Russian military facilities": "Russian military"
            out.append(hit.code)
            continue
        gap = text[hit.end : noun]
        if _NEW_PHRASE.search(gap):  # "in Tajikistan the Russian base": another noun phrase
            continue
        if hit.end <= noun and _NOUN_GAP.fullmatch(gap) and len(gap.split()) <= 4:
            out.append(hit.code)
    return unique(out)


def _generic_in_quote(doc: Document, sentence: Sentence, base: re.Match[str]) -> bool:
    """A bare plural in a quotation ("we send troops and build bases") names no one base."""
    text = doc.text
    before_word = _WORD_BEFORE.search(text, max(sentence.start, base.start() - 20), base.start())
    if not base.group().endswith("s") or (
        before_word is not None and before_word.group(1).lower() in _DETERMINERS
    ):
        return False  # ("of the support facilities": not bare)
    paragraph = text.rfind("\n", max(0, base.start() - _QUOTE_REACH), base.start()) + 1
    before = text[max(paragraph, base.start() - _QUOTE_REACH) : base.start()]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


_WORD_BEFORE: Final = _fastre.compile(r"(\w+)\s+$")
#: "a hub for Afghanistan": the state a base serves, named after "for".
_FOR: Final = _fastre.compile(r"\bfor\s+(?:the\s+)?\Z")


class ConstructionRecognizer:
    """Finds bases and outposts with a status verb or noun; attacks on bases do not count.

    Roles come first from the frame lexicon (``frames``, the built-in one by
    default), then from the clause: the subject, "by" phrases, possessives.
    """

    event_type: type[Event] = BaseConstruction

    def __init__(self, frames: FrameLexicon | None = None) -> None:
        self._frames = frames or shared_frames()

    def recognize(self, sentence: Sentence, doc: Document) -> Iterable[Mention]:
        """Mentions of base construction in ``sentence``: one per dated status milestone."""
        text = doc.text
        base = _base_of(sentence, doc)
        anaphoric = base is None
        if base is None:
            found = _anaphor(sentence, doc)
            if found is None:
                return self._payment(sentence, doc) or self._garrison(sentence, doc)
            trigger = found
        else:
            trigger = (base.start(), base.end())
        if _ATTACK.search(text, sentence.start, sentence.end) or _ruled_out(sentence, doc):
            return []  # an attack on a base; "the constitution bans foreign bases": a rule
        cues = [
            (status, at, until)
            for status, at, until in status_cues(
                text,
                sentence.start,
                sentence.end,
                _other_relative_clauses(text, sentence, trigger[0]),
            )
            # A plan is a plan of the base only close to it ("plans to build a base"), not
            # "planned activities with Russian troops, notably with the 102nd base".
            if (status is not ConstructionStatus.PROPOSED or abs(at - trigger[0]) <= _PLAN_REACH)
            # "the opening ceremony of the joint exercise at Vaziani base": the drills' milestone
            and not _OF_AN_EXERCISE.match(text, until)
            # "the Yudh Abhyas 19 opening ceremony at Joint Base Lewis-McChord"
            and not _EXERCISE_BEFORE.search(text, max(sentence.start, at - 160), at)
            # "will build a facility if Cambodia agrees": a condition is no milestone
            and not _CONDITION.search(text, max(sentence.start, at - 50), at)
            # "they opened Wednesday at the Vaziani air base": the base is where something
            # else opened
            and not (
                status in MILESTONES
                and until <= trigger[0]
                and _VENUE.search(text, max(sentence.start, trigger[0] - 60), trigger[0])
                and _NO_OBJECT_BETWEEN.fullmatch(text, until, trigger[0])
                and _OTHER_SUBJECT.search(text, max(sentence.start, at - 40), at)
            )
            and not (
                text.startswith(_ATTRIBUTIVE_WORDS, at)
                and _ATTRIBUTIVE.search(text, max(sentence.start, at - 24), at)
                # ("The US built a base": the verb, with its object)
                and not _OBJECT_AFTER.match(text, until)
            )
        ]
        if cues:
            # "the Collective Security Treaty Organization": a cue word inside a name
            names = [(h.start, h.end) for h in doc.actors(sentence)]
            cues = [c for c in cues if not any(a <= c[1] < b for a, b in names)]
        # "the base will promote stability and allow other navies to train": what the base
        # lets others do is no term of a deal
        cues = [
            (status, at, until)
            for status, at, until in cues
            if not (
                # (agreed, or proposed for "will allow")
                status in (ConstructionStatus.AGREED, ConstructionStatus.PROPOSED)
                and text.startswith(("allow", "permit", "enable"), at)
                and trigger[1] <= at
                and _BASE_AS_SUBJECT.fullmatch(text, trigger[1], at)
            )
        ]
        cues = [
            c
            for c in cues
            if not (
                c[0] is ConstructionStatus.PROPOSED
                and text.startswith(_PURPOSE_WORDS, c[1])
                and _PURPOSE.search(text, max(sentence.start, c[1] - 3), c[1])
            )
        ]  # "opened a French base, seeking a foothold in the Gulf": why, not a plan of it
        but = _BUT.search(text, trigger[1], sentence.end)
        if but is not None and any(at < but.start() for _, at, _ in cues):
            # "inaugurated an air strip financed by India, but denied that the islet would
            # be used for military purposes": the base's own clause gives its milestone
            cues = [c for c in cues if c[1] < but.start()]
        if base is not None and _MIGHT_BECOME.search(
            text, max(sentence.start, base.start() - 40), base.start()
        ):
            cues = []  # "a port lease, which critics fear could become a naval base": a fear
        if _ENDED.search(text, sentence.start, sentence.end):
            cues = []  # ending an agreement or leaving a base is no milestone of building one
        denial = _NOT_A_BASE.search(text, max(sentence.start, trigger[0] - 50), trigger[0])
        if denial is not None:  # "The palace does not qualify as a military base"
            cues = [(ConstructionStatus.DENIED, denial.start(), denial.end())]
        if any(status is ConstructionStatus.AGREED for status, _, _ in cues):
            # "an agreement signed last August would allow Moscow to open a base": what the
            # deal allows is no milestone of its own
            cues = [
                (status, at, until)
                for status, at, until in cues
                if status in (ConstructionStatus.AGREED, ConstructionStatus.DENIED)
                or not _ALLOWED_TO.search(text, max(sentence.start, at - 40), at)
            ]
        cues = _deal_made_first(text, sentence, cues)
        mentions = self._by_milestone(sentence, doc, trigger, cues)
        if base is not None and mentions:
            mentions += self._second_site(sentence, doc, base, cues, mentions[0])
            mentions += [copy for m in list(mentions) for copy in each_host(m, doc, base)]
        for m in mentions:
            # A base's date is its milestone's ("the base ... in 2009" adds, not dates); the
            # date of "the deal" is one of its own clause ("talks since 2015, and once the
            # revised agreement is signed ...").
            if _SAID_THEN.match(text, sentence.start):
                continue
            if not cues or (anaphoric and not _same_clause(doc, m, m.spans.get("date"))):
                m.fields.pop("date", None)
                m.spans.pop("date", None)
        # "his concern about any military bases that might be established": none in particular
        any_base = (
            base is not None
            and _ANY_BASE.search(text, max(sentence.start, base.start() - 30), base.start())
            is not None
        )
        generic = any_base or (base is not None and _generic_in_quote(doc, sentence, base))
        # "the base would help both countries": a base named before, with nothing new.
        recalled = (
            not cues
            and base is not None
            and _DEFINITE.search(text, max(0, base.start() - 8), base.start()) is not None
        )
        for m in mentions:
            # "said on January 4 there was no proposal to build any Chinese base": a denial
            # on its day is a milestone, "any" or not
            dated_denial = (
                m.fields.get("status") is ConstructionStatus.DENIED and "date" in m.fields
            )
            generic_here = generic and not (any_base and dated_denial)
            # A base event is a milestone: without a status cue a mention only adds to one.
            m.anaphoric = (
                anaphoric
                or generic_here
                or recalled
                or not cues
                or not (m.fields.get("builder") or m.fields.get("host"))
            )
            # "It"/"the facility" with no date of its own tells more of a base, not a new one.
            m.attach_only = generic_here or not cues or (anaphoric and "date" not in m.fields)
            if any_base and m.fields.get("status") is not ConstructionStatus.DENIED:
                # "any bases that might be established": no milestone, no day ("no proposal
                # to build any base", said on a day, is a denial on that day)
                m.fields.pop("date", None)
                m.spans.pop("date", None)
        return mentions

    def _second_site(
        self,
        sentence: Sentence,
        doc: Document,
        base: re.Match[str],
        cues: list[Cue],
        first: Mention,
    ) -> list[Mention]:
        """A second base joined to the first in another state ("is building up a training
        centre in Romania and a Polish tank base in Drawsko Pomorskie"): its own event."""
        text = doc.text
        place = first.fields.get("location")
        if not isinstance(place, Location) or place.country is None:
            return []
        for other in _BASE_CUE.finditer(text, base.end(), sentence.end, doc.folded(sentence)):
            if not _JOINED_SITE.search(text, max(base.end(), other.start() - 40), other.start()):
                continue
            for m in self._by_milestone(sentence, doc, (other.start(), other.end()), cues[:1]):
                site = m.fields.get("location")
                where = site.country if isinstance(site, Location) else None
                host = m.fields.get("host")
                where = where or (host.code if isinstance(host, Actor) else None)
                if where not in (None, place.country):
                    return [m]
            return []
        return []

    def _payment(self, sentence: Sentence, doc: Document) -> list[Mention]:
        """The rent or lease paid for a base named shortly before, as that base's cost."""
        text = doc.text
        cue = _PAYMENT_CUE.search(text, sentence.start, sentence.end, doc.folded(sentence))
        if cue is None or not doc.money(sentence):
            return []
        if not _base_told_before(sentence, doc):
            return []
        m = Mention(BaseConstruction, sentence, (cue.start(), cue.end()))
        add_money(m, doc)
        m.anaphoric = m.attach_only = True
        return [m]

    def _garrison(self, sentence: Sentence, doc: Document) -> list[Mention]:
        """ "Four British mine-hunter warships are based at the port": the forces and craft
        stationed at a base named shortly before, as that base's garrison."""
        text = doc.text
        cue = _STATIONED.search(text, sentence.start, sentence.end)
        if cue is None or not doc.quantities(sentence):
            return []
        if not _base_told_before(sentence, doc):
            return []
        m = Mention(BaseConstruction, sentence, (cue.start(), cue.end()))
        add_quantities(m, doc, unless=_NOT_GARRISON)
        if "troops" not in m.fields and "equipment" not in m.fields:
            return []
        m.anaphoric = m.attach_only = True
        return [m]

    def _by_milestone(
        self,
        sentence: Sentence,
        doc: Document,
        trigger: tuple[int, int],
        cues: list[Cue],
    ) -> list[Mention]:
        dated: list[Mention] = []
        seen_dates: set[str] = set()
        taken: set[tuple[int, int]] = set()
        steps: list[tuple[ConstructionStatus | None, int, int]] = [*cues] or [(None, *trigger)]
        for status, at, until in steps:
            m = Mention(BaseConstruction, sentence, trigger)
            # Each milestone has its own date: "opened in 2004 under an agreement signed in 1993".
            add_date(m, doc, at=until, skip=frozenset(taken))
            if "date" in m.spans:
                taken.add(m.spans["date"])
            if len(cues) > 1 and "date" in m.fields and doc.dates(sentence):
                key = str(m.fields["date"])
                if key in seen_dates:
                    continue
                seen_dates.add(key)
            self._fill(m, doc, status, (at, until))
            dated.append(m)
            if "date" not in m.fields or len(doc.dates(sentence)) < 2:
                break
        return dated

    def _fill(
        self, m: Mention, doc: Document, status: ConstructionStatus | None, cue: tuple[int, int]
    ) -> None:
        add_factuality(m, doc)
        factuality = m.fields["factuality"]
        if status in _SETTLED and (
            (
                _DONE.match(doc.text, cue[0])
                and not _AUXILIARY.search(doc.text, max(m.sentence.start, cue[0] - 16), cue[0])
            )
            # "the first PLA military base established overseas, will facilitate": a
            # participle right after the base tells what it is, whatever the main verb plans
            or (
                _NOUN_THEN_PARTICIPLE.search(doc.text, max(m.sentence.start, cue[0] - 24), cue[0])
                and not doc.text.startswith(" to ", cue[1])  # "a base built to host": a purpose
            )
        ):
            # "Sarkozy formally opened a naval base, the first to be located abroad": the
            # milestone is told done, whatever an aside after it plans
            factuality = m.fields["factuality"] = Factuality.ACTUAL
        if status in _SETTLED and factuality in (Factuality.PLANNED, Factuality.HYPOTHETICAL):
            # "would be built" is a plan; "will be inaugurated on Tuesday" a scheduled milestone.
            begin, end = clause_bounds(doc, m)
            if (
                "date" not in m.fields
                or _intended(doc.text, begin, end)
                or doc.text.startswith(
                    ("built", "constructed", "refurbished", "renovated", "rebuilt", "repaired"),
                    cue[0],
                )
            ):  # "will be built" is a plan whatever the day it is told
                status = ConstructionStatus.PROPOSED
        if status in _SETTLED and _WANTED.search(
            doc.text, max(m.sentence.start, cue[0] - 60), cue[0]
        ):
            status = ConstructionStatus.PROPOSED  # "asked for permission to open a base"
        if factuality is Factuality.DENIED:
            status = ConstructionStatus.DENIED
        if status is ConstructionStatus.PROPOSED and set_up_in_the_past(m, doc, cue):
            status = ConstructionStatus.OPERATIONAL
        date = m.fields.get("date")
        start = date.start if isinstance(date, DateSpan) and date.end is Bound.OPEN else None
        if status and isinstance(start, PartialDate):
            m.fields["date"] = DateSpan(start)  # "stationed since 1995": the milestone is 1995
        if status is not None:
            m.fields["status"] = status
            m.spans["status"] = cue
        if _SAID.search(doc.text, m.sentence.start, cue[0]):
            m.fields["said"] = True  # "the minister said a base would be set up": a statement
        add_place(m, doc, preps=_SITE_PREPS)
        add_money(m, doc)
        add_quantities(m, doc, unless=_NOT_GARRISON)
        self._roles(m, doc)

    def _roles(self, m: Mention, doc: Document) -> None:
        """Host, then builder: the host stands where the base is; the builder is another state.

        The host is the country of the base's place when one is named, else what a
        frame or the clause says. The builder is the first candidate that is not the
        host, or the host itself when the clause names no other builder.
        """
        s = m.sentence
        framed = self._frames.roles(doc, s, BaseConstruction.type_tag, near=m.trigger[0])
        abroad = abroad_of(m, doc)
        leave_out_a_neighbour(m, doc)
        location = m.fields.get("location")
        placed_by_name = isinstance(location, Location) and location.country is not None
        hosts: list[str] = []
        framed_builders = role_codes(framed, "builder")
        if isinstance(location, Location) and location.country:
            # "let China build a base near the Afghan border": which side of a border the
            # base stands on is a guess the host a frame names overrules
            sided = location.border_with is not None
            hosts += [c for c in role_codes(framed, "host") if sided and c not in framed_builders]
            hosts.append(location.country)
        # "Washington and Manila signed a deal granting US forces access": a listed pair
        # fills the host's slot, but the builder a frame names is no host.
        hosts += [c for c in role_codes(framed, "host") if c not in framed_builders]
        builders = unique(framed_builders + abroad + self._builders(m, doc))
        compared = compared_with(m, doc)
        if compared:
            # "a military base like those maintained by the US and Britain": others' bases
            builders = [c for c in builders if c not in compared]
            framed_builders = [c for c in framed_builders if c not in compared]
        demonyms = _demonym_codes(doc, s, m.trigger[0])
        # ("Beyond supporting activity in Yemen, the creation of bases ...": an aside)
        aside = _ASIDE.match(doc.text, s.start, m.trigger[0])
        # ("established to support the war in neighbouring Afghanistan": an activity's place)
        busy = {h.code for h in doc.actors(s) if in_an_activity(doc.text, s.start, h.start)}
        hosts += [
            c
            for c in object_codes(doc, s, aside.end() if aside else s.start, ("with", "in"))
            if c not in framed_builders and c not in busy
        ]
        # "a deal on American bases agreed between Romania and the United States": the
        # party to the deal that does not build hosts
        if " between " in s.text:
            hosts += [c for c in object_codes(doc, s, s.start, ("between",)) if c not in builders]
        hosts += [c for c in demonyms if c not in builders]
        hosts += builders[1:]
        if not placed_by_name and (described := _described_state(m, doc, builders)):
            # "the UK will build a base in the small Gulf kingdom": the state told of before
            hosts.insert(0, described)
        host = next(iter(unique(hosts)), None)
        others = [c for c in unique(builders) if c != host]
        if not others and not builders:  # only named: the one that keeps bases abroad builds
            # (not who says it: "the Somali minister said the camp would open")
            reported = reported_clause_start(doc, s, m.trigger[0])
            critics = _critics(m, doc)
            named = unique(
                h.code
                for h in doc.actors(s)
                if h.code != host
                and h.start >= reported
                and not in_other_relation(doc.text, h)
                and h.code not in critics
                and h.code not in compared
                and h.code not in busy
                # "a base in eastern Libya, close to Egypt": a neighbour names where it is
                and not NEAR_BEFORE.search(doc.text, max(s.start, h.start - 20), h.start)
                # "Manas airbase - a logistics hub for Afghanistan": what the base serves
                and not (h.code not in BASING_STATES and _FOR.search(doc.text, s.start, h.start))
            )
            if _base_of(s, doc) is None:
                # "A copy of the agreement was posted by a New Zealand academic": "the
                # agreement" is a base's told before; who did something else to it is no
                # builder
                agents = {
                    h.code
                    for h in doc.actors(s)
                    if _BY_AGENT.search(doc.text, max(s.start, h.start - 12), h.start)
                }
                named = [c for c in named if c not in agents]
            elif _OPENS_ON_THE_BASE.fullmatch(doc.text, s.start, m.trigger[0]):
                # "The bases are seen as important in Romania's drive ... to join the EU":
                # the bases told of before; a body named in passing builds none
                named = [c for c in named if is_country_code(c)]
            ranked = sorted(named, key=lambda code: code not in BASING_STATES)
            others, hosts = ranked[:1], hosts + ranked[1:]
        # A state builds on its own soil when the clause names it as the builder, not
        # when a frame names it as the host ("Vanuatu has no intention of hosting ...").
        framed_host = host in role_codes(framed, "host")
        alone = all(h.code == host for h in doc.actors(s) if is_country_code(h.code))
        at_home = host in builders and not framed_host and alone
        builder = others[0] if others else (host if at_home else None)
        if builder is None and host is not None:
            # "Equatorial Guinea is in talks with China over a base in Bata": the host's
            # partner builds
            builder = next(
                (c for c in object_codes(doc, s, s.start, ("with",)) if c not in (host, None)),
                None,
            )
        if host is None and builder is not None:
            host = next((c for c in unique(hosts) if c != builder), None)
        if host is None and builder is not None and _denies_a_clause(m, doc):
            # "Kiribati denied that China plans to build a base there": the denier hosts
            denier = subject_codes(doc, s, m.spans["status"][0])
            host = next((c for c in denier if c != builder and is_country_code(c)), None)
        placed = bool(isinstance(location, Location) and location.country) or "host" in framed
        if not placed and builder not in framed_builders and _keeps_bases_abroad(host, builder):
            builder, host = host, builder  # "Kenya and the United States agreed to extend ..."
        if (
            builder is not None
            and builder not in framed_builders
            and (host is None or (at_home and not others))
        ):
            # no host named, or the host named is only where the clause's subject is: at
            # home, if no other reading names another builder ("Chavez denied talks on a
            # base on La Orchila" beside "denied offering Russia a base there")
            m.fields["home"] = True
        if host and not is_country_code(host):
            host = None  # a base stands in a state: a party or agency named is no host
        if builder:
            m.fields["builder"] = coded_actor(builder)
        if host:
            m.fields["host"] = coded_actor(host)

    def _builders(self, m: Mention, doc: Document) -> list[str]:
        """Builders the clause names: "with the help of", the subject, a demonym."""
        s, text = m.sentence, doc.text
        verb_or_noun = min(m.trigger[0], m.spans.get("status", m.trigger)[0])
        if _denies_a_clause(m, doc):
            verb_or_noun = m.trigger[0]  # the clause's subject builds, not the denier
        # "by X" names the builder only after a verb of building (a frame: "built by X");
        # "approved by Somaliland's parliament" names the host.
        builders: list[str] = []
        helped = _HELP.search(text, s.start, s.end)
        if helped:
            builders = object_codes(doc, s, helped.start(), ("help", "of", "funding", "support"))
        if not builders:
            builders = subject_codes(doc, s, verb_or_noun, reported=True)
        critics = _critics(m, doc)
        builders = [c for c in builders if c not in critics]
        if not builders and _denies_a_clause(m, doc) and _tells_of_the_denier(m, doc):
            # "China denied that it plans to build a base", "Venezuela denied that a base
            # would be built": with no other subject, the denier is the one told of
            builders = subject_codes(doc, s, m.spans["status"][0])
        # "Somaliland agrees to a UAE military base", "Kenya and Somalia denied reports that a
        # Turkish base would be built": the subject may be the host or a denier; the state
        # named with the base's noun builds it.
        # (the nearest: "Somaliland signs deal for UAE base" has no article to tell them by;
        # not the state the base stands in: "Philippine bases, including U.S.-built ...")
        named = _demonym_codes(doc, s, m.trigger[0])
        place = m.fields.get("location")
        sited = place.country if isinstance(place, Location) else None
        if builders and sited not in builders and not _APPROVES.search(text, s.start, m.trigger[0]):
            # "New Zealand funded the upgrade of Tonga's army camp": the state whose base
            # another subject works on hosts it (not "Syria approved the expansion of
            # Russia's base in Tartus": the host lets the owner build)
            owners = {
                h.code
                for h in doc.actors(s)
                if h.start < m.trigger[0]
                # ("Tonga's" or the organ read with it, "Tonga's army")
                and _POSSESSIVE.search(text, h.start, min(s.end, h.end + 3))
                and _OF_BEFORE.search(text, max(s.start, h.start - 8), h.start)
            }
            named = [c for c in named if c not in owners or c in builders]
        # "a disused Soviet airbase": a state that no longer exists built it long ago, and
        # whoever the clause names repairs or uses it now
        gone = [c for c in named if c in _DISSOLVED]
        named = [c for c in named if c not in _DISSOLVED]
        return unique(([c for c in named if c != sited] or named)[-1:] + builders + gone[-1:])

    def accept(self, event: Event) -> bool:
        """A base event needs a builder or a host."""
        return isinstance(event, BaseConstruction) and (
            event.builder is not None or event.host is not None
        )


_OF_BEFORE: Final = _fastre.compile(r"\bof\s+(?:the\s+)?$")
_POSSESSIVE: Final = _fastre.compile(r"\w['\u2019]s\b")
_APPROVES: Final = _fastre.compile(
    r"\b(?:approv|allow|permit|authori[sz]|agree|consent|ratif|let)\w*\b", re.IGNORECASE
)
#: "which critics fear could become a naval base": what something might turn into.
_MIGHT_BECOME: Final = _fastre.compile(
    r"\b(?:could|might|may|would|will|to)\s+(?:one day\s+|eventually\s+|later\s+)?"
    r"(?:become|turn into|be turned into|be converted into|serve as)\s+(?:a|an)\s+"
    r"(?:[\w\-]+\s+){0,2}$"
)
#: Forces or craft kept at a place: "are based at", "will be stationed in".
_STATIONED: Final = _fastre.compile(
    r"\b(?:are|is|were|was|will be|would be|to be|remain|remains)\s+(?:now\s+|currently\s+|"
    r"permanently\s+)?(?:based|stationed|deployed|housed|garrisoned)\s+(?:at|in|on)\b"
)
#: A participle of purpose after a comma: "..., seeking a strategic foothold".
_PURPOSE: Final = _fastre.compile(r",\s*$")
_PURPOSE_WORDS: Final = ("seeking", "hoping", "aiming", "wanting", "looking", "trying")
#: A fronted phrase setting something else aside: "Beyond supporting activity in Yemen,".
_ASIDE: Final = _fastre.compile(
    r"\W*(?:Beyond|Besides|Apart from|Aside from|Unlike|Like|In addition to)\b[^,;]*,"
)
#: The subject of a milestone's verb that is something else than the base: drills named or
#: a pronoun ("Named Noble Partner 18, they opened Wednesday at the Vaziani air base").
_OTHER_SUBJECT: Final = _fastre.compile(
    r"\b(?:they|drills?|exercises?|manoeuvres|maneuvers|games|ceremony|talks|summit)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: "at the Vaziani air base": a base named as where something happens.
_VENUE: Final = _fastre.compile(r"\b(?:at|from)\s+(?:the\s+)?(?:[A-Z][\w\-']*\s+){0,3}$")
#: Between a milestone's verb and the base named as a venue: a day, no object of the verb.
_NO_OBJECT_BETWEEN: Final = _fastre.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
    r"yesterday|here|there|officially|formally))*\s+(?:at|from)\s+(?:the\s+)?"
    r"(?:[A-Z][\w\-']*\s+){0,3}"
)
#: A clause of its own after the base's: "..., but denied that ...".
_BUT: Final = _fastre.compile(r",\s+but\s+")
#: "in the small Gulf kingdom", "in the Central Asian state": a state told of before, by
#: what it is.
_DESCRIBED_STATE: Final = _fastre.compile(
    r"\b(?:in|on|at)\s+the\s+(?:(?:[a-z\-]+|[A-Z][\w\-]+)\s+){1,3}"
    rf"{STATE_NOUNS}\b"
)
#: How many sentences back the state so described may have been named.
_DESCRIBED_REACH: Final = 4


def _described_state(m: Mention, doc: Document, builders: list[str]) -> str | None:
    """The state last named before ``m``'s sentence (not a builder, nor one the sentence
    names) when the clause places the base "in the small Gulf kingdom"."""
    s = m.sentence
    begin, end = clause_bounds(doc, m)
    if _DESCRIBED_STATE.search(doc.text, max(begin, m.trigger[1]), end) is None:
        return None
    named_here = {h.code for h in doc.actors(s) if is_country_code(h.code)}
    # "Vanuatu's prime minister denied that China wants a base on the island nation": a
    # state the sentence names that keeps no bases abroad; else one told of before (not
    # "the UK will build ... for the Royal Navy")
    here = [c for c in named_here if c not in builders and c not in BASING_STATES]
    if len(here) == 1:
        return here[0]
    for earlier in reversed(doc.sentences[max(0, s.index - _DESCRIBED_REACH) : s.index]):
        states = [h.code for h in doc.actors(earlier) if is_country_code(h.code)]
        others = [c for c in states if c not in builders and c not in named_here]
        if others:  # (a state so described is most often a host, not one with bases abroad)
            return ([c for c in others if c not in BASING_STATES] or others)[-1]
    return None


def _base_told_before(sentence: Sentence, doc: Document) -> bool:
    """Whether a base is named shortly before ``sentence`` (its rent, its garrison)."""
    since = max(0, sentence.start - _TOLD_BEFORE_REACH)
    return _BASE.search(doc.text, since, sentence.start) is not None


def _denies_a_clause(m: Mention, doc: Document) -> bool:
    """Whether the base's status is a denial of a clause that holds it ("Kiribati denied
    that China plans to build a base")."""
    status = m.spans.get("status")
    return (
        m.fields.get("status") is ConstructionStatus.DENIED
        and status is not None
        and status[0] < m.trigger[0]
        and (found := _DENIED_THAT.match(doc.text, status[0])) is not None
        and found.end() <= m.trigger[0]
    )


def _tells_of_the_denier(m: Mention, doc: Document) -> bool:
    """Whether the denied clause is about the denier: "it" ("the Pentagon denied reports
    that it would open a base"), or no other state ("Venezuela denied that a base would be
    built"), not "denied that the outpost is a Chinese base"."""
    after = m.spans["status"][1]
    if _ITS_OWN.search(doc.text, after, m.trigger[0]):
        return True
    place = m.fields.get("location")
    sited = place.country if isinstance(place, Location) else None
    return not any(
        h.start >= after and is_country_code(h.code) and h.code != sited
        for h in doc.actors(m.sentence)
    )


def _critics(m: Mention, doc: Document) -> set[str]:
    """States that voice concern about the base ("Australia expressed concern about plans
    for a base in Vanuatu"): critics, not builders."""
    s = m.sentence
    concern = _CONCERN_ABOUT.search(doc.text, s.start, m.trigger[0])
    if concern is None:
        return set()
    return {h.code for h in doc.actors(s) if h.end <= concern.start()}
