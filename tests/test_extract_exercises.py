"""Exercises: separate national drills, editions of a series, names told again, members listed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

import secevents as se
from secevents.extraction.document import Document
from secevents.extraction.exercise import ExerciseRecognizer

if TYPE_CHECKING:
    from conftest import Read


def codes(event: se.JointExercise) -> list[str]:
    return [a.code or "" for a in event.participants]


def test_several_states_drilling_at_the_same_time_is_not_a_joint_exercise(read: Read) -> None:
    text = "India and Pakistan will hold military exercises at the same time near the border."
    assert read(text, se.JointExercise) == []


def test_other_exercises_held_at_the_same_time_are_still_exercises(read: Read) -> None:
    text = (
        "Poland and the United States opened the Anakonda exercise on Monday. Two other "
        "exercises, Saber Strike 16 and Swift Response 16, are held at the same time."
    )
    names = {e.name for e in read(text, se.JointExercise) if isinstance(e, se.JointExercise)}
    assert {"Saber Strike 16", "Swift Response 16"} <= names


def test_members_listed_in_parentheses_are_the_participants(read: Read) -> None:
    event = read.one(
        "About 5,000 troops from the SCO member states (Russia, China, Kazakhstan and "
        "Kyrgyzstan) will hold joint drills on Monday.",
        se.JointExercise,
    )
    assert codes(event) == ["RUS", "CHN", "KAZ", "KGZ"]


def test_a_name_told_again_without_a_trigger_adds_to_the_exercise(read: Read) -> None:
    event = read.one(
        "Chinese and Thai jets will take part in the joint exercise Falcon Strike 2021. "
        "Falcon Strike 2021 will take place in Thailand.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "THA"


def test_a_state_s_name_is_no_exercise_name(read: Read) -> None:
    event = read.one("Small-scale US-South Korea drills resumed on Monday.", se.JointExercise)
    assert event.name is None and sorted(codes(event)) == ["KOR", "USA"]


def test_an_earlier_edition_is_its_own_event_with_the_same_parties(read: Read) -> None:
    found = read(
        "Pakistani and Russian troops wrapped up joint drills on Monday. In 2017 the drills, "
        "with over 200 servicemen, were held in the North Caucasus.",
        se.JointExercise,
    )
    assert [str(e.date) for e in found] == ["2021-10-25", "2017"]
    assert [sorted(codes(e)) for e in found if isinstance(e, se.JointExercise)] == [
        ["PAK", "RUS"]
    ] * 2


def test_military_training_of_two_states_is_an_exercise(read: Read) -> None:
    event = read.one(
        "South Korea and the United States resumed small-scale military training on Monday.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["KOR", "USA"] and str(event.date) == "2021-10-25"


def test_a_place_named_by_its_state_gives_the_country(read: Read) -> None:
    event = read.one(
        "Russia and China opened joint drills on a Chinese peninsula on Monday.", se.JointExercise
    )
    assert event.location is not None and event.location.country == "CHN"


def test_the_dateline_day_gives_way_to_the_event_s_own_date(read: Read) -> None:
    event = read.one(
        "BEIJING, Oct. 20 (Xinhua) -- Chinese jets landed in Thailand for joint drills with "
        "the Thai air force. The drills will take place in November.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-11"


def test_a_headline_pair_told_apart_in_the_text_is_not_joint(read: Read) -> None:
    text = (
        "India and Pakistan set for war games\n\n"
        "The armies of India and Pakistan will hold military exercises at the same time."
    )
    assert read(text, se.JointExercise) == []


def test_an_end_told_in_another_sentence_closes_the_interval(read: Read) -> None:
    event = read.one(
        "Serbian and Russian units began joint drills near the town of Kraljevo on Monday. "
        "The drills will run until October 29.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-25/2021-10-29"
    assert event.location is not None and event.location.name == "Kraljevo"


def test_where_the_arms_come_from_is_no_participant(read: Read) -> None:
    found = read(
        "India will hold a desert exercise in Rajasthan with Russian-origin T-90 tanks.",
        se.JointExercise,
    )
    assert found == []


def test_names_written_as_acronyms_numbers_or_after_dubbed(read: Read) -> None:
    found = read(
        "The navies of India and Sri Lanka will hold their annual SLINEX exercise off Colombo. "
        "China and Pakistan concluded Sea Guardian-3 naval drills on Monday. "
        "Egypt and Sudan held joint air force drills dubbed Nile Eagles on Sunday.",
        se.JointExercise,
    )
    assert [e.name for e in found if isinstance(e, se.JointExercise)] == [
        "SLINEX",
        "Sea Guardian-3",
        "Nile Eagles",
    ]


def test_a_name_in_quotes_before_adjectives_and_the_noun(read: Read) -> None:
    event = read.one(
        "Greek and Cypriot forces began the \u201cMedusa\u201d annual naval drills on Monday.",
        se.JointExercise,
    )
    assert event.name == "Medusa"


def test_one_state_s_named_exercise_does_not_join_another_state_s(read: Read) -> None:
    text = (
        "India is getting ready to launch a desert exercise lasting a month. "
        "Pakistan's military will stage its war exercises, named Azm-e-Nau 3, in Punjab."
    )
    assert read(text, se.JointExercise) == []


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Russian and Chinese navies began joint drills on Monday. The drills run through "
            "Nov 4.",
            "2021-10-25/2021-11-04",
        ),
        (
            "Iran and Russia began joint naval drills on Monday that will end on Friday.",
            "2021-10-25/2021-10-29",
        ),
        (
            "Russian and Serbian troops started joint exercises on Monday and will conclude "
            "them on Friday.",
            "2021-10-25/2021-10-29",
        ),
    ],
)
def test_the_day_an_exercise_ends_closes_its_date(read: Read, text: str, date: str) -> None:
    assert str(read.one(text, se.JointExercise).date) == date


def test_participants_listed_in_a_sentence_of_their_own_and_those_who_joined(
    read: Read,
) -> None:
    event = read.one(
        "Morocco is hosting the African Lion exercise, which began on Monday. The countries "
        "are Germany, Canada, Spain and the United States. Finland and Sweden have also joined.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["CAN", "DEU", "ESP", "FIN", "MAR", "SWE", "USA"]


def test_a_list_of_the_other_countries_taking_part(read: Read) -> None:
    event = read.one(
        "Jordan and the United States began the Eager Lion exercise on Monday. Other "
        "countries taking part are Pakistan, Italy and France.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["FRA", "ITA", "JOR", "PAK", "USA"]


def test_an_organisation_s_own_drills_have_it_as_a_participant(read: Read) -> None:
    event = read.one(
        "On Thursday NATO's strategic drills got under way in Norway. Finland and Sweden "
        "have also joined.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["FIN", "NATO", "SWE"]


def test_a_fronted_clause_names_no_participant(read: Read) -> None:
    event = read.one(
        "Hours after North Korea fired a missile on Tuesday, Japan and the US held joint "
        "drills over the East China Sea.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["JPN", "USA"]


def test_a_name_after_the_noun_and_its_short_form_are_one_exercise(read: Read) -> None:
    found = read(
        "India and Russia launched their first tri-service war game, Ex Indra 2021, today. "
        "About 450 Indian troops take part in the 10-day exercise Indra.",
        se.JointExercise,
    )
    assert [str(e.date) for e in found] == ["2021-10-28/2021-11-06"]


def test_a_second_exercise_named_on_the_sidelines_of_the_first(read: Read) -> None:
    found = read(
        "Morocco and the US opened the African Lion exercise on Monday. On the sidelines of "
        "the exercise, a Moroccan-American naval manoeuvre codenamed Lightning Handshake is "
        "planned off the Atlantic coast.",
        se.JointExercise,
    )
    assert [(e.name, sorted(codes(e))) for e in found if isinstance(e, se.JointExercise)] == [
        ("African Lion", ["MAR", "USA"]),
        ("Lightning Handshake", ["MAR", "USA"]),
    ]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Indian and Russian troops began a joint exercise on Tuesday in India's northern "
            "Jhansi city.",
            "IND",
        ),
        (
            "Chinese and Thai marines held joint drills on Monday in Thailand's Chonburi province.",
            "THA",
        ),
    ],
)
def test_a_named_place_owned_by_a_state_gives_its_country(
    read: Read, text: str, country: str
) -> None:
    event = read.one(text, se.JointExercise)
    assert event.location is not None and event.location.country == country


@pytest.mark.parametrize(
    "text",
    [
        "Turkish soldiers arrived in Qatar and took part in joint exercises with local troops "
        "on Sunday.",
        "British marines held joint drills in Oman alongside their hosts on Sunday.",
    ],
)
def test_local_forces_are_the_participants_of_the_place_s_state(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert len(event.participants) == 2
    assert event.location is not None
    assert event.location.country in {actor.code for actor in event.participants}


def test_an_exercise_of_one_named_state_and_others_gathers_those_named_later(
    read: Read,
) -> None:
    event = read.one(
        "Navies from Brazil and 9 other countries launched two weeks of exercises off Rio on "
        "Monday. The annual exercise, Fraterno, started Monday with several Latin American "
        "nations, Spain and Portugal taking part. Other countries involved in Fraterno are "
        "Chile, Peru and Colombia. Officials said exercises such as Fraterno help navies "
        "fight piracy off Somalia.",
        se.JointExercise,
    )
    assert {a.code for a in event.participants} == {"BRA", "ESP", "PRT", "CHL", "PER", "COL"}
    assert str(event.date) == "2021-10-25/2021-11-07"


def test_plural_exercises_with_a_list_of_years_are_one_edition_each(read: Read) -> None:
    events = read(
        "Kenyan and Ugandan troops held the three previous joint exercises in 2016, 2019 and "
        "2021 respectively.",
        se.JointExercise,
    )
    assert sorted(str(e.date) for e in events) == ["2016", "2019", "2021"]


def test_where_leaders_met_is_not_where_the_drills_are(read: Read) -> None:
    event = read.one(
        "Japan and Australia resumed joint naval drills that were put on hold after their "
        "leaders met in Manila last year.",
        se.JointExercise,
    )
    assert event.location is None or event.location.country != "PHL"


def test_the_objects_of_involve_take_part(read: Read) -> None:
    event = read.one(
        "The drills, dubbed Desert Union 9, involve Omani and British marines and will end "
        "on Friday.",
        se.JointExercise,
    )
    assert {a.code for a in event.participants} == {"OMN", "GBR"}


@pytest.mark.parametrize(
    "text",
    [
        "Drills involving Russian and Chinese troops began on Monday.",
        "Naval patrols by Russia and China began on Monday.",
        "Military training involving troops from Egypt, Jordan and 9 other nations began Sunday.",
    ],
)
def test_a_trigger_opening_the_sentence_is_read(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert len(codes(event)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Shanghai Cooperation Organisation (SCO) kicked off drills on Monday.", ["SCO"]),
        ("NATO will hold naval exercises with Sweden in May.", ["NATO", "SWE"]),
    ],
)
def test_an_organisation_holding_the_exercise_takes_part(
    read: Read, text: str, expected: list[str]
) -> None:
    assert codes(read.one(text, se.JointExercise)) == expected


def test_an_organisation_commenting_on_drills_takes_no_part(read: Read) -> None:
    assert read("NATO said the Russian drills near its border were a provocation.") == []


def test_an_adjective_before_the_partner_keeps_it_a_participant(read: Read) -> None:
    event = read.one(
        "Australian troops held drills with the visiting US Marines on Monday.", se.JointExercise
    )
    assert codes(event) == ["AUS", "USA"]


@pytest.mark.parametrize(
    "refusal", ["Spain will not participate.", "Spain has declined to take part this year."]
)
def test_a_state_that_stays_out_is_no_participant(read: Read, refusal: str) -> None:
    event = read.one(
        f"Ghanaian and Nigerian troops will hold joint drills next week. {refusal}",
        se.JointExercise,
    )
    assert codes(event) == ["GHA", "NGA"]


def test_the_year_a_series_began_is_not_this_edition_s_date(read: Read) -> None:
    event = read.one(
        "Ghanaian and Nigerian troops are holding the Flintlock exercise. The exercise was "
        "first held in 2005 to build trust.",
        se.JointExercise,
    )
    assert event.date is None


def test_an_earlier_edition_held_in_a_year_keeps_its_date(read: Read) -> None:
    found = read(
        "Ghanaian and Nigerian troops began joint drills on Monday. The previous drills were "
        "held in 2017 in Accra.",
        se.JointExercise,
    )
    assert "2017" in {str(e.date) for e in found}


def test_a_capitalised_first_word_is_no_exercise_name(read: Read) -> None:
    found = read(
        "Ghana and Nigeria began the Obangame Express exercise on Monday. Air training "
        "exercises will include fighters and tankers.",
        se.JointExercise,
    )
    assert [e.name for e in found if isinstance(e, se.JointExercise)] == ["Obangame Express"]


def test_the_year_a_series_of_exercises_began_is_the_series(read: Read) -> None:
    found = read(
        "The air forces of Ghana and Nigeria will hold a joint exercise next week. The Eagle "
        "series of exercises between the two countries began in March 2011.",
        se.JointExercise,
    )
    assert [str(e.date) for e in found] == ["2021-11"]  # next week, told as its month


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops from 14 nations began war drills in Ghana on Monday.",
        "Ghana and the United States opened a 14-nation exercise on Monday.",
        "Ghana, the United States and twenty other nations opened drills on Monday.",
    ],
)
def test_an_exercise_of_more_nations_than_named_leaves_room_for_more(sentence: str) -> None:
    doc = Document(sentence, published=dt.date(2021, 10, 28))
    [mention] = ExerciseRecognizer().recognize(doc.sentences[0], doc)
    assert mention.fields.get("open_list") is True


@pytest.mark.parametrize(
    "count",
    [
        "More than 7,000 soldiers will carry out a range of tasks.",
        "For two weeks, more than 7,000 soldiers will train in the desert.",
    ],
)
def test_a_count_of_forces_right_after_the_drills_is_theirs(read: Read, count: str) -> None:
    event = read.one(f"Ghana and Nigeria began joint drills on Monday. {count}", se.JointExercise)
    assert event.troops is not None and event.troops.value == 7000


def test_a_count_of_forces_far_from_any_drills_is_not_theirs(read: Read) -> None:
    event = read.one(
        "Ghana and Nigeria began joint drills on Monday. The talks went well. The weather was "
        "hot. More than 7,000 soldiers guard the border.",
        se.JointExercise,
    )
    assert event.troops is None


def test_participants_named_after_their_verb_join_the_drills(read: Read) -> None:
    event = read.one(
        "Central Asian countries held joint drills on Tuesday. Taking part are four republics "
        "- Kazakhstan, Kyrgyzstan, Uzbekistan and Tajikistan, while Turkmenistan is absent. "
        "The Caucasus country of Azerbaijan is also participating.",
        se.JointExercise,
    )
    assert codes(event) == ["KAZ", "KGZ", "UZB", "TJK", "AZE"]


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Oman is hosting British and Omani troops for the drills.", "OMN"),
        ("The exercise, hosted by Jordan, brought together US and Saudi troops.", "JOR"),
    ],
)
def test_the_state_hosting_the_drills_is_where_they_are(
    read: Read, sentence: str, country: str
) -> None:
    event = read.one(sentence, se.JointExercise)
    assert event.location is not None and event.location.country == country


def test_host_nation_forces_name_no_state(read: Read) -> None:
    event = read.one("US and Polish troops held drills with host nation forces.", se.JointExercise)
    assert event.location is None


def test_forces_the_drills_involve_in_a_later_sentence_are_theirs(read: Read) -> None:
    event = read.one(
        "Ghana and Nigeria began joint drills on Monday. Held in the north, they will last "
        "until July 17 and involve around 4,000 troops.",
        se.JointExercise,
    )
    assert event.troops is not None and event.troops.value == 4000


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan along with India began joint drills on Monday.",
        "Japan together with India began joint sea patrols on Monday.",
    ],
)
def test_a_state_along_with_another_is_a_second_subject(read: Read, sentence: str) -> None:
    assert codes(read.one(sentence, se.JointExercise)) == ["JPN", "IND"]


def test_a_similar_earlier_drill_is_an_event_of_its_own(read: Read) -> None:
    later, earlier = read(
        "Japan began joint drills with India on Monday, after a similar drill with the US in May.",
        se.JointExercise,
    )
    assert isinstance(later, se.JointExercise) and isinstance(earlier, se.JointExercise)
    assert codes(later) == ["JPN", "IND"] and str(later.date) == "2021-10-25"
    assert codes(earlier) == ["JPN", "USA"] and str(earlier.date) == "2021-05"


def test_drills_told_without_a_day_are_dated_by_the_day_they_were_reported(read: Read) -> None:
    # The corpus convention (seed, d024): the only time expression of the event's sentence,
    # the attribution's, dates an event told without a day of its own.
    event = read.one(
        "The second stage of the joint drills of Kazakh and Uzbek forces took place in Aktau, "
        "the Defense Ministry reported on Aug. 12.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-08-12"


def test_drills_told_with_their_own_day_keep_it_whatever_day_it_was_said(read: Read) -> None:
    event = read.one(
        "Joint drills of Kazakh and Uzbek forces took place in Aktau on Aug. 9, "
        "the Defense Ministry reported on Aug. 12.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-08-09"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The Korean navy held an exercise on Wednesday near islets controlled by Seoul but "
            "claimed by Japan.",
            [],
        ),
        ("The drills, conducted jointly by Egypt and Sudan, ended.", ["EGY", "SDN"]),
        ("Their first war game was launched today by India and Russia.", ["IND", "RUS"]),
        ("Drills by Russian and Chinese warships began on Monday.", ["RUS", "CHN"]),
        ("A joint exercise of this kind is being planned by India and Britain.", ["IND", "GBR"]),
        ("The navy held an exercise near islets that are claimed by Japan and Korea.", []),
    ],
)
def test_by_names_participants_only_as_the_drills_agent(
    read: Read, sentence: str, expected: list[str]
) -> None:
    found = read(sentence, se.JointExercise)
    assert [codes(e) for e in found if isinstance(e, se.JointExercise)] == (
        [expected] if expected else []
    )


def test_an_organisation_and_a_state_holding_drills_both_take_part(read: Read) -> None:
    event = read.one(
        "The 10-member ASEAN and the US kicked off their inaugural joint exercises on Monday.",
        se.JointExercise,
    )
    assert codes(event) == ["ASEAN", "USA"]


def test_exercises_of_other_parties_in_a_later_clause_are_their_own(read: Read) -> None:
    found = read(
        "The Philippines conducted naval drills with Vietnam and Brunei, while en route to the "
        "first maritime exercises between the Association of Southeast Asian Nations (ASEAN) "
        "and the United States.",
        se.JointExercise,
    )
    assert sorted(codes(e) for e in found if isinstance(e, se.JointExercise)) == [
        ["ASEAN", "USA"],
        ["PHL", "VNM", "BRN"],
    ]


def test_drills_that_concluded_on_a_day_after_four_days_began_three_days_before(
    read: Read,
) -> None:
    event = read.one(
        "The navies of China and Pakistan on Thursday concluded a four-day joint maritime "
        "exercise held in Shanghai.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-25/2021-10-28"


def test_a_dateline_with_the_country_in_brackets_is_the_report_s(read: Read) -> None:
    event = read.one(
        "New Delhi [India], October 28 (ANI): Indian ships held a maritime partnership exercise "
        "with Japanese ships in the Bay of Bengal on October 26.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-26"


def test_the_date_of_what_the_drills_follow_is_not_theirs(read: Read) -> None:
    event = read.one(
        "The Egyptian and Sudanese navies have conducted joint exercises in the Red Sea. The "
        "joint exercises follow the Egyptian navy's assumption, since last December, of the "
        "command of a task force.",
        se.JointExercise,
    )
    assert event.date is None


def test_forces_the_drills_prepare_to_be_part_of_are_a_framework(read: Read) -> None:
    event = read.one(
        "India and Sri Lanka began joint exercise Mitra Shakti to train armies deployed as part "
        "of United Nations peacekeeping forces.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["IND", "LKA"]
    assert event.framework is not None and event.framework.code == "UN"


def test_drills_a_state_had_held_before_are_background_of_their_own(read: Read) -> None:
    found = [
        e
        for e in read(
            "India and Japan will begin a naval exercise today. The last edition of the drill "
            "was conducted off Visakhapatnam in October 2018. Earlier the Indian Navy had "
            "conducted an exercise with Australia in the Indian Ocean.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [(codes(e), str(e.date), "background" in e.tags) for e in found] == [
        (["IND", "JPN"], "2021-10-28", False),
        (["IND", "JPN"], "2018-10", True),
        (["IND", "AUS"], "None", True),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Thailand and the US opened Cobra Gold 2021 on Tuesday.", ["THA", "USA"]),
        (
            "SLINEX-2021 began in Colombo on Monday with Indian and Sri Lankan ships.",
            ["IND", "LKA"],
        ),
        (
            "Malabar 2021 will include Australia, India, Japan and the United States.",
            ["AUS", "IND", "JPN", "USA"],
        ),
        ("France and Germany held Euro 2021 talks on Monday.", None),
        ("Saudi Arabia and the UAE launched Vision 2030 on Monday.", None),
        # one state named, the others counted, with their forces
        (
            "Kenya is ready for Justified Accord 2021, which involves 20 nations and about "
            "800 personnel.",
            ["KEN"],
        ),
        (
            "Swift Response 2021 brings Polish troops together with forces from 11 allied nations.",
            ["POL"],
        ),
        # counted states with no forces are no drill
        ("Expo 2020 brings together 190 nations in Dubai, the UAE said.", None),
    ],
)
def test_a_name_with_its_year_by_a_verb_of_drilling_is_an_exercise(
    read: Read, sentence: str, expected: list[str] | None
) -> None:
    found = [e for e in read(sentence, se.JointExercise) if isinstance(e, se.JointExercise)]
    assert [codes(e) for e in found] == ([expected] if expected else [])


def test_states_that_say_the_drills_will_run_take_part(read: Read) -> None:
    event = read.one(
        "Russia and China said the exercise will run from July 20 to August 3 in the Black Sea.",
        se.JointExercise,
    )
    assert codes(event) == ["RUS", "CHN"] and str(event.date) == "2022-07-20/2022-08-03"


def test_what_the_drills_involve_after_a_relative_clause(read: Read) -> None:
    event = read.one(
        "The week-long drills, which started on Monday, involve Indian and Omani naval ships.",
        se.JointExercise,
    )
    assert codes(event) == ["IND", "OMN"] and str(event.date) == "2021-10-25/2021-10-31"


def test_drills_wrapped_up_on_a_day_after_ten_days(read: Read) -> None:
    event = read.one(
        "Egyptian and Greek forces wrapped up the Medusa-11 exercise on Thursday after ten days "
        "of drills.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-19/2021-10-28"


def test_personnel_from_states_are_participants(read: Read) -> None:
    event = read.one(
        "Coast guard personnel from Ghana, Togo and Benin have embarked on a four-day exercise.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["BEN", "GHA", "TGO"]


def test_the_drills_held_in_a_state_s_capital_are_in_that_state(read: Read) -> None:
    event = read.one(
        "Kenyan and Ugandan forces began joint drills on Monday. The drills, with 2,000 "
        "soldiers from both countries, are being held in Uganda's capital Kampala and in the "
        "areas regained after a 30-day war with rebels from Sudan.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "UGA"
    assert codes(event) == ["KEN", "UGA"] and str(event.date) == "2021-10-25"


@pytest.mark.parametrize(
    "relation",
    ["a war with", "tensions with", "a border dispute with", "clashes with", "the land between"],
)
def test_a_state_in_another_relation_is_no_participant(read: Read, relation: str) -> None:
    event = read.one(
        f"Armenia and Greece held joint drills near the area of {relation} Azerbaijan.",
        se.JointExercise,
    )
    assert codes(event) == ["ARM", "GRC"]


def test_the_length_of_a_war_or_visit_is_not_the_drills(read: Read) -> None:
    event = read.one(
        "Peru and Chile began joint drills on Monday, after a three-day visit by the minister.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-25"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("China and ASEAN on Saturday concluded a joint maritime drill.", ["CHN", "ASEAN"]),
        ("China and ASEAN navies held a joint maritime drill.", ["CHN", "ASEAN"]),
        # the states named are members: the body itself is not said to drill
        (
            "Russia, China and other Shanghai Cooperation Organization (SCO) member states "
            "launched large-scale military exercises.",
            ["RUS", "CHN"],
        ),
    ],
)
def test_a_body_in_the_subject_with_a_state_takes_part(
    read: Read, sentence: str, expected: list[str]
) -> None:
    assert codes(read.one(sentence, se.JointExercise)) == expected


def test_a_named_drill_that_concluded_on_a_day_and_started_on_another(read: Read) -> None:
    event = read.one(
        'Chinese and Russian naval forces concluded their "Joint Sea-2021" drills on Thursday. '
        'The joint naval drills, dubbed "Joint Sea-2021," started Saturday.',
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-23/2021-10-28"


def test_an_end_read_before_the_start_is_not_put_a_year_later(read: Read) -> None:
    event = read.one(
        "Chile and Peru concluded their joint drills on Monday. The drills started on Wednesday.",
        se.JointExercise,
    )
    assert "2022" not in str(event.date)


@pytest.mark.parametrize(
    "second", ["The operations will last ten days.", "They will run ten days."]
)
def test_how_long_the_drills_last_told_in_the_next_sentence(read: Read, second: str) -> None:
    event = read.one(f"Chile and Peru began joint drills on Monday. {second}", se.JointExercise)
    assert str(event.date) == "2021-10-25/2021-11-03"


def test_the_drills_also_including_others_are_the_same_drills(read: Read) -> None:
    found = read(
        "Kenya and Uganda began joint drills on Monday. The drills are meant to test a "
        "battle group that also includes troops from Tanzania and Rwanda.",
        se.JointExercise,
    )
    assert [sorted(codes(e)) for e in found if isinstance(e, se.JointExercise)] == [
        ["KEN", "RWA", "TZA", "UGA"]
    ]


def test_troops_also_taking_part_in_the_drills_join_those_told_of_before(read: Read) -> None:
    found = read(
        "Kenya and Uganda began joint drills on Monday. Troops from Tanzania and Rwanda are "
        "also participating in the drills.",
        se.JointExercise,
    )
    assert [sorted(codes(e)) for e in found if isinstance(e, se.JointExercise)] == [
        ["KEN", "RWA", "TZA", "UGA"]
    ]


def test_drills_going_on_that_began_a_day_before_are_dated_from_their_start(
    read: Read,
) -> None:
    event = read.one(
        "Turkish and Azerbaijani forces continued joint military exercises on Wednesday. It "
        "was the second day of the three-day drills. The exercises, which began on Tuesday, "
        "were attended by the ministers.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-26/2021-10-28"


def test_the_drills_of_other_states_also_told_of_are_other_drills(read: Read) -> None:
    found = read(
        "Kenya and Uganda began joint drills on Monday. The drills held by Ethiopia and "
        "Eritrea near their border were also attended by ministers.",
        se.JointExercise,
    )
    assert sorted(sorted(codes(e)) for e in found if isinstance(e, se.JointExercise)) == [
        ["ERI", "ETH"],
        ["KEN", "UGA"],
    ]


def test_one_state_starting_drills_with_many_countries_holds_them_at_home(read: Read) -> None:
    event = read.one(
        'Kenya has started the "Desert Falcon" military exercise in collaboration with 24 '
        "countries. Uganda, Tanzania and Rwanda are among the other participants of the "
        "exercise.",
        se.JointExercise,
    )
    assert codes(event) == ["KEN", "UGA", "TZA", "RWA"]
    assert event.location is not None and event.location.country == "KEN"


def test_the_state_that_leads_forces_in_the_drills_takes_part(read: Read) -> None:
    event = read.one(
        "Kenya and Uganda began drills with the Rwandan-led brigade.", se.JointExercise
    )
    assert codes(event) == ["KEN", "UGA", "RWA"]


def test_drills_run_from_a_base_in_a_town_are_in_its_country(read: Read) -> None:
    event = read.one(
        "The Kenyan and Ugandan navies conducted joint exercises from the Mombasa naval base "
        "in the Indian Ocean.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "KEN"


def test_a_place_in_a_state_told_later_outranks_a_sea(read: Read) -> None:
    event = read.one(
        "Kenya and Uganda completed naval drills in the Indian Ocean. Taking place in Mombasa "
        "and off the coast, the exercise was held between October 5 and 15.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "KEN"


def test_a_state_and_members_of_a_body_drill_with_the_body(read: Read) -> None:
    event = read.one(
        "Naval forces from China and members of the Association of Southeast Asian Nations "
        "(ASEAN) on Saturday concluded a joint maritime drill.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["ASEAN", "CHN"] and event.framework is None


def test_a_drill_held_long_before_the_end_of_another_is_not_its_start(read: Read) -> None:
    found = read(
        "China and Vietnam on Tuesday concluded a joint maritime drill. Last November, "
        "China and Vietnam held a joint rescue drill near Guangdong.",
        se.JointExercise,
    )
    # two events: the one told only by the day it ended is dated by that day
    assert sorted(str(e.date) for e in found) == ["2020-11", "2021-10-26"]


def test_joint_combat_training_is_an_exercise(read: Read) -> None:
    event = read.one(
        "About 300 Kenyan and Ugandan soldiers are conducting their largest ever annual joint "
        "combat training near Mombasa.",
        se.JointExercise,
    )
    assert codes(event) == ["KEN", "UGA"] and event.troops is not None
    assert event.troops.value == 300


def test_a_name_in_capitals_and_a_country_compound_are_no_other_exercise(read: Read) -> None:
    found = read(
        "India and Russia will hold the joint military exercise at Volgograd next month. The "
        "Indo-Russia joint military Exercise (INDRA) will last for 13 days. The upcoming "
        "exercise INDRA-21 will elevate India-Russia relations. \u201cExercise Indra-21 will "
        "strengthen mutual confidence between the Indian and Russian armies,\u201d the Army said.",
        se.JointExercise,
    )
    assert len(found) == 1


def test_some_of_the_nations_troops_come_from_named_after_among_them(read: Read) -> None:
    event = read.one(
        "Ghana and the US began the Flintlock exercise on Monday. It brings together 1,300 "
        "soldiers from nine nations, among them Chad, Niger and Mali.",
        se.JointExercise,
    )
    assert {a.code for a in event.participants} == {"GHA", "USA", "TCD", "NER", "MLI"}


def test_a_day_inside_the_span_of_a_named_exercise_is_that_exercise(read: Read) -> None:
    found = read(
        "Morocco and the US kicked off the African Lion exercises on Monday, which will last "
        "until the end of the month. Get ready to experience African Lion 2021, a fan wrote on "
        "October 27, 2021.",
        se.JointExercise,
    )
    assert len(found) == 1


def test_the_date_of_an_incident_in_a_relative_clause_is_not_the_drills(read: Read) -> None:
    event = read.one(
        "Thailand and the US began the Cobra Gold exercise on Tuesday. The US ambassador "
        "thanked the Thai armed forces for hosting Cobra Gold and said the US Navy is ready to "
        "support its Thai counterpart for training on the recovery of the HTMS Sukhothai, a "
        "warship that sank in the Gulf of Thailand during a storm in December 18, 2020.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-26"


def test_these_annual_exercises_held_last_year_are_an_earlier_edition(read: Read) -> None:
    found = read(
        "Egypt, Sudan and Saudi Arabia will start naval drills on Monday. These annual "
        "exercises were also held in the Red Sea last year.",
        se.JointExercise,
    )
    drills = [e for e in found if isinstance(e, se.JointExercise)]
    assert sorted((str(e.date), sorted(str(a.code) for a in e.participants)) for e in drills) == [
        ("2020", ["EGY", "SAU", "SDN"]),
        ("2021-11-01", ["EGY", "SAU", "SDN"]),
    ]


def test_the_drills_told_again_with_a_date_in_their_own_year_stay_one(read: Read) -> None:
    found = read(
        "Egypt and Sudan will start naval drills on Monday. The annual exercises were planned "
        "in March.",
        se.JointExercise,
    )
    assert len(found) == 1


def test_this_year_s_named_drills_without_their_year_take_the_span_told(read: Read) -> None:
    event = read.one(
        "An annual peacekeeping exercise, code-named Steppe Eagle 2021, kicked off in "
        "Kazakhstan on Tuesday with troops from the US and Kazakhstan. This year's Steppe "
        "Eagle is scheduled to take place from October 26 to November 5.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-26/2021-11-05"


def test_the_days_told_within_this_year_date_the_drills(read: Read) -> None:
    event = read.one(
        "The United States and South Korea will scale down their annual Ulchi Freedom Shield "
        "exercises this year, which will run from Nov 19 to 29.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-11-19/2021-11-29"


def test_troops_each_from_two_states_take_part(read: Read) -> None:
    event = read.one(
        "Nomadic Elephant drills involving about 250 troops each from India and Mongolia will "
        "be held in Ulaanbaatar from November 2 to 15.",
        se.JointExercise,
    )
    assert {a.code for a in event.participants} == {"IND", "MNG"}


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        (
            "The Ushirikiano Imara exercise began in Uganda on Monday. Troops from Kenya, Uganda "
            "and Tanzania took part in the drills, while Rwanda and Burundi sent observers.",
            {"KEN", "UGA", "TZA"},
        ),
        (
            "The Union Shield exercise began on Monday. Observers from China and India attended "
            "the exercise, which involved forces from Russia and Belarus.",
            {"RUS", "BLR"},
        ),
    ],
)
def test_states_that_send_observers_take_no_part_the_others_do(
    read: Read, text: str, codes: set[str]
) -> None:
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == codes


def test_one_edition_named_with_its_year_is_one_exercise_whatever_day_a_quote_gives(
    read: Read,
) -> None:
    found = read(
        "Oman and India began the Desert Shield 2021 exercise in Oman on 17 October. The "
        'drills will run to 29 October. At the ceremony the Indian commander said: "Today we '
        'are launching the Desert Shield 2021 joint Indian-Omani exercise for the third time."',
        se.JointExercise,
    )
    assert len(found) == 1


def test_drills_held_now_and_then_over_the_years_are_no_participants_of_these(
    read: Read,
) -> None:
    event = read.one(
        "The navies of Brazil and India have begun a naval exercise. In the past, India has "
        "held exercises with navies from Britain, France and Vietnam.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["BRA", "IND"]


def test_an_adjective_opening_a_headline_is_no_exercise_name(read: Read) -> None:
    event = read.one(
        "Huge naval drill begins\n\nThe navies of Brazil and India have begun a naval exercise "
        "in the Atlantic. Thirty ships from the two countries have joined the exercise.",
        se.JointExercise,
    )
    assert event.name is None
    assert [(e.kind.value, e.quantity and e.quantity.value) for e in event.equipment] == [
        ("ships", 30)
    ]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "The navies of Chile, Brazil and Peru visited Peruvian waters for the Pacific phase "
            "of the Southern Seas exercise.",
            "PER",
        ),
        (
            "Soldiers from Tonga and Fiji are taking part in military exercises at various "
            "locations around New Zealand's South Island.",
            "NZL",
        ),
        ("Chinese and Russian warships held joint drills in Japanese territorial waters.", "JPN"),
    ],
)
def test_a_states_own_waters_or_part_are_where_the_drills_are(
    read: Read, text: str, country: str
) -> None:
    event = read.one(text, se.JointExercise)
    assert event.location is not None
    assert event.location.country == country
    assert country not in codes(event) or country == "PER"


def test_a_states_body_named_after_it_is_not_its_ground(read: Read) -> None:
    event = read.one(
        "Soldiers from Tonga and Fiji are taking part in exercises with Russia's Defence Ministry.",
        se.JointExercise,
    )
    assert event.location is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two navies, from Brazil and Chile, are holding drills off Rio.", ["BRA", "CHL"]),
        ("Turkish and Qatari air forces trained together over the Gulf this week.", ["QAT", "TUR"]),
    ],
)
def test_forces_in_apposition_and_training_together(
    read: Read, text: str, expected: list[str]
) -> None:
    assert sorted(codes(read.one(text, se.JointExercise))) == expected


def test_forces_that_would_train_together_some_day_hold_no_exercise(read: Read) -> None:
    assert (
        read("The US and Japan said their forces would train jointly more often.", se.JointExercise)
        == []
    )


def test_the_two_countries_are_the_pair_named_just_before(read: Read) -> None:
    event = read.one(
        "Brazil and Chile signed a defence pact. On Monday, the two countries held joint drills "
        "near Santiago.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["BRA", "CHL"]


def test_the_two_countries_after_three_states_are_not_guessed(read: Read) -> None:
    found = read(
        "Brazil, Peru and Chile met in Lima. On Monday, the two countries held joint drills.",
        se.JointExercise,
    )
    assert found == []


def test_drills_held_each_year_are_no_one_exercise(read: Read) -> None:
    assert read("Brazil and Chile hold joint naval drills every year.", se.JointExercise) == []
    event = read.one(
        "Brazil and Chile began their naval drills on Monday. The drills are held every year.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["BRA", "CHL"]


def test_the_participating_countries_then_listed_take_part(read: Read) -> None:
    event = read.one(
        "A naval exercise has begun in the Atlantic. The training is dubbed BRACHI after the "
        "three participating countries, Brazil, Chile and India.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["BRA", "CHL", "IND"]


def test_an_envoys_postings_are_no_participants(read: Read) -> None:
    found = read(
        "British High Commissioner to Ghana, Non-Resident Ambassador to Benin and Togo, Jane "
        "Doe, spoke about the Flintlock exercise on Monday.",
        se.JointExercise,
    )
    drills = [e for e in found if isinstance(e, se.JointExercise)]
    assert all(not (set(codes(e)) & {"GBR", "GHA", "BEN", "TGO"}) for e in drills)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Soldiers from Ghana and the United States are taking part in Shield Quest, which "
            "opened near Accra on Monday.",
            ["GHA", "USA"],
        ),
        ("Troops from France and Chad took part in Operation Barkhane.", None),
        ("Diplomats from Iran and Iraq are taking part in Geneva talks.", None),
    ],
)
def test_a_name_forces_of_two_states_take_part_in_is_an_exercise(
    read: Read, text: str, expected: list[str] | None
) -> None:
    found = read(text, se.JointExercise)
    if expected is None:
        assert found == []
    else:
        [event] = found
        assert isinstance(event, se.JointExercise)
        assert sorted(codes(event)) == expected


def test_personnel_participating_in_joint_exercises_in_general_hold_none(read: Read) -> None:
    text = (
        "The projects will support the Fijian navy and U.S. military personnel participating "
        "in joint exercises, the announcement said."
    )
    assert read(text, se.JointExercise) == []


def test_the_previous_edition_is_an_earlier_exercise_of_the_same_states(read: Read) -> None:
    found = read(
        "Chile and Peru began the Pacific Shield drills on Monday. The previous edition was "
        "held in Lima in August 2017.",
        se.JointExercise,
    )
    drills = [e for e in found if isinstance(e, se.JointExercise)]
    assert sorted((str(e.date), sorted(codes(e))) for e in drills) == [
        ("2017-08", ["CHL", "PER"]),
        ("2021-10-25", ["CHL", "PER"]),
    ]
    assert read("The first edition of the book was published in 2001.", se.JointExercise) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NATO allies Poland and Lithuania held joint drills near the border.", ["LTU", "POL"]),
        ("SCO member states Russia, China and India began the drills.", ["CHN", "IND", "RUS"]),
    ],
)
def test_a_body_naming_its_members_is_no_participant_of_its_own(
    read: Read, text: str, expected: list[str]
) -> None:
    assert sorted(codes(read.one(text, se.JointExercise))) == expected


def test_also_opens_another_exercise_with_another_partner(read: Read) -> None:
    events = read(
        "Egypt and Saudi Arabia held joint drills. Also this week, Egyptian and Russian "
        "paratroopers held joint training.",
        se.JointExercise,
    )
    drills = [e for e in events if isinstance(e, se.JointExercise)]
    assert sorted(sorted(p.code or "" for p in e.participants) for e in drills) == [
        ["EGY", "RUS"],
        ["EGY", "SAU"],
    ]


def test_also_with_the_same_partners_adds_to_the_exercise(read: Read) -> None:
    events = read(
        "Russia and China began naval drills on Monday. Also on Tuesday, the Russian and "
        "Chinese navies fired missiles during the drills.",
        se.JointExercise,
    )
    assert len(events) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "The first stage of the joint Belarusian-Russian drills started on Monday.",
        "On Monday the second phase of the joint Belarusian and Russian tactical drills "
        "started at the Brest training ground.",
    ],
)
def test_the_states_qualifying_the_drills_after_a_stage_of_take_part(
    read: Read, sentence: str
) -> None:
    event = read.one(sentence, se.JointExercise)
    assert sorted(p.code or "" for p in event.participants) == ["BLR", "RUS"]


def test_who_is_informed_of_drills_takes_no_part(read: Read) -> None:
    events = read(
        "Cyprus informed the UNSG that the drills were conducted by Turkey and Azerbaijan.",
        se.JointExercise,
    )
    drills = [e for e in events if isinstance(e, se.JointExercise)]
    assert all("UN" not in {p.code for p in e.participants} for e in drills)


@pytest.mark.parametrize(
    "sentence",
    [
        "The exercise will bring together about 1,000 US and Kenyan soldiers in Kenya.",
        "About 1,000 US, Kenyan, Tanzanian and Ugandan soldiers will take part in the drills.",
    ],
)
def test_the_states_of_counted_soldiers_take_part(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.JointExercise)
    assert {"USA", "KEN"} <= {p.code for p in event.participants}
    assert event.troops is not None and event.troops.value == 1000


def test_drills_in_the_states_of_a_country_are_in_that_country(read: Read) -> None:
    event = read.one(
        "Brazil and the U.S. will hold a joint military exercise in the states of São Paulo "
        "and Rio de Janeiro.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "BRA"


def test_as_opens_another_subject_s_clause(read: Read) -> None:
    events = read(
        "China set up a naval base in Djibouti as India held war games with Japan.",
        se.JointExercise,
    )
    drills = [e for e in events if isinstance(e, se.JointExercise)]
    assert [sorted(p.code or "" for p in e.participants) for e in drills] == [["IND", "JPN"]]


def test_the_drill_right_after_an_event_of_its_own_paragraph_is_that_event(read: Read) -> None:
    events = read(
        "Greek and Egyptian naval forces held a joint exercise in the Mediterranean on Friday."
        "\n\nThe Chinese and Pakistani air forces began their Shaheen exercise on Monday. "
        "The three-week drill involves more than 40 aircraft.",
        se.JointExercise,
    )
    counted = {
        tuple(sorted(p.code or "" for p in e.participants)): [q.kind for q in e.equipment]
        for e in events
        if isinstance(e, se.JointExercise)
    }
    assert counted == {("EGY", "GRC"): [], ("CHN", "PAK"): ["aircraft"]}


def test_the_drills_after_a_passing_mention_are_still_the_main_ones(read: Read) -> None:
    events = read(
        "Russia and China began the Joint Sea exercise on Monday. The Russian navy held drills "
        "with Iran in the Gulf of Oman in 2019. The drills involve 20 ships.",
        se.JointExercise,
    )
    assert len(events) == 2
    counted = [e for e in events if isinstance(e, se.JointExercise) and e.equipment]
    assert [sorted(p.code or "" for p in e.participants) for e in counted] == [["CHN", "RUS"]]


def test_forces_that_came_to_a_state_for_joint_drills_drill_with_it(read: Read) -> None:
    event = read.one(
        "Two Russian bombers arrived in Venezuela on Monday for joint exercises.",
        se.JointExercise,
    )
    assert sorted(p.code or "" for p in event.participants) == ["RUS", "VEN"]
    assert event.location is not None and event.location.country == "VEN"


def test_drills_at_sea_near_a_state_are_in_no_state(read: Read) -> None:
    event = read.one(
        "Russia and China will operate in the Pacific Ocean near Japan as part of a joint "
        "exercise next week.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country is None


def test_a_count_of_states_by_region_leaves_the_list_open(read: Read) -> None:
    event = read.one(
        "Naval forces of the United States and eight Latin American countries will operate "
        "as part of the UNITAS LXI exercise, which got under way this week. Forces from "
        "Argentina, Brazil and Chile are taking part in this year's exercise.",
        se.JointExercise,
    )
    assert sorted(p.code or "" for p in event.participants) == ["ARG", "BRA", "CHL", "USA"]


def test_the_states_listed_among_a_count_of_nations_take_part(read: Read) -> None:
    event = read.one(
        "On Monday Morocco and the US launched the African Lion exercises. Some 7,500 "
        "personnel from ten nations, Brazil, France and Britain among them, are involved.",
        se.JointExercise,
    )
    assert {"BRA", "FRA", "GBR", "MAR", "USA"} == {p.code for p in event.participants}


def test_an_end_alone_leaves_the_start_to_the_day_of_the_launch(read: Read) -> None:
    event = read.one(
        "On Monday Morocco and the US launched the African Lion military exercises, which "
        "will run until the end of the month.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-25/2021-10-31"


def test_the_dateline_s_state_is_no_party_and_several_states_hold_no_country(
    read: Read,
) -> None:
    event = read.one(
        "Vicenza, Italy - Exercise Justified Accord gets under way today in Djibouti, Kenya "
        "and Tanzania, bringing together personnel from Djibouti, Kenya, Tanzania and the "
        "United States.",
        se.JointExercise,
    )
    assert sorted(p.code or "" for p in event.participants) == ["DJI", "KEN", "TZA", "USA"]
    assert event.location is None or event.location.country is None


def test_drills_told_in_several_states_are_in_none(read: Read) -> None:
    event = read.one(
        "Exercise Justified Accord gets under way today in East Africa. It brings together "
        "troops from Kenya, Tanzania and the United States. In Kenya, the exercise focuses "
        "on command. In Tanzania, the exercise focuses on readiness.",
        se.JointExercise,
    )
    assert event.location is None or event.location.country is None


def test_craft_counted_in_the_next_sentence_join_the_drills(read: Read) -> None:
    event = read.one(
        "Some 4,000 personnel from Ukraine and the USA will take part in the exercise. The "
        "upcoming evolutions will involve more than 25 ships and about 20 aircraft.",
        se.JointExercise,
    )
    assert sorted(q.kind.value for q in event.equipment) == ["aircraft", "ships"]


def test_drills_held_from_time_to_time_are_none_in_particular(read: Read) -> None:
    assert not read(
        "From time to time Russia and Abkhazia hold joint military training.", se.JointExercise
    )


def test_a_unit_s_name_is_no_exercise_s(read: Read) -> None:
    found = read(
        "Exercise Sea Breeze 2021 opened in Odesa on Monday with Ukraine and the U.S. as "
        "co-hosts. Capt. Kyle Gantt, deputy commodore of Commander Task Force 65, said the "
        "exercise brings together 5,000 troops and 30 ships.",
        se.JointExercise,
    )
    assert len(found) == 1


def test_a_dateline_with_its_region_in_brackets_dates_no_event(read: Read) -> None:
    event = read.one(
        "OBUZ-LESNOVSKY RANGE (Brest Region), October 26 (RIA Novosti) - Russia and Belarus "
        "held joint drills.",
        se.JointExercise,
    )
    assert event.date is None


def test_a_place_before_exercise_is_where_it_is_not_its_name(read: Read) -> None:
    event = read.one(
        "Russia, China deepen naval cooperation with Mediterranean exercise", se.JointExercise
    )
    assert event.name is None


def test_drills_held_each_year_are_none_in_particular(read: Read) -> None:
    assert not read("Each year the two countries hold some 25 joint war games.", se.JointExercise)


def test_a_named_exercise_with_forces_of_more_states_than_named_is_joint(read: Read) -> None:
    text = (
        "An opening ceremony on Monday in Accra, Ghana, officially launched Exercise Sea "
        "Shield 2024. Some 1,500 sailors from more than 20 African and European partner "
        "nations are taking part in Sea Shield 2024."
    )
    event = read.one(text, se.JointExercise)
    assert event.name is not None and "Sea Shield 2024" in event.name


def test_one_state_s_named_exercise_stays_its_own(read: Read) -> None:
    text = "Ghana will stage its own naval exercise, named Sea Shield 2024, next week."
    assert read(text, se.JointExercise) == []


def test_states_listed_after_the_drills_they_took_part_in(read: Read) -> None:
    text = (
        "Warships of allied nations finished the exercise Northern Shield 24 on Friday. "
        "Ships and aircraft of partner countries took part in Northern Shield 24, among "
        "them Denmark, Norway, Poland and the United States."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"DNK", "NOR", "POL", "USA"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The navies finished Trident Shield 19-2 on Friday.", "Trident Shield 19-2"),
        ("The navies finished Trident Shield 19 on Friday.", "Trident Shield 19"),
    ],
)
def test_an_edition_of_the_year_is_part_of_the_name(text: str, name: str) -> None:
    from secevents.extraction._exercise_names import exercise_name

    found = exercise_name(text)
    assert found is not None and found[0] == name


@pytest.mark.parametrize(
    "sentence",
    [
        "Ten NATO member countries are taking part in the exercise.",
        "Troops from 12 NATO and six partner countries are taking part in the exercise.",
    ],
)
def test_an_organisation_s_members_counted_not_named_are_the_organisation(
    read: Read, sentence: str
) -> None:
    text = "Exercise Steel Gate 2023 is being held in Latvia from 9 to 15 May. " + sentence
    event = read.one(text, se.JointExercise)
    assert [a.code for a in event.participants] == ["NATO"]


def test_the_exercise_later_in_a_paragraph_is_the_one_it_names(read: Read) -> None:
    text = (
        "Exercise Steel Gate 2023 is being held in Latvia from 9 to 15 May. "
        "It trains staff for peace support operations.\n\n"
        "The second, Exercise Iron Bridge 2023, is being held in Ukraine from 7 to 18 May. "
        "It brings together land forces of several states. "
        "Troops from Poland and Canada are taking part in the exercise."
    )
    found = [e for e in read(text, se.JointExercise) if isinstance(e, se.JointExercise)]
    bridge = next(e for e in found if e.name and "Iron Bridge" in e.name)
    assert {a.code for a in bridge.participants} == {"POL", "CAN"}


def test_this_year_s_exercise_is_the_one_told_and_last_year_s_another(read: Read) -> None:
    text = (
        "British troops are joining more than 300 soldiers from over 12 European and "
        "African partner nations for an annual exercise in West Africa.\n\n"
        "The exercise has been held every year since it began in 2009. Ghana, which was "
        "due to host last year's exercise, could not do so.\n\n"
        "This year's exercise will be held in Senegal from March 3 to 14."
    )
    event = read.one(text, se.JointExercise)
    assert str(event.date) == "2022-03-03/2022-03-14"
    assert event.location is not None and event.location.country == "SEN"


def test_forces_sent_to_a_state_to_take_part_make_it_a_party(read: Read) -> None:
    text = (
        "On Monday several Egyptian army units headed to Saudi Arabia to take part in a "
        "joint military exercise."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"EGY", "SAU"}


def test_a_subject_with_as_well_as_in_commas_takes_part(read: Read) -> None:
    text = (
        "Egypt and Saudi Arabia began a joint exercise on Monday. Jordanian troops, as well "
        "as Kuwaiti forces, will also take part in the exercise."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"EGY", "SAU", "JOR", "KWT"}


@pytest.mark.parametrize(
    "text",
    [
        "Units of Kazakhstan and Russia arrived in Kazakhstan yesterday to take part in joint "
        "military exercises. The drills will be held on the Caspian coast from November 4 to 9.",
        "On Tuesday Egyptian and Saudi units headed to the border to take part in a joint "
        "exercise. The drills will be held from November 4 to 9.",
    ],
)
def test_the_day_forces_set_out_or_arrive_is_not_the_drills_day(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert str(event.date) == "2021-11-04/2021-11-09"


def test_a_named_exercise_of_other_states_is_not_the_drills_told_before(read: Read) -> None:
    text = (
        "The ministers praised some 2,000 Russian and Kazakh paratroopers who took part in a "
        "joint tactical exercise last Friday. About 4,000 troops from Armenia, Russia and "
        "Tajikistan will take part in the Rubezh-2021 exercises in Armenia this autumn."
    )
    found = [e for e in read(text, se.JointExercise) if isinstance(e, se.JointExercise)]
    lineups = sorted(sorted(str(a.code) for a in e.participants) for e in found)
    assert lineups == [["ARM", "RUS", "TJK"], ["KAZ", "RUS"]]


@pytest.mark.parametrize(
    "text",
    [
        "A joint military training drill of the Chinese and Indian armies got under way in "
        "southwest China's Sichuan Province on Tuesday.",
        "A joint drill of the Chinese and Indian armies began in Yunnan Province on Tuesday.",
    ],
)
def test_a_province_named_with_its_word_or_a_direction_is_the_place(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"CHN", "IND"}
    assert event.location is not None and event.location.country == "CHN"


@pytest.mark.parametrize(
    "second",
    [
        "The seven nations taking part in the main exercises are Thailand, the United "
        "States, Singapore and Japan.",
        "Taking part in the exercises are Thailand, the United States, Singapore and Japan.",
    ],
)
def test_the_states_listed_for_the_exercise_named_before(read: Read, second: str) -> None:
    text = "The annual Cobra Gold exercises got under way on Tuesday. " + second
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"THA", "USA", "SGP", "JPN"}


def test_the_last_and_the_first_drill_of_a_kind_are_earlier_editions(read: Read) -> None:
    text = (
        "A joint anti-terrorism drill of the Chinese and Indian armies got under way in "
        "Sichuan Province on Tuesday.\n\n"
        "The last joint anti-terror training of China and India took place in Belgaum, "
        "India, five years ago. The first drill of this kind was held in Yunnan Province in "
        "2007."
    )
    dates = sorted(str(e.date) for e in read(text, se.JointExercise))
    assert dates == ["2007", "2016", "2021-10-26"]


@pytest.mark.parametrize(
    ("second", "date"),
    [
        ("It will last until November 5.", "2021-10-25/2021-11-05"),
        ("The US commander is in Thailand for the 10-day event.", "2021-10-25/2021-11-03"),
        (
            "The troops will face many tasks during the two-week training period.",
            "2021-10-25/2021-11-07",
        ),
    ],
)
def test_the_end_or_length_told_after_with_no_noun(read: Read, second: str, date: str) -> None:
    text = (
        "On Monday, October 25, the Balikatan exercises were opened by the Philippines and "
        "the United States. " + second
    )
    event = read.one(text, se.JointExercise)
    assert str(event.date) == date


def test_co_hosts_of_an_exercise_in_its_relative_clause_take_part(read: Read) -> None:
    text = (
        "The annual Sea Breeze exercise, which the US Navy co-hosts with the Ukrainian Navy, "
        "got under way on Monday."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"USA", "UKR"}
    assert event.location is None


def test_states_listed_after_the_drills_they_are_taking_part_in(read: Read) -> None:
    text = (
        "The navies of allied nations began the exercise Northern Shield 24 on Monday. "
        "Ships of partner countries are taking part in Northern Shield 24, among them "
        "Denmark, Norway and Poland."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} >= {"DNK", "NOR", "POL"}


def test_a_name_with_a_short_year_is_the_edition_of_that_year(read: Read) -> None:
    found = [
        e
        for e in read(
            "Exercise Cope Thunder 2021 kicks off\n\nAn opening ceremony today marked the start "
            "of Exercise Cope Thunder 21, the largest bilateral exercise held between the "
            "Philippines and the U.S.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [(codes(e), str(e.date)) for e in found] == [(["PHL", "USA"], "2021-10-28")]


def test_a_title_case_headline_s_verb_is_not_part_of_the_name(read: Read) -> None:
    found = [
        e
        for e in read(
            "Norway, Sweden Begin Cold Response 2021 Exercise\n\nOn Monday the navies started "
            "the annual Cold Response exercise in the Norwegian Sea.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [(codes(e), str(e.date)) for e in found] == [(["NOR", "SWE"], "2021-10-25")]


def test_states_of_the_standoff_the_drills_take_place_amid_take_no_part(read: Read) -> None:
    found = [
        e
        for e in read(
            "The navies of France, Italy and Spain launched Mare Nostrum 2021 today.\n\nThe "
            "Mare Nostrum Naval Exercise 2021 is taking place amid a standoff between the "
            "armies of Greece and Turkey in the Aegean.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [(codes(e), str(e.date)) for e in found] == [(["FRA", "ITA", "ESP"], "2021-10-28")]


def test_the_first_such_exercise_with_a_date_of_its_own_is_an_earlier_edition(read: Read) -> None:
    found = [
        e
        for e in read(
            "Kenya will hold joint naval drills with India and France in February. Kenya "
            "hosted the first such exercise in November 2019.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [(codes(e), str(e.date)) for e in found] == [
        (["KEN", "IND", "FRA"], "2022-02"),
        (["KEN", "IND", "FRA"], "2019-11"),
    ]


def test_a_date_the_name_s_year_rules_out_gives_way_to_the_year(read: Read) -> None:
    found = [
        e
        for e in read(
            "It will be the ninth time since 2003 that the two countries have drilled "
            "together, two weeks after Russia and China held the Joint Sea 2021 naval drill.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [str(e.date) for e in found] == ["2021"]


def test_the_drill_areas_are_a_place_not_a_mention_of_the_drills(read: Read) -> None:
    found = [
        e
        for e in read(
            "China and Russia will begin joint drills in Chelyabinsk.\n\nThe troops are "
            "expected to reach the drill areas by Aug 2.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [e.date for e in found] == [None]


def test_forces_that_train_side_by_side_take_part_in_the_exercise_told_before(
    read: Read,
) -> None:
    event = read.one(
        "The island will host the Pitch Black 2021 exercise.\n\nThe U.S. Air Force will "
        "train side by side with the Japan Air Self-Defense Force and the Royal Australian "
        "Air Force.",
        se.JointExercise,
    )
    assert codes(event) == ["USA", "JPN", "AUS"]


def test_working_shoulder_to_shoulder_on_days_dates_the_exercise_told_before(
    read: Read,
) -> None:
    event = read.one(
        "Balikatan 2021 is an exercise that the Philippines and the U.S. co-sponsor and hold "
        "every year.\n\nDuring the exercise, soldiers kept working shoulder-to-shoulder from "
        "Apr. 12-23 with their counterparts of the Philippine Army.",
        se.JointExercise,
    )
    assert (codes(event), str(event.date)) == (["PHL", "USA"], "2021-04-12/2021-04-23")


def test_editions_named_by_their_rank_alone_are_each_dated_by_their_clause(read: Read) -> None:
    found = [
        e
        for e in read(
            "On Monday Nepal launched a joint drill with India near Pokhara.\n\nThe two "
            "countries held their first joint exercise in 2011 in India. The second took place "
            "in Nepal in 2014, and the third was held in Uttarakhand last year.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert sorted(str(e.date) for e in found) == ["2011", "2014", "2020", "2021-10-25"]


def test_an_organisation_s_observation_mission_takes_no_part(read: Read) -> None:
    event = read.one(
        "Troops from China and Russia held joint drills near Khujand on Monday, while the "
        "CSTO observation mission watched.",
        se.JointExercise,
    )
    assert sorted(codes(event)) == ["CHN", "RUS"]


def test_a_name_translated_in_brackets_is_the_same_exercise(read: Read) -> None:
    found = [
        e
        for e in read(
            "Russia, Belarus start West 2021 military exercise\n\nNamed Zapad 2021 (West "
            "2021), the drill is being held in Russia and Belarus by Russian and Belarusian "
            "troops.",
            se.JointExercise,
        )
        if isinstance(e, se.JointExercise)
    ]
    assert [sorted(codes(e)) for e in found] == [["BLR", "RUS"]]


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang condemned the joint drills that the United States and South Korea have "
        "been staging since Monday.",
        "The joint drills the United States and South Korea held on Monday angered Pyongyang.",
        "The joint drills, which the United States and South Korea will hold next week, "
        "angered Pyongyang.",
    ],
)
def test_the_subject_of_a_relative_clause_on_the_drills_takes_part(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert [a.code for a in event.participants] == ["USA", "KOR"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China held joint drills that the United States held to be a threat.",
        "Russia and China held joint drills that the United States and Japan called a threat.",
    ],
)
def test_a_relative_clause_of_other_words_names_no_party(read: Read, text: str) -> None:
    event = read.one(
        text,
        se.JointExercise,
    )
    assert [a.code for a in event.participants] == ["RUS", "CHN"]


@pytest.mark.parametrize(
    "text",
    [
        "Cuba urges UN to discuss US and Colombian naval exercise as threat",
        "Cuba asked the Security Council on Monday to condemn the joint drills of the United "
        "States and Colombia.",
    ],
)
def test_who_asks_others_to_take_up_the_drills_takes_no_part(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert [a.code for a in event.participants] == ["USA", "COL"]


@pytest.mark.parametrize(
    "text",
    [
        "The week-long exercise will have sailors of the Royal Malaysian Navy and the "
        "Philippine Navy operating together on land, in the air and at sea.",
        "The drills see marines of the Malaysian and Philippine navies training side by side.",
    ],
)
def test_forces_told_acting_together_after_the_drills_take_part(read: Read, text: str) -> None:
    event = read.one(text, se.JointExercise)
    assert sorted(a.code or "" for a in event.participants) == ["MYS", "PHL"]


def test_states_named_after_the_participation_of_take_part(read: Read) -> None:
    event = read.one(
        "In 2022 Kazakhstan will host large-scale military exercises with the participation "
        "of Azerbaijan, Kyrgyzstan and Uzbekistan.",
        se.JointExercise,
    )
    assert [a.code for a in event.participants] == ["KAZ", "AZE", "KGZ", "UZB"]


@pytest.mark.parametrize(
    "text",
    [
        "China and Mongolia agreed to expand joint training and exchanges.",
        "The ministers hoped the two militaries would deepen joint exercises and cooperation.",
    ],
)
def test_drills_as_cooperation_to_grow_are_no_exercise(read: Read, text: str) -> None:
    assert read(text, se.JointExercise) == []


def test_the_ceremony_that_launched_the_drills_at_a_base_is_no_base_event(read: Read) -> None:
    text = (
        "NATO launched its biggest military exercise in more than a decade on October 19 with "
        "an opening ceremony at Trapani Air Base in Italy."
    )
    assert read(text, se.BaseConstruction) == []
    assert len(read(text, se.JointExercise)) == 1


def test_the_operation_told_to_run_until_a_day_ends_the_drills(read: Read) -> None:
    event = read.one(
        "NATO and Spain launched a military exercise on October 19.\n\nIt involves 36,000 "
        "troops. Trident Juncture is held mostly in Spain. The operation will run until "
        "November 6.",
        se.JointExercise,
    )
    assert str(event.date) == "2021-10-19/2021-11-06"


def test_the_place_of_another_subject_s_deed_told_after_is_not_the_drills(read: Read) -> None:
    event = read.one(
        "On Tuesday the U.S. and Philippine militaries launched their largest joint exercise, "
        "only days after China wrapped up maneuvers of its own around nearby Taiwan.",
        se.JointExercise,
    )
    assert event.location is None or event.location.country != "TWN"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("India and the US held a joint exercise in the Chaubattia forest of Uttarakhand.", "IND"),
        ("Russian and Tajik troops staged joint drills in the mountains of Tajikistan.", "TJK"),
        ("Chinese and Pakistani forces held joint drills in the deserts of Sindh.", "PAK"),
        ("Russian and Tajik troops held joint drills in the Kulob district of Tajikistan.", "TJK"),
    ],
)
def test_drills_in_a_named_land_of_a_place_are_in_that_place(
    read: Read, text: str, country: str
) -> None:
    event = read.one(text, se.JointExercise)
    assert event.location is not None and event.location.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Australian and Indian troops began drills at Rajasthan's Mahajan Field Firing Ranges.",
            "IND",
        ),
        (
            "Russia and India will hold a joint exercise in Russia's eastern military district.",
            "RUS",
        ),
        ("Indian and Russian troops began drills in Uttarakhand's Chaubattia area.", "IND"),
    ],
)
def test_drills_in_a_place_s_own_land_are_in_that_place(
    read: Read, text: str, country: str
) -> None:
    event = read.one(text, se.JointExercise)
    assert event.location is not None and event.location.country == country


def test_a_place_told_of_the_drills_in_the_next_sentence(read: Read) -> None:
    event = read.one(
        "Argentina and Chile held a joint peacekeeping exercise. It was held at the Puerto "
        "Belgrado Naval Base in Bahia Blanca, Argentina.",
        se.JointExercise,
    )
    assert event.location is not None and event.location.country == "ARG"


def test_a_state_s_base_is_no_land_of_the_state(read: Read) -> None:
    event = read.one(
        "Russia and Syria held joint drills at Russia's base in Syria.", se.JointExercise
    )
    assert event.location is not None and event.location.country == "SYR"


def test_a_name_with_its_two_digit_edition_begun_by_two_states_is_an_exercise(read: Read) -> None:
    event = read.one(
        "US and Indian soldiers began Yudh Abhyas 19 on Thursday at Joint Base Lewis-McChord.",
        se.JointExercise,
    )
    assert event.name == "Yudh Abhyas 19"
    assert sorted(a.code or "" for a in event.participants) == ["IND", "USA"]


@pytest.mark.parametrize(
    "text",
    [
        "India and the US began Chapter 11 on Thursday.",
        "India and Pakistan played Round 16 on Thursday.",
        "India and the US held talks at Building 19 on Thursday.",
    ],
)
def test_a_numbered_thing_begun_by_two_states_is_no_exercise(read: Read, text: str) -> None:
    assert read(text, se.JointExercise) == []


def test_a_named_edition_launched_by_two_states_is_an_exercise(read: Read) -> None:
    event = read.one("Thailand and the US launched Cobra Gold 2021 on Tuesday.", se.JointExercise)
    assert sorted(a.code or "" for a in event.participants) == ["THA", "USA"]


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia launched Vision 2030 on Tuesday.",
        "Thailand and the US launched Project 2025 talks on Tuesday.",
    ],
)
def test_a_plan_launched_is_no_exercise(read: Read, text: str) -> None:
    assert read(text, se.JointExercise) == []


def test_a_name_told_again_without_parties_or_date_is_no_second_exercise(read: Read) -> None:
    text = (
        "Oman, the United States and France began the mine-countermeasures exercise Khunjar "
        "Hadd 26 on Monday.\n\n"
        '"By all standards the naval exercise Khanjar Hadd 26 was a success," the Omani '
        "commander said."
    )
    event = read.one(text, se.JointExercise)
    assert {a.code for a in event.participants} == {"OMN", "USA", "FRA"}
    # alone in its report, a named exercise is kept though it names no party
    alone = read.one(
        "The naval exercise Sea Shield was a success, officials said.", se.JointExercise
    )
    assert alone.name == "Sea Shield"


def test_drills_going_on_this_week_are_those_begun_days_before(read: Read) -> None:
    text = (
        "The armies of Chile and Peru have closed ranks this week in military exercises near "
        "the border.\n\n"
        "Last Friday, October 22, soldiers of Chile and Peru began the joint exercises in "
        "the north of Chile."
    )
    [event] = read(text, se.JointExercise)
    assert str(event.date) == "2021-10-22"


def test_drills_of_a_day_in_another_place_are_other_drills(read: Read) -> None:
    text = (
        "Russian and Chinese warships held joint naval drills in the Sea of Japan on "
        "Wednesday.\n\n"
        "Separately, Russian and Chinese troops began joint counter-terrorism exercises in "
        "Tajikistan on Friday, October 22."
    )
    dates = sorted(str(e.date) for e in read(text, se.JointExercise))
    assert dates == ["2021-10-22", "2021-10-27"]


def test_an_earlier_edition_is_no_spelling_of_this_one(read: Read) -> None:
    text = (
        "Troops from Russia and China began the exercise Khunjar Hadd 26 on Monday.\n\n"
        "The previous exercise, Khunjar Hadd 25, was a success, officials said."
    )
    names = sorted(e.name or "" for e in read(text) if isinstance(e, se.JointExercise))
    assert names == ["Khunjar Hadd 25", "Khunjar Hadd 26"]


def test_a_training_course_is_not_the_drills_length(read: Read) -> None:
    text = (
        "Indian and US troops began joint drills on Monday, October 25. The officers then left "
        "for a two-week training course at a military academy."
    )
    assert str(read.one(text, se.JointExercise).date) == "2021-10-25"


def test_states_said_to_be_involved_after_the_drills_take_part(read: Read) -> None:
    text = (
        "Multinational exercises led by Brazil began in the Amazon on Monday, October 25. The "
        "armies of Brazil, Peru, Colombia and Ecuador are involved, with support from Spain "
        "and Portugal. The drills will finish on November 5."
    )
    event = read.one(text, se.JointExercise)
    assert set(codes(event)) == {"BRA", "PER", "COL", "ECU"}
    assert str(event.date) == "2021-10-25/2021-11-05"


def test_states_involved_in_something_else_are_no_parties(read: Read) -> None:
    text = (
        "Peru and Chile began joint naval drills on Monday. Ecuador is involved in a border "
        "dispute with Peru."
    )
    assert set(codes(read.one(text, se.JointExercise))) == {"PER", "CHL"}


def test_backing_troops_take_part_but_states_lending_support_do_not(read: Read) -> None:
    text = (
        "Exercise Tropic Twilight is being held in the Cook Islands. New Zealand engineers "
        "are backed by troops from Tonga and Fiji. Samoa takes part too, with support from Japan."
    )
    assert codes(read.one(text, se.JointExercise)) == ["NZL", "TON", "FJI", "WSM"]


def test_a_state_keeping_watch_on_drills_is_no_party(read: Read) -> None:
    text = "Russia is keeping watch on the joint drills of Poland and Lithuania, officials said."
    assert set(codes(read.one(text, se.JointExercise))) == {"POL", "LTU"}


def test_a_state_protesting_in_a_later_clause_leaves_the_parties_alone(read: Read) -> None:
    text = "Russia and China held joint naval drills on Monday, and Japan protested."
    assert set(codes(read.one(text, se.JointExercise))) == {"RUS", "CHN"}


def test_the_states_an_organisation_s_named_drills_span_take_part(read: Read) -> None:
    text = (
        "Some 20,000 soldiers will take part in NATO's Steadfast Shield 2021 drills in the "
        "northern parts of Estonia, Latvia and Lithuania from October 4-15."
    )
    event = read.one(text, se.JointExercise)
    assert set(codes(event)) == {"NATO", "EST", "LVA", "LTU"}
    # one state named as the place is the venue only
    venue = read.one("CSTO forces began exercises in Tajikistan on Monday.", se.JointExercise)
    assert codes(venue) == ["CSTO"]


def test_any_exercises_in_general_are_no_event(read: Read) -> None:
    text = "Any military exercises held close to the border increase the risk of incidents."
    assert read(text, se.JointExercise) == []


def test_exercise_and_drill_as_verbs_are_no_drills(read: Read) -> None:
    text = (
        "Peru has drawn a block, named Starbroke, over which Chile does not exercise "
        "sovereignty. Chile will drill wells there."
    )
    assert read(text, se.JointExercise) == []


def test_the_day_drills_to_come_were_confirmed_does_not_date_them(read: Read) -> None:
    text = (
        "On Sunday the government of Peru confirmed that Chilean naval vessels will join "
        "joint exercises off Callao in November, a step that could strain the relationship "
        "between Chile and Bolivia."
    )
    event = read.one(text, se.JointExercise)
    assert str(event.date) == "2021-11"
    assert set(codes(event)) == {"PER", "CHL"}


def test_patrol_aircraft_and_boats_are_no_patrols(read: Read) -> None:
    text = "Japan and the US maritime patrol and reconnaissance aircraft sat on the apron."
    assert read(text, se.JointExercise) == []


@pytest.mark.parametrize(
    "text",
    [
        # guests attending a state's own drills
        "The Nigerian Army held a demonstration exercise. Top military participants from "
        "Malawi, Uganda and the United States are attending the exercise.",
        # drilling as an activity, with no drills in particular
        "The American initiative to step up their training and exercises in Norway is welcome.",
        "U.S. participation in military exercises in Norway is one part of the relationship.",
        "Norway welcomes USMC rotational training and exercises.",
        "A US unit at Vaernes will give Norway better opportunities for mutual exercises.",
    ],
)
def test_guests_and_drilling_in_general_make_no_joint_exercise(read: Read, text: str) -> None:
    assert read(text, se.JointExercise) == []


def test_the_forces_of_an_organisation_s_members_are_the_member_states(read: Read) -> None:
    text = (
        "Troops from China, Russia and Kazakhstan ended the Peace Mission 2012 drill on "
        "Thursday. The drill improved the coordination of the armed forces of the SCO members."
    )
    assert len(read(text, se.JointExercise)) == 1
    assert set(codes(read.one(text, se.JointExercise))) == {"CHN", "RUS", "KAZ"}


def test_a_place_inside_the_subject_is_not_where_the_drills_are(read: Read) -> None:
    text = (
        "Chilean troops based in Argentina have joined joint military exercises with the US "
        "this week."
    )
    event = read.one(text, se.JointExercise)
    assert event.location is None or event.location.country != "ARG"
    fronted = read.one(
        "At a ceremony in Quezon City, Philippine and US commanders opened joint drills on Monday.",
        se.JointExercise,
    )
    assert fronted.location is not None and fronted.location.country == "PHL"


def test_another_edition_of_the_series_takes_its_host(read: Read) -> None:
    text = (
        'The Bangladesh Navy will hold the multinational maritime exercise "Sea Guard" in '
        "Chittagong next month, with the participation of more than 20 countries.\n\n"
        "In 2019, 18 nations had taken part in the five-day exercise Sea Guard-2019."
    )
    found = read(text, se.JointExercise)
    editions = {str(e.date): codes(e) for e in found if isinstance(e, se.JointExercise)}
    assert editions.get("2019") == ["BGD"]


def test_who_writes_or_asks_about_drills_takes_no_part(read: Read) -> None:
    letter = (
        "A letter was sent to Japan by the permanent representative of China with regard "
        "to another large-scale joint exercise staged by the US and South Korea."
    )
    assert set(codes(read.one(letter, se.JointExercise))) == {"USA", "KOR"}
    request = (
        "Venezuela, in accordance with the Charter, requests Brazil to bring up the US and "
        "Colombian joint military exercises for discussion."
    )
    assert set(codes(read.one(request, se.JointExercise))) == {"USA", "COL"}


def test_a_speaker_named_by_its_state_s_possessive_takes_no_part(read: Read) -> None:
    text = (
        'Japan and the US held joint drills on Monday. "What cannot be overlooked," the '
        "DPRK's Ja said, \"is that the US, not content with the joint military exercise with "
        'Japan, is stepping up pressure."'
    )
    found = read(text, se.JointExercise)
    assert all("PRK" not in codes(e) for e in found if isinstance(e, se.JointExercise))


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # the narrowed rules of stop 32: real drills and their parties stay
        (
            "The US and South Korean militaries briefed reporters on Tuesday regarding the "
            "joint exercises, which begin next Monday.",
            {"USA", "KOR"},
        ),
        (
            "China confirmed its participation in joint naval exercises with Russia and Iran.",
            {"CHN", "RUS", "IRN"},
        ),
        (
            "US and Philippine troops wrapped up two weeks of training and exercises in Luzon.",
            {"USA", "PHL"},
        ),
        (
            "Despite bad weather, India and Vietnam were able to conduct joint naval exercises.",
            {"IND", "VNM"},
        ),
        (
            "US and South Korean forces began annual drills on Monday, and officials said they "
            "would monitor North Korea's response.",
            {"USA", "KOR"},
        ),
        (
            "India and France began the Varuna naval exercise off Goa on Monday. A Pakistani "
            "official denied that Islamabad was involved.",
            {"IND", "FRA"},
        ),
        (
            "Australia will send two warships to the US-Japan naval drills next month.",
            {"AUS", "USA", "JPN"},
        ),
        (
            "More than 2,000 troops from Thailand, the United States and Indonesia were "
            "attending the drills, which began on Monday.",
            {"THA", "USA", "IDN"},
        ),
        (
            "The CSTO held exercises on Monday to counter militants in Afghanistan and Pakistan.",
            {"CSTO"},
        ),
    ],
)
def test_narrowed_rules_keep_real_drills_and_parties(
    read: Read, text: str, parties: set[str]
) -> None:
    assert set(codes(read.one(text, se.JointExercise))) == parties


def test_forces_that_came_to_a_place_drill_there(read: Read) -> None:
    text = (
        "After arriving in Indonesia on Saturday, US and Indonesian soldiers began the Garuda "
        "Shield exercise on Monday."
    )
    event = read.one(text, se.JointExercise)
    assert event.location is not None and event.location.country == "IDN"
    text = "Chinese warships arrived in Cambodia and began joint exercises with the Cambodian navy."
    event = read.one(text, se.JointExercise)
    assert event.location is not None and event.location.country == "KHM"


def test_the_drills_own_day_before_a_speaker_dates_them(read: Read) -> None:
    text = (
        "On Monday, the Chinese and Russian navies began what officials said will be their "
        "largest joint drills."
    )
    assert str(read.one(text, se.JointExercise).date) == "2021-10-25"
