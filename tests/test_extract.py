"""Unit tests of the report parser: each rule on a sentence written for it."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import secevents as se
from secevents.extraction import (
    Document,
    Mention,
    RecognizerRegistry,
    Report,
    Sentence,
    default_recognizers,
    extract,
    split_sentences,
)
from secevents.extraction.clues import attributions, factuality_of

DAY = dt.date(2021, 10, 28)  # a Thursday


def events(text: str, kind: type[se.Event] | None = None) -> list[se.Event]:
    found = extract(text, published=DAY).events
    return [e for e in found if kind is None or isinstance(e, kind)]


def one(text: str, kind: type[se.Event]) -> se.Event:
    found = events(text, kind)
    assert len(found) == 1, found
    return found[0]


def codes(actors: tuple[se.Actor, ...]) -> list[str | None]:
    return [a.code for a in actors]


# --- sentences -------------------------------------------------------------


def test_sentences_keep_offsets_and_abbreviations() -> None:
    text = "The U.S. Navy sailed on Oct. 3 with Gen. Smith. Drills began.\n\nNew paragraph."
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "The U.S. Navy sailed on Oct. 3 with Gen. Smith.",
        "Drills began.",
        "New paragraph.",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)
    assert [s.paragraph for s in found] == [0, 0, 1]


def test_sentences_split_after_quotes_and_question_marks() -> None:
    found = split_sentences('He said "we will go." Did they? Yes.')
    assert [s.text for s in found] == ['He said "we will go."', "Did they?", "Yes."]


# --- base construction -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("India opened a naval base in Mauritius on Monday.", "operational"),
        ("The base in Djibouti was built by Japan in 2011.", "completed"),
        ("Russia will build an air base in Belarus.", "proposed"),
        ("France signed an agreement with Gabon on a military base in Libreville.", "agreed"),
        (
            "Work on the Chinese base in Cambodia is under construction since June.",
            "under_construction",
        ),
        ("Cambodia denied reports that China would build a naval base in Ream.", "denied"),
        # a report judged false, with no verb of denial
        ("Talk that China is building a naval base in Pakistan is pure speculation.", "denied"),
        ("Reports that Russia will open an air base in Belarus are baseless.", "denied"),
    ],
)
def test_base_status_cues(sentence: str, status: str) -> None:
    event = one(sentence, se.BaseConstruction)
    assert isinstance(event, se.BaseConstruction)
    assert event.status is not None and event.status.value == status


def test_base_builder_is_the_subject_and_host_the_place() -> None:
    event = one("Turkey opened a training base in Mogadishu on Saturday.", se.BaseConstruction)
    assert isinstance(event, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == ("TUR", "SOM")
    assert str(event.date) == "2021-10-23"
    assert event.location is not None and event.location.name == "Mogadishu"


def test_base_builder_from_passive_by_phrase() -> None:
    event = one(
        "A base in Tajikistan was built by the Chinese government in 2016.", se.BaseConstruction
    )
    assert isinstance(event, se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "CHN"
    assert event.host is not None and event.host.code == "TJK"
    assert str(event.date) == "2016" and "background" in event.tags


def test_base_builder_from_demonym_before_the_noun() -> None:
    event = one("Parliament ratified the deal on the Russian base in Armenia.", se.BaseConstruction)
    assert isinstance(event, se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "RUS"
    assert event.host is not None and event.host.code == "ARM"


def test_base_cost_and_planned_factuality() -> None:
    event = one(
        "Japan would spend around $40 million to build a base in Djibouti.", se.BaseConstruction
    )
    assert isinstance(event, se.BaseConstruction)
    assert event.cost is not None and event.cost.amount == 40_000_000
    assert event.factuality is se.Factuality.PLANNED


@pytest.mark.parametrize(
    "sentence",
    [
        "Rockets were fired at an air base in Iraq that hosts US troops.",
        "The State Department approved a $2 billion sale of fighter jets to Poland.",
        "The president gave a speech at the summit in Rome on Monday.",
    ],
)
def test_distractors_give_no_base(sentence: str) -> None:
    assert events(sentence, se.BaseConstruction) == []


# --- joint exercises ---------------------------------------------------------


def test_exercise_participants_from_demonyms_before_the_trigger() -> None:
    event = one(
        "Kazakh and Kyrgyz troops held joint drills near Almaty on Monday.", se.JointExercise
    )
    assert isinstance(event, se.JointExercise)
    assert codes(event.participants) == ["KAZ", "KGZ"]
    assert str(event.date) == "2021-10-25"


def test_exercise_participants_from_with_and_a_list() -> None:
    event = one("India held naval exercises with Japan, France and Australia.", se.JointExercise)
    assert isinstance(event, se.JointExercise)
    assert codes(event.participants) == ["IND", "JPN", "FRA", "AUS"]


def test_single_country_drill_is_not_joint() -> None:
    assert events("Russia held snap drills in Kaliningrad on Monday.", se.JointExercise) == []


def test_organisation_forces_take_part_and_framework_is_read() -> None:
    event = one(
        "The rapid reaction forces of the CSTO held exercises in Armenia.", se.JointExercise
    )
    assert isinstance(event, se.JointExercise)
    assert codes(event.participants) == ["CSTO"]
    assert event.location is not None and event.location.country == "ARM"
    framed = one(
        "Troops from Russia and Belarus, members of the CSTO, held drills.", se.JointExercise
    )
    assert isinstance(framed, se.JointExercise)
    assert framed.framework is not None and framed.framework.code == "CSTO"


def test_exercise_counts_and_participation_sentence_merge() -> None:
    text = (
        "Egypt and Greece began the Medusa-2021 exercise on Monday. "
        "About 3,000 troops and 40 warships from Egypt, Greece and Cyprus are taking part."
    )
    event = one(text, se.JointExercise)
    assert isinstance(event, se.JointExercise)
    assert codes(event.participants) == ["EGY", "GRC", "CYP"]
    assert event.troops is not None and event.troops.value == 3000
    assert [e.kind.value for e in event.equipment] == ["ships"]
    assert event.name == "Medusa-2021" and str(event.date) == "2021-10-25"
    assert len(event.evidence) >= 2


def test_observers_are_not_participants() -> None:
    text = "Chile and Peru will stage joint drills. Observers will be sent by Bolivia and Brazil."
    event = one(text, se.JointExercise)
    assert isinstance(event, se.JointExercise)
    assert codes(event.participants) == ["CHL", "PER"]


def test_differently_named_exercises_stay_apart() -> None:
    text = (
        "Russia and China began the Vostok-2022 drills on Monday. "
        "The earlier Vostok-2018 drills were held by Russia and China."
    )
    found = [e for e in events(text, se.JointExercise) if isinstance(e, se.JointExercise)]
    assert sorted((e.name or "", str(e.date)) for e in found) == [
        ("Vostok-2018", "2018"),
        ("Vostok-2022", "2021-10-25"),
    ]


# --- communiques -------------------------------------------------------------


def test_communique_sender_from_and_recipient_to() -> None:
    event = one("A letter from Iran to Iraq arrived on Monday.", se.DiplomaticCommunique)
    assert isinstance(event, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "IRN",
        "IRQ",
    )
    assert event.medium is se.Medium.LETTER


def test_communique_given_to_the_object_of_the_verb() -> None:
    event = one("Poland handed Belarus a protest note on Monday.", se.DiplomaticCommunique)
    assert isinstance(event, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "POL",
        "BLR",
    )
    assert event.medium is se.Medium.PROTEST_NOTE


def test_communique_passive_recipient_and_summoning_sender() -> None:
    text = (
        "Sweden's ambassador was summoned to the Hungarian Foreign Ministry and given a demarche."
    )
    event = one(text, se.DiplomaticCommunique)
    assert isinstance(event, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "HUN",
        "SWE",
    )


def test_letters_with_a_date_list_are_one_event_per_date() -> None:
    text = (
        "Armenia sent a letter to the United Nations. "
        "It recalled earlier letters dated 3, 5 and 9 June 2021."
    )
    found = events(text, se.DiplomaticCommunique)
    assert sorted(str(e.date) for e in found if e.date) == [
        "2021-06-03",
        "2021-06-05",
        "2021-06-09",
    ]
    assert all(
        isinstance(e, se.DiplomaticCommunique) and e.recipient and e.recipient.code == "UN"
        for e in found
    )


def test_surname_refers_back_to_the_full_name() -> None:
    text = "Ali Bagheri, Iran's deputy foreign minister, arrived. Bagheri sent a letter to Qatar."
    event = one(text, se.DiplomaticCommunique)
    assert isinstance(event, se.DiplomaticCommunique)
    assert event.sender is not None and event.sender.code == "IRN"


# --- statements, factuality, sources ------------------------------------------


def test_statement_speaker() -> None:
    event = one("Tajik President Emomali Rahmon said on Monday that talks went well.", se.Statement)
    assert isinstance(event, se.Statement)
    assert event.speaker is not None and event.speaker.country == "TJK"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("China is willing to build a base", "planned"),
        ("Turkey plans to open a base", "planned"),
        ("Beijing would spend $5 million", "planned"),
        ("Kabul denied reports of a base", "denied"),
        ("reports of drills near the border are untrue", "denied"),
        ("the story of a base was fake news", "denied"),
        ("if the base were built", "hypothetical"),
        ("the base was reportedly finished", "claimed"),
        ("the base was finished", "actual"),
    ],
)
def test_factuality_cues(clause: str, expected: str) -> None:
    assert factuality_of(clause).value == expected


@pytest.mark.parametrize(
    ("sentence", "publisher"),
    [
        ("According to Khaama Press, China would pay.", "Khaama Press"),
        ("TASS reported that drills began.", "TASS"),
        ("The minister told the Associated Press that talks failed.", "Associated Press"),
        ("MOSCOW, May 2. /TASS/. Drills began.", "TASS"),
    ],
)
def test_attributions(sentence: str, publisher: str) -> None:
    assert publisher in [s.publisher for s in attributions(sentence)]


def test_sources_of_an_event_include_attributions_and_the_given_source() -> None:
    report = extract(
        "According to Reuters, Turkey opened a base in Qatar.",
        published=DAY,
        source=se.Source(publisher="Daily"),
    )
    [event] = report.events
    assert [s.publisher for s in event.sources] == ["Daily", "Reuters"]
    assert str(event.reported) == "2021-10-28"


# --- pipeline ----------------------------------------------------------------


def test_date_line_is_read_and_skipped() -> None:
    report = extract(" date 2021-10-28 India and Japan held joint drills on Monday.")
    assert str(report.published) == "2021-10-28"
    [event] = report.events
    assert str(event.date) == "2021-10-25"
    assert all(not ev.text.startswith("date") for ev in event.evidence)


def test_without_a_publication_date_only_absolute_dates_are_read() -> None:
    report = extract("India and Japan held joint drills on Monday. They met again on 3 May 2019.")
    assert report.published is None
    assert report.warnings[0].startswith("no_publication_date")
    [event] = report.events
    assert event.date is None


def test_weekday_conflict_is_a_report_warning() -> None:
    report = extract(
        " date 2021-10-28 On October 23, Friday, Russian and Tajik troops held drills."
    )
    assert any(w.startswith("weekday_mismatch") for w in report.warnings)
    assert str(report.events[0].date) == "2021-10-23"


def test_evidence_offsets_cover_the_input_text() -> None:
    text = " date 2021-10-28 China would spend around $8.6 million to build a base in Tajikistan."
    [event] = extract(text).events
    assert event.evidence
    assert all(text[e.start : e.end] == e.text for e in event.evidence)
    assert any(e.text == "around $8.6 million" for e in event.evidence)


def test_confidence_grows_with_support() -> None:
    thin = one("Russia will build a base in Syria.", se.BaseConstruction)
    thick = one(
        "Russia will build a base in Syria on Monday. The base in Syria will be built by Russia "
        "with 500 troops. Russia signed the lease on the base in Syria.",
        se.BaseConstruction,
    )
    assert thin.confidence is not None and thick.confidence is not None
    assert 0 < thin.confidence < thick.confidence <= 1


def test_report_serializes_as_the_wire_report_object() -> None:
    report = extract(" date 2021-10-28 India and Japan held joint drills on Monday.")
    data = se.to_dict(report)
    assert list(data)[:2] == ["type", "id"] and data["type"] == "report"
    assert data["published"] == "2021-10-28"
    assert data["events"][0]["type"] == "joint_exercise"
    assert isinstance(report, Report)
    assert json.loads(se.dumps(report)) == data


class Sanction(se.Event):
    """A test event type: one state sanctions another."""

    type_tag = "test_sanction"
    by: se.Actor | None = None


class SanctionRecognizer:
    event_type: type[se.Event] = Sanction

    def recognize(self, sentence: Sentence, doc: Document) -> list[Mention]:
        at = sentence.text.find("sanctioned")
        if at < 0:
            return []
        hits = doc.actors(sentence)
        fields = {"by": se.Actor.state(hits[0].code)} if hits else {}
        start = sentence.start + at
        return [Mention(Sanction, sentence, (start, start + 10), fields)]

    def accept(self, event: se.Event) -> bool:
        return isinstance(event, Sanction) and event.by is not None


def test_user_recognizer_plugs_in_and_builtins_are_replaceable() -> None:
    registry = default_recognizers()
    registry.register(SanctionRecognizer())
    text = "Canada sanctioned Iran. Russia and Iran held joint drills."
    report = extract(text, published=DAY, recognizers=registry)
    assert {type(e).__name__ for e in report.events} >= {"Sanction", "JointExercise"}
    only = extract(text, published=DAY, recognizers=[SanctionRecognizer()])
    assert [type(e).__name__ for e in only.events] == ["Sanction"]
    registry.remove("joint_exercise")
    assert "joint_exercise" not in registry.tags()
    with pytest.raises(TypeError):
        RecognizerRegistry([object()])  # type: ignore[list-item]


def test_non_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        extract(b"bytes")  # type: ignore[arg-type]


# --- mentions that refer back, names, milestones and durations -------------------------


def exercises(text: str) -> list[se.JointExercise]:
    return [e for e in events(text) if isinstance(e, se.JointExercise)]


def bases(text: str) -> list[se.BaseConstruction]:
    return [e for e in events(text) if isinstance(e, se.BaseConstruction)]


def test_a_definite_reference_with_another_date_joins_the_exercise() -> None:
    text = (
        "Greece and Egypt will hold the Medusa exercise off Crete from November 2 to 6. "
        "The exercise follows a defence pact signed on March 3 2020 by Greece and Egypt."
    )
    [ev] = exercises(text)
    assert str(ev.date) == "2021-11-02/2021-11-06"
    assert len({e.text for e in ev.evidence if "pact" in e.text}) == 1


def test_number_words_and_prepositions_do_not_open_exercise_names() -> None:
    from secevents.extraction.exercise import exercise_name

    assert exercise_name("Nine warships from Greece joined the drills") is None
    assert exercise_name("Since 2010, six Medusa exercises were held.") == ("Medusa", 16, 22)
    assert exercise_name("The Russian-Indian Indra 2021 exercise began") == (
        "Russian-Indian Indra 2021",
        4,
        29,
    )


def test_a_name_given_in_apposition_names_the_exercise_just_told_of() -> None:
    text = (
        "Poland's biggest drill in years began on Monday with 3,000 NATO troops. "
        "Called Dragon 2021, the exercise is a Polish-led event. "
        "About 18,000 soldiers from Lithuania and Latvia will also take part."
    )
    [ev] = exercises(text)
    assert ev.name == "Dragon 2021"
    assert str(ev.date) == "2021-10-25"
    assert ev.troops is not None and ev.troops.value == 18000  # the largest total stated
    assert {"LTU", "LVA", "NATO"} <= {a.code for a in ev.participants}


def test_troops_from_states_in_a_later_sentence_join_the_exercise() -> None:
    text = (
        "India and France started the Shakti drills in Rajasthan on Tuesday. "
        "Troops from Nepal will train alongside them."
    )
    [ev] = exercises(text)
    assert {a.code for a in ev.participants} == {"IND", "FRA", "NPL"}


def test_an_exact_duration_extends_a_start_day_to_an_interval() -> None:
    text = (
        "Russian and Belarusian forces began joint drills on Monday. "
        "Over ten days, troops from Russia and Belarus will train near Brest."
    )
    [ev] = exercises(text)
    assert str(ev.date) == "2021-10-25/2021-11-03"


def test_an_approximate_duration_or_a_non_start_day_keeps_the_single_day() -> None:
    about = (
        "Russian and Belarusian forces began joint drills on Monday. "
        "The drills will last about ten days."
    )
    during = "On Monday, Russian and Belarusian forces held weeklong joint drills."
    assert str(exercises(about)[0].date) == "2021-10-25"
    assert str(exercises(during)[0].date) == "2021-10-25"


def test_an_explicit_range_widens_an_earlier_start_day() -> None:
    text = (
        "Japanese and Indian navies began the Malabar 2021 drills on Wednesday. "
        "The Malabar 2021 exercise runs in the Arabian Sea from October 27 to 30."
    )
    [ev] = exercises(text)
    assert str(ev.date) == "2021-10-27/2021-10-30"


def test_two_milestones_in_one_sentence_each_keep_their_own_date() -> None:
    text = (
        "France has run a naval base in Abu Dhabi since it opened in 2009 "
        "under a deal signed in 2008 with the United Arab Emirates."
    )
    found = {(str(e.date), e.status.value if e.status else None) for e in bases(text)}
    assert {("2009", "operational"), ("2008", "agreed")} <= found


def test_a_country_in_an_earlier_noun_phrase_is_not_the_builder() -> None:
    text = "The accord says that while in Armenia the Russian base will guard the border."
    [ev] = bases(text)
    assert ev.builder is not None and ev.builder.code == "RUS"
    assert ev.host is not None and ev.host.code == "ARM"


def test_word_patterns_match_exactly_what_the_plain_pattern_matches() -> None:
    import re

    from secevents.extraction._regex import words

    alternatives = r"drills?|war ?games|(?:joint|naval) patrols?|den(?:y|ied)"
    plain = re.compile(rf"\b(?:{alternatives})\b")
    fast = words(alternatives)
    text = "Joint patrols, drills and wargames; joint patrol denied. Xdrills undeny war games"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert fast.pattern.startswith("(?=[djnw])")


def test_a_near_border_place_locates_the_exercise() -> None:
    [ex] = exercises(
        "On Tuesday, Indian and French troops held joint drills near India's border with Pakistan."
    )
    assert ex.location is not None
    assert (ex.location.country, ex.location.border_with, ex.location.near) == ("IND", "PAK", True)


def test_rent_for_a_base_named_before_is_its_cost() -> None:
    [base] = bases(
        "Russia signed an agreement with Kyrgyzstan on its air base in Kant on Monday. "
        "Under the deal, Moscow will pay an annual rent of $4.5 million."
    )
    assert base.cost is not None
    assert (str(base.cost.amount), base.cost.currency) == ("4500000", "USD")


def test_rent_without_a_base_gives_no_event() -> None:
    assert bases("The ministry raised the annual rent of the embassy to $2 million.") == []


def test_a_bare_plural_in_a_quotation_is_generic() -> None:
    found = bases(
        "Japan and the Philippines agreed on Monday to build a naval base in Palawan. "
        '"We send troops to Vietnam and build bases, and Vietnam foots the bill," an '
        "opposition senator said."
    )
    assert [(b.builder and b.builder.code, b.host and b.host.code) for b in found] == [
        ("JPN", "PHL")
    ]


def test_an_earlier_plan_of_an_agreed_base_is_the_same_base() -> None:
    found = bases(
        "Turkey and Qatar agreed on Monday to set up a military base in Doha. "
        "In April 2016, Turkey's prime minister said a military installation would be set up "
        "in Qatar."
    )
    assert [(str(b.date), b.status and b.status.value) for b in found] == [("2021-10-25", "agreed")]


def test_the_base_recalled_without_news_adds_no_event() -> None:
    found = bases(
        "Turkey agreed on Monday to set up a military base in Somalia. "
        'The base would help both countries, he added: "Somalia\'s security is ours."'
    )
    assert len(found) == 1


def test_each_name_of_a_list_is_its_own_exercise() -> None:
    found = exercises(
        "Greek and Italian ships joined the Poseidon 2021 drills on Monday. The navies also "
        "sent ships to two other exercises in the region, Blue Wave 21 and Sea Shield 21."
    )
    assert sorted(e.name or "" for e in found) == ["Blue Wave 21", "Poseidon 2021", "Sea Shield 21"]


def test_a_count_of_named_exercises_is_a_series_not_an_event() -> None:
    found = exercises(
        "Greek and Italian ships joined the Poseidon 2021 drills on Monday. "
        "Between 2001 and 2019, twelve Poseidon exercises took place."
    )
    assert [e.name for e in found] == ["Poseidon 2021"]


def test_a_named_exercise_with_no_participants_told_is_kept() -> None:
    [ex] = exercises("The Cold Response 2022 exercise began in Norway on Monday.")
    assert (ex.name, ex.participants) == ("Cold Response 2022", ())


def test_a_single_named_state_with_its_own_drill_is_not_joint() -> None:
    assert exercises("Russia began its Kavkaz-2020 drills in the south on Monday.") == []


def test_a_focus_adverb_does_not_hide_the_preposition() -> None:
    [ex] = exercises(
        "Chinese troops held drills on Monday with only Pakistani and Nepali units taking part."
    )
    assert sorted(a.code or "" for a in ex.participants) == ["CHN", "NPL", "PAK"]


def test_an_exercise_held_at_the_same_time_takes_the_period_of_the_main_one() -> None:
    found = exercises(
        "Greek and Italian ships began the Poseidon 2021 drills on Monday. "
        "Two other exercises, Blue Wave 21 and Sea Shield 21, are being held at the same time."
    )
    assert {e.name: str(e.date) for e in found} == {
        "Poseidon 2021": "2021-10-25",
        "Blue Wave 21": "2021-10",
        "Sea Shield 21": "2021-10",
    }


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "TASHKENT, May 20 (RIA Novosti, Abu-Ali Niyazmatov) - Uzbekistan said it had sent a "
            "note.",
            "UZB",
        ),
        ("RIYADH, April 14 (APP):Saudi Arabia and Pakistan began drills.", "SAU"),
    ],
)
def test_a_dateline_with_a_reporter_or_no_space_after_its_colon(text: str, country: str) -> None:
    doc = Document(text, published=dt.date(2021, 5, 21))
    first = doc.sentences[0]
    assert doc.dateline(first) > 0
    assert doc.dateline_country() == country
