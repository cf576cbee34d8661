"""What a sentence says of a base's status: the cue words of each status, in order.

A cue right after a negation denies ("does not allow any foreign base"); a deal's words
under a plan ("a draft agreement", "will be signed") or the terms a plan "would allow"
propose rather than agree.
"""

from __future__ import annotations

import re
from typing import Final

from .. import _fastre
from .._fastre import TwinPattern
from ..model.vocab import ConstructionStatus
from ._regex import words
from .clues import DENIAL_VERBS, FALSE_REPORT
from .common import NEGATION

__all__ = ["MILESTONES", "Cue", "reported_would", "status_cues"]

#: Status cues, checked in order; the first that matches a clause wins.
_STATUS: Final = (
    (
        ConstructionStatus.DENIED,
        words(
            rf"{DENIAL_VERBS}|ruled out|rules out|ruling out|"
            # "he knows nothing about any plans to build an air base"
            r"(?:knows?|knew) nothing (?:about|of)|(?:is|was|are|were) (?:not |un)aware of|"
            r"refus(?:e|es|ed|ing) to (?:allow|permit|let|host|grant|accept)|turned down|"
            # "Belarus did not need a Russian military base", "has no need for a base"
            r"(?:does|do|did) not need|(?:doesn|don|didn)['\u2019]t need|"
            r"(?:has|have|had) no need (?:for|of)|" + FALSE_REPORT,
            re.I,
        ),
    ),
    (
        ConstructionStatus.UNDER_CONSTRUCTION,
        words(
            r"under construction|being (?:built|upgraded|expanded|constructed|refurbished|"
            r"renovated|moderni[sz]ed|developed|rebuilt|redeveloped)|"
            r"(?:is|are|was|were|been) (?:now |currently |already |still |[a-z]+ly )?"
            r"(?:building|constructing|expanding|upgrading|setting up|developing|redeveloping|"
            r"moderni[sz]ing|renovating|refurbishing)|"
            r"(?:began|begun|begins|begin|started|starts|start) (?:building|work|construction)|"
            # "began the construction of a base", "launched the building of"
            r"(?:began|begun|begins|begin|started|starts|start|launch(?:ed|es)?|commenc\w+) "
            r"the (?:construction|building) of|"
            # ("development of the base", not "economic development continues to lag")
            r"(?:construction|work|renovation|refurbishment|expansion|upgrade|phase|"
            r"development(?= of\b)) "
            r"(?:[\w'\-]+,? ){0,8}?(?:began|begun|begins|started|starts|"
            r"starting|beginning|"
            # "while construction of the base goes on", "work on the base continues"
            r"goes on|went on|continues(?! to\b)|continued(?! to\b)|is continuing|"
            r"(?:is|was) ongoing|"
            r"(?:is|was|got) under ?way|(?:is|was) to (?:begin|start)|will (?:begin|start))|"
            # "Emirati forces are now working to finish a military facility"
            r"(?:is|are|was|were) (?:now |still )?working (?:to|on) (?:finish|complete|build)\w*"
            r"(?! (?:the |a |an )?(?:negotiations?|talks|deal|agreement|plans?|accord)\b)|"
            r"groundbreaking|broke ground|taking shape|"
            # "Ground has been broken on the project", "ground was broken in May"
            r"ground (?:has |had )?(?:been |was |is )broken|"
            r"(?:nearly|almost|partly|partially|half) (?:complete|completed|finished|built)|"
            r"near(?:s|ing)? completion|"
            r"breaks ground|foundation stone|laid the foundation|"
            # "the construction site of the Ream Naval Base was inspected"
            r"construction site (?:of|at)(?! (?:the |a |an )?(?:proposed|planned|former|possible|"
            r"future|old)\b)",
            re.I,
        ),
    ),
    (
        ConstructionStatus.OPERATIONAL,
        words(
            r"open|opened|opens|re-?open(?:s|ed)?|inaugurat\w+|commissioned|operates|"
            # (not the adjective: "a running sore", "the running costs")
            r"running(?<!\ba running)(?<!\bthe running)(?! (?:sore|battle|costs?|feud))|"
            # (not "Forward Operating Base": the kind of base, no milestone)
            r"operating(?! (?:[Bb]ases?|[Ll]ocations?|[Ss]ites?|[Cc]ost))|"
            r"declared operational|"
            r"(?:been|is|are|was|were|became|become|gone|went|goes|now) (?:fully )?operational|"
            r"(?:opening|inauguration|flag|flag-raising|handover|commissioning) ceremony|"
            # (not "unveiled plans for a base": a plan)
            r"unveil(?:s|ed|ing)?(?! (?:a |the |its |their |new )?(?:plans?|proposals?|designs?|"
            r"blueprints?|details?|models?|projects?)\b)|"
            r"ceremony (?:was|is) held|held a ceremony|"
            r"cut(?:s|ting)? the ribbon|ribbon[- ]cutting|"
            r"established|"
            r"been (?:stationed|based|deployed|operating|running|in operation)|"
            r"(?:has|have|had) (?:long |since )?(?:operated|run)|"
            r"(?:has|have|had) (?:also )?deployed|"
            r"(?:has|have|had|was|were|been) set up|(?:formally|officially) set up",
            re.I,
        ),
    ),
    (
        ConstructionStatus.COMPLETED,
        words(
            r"built|constructed|completed|finished|(?:is|are|was|were|now) complete|"
            # "a former Soviet airbase that India refurbished in 2007": work done
            r"(?:refurbished|renovated|rebuilt|repaired)(?<!being refurbished)(?<!being renovated)"
            r"(?<!being rebuilt)(?<!being repaired)|"
            # "Russia's base in Syria was expanded in 2017": the work done
            r"(?:was|were|has been|have been|had been) (?:\w+ly )?"
            r"(?:expanded|enlarged|upgraded|moderni[sz]ed)|"
            # "celebrated the completion of China-funded facilities at a naval base"
            r"(?:celebrat\w+|mark\w*|hail\w*|announc\w+) the completion",
            re.I,
        ),
    ),
    (
        ConstructionStatus.AGREED,
        words(
            r"agree\w*|deal|ratif\w+|signed|signing|lease|leases|leased|protocol|treaty|"
            r"terms|approved|accord|pact|extension|extend(?:s|ed|ing)?|consent\w*|"
            r"prolong\w*|memorandum|invest(?:s|ed|ing|ment)?|financ(?:e|es|ed|ing)|"
            r"pour(?:s|ed|ing)?|plough(?:s|ed|ing)?|plow(?:s|ed|ing)?|"
            # (not the noun: "obtain building permits")
            r"allow(?:s|ed|ing)?|"
            r"permit(?<!building permit)(?<!construction permit)(?<!work permit)(?:s|ted|ting)?|"
            r"grant(?:s|ed|ing)?|invit(?:e|es|ed|ing)|gain(?:s|ed|ing)? access|"
            r"funded|paid for|pays for|cover the cost|"
            r"consensus (?:was |had been |has been )?reached|"
            r"reached (?:a |an )?(?:consensus|understanding)",
            re.I,
        ),
    ),
    (
        ConstructionStatus.PROPOSED,
        words(
            # (not "planning events", "a planning conference": meetings to plan something)
            r"plans?|planned|planning(?! (?:events?|conferences?|meetings?|sessions?|staff|"
            r"cells?|teams?|phase|process|officers?|documents?)\b)|"
            r"build|construct|set up|establish|fund|spend|deploy|station|"
            # "announced the construction of a naval base": a decision, not yet work
            r"(?:announc|order|decree|decid\w* on)\w* the (?:construction|building) of|"
            r"send|sends|sending|"
            r"expand|enlarge|upgrade|moderni[sz]e|"
            r"propos\w+|offer\w*|host|willing|intends?|intention|considering|weighing|"
            r"draft|seek\w*|request\w*|negotiat\w+|talks|possible|potential|prospective|future|"
            r"eye(?:s|d|ing)|mull(?:s|ed|ing)?|explor(?:e|es|ed|ing)|pursu(?:e|es|ed|ing)|"
            r"(?:will|would|to|shall) be (?:expanded|enlarged|upgraded|moderni[sz]ed)|"
            r"wants?|wanted|discussed|discussing|"
            # "a naval base is to be placed by Russia in Tartus"
            r"(?:to|will|would|shall) be (?:placed|located|sited|positioned)",
            re.I,
        ),
    ),
)
#: A negation right before a cue: "has not agreed", "does not allow", "never built",
#: "had no plans to allow", "has no intention of building".
_NEGATED: Final = _fastre.compile(
    rf"\b{NEGATION}$|\bno\s+$"
    r"|\bno\s+(?:plans?|intentions?|desire|wish|interest|need)\s+(?:to|of|in)\s+$"
    # "there has never been a plan to", "there was never any plan"
    r"|\bnever\s+(?:been\s+)?(?:a|any)\s+$",
    re.IGNORECASE,
)
#: A negated request or plan before the cue: "has never asked to build", "neither Russia
#: nor NATO asked to open" (a cue farther from its negation than ``_NEGATED`` looks).
_NEGATED_REQUEST: Final = _fastre.compile(
    # (not "has not only asked", "not yet asked", "whether or not Russia planned")
    r"(?:\b(?<!\bor )(?:not|never|\w*n['\u2019]t)\s+"
    r"(?!(?:only|just|yet|merely|simply)\b)(?:\w+\s+)?"
    r"|\bneither\s+[^.;,]{1,60}?\bnor\s+(?:[\w\-'\u2019]+\s+){1,4}?(?:\w+\s+)?)"
    r"(?:asked|ask|sought|seek|requested|request|planned|plan|intended|intend|wanted|want|"
    r"tried|try|proposed|propose|applied|apply)\s+(?:for\s+permission\s+)?to\s+$",
    re.IGNORECASE,
)
#: "a draft security agreement", "the deal will be signed soon": a deal not yet made.
_NOT_YET_AGREED: Final = _fastre.compile(
    # (lower case: "Proposed Seychelles-India Agreement" is a headline's title case)
    r"\b(?:draft|proposed|planned|possible|potential|future)\s+(?:[\w\-]+\s+){0,3}$"
    r"|\b(?:will|would|shall|to|expected to|set to|due to)\s+(?:be\s+)?(?:soon\s+)?"
    r"(?:sign(?:ed)?\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2})?$"  # "will sign a deal"
)
#: The cues of a deal itself ("will allow" is a deal's term, agreed already).
_DEAL_WORDS: Final = (
    "sign",
    "agreement",
    "deal",
    "accord",
    "treaty",
    "pact",
    "lease",  # "land will be leased next year": a lease still to be made
    "memorandum",
    "invest",  # "will invest $30m to expand its base": money promised, not yet spent
    "financ",
    "pour",
)
#: "gave their approval to the revised draft agreement": the draft is agreed.
#: What a deal lets a state do ("would allow", "permits"): a term of the deal, or of a plan.
_TERMS: Final = ("allow", "permit", "grant", "enabl")
#: "The plans, which must be approved by the cabinet, would allow China to deploy": the
#: terms of a plan not yet agreed.
_PLAN_WOULD: Final = _fastre.compile(
    r"\b(?:[Pp]lans?|[Dd]rafts?|[Pp]roposals?|proposed (?:agreement|deal|pact|treaty))\b"
    r"[^.;]{0,90}?\b(?:would|could|will|may|might)\s+$"
)
#: "projected to host up to 500 troops": how many a base holds, its size, no plan.
_CAPACITY: Final = _fastre.compile(
    r"\s+(?:(?:up to|as many as|about|around|some|nearly|more than|over)\s+)?"
    r"(?:\d[\d,.]*|a few|several|hundreds|thousands)\b"
)
#: "Djibouti is also host to US and French bases": bases there now, as "hosts" tells.
_IS_HOST_TO: Final = _fastre.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:also\s+|already\s+|now\s+)?"
    r"(?:a\s+|the\s+)?host\s+to\s+$"
)
#: "announced a £23.8m investment to expand the base": money promised, not yet agreed.
_PROMISED: Final = _fastre.compile(
    # "the budget foresees an investment of $57 million": a sum planned
    r"\b(?:announc\w*|pledg\w*|promis\w*|foresee\w*|envisag\w*)\s+(?:\S+\s+){0,4}$"
)
_MONEY_WORDS: Final = ("invest", "financ", "pour", "fund")
#: "could open a base", "might be built": a milestone only thought possible, a plan.
_POSSIBLE: Final = _fastre.compile(r"\b(?:could|might|may|would)\s+(?:\w+\s+){0,2}$")
#: The statuses that tell work done or under way, not a deal or a plan.
MILESTONES: Final = frozenset({
    ConstructionStatus.UNDER_CONSTRUCTION,
    ConstructionStatus.OPERATIONAL,
    ConstructionStatus.COMPLETED,
})  # fmt: skip
_APPROVED: Final = _fastre.compile(r"\b(?:approv|ratif|endors|adopt)\w*\b", re.IGNORECASE)
#: "has not been completed yet", "not yet built": a milestone still to come, no denial.
_YET_AFTER: Final = _fastre.compile(r"\s+(?:\w+\s+){0,2}?yet\b")
_YET_BEFORE: Final = _fastre.compile(r"\byet\s+(?:\w+\s+){0,2}$")
#: "jointly building a safer future": building that is no construction.
_FIGURATIVE_OBJECT: Final = _fastre.compile(
    r"\s+(?:(?:a|an|the|our|their|its|new|more|stronger|safer|better|lasting|closer|"
    r"mutual|[a-z]+er|[a-z]+,)\s+){0,5}(?:future|relations(?:hip)?s?|partnerships?|trust|ties|"
    r"bridges?|confidence|capacit(?:y|ies)|consensus|momentum|peace|cooperation|friendship|"
    r"alliances?|understanding|resilience|security architecture)\b",
    re.IGNORECASE,
)
#: "signed a decree on the establishment of a base": one side's order, not a deal.
_DECREE_AFTER: Final = _fastre.compile(
    r"\s+(?:a|an|the)\s+(?:[\w\-]+\s+)?(?:decree|order|directive|instruction)\b(?![^.;]{0,40}\bratif)"
)
#: "Armenia will allow Russia to extend its lease": a state's promise, not a deal's term.
_WILL_BEFORE: Final = _fastre.compile(
    r"\b(?:will|would|is ready to|are ready to|is willing to|are willing to|is prepared to)\s+$"
)
_DEAL_NOUN: Final = _fastre.compile(
    r"\b(?:agreements?|deals?|accords?|treat(?:y|ies)|pacts?|protocols?|memorand\w+|"
    r"contracts?|leases?|arrangements?|terms)\b",
    re.IGNORECASE,
)
#: A status cue: the status and the span of the words that state it.
Cue = tuple[ConstructionStatus, int, int]


