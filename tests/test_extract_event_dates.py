"""How an extracted event's date is told: sentences written for these tests (issue 9).

Reports are published on Thursday 2021-10-28 (``conftest.PUBLISHED``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import secevents as se
from secevents.extraction._event_dates import as_told
from secevents.extraction._merge_dates import close, closes
from secevents.model.dates import DateSpan
from secevents.testing import date_spans

if TYPE_CHECKING:
    from conftest import Read


def date_of(event: se.Event) -> str | None:
    return str(event.date) if event.date else None


@pytest.mark.parametrize(
    ("reading", "said", "told"),
    [
        # An approximate end: the months the text names.
        ("2021-11-01/2021-11-10~", "early November", "2021-11"),
        ("2021-11-21~/2021-11-30", "late November", "2021-11"),
        ("2019-08-11~/2019-09-10~", "from mid-August to early September", "2019-08/2019-09"),
        ("2019-09~/2019-12", "late 2019", "2019"),
        ("/2021-11-20~", "until mid-November", "/2021-11"),
        # A week or a weekend: the month holding it, else its year.
        ("2021-10-18/2021-10-24", "last week", "2021-10"),
        ("2021-11-27/2021-11-28", "this weekend", "2021-11"),
        ("2021-09-27/2021-10-03", "early last week", "2021"),
        ("2021-12-27/2022-01-02", "next week", "2021/2022"),
        # A stretch back from the report in months or years.
        ("2019-10-28/2021-10-28", "over the past two years", "2019/2021"),
        ("2021-04-28/2021-10-28", "in the last six months", "2021-04/2021-10"),
        ("2021-10-28/2022-04-28", "over the next six months", "2021-10/2022-04"),
        ("2021-10-28/2021-12-09", "over the next six weeks", "2021-10-28/2021-12-09"),
        # Days the text states stay days.
        ("2021-10-25/2021-10-29", "from Monday to Friday", "2021-10-25/2021-10-29"),
        ("2021-11-08/2021-11-14", "in the week of 8 November", "2021-11-08/2021-11-14"),
        ("2021-10-25", "on Monday", "2021-10-25"),
        ("/2021-11-20", "until November 20", "/2021-11-20"),
    ],
)
def test_a_date_is_told_no_finer_than_the_text_says(reading: str, said: str, told: str) -> None:
    assert str(as_told(DateSpan.parse(reading), said)) == told


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Kazakhstan and Uzbekistan will hold joint drills in early November.", "2021-11"),
        ("Kazakhstan and Uzbekistan held joint drills in Termez last week.", "2021-10"),
        (
            "Kazakhstan and Uzbekistan will hold joint drills in Termez from mid-November "
            "to early December.",
            "2021-11/2021-12",
        ),
        (
            "Over the next six weeks, troops from Kazakhstan and Uzbekistan are taking part in "
            "joint drills in Termez.",
            "2021-10-28/2021-12-09",
        ),
        (
            "Kazakhstan and Uzbekistan began joint drills in Termez on Monday that will run "
            "until mid-November.",
            "2021-10-25/2021-11",
        ),
    ],
)
def test_an_exercise_dated_coarsely_gets_the_months_told(
    read: Read, sentence: str, date: str
) -> None:
    assert date_of(read.one(sentence, se.JointExercise)) == date


def test_the_date_told_replaces_only_the_date_it_was_read_as() -> None:
    fine, coarse = DateSpan.parse("2021-10-25/2021-10-31"), DateSpan.parse("2021-10")
    kept = {"date": fine, "date_told": (fine, coarse)}
    close(kept)
    assert kept == {"date": coarse}
    # another mention's day won the merge: its day stays
    other = {"date": DateSpan.parse("2021-10-13"), "date_told": (fine, coarse)}
    close(other)
    assert other == {"date": DateSpan.parse("2021-10-13")}


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA, Oct. 27 (Agency) -- Kazakhstan has handed a protest note to Kyrgyzstan over "
        "the border incident.",
        "BISHKEK (Wire / Agency - 27th October, 2021) Russia cannot open a military base "
        "in Kyrgyzstan, its envoy said.",
    ],
)
def test_a_dateline_day_does_not_date_the_event(read: Read, text: str) -> None:
    events = read(text)
    assert events and all(e.date is None for e in events)


def test_the_event_s_own_day_after_a_dateline_dates_it(read: Read) -> None:
    event = read.one(
        "ASTANA, Oct. 27 (Agency) -- Kazakhstan handed a protest note to Kyrgyzstan on Monday.",
        se.DiplomaticCommunique,
    )
    assert date_of(event) == "2021-10-25"


def test_the_day_a_message_was_circulated_is_not_when_it_was_sent(read: Read) -> None:
    event = read.one(
        "Earlier this month, Armenia sent the UN Secretary-General a letter of protest over "
        "the shelling. On Tuesday the letter was circulated as an official document.",
        se.DiplomaticCommunique,
    )
    assert date_of(event) == "2021-10"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Egypt and Russia are holding drills that began on 17 October. The drills will run "
            "to 29 October.",
            "2021-10-17/2021-10-29",
        ),
        (
            "Egypt and Russia began drills on Monday that will run to November 3.",
            "2021-10-25/2021-11-03",
        ),
        (
            "Egypt and Russia began drills on Monday. The drills go on to November 3.",
            "2021-10-25/2021-11-03",
        ),
    ],
)
def test_a_run_to_a_day_ends_the_exercise(read: Read, text: str, date: str) -> None:
    assert date_of(read.one(text, se.JointExercise)) == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the day of drills of a stated length is their first
        ("Russia and China will hold a two-day drill on Friday.", "2021-10-29/2021-10-30"),
        (
            "Russia and China held a three-day joint naval exercise on Tuesday.",
            "2021-10-26/2021-10-28",
        ),
        # the day they concluded on is their last
        (
            "Russia and China concluded a three-day joint naval exercise on Tuesday.",
            "2021-10-24/2021-10-26",
        ),
        # the length of something else says nothing of the drills
        ("Russia and China held joint drills on Tuesday after a three-day visit.", "2021-10-26"),
    ],
)
def test_a_length_before_the_exercise_noun(read: Read, text: str, date: str) -> None:
    assert date_of(read.one(text, se.JointExercise)) == date


def test_a_day_told_before_drills_of_a_stated_length_may_be_any_of_them(read: Read) -> None:
    event = read.one("On Friday, Russia and China held a two-day drill.", se.JointExercise)
    assert date_of(event) == "2021-10-22"


def test_an_exercise_told_only_by_the_day_it_will_end_is_undated(read: Read) -> None:
    # (drills that have ended, "on Tuesday concluded joint drills", are dated by that day:
    # test_drills_told_only_by_the_day_they_ended_are_dated_by_it)
    text = "Russia and China are holding joint drills that run until November 20."
    assert read.one(text, se.JointExercise).date is None


def test_an_end_and_a_length_still_give_the_interval(read: Read) -> None:
    event = read.one(
        "Russia and China on Tuesday concluded four-day joint drills.", se.JointExercise
    )
    assert date_of(event) == "2021-10-23/2021-10-26"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Pakistan and China will begin a joint air exercise tomorrow. The exercise will be "
            "held from late October to mid-November.",
            "2021-10-29/2021-11",
        ),
        (
            "Pakistan and China will begin a joint air exercise tomorrow. The exercise will be "
            "held from late October to November 20.",
            "2021-10-29/2021-11-20",
        ),
    ],
)
def test_a_day_in_the_first_days_of_a_vague_span_starts_it(
    read: Read, text: str, date: str
) -> None:
    assert date_of(read.one(text, se.JointExercise)) == date


def test_a_day_well_inside_a_vague_span_does_not_start_it() -> None:
    day, span = DateSpan.parse("2021-05-20"), DateSpan.parse("2021-05-01/2021-06-30~")
    assert closes(day, DateSpan.parse("2021-05-01~/2021-06-30~")) is None
    assert closes(day, span) is None  # a start told exactly is not vague


def test_the_dates_of_the_wrongs_a_message_protests_are_not_its_own(read: Read) -> None:
    event = read.one(
        "Greece has protested to the United Nations the repeated violations of its airspace "
        "by Turkish jets, during the period 2 May - 9 July 2021.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def test_a_background_deal_carries_its_own_year(read: Read) -> None:
    event = read.one(
        "China's 2016 deal with Tajikistan allowed it to build a base.", se.BaseConstruction
    )
    assert date_of(event) == "2016"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the day the event's own verb takes wins over a nearer day of the saying
        (
            "Russia announced on Monday that joint drills with China would begin on November 5.",
            "2021-11-05",
        ),
        (
            "Russia said on Monday that joint drills with China will be held in Vladivostok "
            "from November 5 to 9.",
            "2021-11-05/2021-11-09",
        ),
        # with no day of its own, the saying's day stays (the corpus convention)
        ("Russia announced on Monday that it had held joint drills with China.", "2021-10-25"),
        # when a series of drills began is not when these did
        ("Joint drills of Russia and China, first held in 2005, began on Monday.", "2021-10-25"),
    ],
)
def test_which_day_of_the_sentence_is_the_event_s(read: Read, text: str, date: str) -> None:
    assert date_of(read.one(text, se.JointExercise)) == date


@given(
    span=date_spans(),
    said=st.sampled_from(["early November", "last week", "the past two years", "on Monday"]),
)
def test_telling_a_date_coarsely_only_widens_it(span: DateSpan, said: str) -> None:
    told = as_told(span, said)
    first, last = span.earliest, span.latest
    if told.earliest is not None and first is not None:
        assert told.earliest <= first
    if told.latest is not None and last is not None:
        assert told.latest >= last
    assert DateSpan.parse(str(told)) == told


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the day drills ended is no start a pronoun-led sentence after it borrows
        (
            "China and Pakistan completed a joint two-day naval drill on Friday. It was the "
            "first time the two militaries conducted the exercise in the East China Sea.",
            "2021-10-21/2021-10-22",
        ),
        # a week told vaguely, then the day within it the drills begin
        (
            "Next week, Brazil and the U.S. will mobilize 1,000 troops in a joint exercise. "
            "The exercise will begin on Monday and run until November 12.",
            "2021-11-01/2021-11-12",
        ),
        # an end the text states wins over one counted from the drills' length
        (
            "Indonesia and the United States launched a joint military exercise on Monday. "
            "A live-fire event will bring the 11-day exercise to a close on November 4.",
            "2021-10-25/2021-11-04",
        ),
        # "scheduled to be completed on" ends the drills
        (
            "On Monday the joint Belarusian-Russian drills started at the Brest training "
            "ground. During the exercise, which is scheduled to be completed on Nov. 12, "
            "paratroopers will work out joint actions.",
            "2021-10-25/2021-11-12",
        ),
        # the day right after the drills, over the year an aside's verb takes
        (
            "South Korea and the US have begun a new round of joint military exercises on "
            "Monday, officials say, the second round to take place this year.",
            "2021-10-25",
        ),
        # the day of a press conference on drills still to come is not theirs
        (
            "Officers spoke at a press conference for the upcoming joint exercise of the "
            "Philippines and the US on October 26, 2021. During the November 8-19 maneuvers, "
            "the two armies will train together.",
            "2021-11-08/2021-11-19",
        ),
    ],
)
def test_the_day_that_is_the_exercise_s(read: Read, text: str, date: str) -> None:
    assert date_of(read.one(text, se.JointExercise)) == date


def test_an_undated_letter_after_its_sender_s_dated_lead_takes_its_day(read: Read) -> None:
    event = read.one(
        "UN HQ., New York : Iran on Monday condemned Israel's threats against Iran. "
        '"I wish to inform you of these threats," read a letter that Iran\'s ambassador to '
        "the UN sent to the Security Council President.",
        se.DiplomaticCommunique,
    )
    assert date_of(event) == "2021-10-25"


def test_the_day_another_state_tells_of_a_letter_is_not_its_day(read: Read) -> None:
    event = read.one(
        "The United Nations acknowledged on Monday receiving Iran's request to condemn US "
        "drone flights. A letter to the Secretary-General has been received from the "
        "Iranian permanent representative.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def test_a_day_opening_a_saying_is_when_it_was_said_whatever_was_said_of_the_future(
    read: Read,
) -> None:
    # Published on a Thursday: "On Friday ... said" is last Friday, not the coming one.
    event = read.one(
        "On Friday deputy leader Omurbek Tekebayev said the agreement on the US airbase in "
        "Kyrgyzstan would be extended for another year.",
        se.BaseConstruction,
    )
    assert date_of(event) == "2021-10-22"


def test_a_state_a_base_serves_is_not_its_builder(read: Read) -> None:
    event = read.one(
        "The agreement on Manas airbase - a logistics hub for Afghanistan - was extended "
        "for another year.",
        se.BaseConstruction,
    )
    assert event.builder is None or event.builder.code != "AFG"
    assert event.host is not None and event.host.code == "KGZ"


def test_the_day_a_coming_exercise_was_announced_is_not_its_day(read: Read) -> None:
    event = read.one(
        "Kremlin spokesperson Dmitry Peskov said Tuesday that China will take part in the "
        "Vostok military exercise in Russia.",
        se.JointExercise,
    )
    assert event.date is None


def test_an_after_clause_holding_the_event_dates_it(read: Read) -> None:
    event = read.one(
        "After Russian strategic jets flew to Venezuela for joint drills earlier in October, "
        "media outlets claimed that Moscow wanted more.",
        se.JointExercise,
    )
    assert date_of(event) == "2021-10"


def test_a_length_in_days_counts_back_from_the_end_when_the_start_is_a_year(read: Read) -> None:
    event = read.one(
        "Pitch Black 2021 gets under way between Australia and Singapore.\n\nThe biennial "
        "14-day exercise includes air combat.\n\nPitch Black 2021, which runs until "
        "November 4, is the largest edition of the exercise.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-22/2021-11-04"


def test_the_day_someone_spoke_of_the_deal_is_not_the_deal_s(read: Read) -> None:
    event = read.one(
        "Peru and the United States have signed an agreement that gives the US military "
        "access to three Peruvian bases.\n\nOn Tuesday Peruvian Defence Minister Juan Soto "
        "insisted the agreement was not a major new development.",
        se.BaseConstruction,
    )
    assert event.date is None


def test_a_season_dates_an_event_by_its_year(read: Read) -> None:
    event = read.one("Russia and Armenia will hold joint drills this summer.", se.JointExercise)
    assert str(event.date) == "2021"


def test_the_day_of_talks_the_drills_are_planned_during_is_not_theirs(read: Read) -> None:
    event = read.one(
        "China and India are planning to hold a joint military exercise in 2022 during the "
        "next round of defence talks to be held in mid-December.",
        se.JointExercise,
    )
    assert str(event.date) == "2022"


def test_ended_here_on_a_day_is_the_end(read: Read) -> None:
    event = read.one(
        "The joint exercise of Russia and China, which began on Monday, ended here on Thursday.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-25/2021-10-28"


def test_a_later_season_is_told_by_its_year_after_an_open_start(read: Read) -> None:
    # the first mention is told "since 2003" (an open span); the plan's season then
    # refines the date, and is told as its own mention told it: by its year
    event = read.one(
        "Russia and India have held the Indra exercise since 2003.\n\n"
        "Next summer Russia and India will hold the Indra exercise in the east.",
        se.JointExercise,
    )
    assert str(event.date) == "2022"


def test_drills_of_a_length_dated_by_the_day_they_ended_count_back(read: Read) -> None:
    event = read.one(
        "The Army said on Thursday that a two-week joint exercise of India and the US had been "
        "a success.\n\nThe exercise, which ended today, was held in Chaubattia.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-15/2021-10-28"


def test_the_year_of_the_deal_extended_is_not_the_day_of_the_extension(read: Read) -> None:
    event = read.one(
        "A protocol extending the term of the 2006 agreement on the US base at Graf Ignatievo has "
        "been signed by Bulgaria.",
        se.BaseConstruction,
    )
    assert event.date is None
    # the year of the deal made is still the deal's
    made = read.one(
        "Bulgaria signed the 2006 agreement on the US base at Graf Ignatievo.", se.BaseConstruction
    )
    assert str(made.date) == "2006"


def test_drills_extended_keep_their_day(read: Read) -> None:
    event = read.one(
        "Russia and Belarus extended the October 20 joint drills near the Polish border by a week.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-20"


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        # the year in the name holds the day the drills ended: that day dates them
        (
            "Exercise Iron Eagle 2021 came to an end Oct. 15 after a live-fire drill by "
            "Bulgarian and Greek troops.",
            "2021-10-15",
        ),
        ("Bulgarian and Greek troops on Friday concluded joint drills near Sofia.", "2021-10-22"),
        # a length told with it counts back from the end
        (
            "The 10-day drills of Bulgarian and Greek troops ended on Oct. 15.",
            "2021-10-06/2021-10-15",
        ),
        # a start told with it opens the interval
        (
            "The Bulgarian-Greek drills, which began on Oct. 11, ended on Oct. 15.",
            "2021-10-11/2021-10-15",
        ),
    ],
)
def test_drills_told_only_by_the_day_they_ended_are_dated_by_it(
    read: Read, sentence: str, date: str
) -> None:
    event = read.one(sentence, se.JointExercise)
    assert str(event.date) == date


def test_drills_that_will_end_on_a_day_are_not_dated_by_it(read: Read) -> None:
    event = read.one(
        "Bulgarian and Greek troops are holding drills that will run until Friday.",
        se.JointExercise,
    )
    assert event.date is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Joint drills between Russia and China will be concluded on November 5.",
        "Joint drills between Russia and China are scheduled to be concluded on Sunday.",
    ],
)
def test_drills_to_be_concluded_on_a_day_are_not_dated_by_it(read: Read, sentence: str) -> None:
    assert read.one(sentence, se.JointExercise).date is None


def test_the_end_of_other_talks_does_not_date_drills(read: Read) -> None:
    event = read.one(
        "India and Sri Lanka held joint drills after the dialogue ended on Monday in Colombo.",
        se.JointExercise,
    )
    assert str(event.date) != "2021-10-25"
