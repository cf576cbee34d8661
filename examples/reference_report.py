"""The four events of the reference report, built with the secevents API.

Run: ``python examples/reference_report.py [path/to/seed.json]`` — prints the
events as JSON Lines and checks that reading them back gives the same events.
"""

from __future__ import annotations

import io
import json
import sys
from decimal import Decimal
from pathlib import Path

import secevents as se

DEFAULT_REPORT = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus" / "seed.json"


def build_events(text: str) -> tuple[se.Event, ...]:
    """The reference report's events, each with the span of ``text`` that states it."""

    def quote(words: str) -> se.Evidence:
        return se.Evidence.of(text, words)

    source = se.Source(publisher="Khaama Press", kind=se.SourceKind.NEWS_AGENCY)
    reported = se.DateSpan.parse("2021-10-28")
    wakhan_base = se.BaseConstruction(
        date=se.DateSpan.parse("2021-10-27"),
        reported=reported,
        location=se.Location(
            name="Wakhan",
            country="TJK",
            border_with="AFG",
            precision=se.LocationPrecision.BORDER,
            near=True,
        ),
        factuality=se.Factuality.PLANNED,
        summary="China to fund a military base in Tajikistan near the Afghan border (Wakhan).",
        sources=(source,),
        evidence=(
            quote(
                "China is willing to build a military base on the border of Tajikistan "
                "with Afghanistan -- Dushanbe officials have confirmed the media reports "
                "on Wednesday."
            ),
            quote("China would spend around $8.6 million to build a military base"),
            quote("The military post would be built close to Wakhan"),
        ),
        builder=se.Actor.state("CHN", name="China"),
        host=se.Actor.state("TJK", name="Tajikistan"),
        facility=se.Facility.MILITARY_BASE,
        cost=se.Money(amount=Decimal("8600000"), currency="USD", qualifier=se.Qualifier.APPROX),
        status=se.ConstructionStatus.AGREED,
        garrison=(se.Actor.military("TJK", name="Tajik troops"),),
        excluded_forces=(se.Actor.military("CHN", name="Chinese troops"),),
    )
    kulob_base = se.BaseConstruction(
        date=se.DateSpan.parse("2016"),
        reported=reported,
        location=se.Location(
            name="Kulob", country="TJK", precision=se.LocationPrecision.SETTLEMENT
        ),
        factuality=se.Factuality.ACTUAL,
        sources=(source,),
        evidence=(
            quote("China has already been running a military base in Kulob of Tajikistan."),
            quote("It was built by the Chinese government in 2016."),
        ),
        builder=se.Actor.government("CHN", name="the Chinese government"),
        host=se.Actor.state("TJK", name="Tajikistan"),
        facility=se.Facility.MILITARY_BASE,
        status=se.ConstructionStatus.COMPLETED,
        tags=("background",),
    )
    communique = se.DiplomaticCommunique(
        reported=reported,
        location=se.Location(country="TJK", precision=se.LocationPrecision.COUNTRY),
        factuality=se.Factuality.ACTUAL,
        sources=(source,),
        evidence=(
            quote(
                "a communique written and sent from Tajik President Emomali Rahmon to the "
                "Chinese embassy"
            ),
        ),
        sender=se.Actor.person("Emomali Rahmon", title="President", country="TJK"),
        recipient=se.Actor.government("CHN", name="the Chinese embassy"),
        medium=se.Medium.COMMUNIQUE,
        content=(
            "Beijing should develop more border outposts on the border with Afghanistan "
            "in return for giving full control of their previous base."
        ),
        requests=("more border outposts on the border with Afghanistan",),
        tags=("background",),
    )
    drills = se.JointExercise(
        date=se.DateSpan.parse("2021-10-23"),
        reported=reported,
        location=se.Location(
            country="TJK",
            border_with="AFG",
            precision=se.LocationPrecision.BORDER,
            near=True,
        ),
        factuality=se.Factuality.ACTUAL,
        sources=(se.Source(publisher="Associated Press", kind=se.SourceKind.NEWS_AGENCY),),
        evidence=(
            quote(
                "On October 23, Friday, Russian and Tajik troops conducted joint drills "
                "near Tajikistan’s border with Afghanistan"
            ),
            quote(
                "weeklong war games that brought together about 5,000 troops and over 700 "
                "armoured vehicles"
            ),
        ),
        participants=(
            se.Actor.state("RUS", name="Russia"),
            se.Actor.state("TJK", name="Tajikistan"),
        ),
        framework=se.Actor.organization("CSTO", name="Collective Security Treaty Organization"),
        troops=se.Quantity(5000, qualifier=se.Qualifier.APPROX, unit="troops"),
        equipment=(
            se.Equipment(
                kind=se.EquipmentKind.ARMOURED_VEHICLES,
                quantity=se.Quantity(700, qualifier=se.Qualifier.MORE_THAN),
            ),
        ),
        domains=(se.Domain.LAND,),
        purpose="prepare for possible security threats issued from Afghanistan",
    )
    return (wakhan_base, kulob_base, communique, drills)


def main(argv: list[str]) -> int:
    """Build the events of the report at ``argv[1]`` (default: the bundled copy) and print them."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_REPORT
    report = json.loads(path.read_text(encoding="utf-8"))
    events = build_events(report["text"])
    buffer = io.BytesIO()
    se.write_jsonl(events, buffer)
    sys.stdout.write(buffer.getvalue().decode())
    buffer.seek(0)
    assert tuple(se.read_jsonl(buffer)) == events, "round trip lost information"
    print(f"{len(events)} events built, serialized and read back equal", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