def status_cues(
    text: str, start: int, end: int, skip: tuple[tuple[int, int], ...] = ()
) -> list[Cue]:
    """Every status cue in ``text[start:end]`` outside ``skip``, with its span.

    The first cue of each status counts.
    """
    found: list[Cue] = []
    for status, pattern in _STATUS:
        for match in pattern.finditer(text, start, end):
            if (
                status is ConstructionStatus.PROPOSED
                and match.group().lower() == "host"
                and (
                    _CAPACITY.match(text, match.end())
                    or _IS_HOST_TO.search(text, max(start, match.start() - 24), match.end() + 4)
                )
            ):
                continue  # "can host 500 troops"; "is also host to US and French bases"
            if status is ConstructionStatus.UNDER_CONSTRUCTION and _FIGURATIVE_OBJECT.match(
                text, match.end()
            ):
                continue  # "we are jointly building a safer, more secure future"
            if not any(a <= match.start() < b for a, b in skip):
                negated = _NEGATED.search(
                    text, max(start, match.start() - 24), match.start()
                ) or _NEGATED_REQUEST.search(text, max(start, match.start() - 120), match.start())
                if (
                    negated
                    and status in MILESTONES
                    and (
                        _YET_AFTER.match(text, match.end(), end)
                        or _YET_BEFORE.search(text, max(start, match.start() - 16), match.start())
                    )
                ):
                    continue  # "talks have not been completed yet": still to come
                if negated:
                    status = ConstructionStatus.DENIED  # "does not allow any foreign base"
                elif (
                    status is ConstructionStatus.AGREED
                    and match.group().lower().startswith(_DEAL_WORDS)
                    and _NOT_YET_AGREED.search(text, max(start, match.start() - 40), match.start())
                    and not _APPROVED.search(text, max(start, match.start() - 60), match.start())
                ):
                    status = ConstructionStatus.PROPOSED  # "a draft agreement", "will be signed"
                elif (
                    status is ConstructionStatus.AGREED
                    and match.group().lower().startswith(_MONEY_WORDS)
                    and _PROMISED.search(text, max(start, match.start() - 50), match.start())
                ):
                    status = ConstructionStatus.PROPOSED  # "announced a £23.8m investment"
                elif (
                    status is ConstructionStatus.AGREED
                    and match.group().lower().startswith(_TERMS)
                    and _PLAN_WOULD.search(text, max(start, match.start() - 120), match.start())
                ):
                    status = ConstructionStatus.PROPOSED  # "The plans ... would allow China to"
                elif (
                    status is ConstructionStatus.AGREED
                    and match.group().lower().startswith(_TERMS)
                    and _WILL_BEFORE.search(text, max(start, match.start() - 20), match.start())
                    and not _DEAL_NOUN.search(text, max(start, match.start() - 80), match.start())
                ):
                    status = ConstructionStatus.PROPOSED  # "Armenia will allow Russia to"
                elif (
                    status is ConstructionStatus.AGREED
                    and match.group().lower() == "signed"
                    and _DECREE_AFTER.match(text, match.end())
                ):
                    status = ConstructionStatus.PROPOSED  # "Putin signed a decree on a base"
                elif status in MILESTONES and _possible(text, start, match.start()):
                    status = ConstructionStatus.PROPOSED  # "Turkey could open a base"
                later = (
                    []
                    if status is ConstructionStatus.DENIED
                    else (_negated_later(text, pattern, match.end(), end, skip))
                )
                found += later or [(status, match.start(), match.end())]
                break
    return found


#: Pieces one of which every negation _NEGATED finds holds ("cannot" holds "no"; a
#: capitalised "Never" opens the sentence, before any later cue).
_NEGATION_PIECES: Final = ("no", "n't", "never", "NO", "N'T", "NEVER", "n\u2019t")


def _possible(text: str, start: int, at: int) -> bool:
    """Whether a modal makes the milestone at ``at`` only possible: "could open"; not the
    "would" of reported speech ("the minister said the camp would open next month")."""
    modal = _POSSIBLE.search(text, max(start, at - 30), at)
    if modal is None:
        return False
    return not (
        text.startswith("would", modal.start()) and reported_would(text, start, modal.start())
    )


def reported_would(text: str, start: int, at: int) -> bool:
    """Whether the "would" at ``at`` is reported speech's ("said the camp would open")."""
    return _SAID_BEFORE.search(text, max(start, at - 100), at) is not None


#: A verb of saying whose clause a "would" is in: "said the camp would open".
_SAID_BEFORE: Final = _fastre.compile(
    r"\b(?:said|says|told|announced|stated|confirmed|added)\b(?:\s+\w+)?(?:\s+that)?\s+"
    r"(?:[\w\-']+\s+){0,6}$"
)


def _negated_later(
    text: str, pattern: TwinPattern, start: int, end: int, skip: tuple[tuple[int, int], ...]
) -> list[Cue]:
    """A later cue of the same status that is negated: "the agreement does not invite
    China to establish a base" denies what the first cue ("agreement") names."""
    if not any(text.find(word, start, end) >= 0 for word in _NEGATION_PIECES):
        return []  # (most sentences: no negation after the first cue, no search)
    for match in pattern.finditer(text, start, end):
        if any(a <= match.start() < b for a, b in skip):
            continue
        if _NEGATED.search(text, max(start, match.start() - 24), match.start()):
            return [(ConstructionStatus.DENIED, match.start(), match.end())]
    return []
