"""Who sends a message to whom: envoys, quotations, pronouns and several letters in one report."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import secevents as se

if TYPE_CHECKING:
    from conftest import Read


def parties(event: se.DiplomaticCommunique) -> tuple[str | None, str | None]:
    sender, recipient = event.sender, event.recipient
    return (sender.code if sender else None, recipient.code if recipient else None)


def test_the_state_an_envoy_is_posted_to_sends_nothing(read: Read) -> None:
    event = read.one(
        "Brazil's ambassador to Peru sent a letter to the foreign ministry on Monday.",
        se.DiplomaticCommunique,
    )
    assert parties(event)[0] == "BRA"


def test_the_state_a_summoned_envoy_is_posted_to_receives_nothing(read: Read) -> None:
    event = read.one(
        "Finland's vice foreign minister plans to summon the Russian ambassador to Finland on "
        "Monday.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("FIN", "RUS") and str(event.date) == "2021-11-01"


def test_a_mission_to_the_un_is_the_state_s_not_the_un_s(read: Read) -> None:
    event = read.one(
        "The permanent mission of Chile to the UN sent a letter to the Security Council.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("CHL", "UN")


@pytest.mark.parametrize(
    "text",
    [
        '"Our government sent a letter of protest to the UN Secretary-General," '
        "Georgian Foreign Minister Ilia Darchiashvili said.",
        "Georgian Foreign Ministry spokesman Levan Kalandia told reporters the move was illegal. "
        '"We have sent a letter of protest to the UN Secretary-General," he said.',
    ],
)
def test_we_in_a_quotation_is_the_speaker_s_state(read: Read, text: str) -> None:
    event = read.one(text, se.DiplomaticCommunique)
    assert parties(event) == ("GEO", "UN")


def test_we_outside_a_quotation_names_no_sender(read: Read) -> None:
    assert read("We sent a letter to the UN Secretary-General.", se.DiplomaticCommunique) == []


def test_its_envoy_s_letter_is_the_subject_s(read: Read) -> None:
    event = read.one(
        "Serbia, as a supplement to the letter of its representative addressed to the "
        "Secretary-General, circulated a report.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("SRB", "UN")


def test_following_an_accord_to_the_letter_is_no_message(read: Read) -> None:
    assert read("Both sides must follow the accord to the letter.", se.DiplomaticCommunique) == []


def test_letters_of_two_senders_to_one_body_are_two_messages(read: Read) -> None:
    found = read(
        "Serbia sent a letter to the UN Security Council about the border. "
        "Croatia then sent a letter to the UN Security Council about the same incident.",
        se.DiplomaticCommunique,
    )
    assert sorted(parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)) == [
        ("HRV", "UN"),
        ("SRB", "UN"),
    ]


def test_the_owner_of_what_is_protested_is_no_recipient(read: Read) -> None:
    event = read.one(
        "Kenya sent a protest letter against Somalia's maritime claims to the Secretary-General.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("KEN", "UN")


def test_who_was_brought_in_and_handed_a_note_received_it(read: Read) -> None:
    found = read(
        "Chile summoned Peru's ambassador on Monday. The Peruvian ambassador was brought to "
        "the foreign ministry and handed a protest note.",
        se.DiplomaticCommunique,
    )
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("CHL", "PER")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia is eyeing a base in Libya, a move that has attracted strong protest from Italy.",
        "The plan drew a formal complaint from Greece.",
    ],
)
def test_a_protest_drawn_by_a_move_is_a_reaction_not_a_message(read: Read, sentence: str) -> None:
    assert read(sentence, se.DiplomaticCommunique) == []


def test_a_state_in_the_quoted_words_of_a_letter_did_not_send_it(read: Read) -> None:
    event = read.one(
        "Greece sent a letter to the UN Secretary-General on Monday. \"Turkey's policy puts "
        'civil aviation at risk," the letter said.',
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("GRC", "UN")


@pytest.mark.parametrize(
    "text",
    [
        "The Japanese Foreign Ministry lodged a protest with an envoy at the South Korean Embassy.",
        "Kenji Sato, head of the Japanese Foreign Ministry's Asian Affairs Bureau, lodged a "
        "protest with an envoy at the South Korean Embassy.",
    ],
)
def test_an_envoy_at_an_embassy_receives_for_its_state(read: Read, text: str) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == ("JPN", "KOR")


def test_the_date_of_a_treaty_named_in_a_note_is_not_the_note_s(read: Read) -> None:
    event = read.one(
        "Belarus handed Ukraine's ambassador a note of protest demanding security consistent "
        "with the Vienna Convention on Diplomatic Relations of April 18, 1961.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def test_where_a_protest_s_topic_happened_is_not_where_it_was_delivered(read: Read) -> None:
    event = read.one(
        "The Belarusian Foreign Ministry summoned the Ukrainian ambassador and handed him a note "
        'of protest against "anti-Belarusian actions" held near the embassy in Kyiv.',
        se.DiplomaticCommunique,
    )
    assert event.location is None or event.location.country == "BLR"


def test_a_quoted_note_without_a_day_is_dated_by_the_day_it_was_told(read: Read) -> None:
    # The corpus convention (seed, d024): the attribution's day is the only one the
    # sentence gives the note.
    event = read.one(
        '"The Ukrainian diplomat has been handed a note of protest from the Belarusian Foreign '
        'Ministry," the ministry said on Thursday.',
        se.DiplomaticCommunique,
    )
    assert str(event.date) == "2021-10-28"


def test_a_summons_and_a_trailing_attribution_dated_apart(read: Read) -> None:
    dated, undated = (
        read.one(text, se.DiplomaticCommunique)
        for text in (
            "Russia summoned the British charge d'affaires on Monday, the ministry said on "
            "Wednesday.",
            "Russia summoned the British charge d'affaires, the ministry said on Wednesday.",
        )
    )
    assert str(dated.date) == "2021-10-25"
    assert str(undated.date) == "2021-10-27"


@pytest.mark.parametrize(
    "text",
    [
        "Estonia made an identical complaint to Moscow in June.",
        "Estonia lodged another protest with Russia in June.",
    ],
)
def test_a_repeated_complaint_is_a_message_of_its_own(read: Read, text: str) -> None:
    event = read.one(text, se.DiplomaticCommunique)
    assert parties(event) == ("EST", "RUS") and str(event.date) == "2021-06"


def test_where_a_long_protest_s_topic_happened_is_not_where_it_was_delivered(
    read: Read,
) -> None:
    event = read.one(
        "The Turkish Foreign Ministry on Monday summoned the U.S. ambassador to Turkey in protest "
        'against the "aggressive and unprofessional actions" of American security personnel '
        "towards the foreign minister's protection team outside the embassy in Washington.",
        se.DiplomaticCommunique,
    )
    assert event.location is None or event.location.country == "TUR"


def test_a_message_to_another_recipient_is_another_message(read: Read) -> None:
    found = read(
        "Moscow sent Washington a note of protest on Monday. Russia also sent a letter to the "
        "UN Secretary-General about the seized missions.",
        se.DiplomaticCommunique,
    )
    assert sorted(parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)) == [
        ("RUS", "UN"),
        ("RUS", "USA"),
    ]


def test_a_capital_s_foreign_ministry_sends(read: Read) -> None:
    event = read.one(
        "Seoul's foreign ministry called in the Japanese ambassador to protest the textbook.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("KOR", "JPN")


def test_the_envoy_summoned_and_handed_a_note_never_sends_it(read: Read) -> None:
    found = read(
        "The foreign ministry summoned the Iranian charge d'affaires and handed him a note "
        "verbale.",
        se.DiplomaticCommunique,
    )
    assert all(parties(e)[0] != "IRN" for e in found if isinstance(e, se.DiplomaticCommunique))


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        ("The Foreign and Commonwealth Office summoned Russia's ambassador on Monday.", "GBR"),
        # Pakistan's ministry is called the Foreign Office too
        ("Pakistan's Foreign Office summoned the Russian ambassador on Wednesday.", "PAK"),
    ],
)
def test_a_foreign_office_is_the_state_s_it_is_named_with(
    read: Read, text: str, sender: str
) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == (sender, "RUS")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Ministry of Foreign Affairs handed a protest note to the ambassador of "
            "Azerbaijan in Yerevan.",
            ("ARM", "AZE"),
        ),
        (
            "In a letter addressed to NATO Secretary General Jens Stoltenberg, Hungary said it "
            "would not block the decision.",
            ("HUN", "NATO"),
        ),
        (
            "The Greek foreign ministry delivered a verbal note to the Turkish embassy in Athens.",
            ("GRC", "TUR"),
        ),
    ],
)
def test_senders_named_by_where_or_after_the_message(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == expected


def test_the_second_time_in_a_week_is_no_date(read: Read) -> None:
    event = read.one(
        "Beijing has summoned the US ambassador for the second time in a week.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def country(event: se.Event) -> str | None:
    return event.location.country if event.location else None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # delivered to the recipient's envoy in the sender's capital: the sender's
        ("Kenya handed a protest note to the Ugandan ambassador on Monday.", "KEN"),
        # to the recipient's own foreign ministry: the recipient's
        ("Kenya sent a note verbale to the Ugandan Foreign Ministry on Monday.", "UGA"),
        ("Kenya sent a note verbale to Uganda's foreign ministry on Monday.", "UGA"),
        ("Kenya sent a protest note to the Ministry of Foreign Affairs of Uganda.", "UGA"),
        (
            "The Kenyan High Commission sent a letter of protest to the host foreign ministry "
            "in Uganda on Monday.",
            "UGA",
        ),
        # by the sender's mission in the recipient's state
        ("The Kenyan embassy in Kampala handed a protest note to Uganda on Monday.", "UGA"),
        # a summoned envoy "to" the sender's state is still received at home
        ("Kenya summoned the Ugandan ambassador to Kenya and handed him a protest note.", "KEN"),
        # to the recipient's head of state or government
        ("Kenya sent a letter of protest to the King of Jordan on Monday.", "JOR"),
        ("Kenya sent a protest letter to Ugandan President Museveni.", "UGA"),
    ],
)
def test_a_message_is_where_it_is_delivered(read: Read, sentence: str, expected: str) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert country(event) == expected


def test_one_more_protest_by_the_envoy_abroad_is_another_message(read: Read) -> None:
    found = read(
        "Chile lodged a strong protest with Peru on Tuesday. Also on Tuesday, the Chilean "
        "ambassador to Peru protested the incursion in a meeting with Peruvian officials.",
        se.DiplomaticCommunique,
    )
    # (where the first protest was lodged is not told: no envoy, no summons)
    assert [(parties(e), country(e)) for e in found if isinstance(e, se.DiplomaticCommunique)] == [
        (("CHL", "PER"), None),
        (("CHL", "PER"), "PER"),
    ]


def test_concerns_conveyed_by_our_embassy_abroad_are_a_message_there(read: Read) -> None:
    found = read(
        'Chile lodged a protest with the Peruvian envoy in Santiago on Monday. "Our embassy in '
        'Lima also conveyed our concerns to the Peruvian foreign ministry," Chile said.',
        se.DiplomaticCommunique,
    )
    assert [(parties(e), country(e)) for e in found if isinstance(e, se.DiplomaticCommunique)] == [
        (("CHL", "PER"), "CHL"),
        (("CHL", "PER"), "PER"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Nigeria on Monday summoned Iva Denoo, Charge d\u2019 Affaires of Ghana, to explain the "
        "attack.",
        "Nigeria on Monday summoned the charg\u00e9 d\u2019affaires of Ghana to explain the "
        "attack.",
    ],
)
def test_a_summoned_envoy_named_first_or_with_a_curly_apostrophe(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert parties(event) == ("NGA", "GHA")


def test_a_day_the_writer_says_something_happened_does_not_date_the_letter(
    read: Read,
) -> None:
    event = read.one(
        "In a letter to the President of the Security Council, Georgia's ambassador "
        "pointed out that on 14 March two helicopters had crossed the border.",
        se.DiplomaticCommunique,
    )
    assert event.date is None and event.sender is not None and event.sender.code == "GEO"
    dated = read.one(
        "Georgia's ambassador sent a letter to the Security Council on 16 March and noted "
        "that two helicopters had crossed the border.",
        se.DiplomaticCommunique,
    )
    assert str(dated.date) == "2021-03-16"


def test_the_owner_of_a_fronted_letter_is_its_writer_whatever_the_verb(read: Read) -> None:
    event = read.one(
        "In its letter of 2 March to the Security Council, the Government of Chad "
        "misrepresents the clashes near the border.",
        se.DiplomaticCommunique,
    )
    assert event.sender is not None and event.sender.code == "TCD"
    assert str(event.date) == "2021-03-02"
    # (no possessive: the clause may be what the letter says, its subject no writer)
    assert not any(
        isinstance(e, se.DiplomaticCommunique) and e.sender
        for e in read(
            "In a letter of 2 March to the Security Council, the Government of Chad "
            "misrepresents the clashes near the border.",
            se.DiplomaticCommunique,
        )
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The Council discussed the letter submitted by the Permanent Representative of "
        "Chad, which describes the clashes.",
        "The letter, which was signed by the permanent representative of Chad, "
        "describes the clashes.",
        "Chad's ambassador to the United Nations sent a letter describing the clashes.",
    ],
)
def test_a_letter_written_by_a_state_s_envoy_to_the_un_goes_to_the_un(
    read: Read, sentence: str
) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert event.sender is not None and event.sender.code == "TCD"
    assert event.recipient is not None and event.recipient.code == "UN"


@pytest.mark.parametrize(
    "sentence",
    [
        "In its letter to the Security Council, the panel of experts finds that Eritrea "
        "supplied weapons to the rebels.",
        "In its letter to Congress, the White House blames China for the cyberattack.",
    ],
)
def test_a_state_after_a_fronted_letter_that_does_not_open_the_clause_sends_nothing(
    read: Read, sentence: str
) -> None:
    assert not any(
        isinstance(e, se.DiplomaticCommunique) and e.sender
        for e in read(sentence, se.DiplomaticCommunique)
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's Permanent Representative to the OSCE sent a letter on Monday protesting "
        "the decision.",
        "Iran's UN ambassador said Tehran had sent a protest note on Wednesday.",
    ],
)
def test_an_envoy_to_another_body_or_who_only_tells_of_it_sends_nothing_to_the_un(
    read: Read, sentence: str
) -> None:
    for event in read(sentence, se.DiplomaticCommunique):
        assert isinstance(event, se.DiplomaticCommunique)
        assert event.recipient is None or event.recipient.code != "UN"


def test_a_day_said_of_the_message_itself_still_dates_it(read: Read) -> None:
    event = read.one(
        "Lithuania sent a protest note to Belarus, and the ministry noted that the note was "
        "delivered on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert str(event.date) == "2021-10-26"


def test_the_day_a_copy_was_made_available_does_not_date_the_letter(read: Read) -> None:
    event = read.one(
        "Chile sent a letter to the Peruvian foreign ministry, a copy of which was made "
        "available to reporters on Friday.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def test_a_date_in_what_the_note_says_is_not_the_note_s(read: Read) -> None:
    event = read.one(
        "Early on Tuesday, India issued a note verbale to the Nepalese foreign ministry. The "
        "note verbale said the adviser was tailed by two cars on his way home on Saturday.",
        se.DiplomaticCommunique,
    )
    assert str(event.date) == "2021-10-26"


def test_where_one_sentence_says_a_message_went_holds_for_the_message(read: Read) -> None:
    event = read.one(
        "India has lodged a protest with Nepal. Early on Tuesday, India issued a note verbale "
        "to the Nepalese foreign ministry.",
        se.DiplomaticCommunique,
    )
    assert country(event) == "NPL"


def test_the_place_of_what_a_protest_is_at_is_the_topic_s(read: Read) -> None:
    event = read.one(
        "Kenya conveyed its strong protest to Uganda at the vandalisation of its consulate "
        "in Kampala.",
        se.DiplomaticCommunique,
    )
    assert country(event) == "KEN"


def test_a_summons_in_a_capital_is_sent_by_that_capital_s_state(read: Read) -> None:
    event = read.one(
        "The foreign minister on Monday in Nairobi summoned Ms Jane Doe, charge d'affaires of "
        "Uganda, to explain the attack.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("KEN", "UGA") and country(event) == "KEN"


def test_a_summons_at_home_and_a_letter_to_the_host_ministry_are_two_messages(
    read: Read,
) -> None:
    found = read(
        "Kenya on Monday in Nairobi summoned the charge d'affaires of Uganda to explain the "
        "attack. The Kenyan High Commission has also submitted a strongly worded letter of "
        "protest to the host foreign ministry.",
        se.DiplomaticCommunique,
    )
    assert [country(e) for e in found] == ["KEN", "UGA"]


def test_an_envoy_called_to_the_foreign_office_today_in_brackets_sunday(read: Read) -> None:
    event = read.one(
        'Kenya lodged a protest with Uganda. "The Ugandan deputy head of mission was called to '
        'the Foreign Office today (Tuesday)," the spokesman said.',
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("KEN", "UGA") and str(event.date) == "2021-10-26"


def test_a_state_that_will_notify_the_un_sends_it_a_message(read: Read) -> None:
    found = read(
        "Chile delivered a formal complaint to the Peruvian ambassador on Friday. The ministry "
        "says it will also notify the U.N. secretary general.",
        se.DiplomaticCommunique,
    )
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [
        ("CHL", "PER"),
        ("CHL", "UN"),
    ]


def test_asking_someone_to_send_a_message_is_no_message(read: Read) -> None:
    assert (
        read(
            "US officials have asked the State Department to notify Turkey of plans for a ship "
            "to pass through the straits.",
            se.DiplomaticCommunique,
        )
        == []
    )


def test_the_subject_of_what_a_fronted_message_says_is_no_sender(read: Read) -> None:
    found = read(
        "Moscow sent Washington a note of protest. In a message to the UN Secretary General, "
        "the US government has taken a series of hostile measures against Russian missions.",
        se.DiplomaticCommunique,
    )
    assert [parties(e)[0] for e in found if isinstance(e, se.DiplomaticCommunique)] == [
        "RUS",
        "RUS",
    ]


def test_a_letter_tells_of_its_writer_s_earlier_letters_to_the_same_addressee(
    read: Read,
) -> None:
    found = read(
        "Letter dated 3 March 2020 from the Permanent Representative of Chile to the United "
        "Nations addressed to the President of the Security Council\n\n"
        "Further to my letters dated 4 May 2019 (S/2019/371) and 9 June 2019 (S/2019/480) "
        "addressed to you concerning the incursions by the navy of Peru, I am writing to you "
        "again.",
        se.DiplomaticCommunique,
    )
    messages = sorted(
        (str(e.date), parties(e)) for e in found if isinstance(e, se.DiplomaticCommunique)
    )
    assert messages == [
        ("2019-05-04", ("CHL", "UN")),
        ("2019-06-09", ("CHL", "UN")),
        ("2020-03-03", ("CHL", "UN")),
    ]


def test_a_word_in_scare_quotes_does_not_hide_the_subject(read: Read) -> None:
    event = read.one(
        'The Greek government on Monday "firmly" protested after Turkey sent a survey ship '
        "south of Crete, summoning Turkish Embassy officials to lodge a complaint.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("GRC", "TUR")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where the envoy was summoned names the state that summoned them
        (
            "The Nigerian ambassador was summoned to the foreign ministry in Accra on Tuesday "
            "and handed a protest note.",
            ("GHA", "NGA"),
        ),
        # with no place in the sentence, the report's dateline does
        (
            "Envoy summoned\n\nISLAMABAD, May 3 (Reuters) - India's deputy high commissioner "
            "was summoned on Monday over the killing of civilians.",
            ("PAK", "IND"),
        ),
        ("TOKYO -- The Chinese ambassador was called in on Friday.", ("JPN", "CHN")),
        # a High Commissioner is the envoy between Commonwealth states
        ("Pakistan summoned India's acting high commissioner on Monday.", ("PAK", "IND")),
        # the summoned envoy's state is no sender, though a later frame would make it one
        (
            "Foreign Office summons the Indian deputy high commissioner to protest against the "
            "violations by Indian border forces.\n\nISLAMABAD: Pakistan summoned the Indian "
            "Deputy High Commissioner on Monday.",
            ("PAK", "IND"),
        ),
    ],
)
def test_a_summoned_envoy_s_host_summons_them(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [parties(e) for e in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HANOI (AP) - Another protest note was sent by the Ministry of Foreign Affairs over "
            "the Chinese survey ship in its waters.",
            [("VNM", "CHN")],
        ),
        ("OSLO, March 3 - The foreign ministry lodged a protest with Russia.", [("NOR", "RUS")]),
        # the ministry named with its state is that state's, whatever the dateline
        (
            "OSLO, March 3 - The Russian foreign ministry lodged a protest with Finland.",
            [("RUS", "FIN")],
        ),
        # with no dateline there is no state to give it
        ("The foreign ministry lodged a protest with Russia.", []),
    ],
)
def test_a_foreign_ministry_named_alone_is_the_dateline_s(
    read: Read, text: str, expected: list[tuple[str, str]]
) -> None:
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [parties(e) for e in found] == expected


def test_later_in_the_day_is_the_day_told_before(read: Read) -> None:
    event = read.one(
        "Tensions rose on Monday. Officials called the move a provocation.\n\nLater in the "
        "day, Greece's foreign ministry summoned the Turkish ambassador in Athens.",
        se.DiplomaticCommunique,
    )
    assert str(event.date) == "2021-10-25"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile on Sunday night summoned the senior-most Bolivian diplomat in Santiago.",
            ("CHL", "BOL"),
        ),
        (
            "The Foreign Ministry of Uzbekistan has handed in a note to the authorities of "
            "Kyrgyzstan.",
            ("UZB", "KGZ"),
        ),
        (
            "The foreign minister's letter to the UN Secretary-General about Armenia's attacks "
            "was circulated in the Security Council at Azerbaijan's request.",
            ("AZE", "UN"),
        ),
    ],
)
def test_more_ways_a_message_names_its_parties(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [parties(e) for e in found] == [expected]


def test_what_a_letter_says_someone_did_names_no_sender(read: Read) -> None:
    found = read(
        "Azerbaijan sent a letter to the UN Secretary-General on Monday. Yerevan, the minister "
        "said in his letter, had been shelling border villages.",
        se.DiplomaticCommunique,
    )
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("AZE", "UN")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The state a summoned envoy is posted to summons them.
        ("The Foreign Office summoned Iran's ambassador to London on Monday.", ("GBR", "IRN")),
        ("The ministry summoned the Chinese envoy in Canberra over the incident.", ("AUS", "CHN")),
        ("Tokyo conveyed its strong regret to Seoul on Thursday.", ("JPN", "KOR")),
        ("Chile conveyed its dissatisfaction to Peru over the map.", ("CHL", "PER")),
        ("Israel's ambassador to the UN sent a letter to Guterres.", ("ISR", "UN")),
        ("Seoul's envoy handed a letter to Ban Ki-moon on Friday.", ("KOR", "UN")),
    ],
)
def test_envoys_posts_conveyed_regret_and_letters_to_the_secretary_general(
    read: Read, sentence: str, expected: tuple[str, str]
) -> None:
    assert parties(read.one(sentence, se.DiplomaticCommunique)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In a letter dated March 3, Oman told the UN Security Council that the blockade was "
            "illegal.",
            ("OMN", "UN"),
        ),
        (
            "Iran handed a note of protest to the Swiss envoy representing US interests.",
            ("IRN", "USA"),
        ),
    ],
)
def test_letters_told_to_the_un_and_notes_to_a_protecting_power(
    read: Read, sentence: str, expected: tuple[str, str]
) -> None:
    assert parties(read.one(sentence, se.DiplomaticCommunique)) == expected


def test_a_reply_goes_back_to_the_first_sender(read: Read) -> None:
    found = read(
        "Kuwait's foreign ministry sent a letter to its Iraqi counterpart on Monday. Baghdad "
        "replied with a letter of its own on Wednesday.",
        se.DiplomaticCommunique,
    )
    messages = [e for e in found if isinstance(e, se.DiplomaticCommunique)]
    assert sorted(parties(e) for e in messages) == [("IRQ", "KWT"), ("KWT", "IRQ")]


def test_a_summons_in_return_is_a_second_message(read: Read) -> None:
    found = read(
        "Tokyo summoned China's ambassador on Monday. Beijing also summoned Japan's ambassador "
        "the same day.",
        se.DiplomaticCommunique,
    )
    messages = [e for e in found if isinstance(e, se.DiplomaticCommunique)]
    assert sorted(parties(e) for e in messages) == [("CHN", "JPN"), ("JPN", "CHN")]


def test_a_signed_memorandum_is_an_agreement_not_a_message(read: Read) -> None:
    text = (
        "The presidents of Russia and Kyrgyzstan signed on Saturday a memorandum on Russian "
        "military presence in Kyrgyzstan."
    )
    assert read(text, se.DiplomaticCommunique) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "India's foreign ministry summoned a senior Chinese diplomat on Tuesday.",
        "India summoned two Chinese diplomats on Tuesday.",
        "India summoned the acting Chinese envoy on Tuesday.",
        "India summoned China's deputy envoy on Tuesday.",
        "India lodged a protest with China's special envoy on Tuesday.",
    ],
)
def test_an_envoy_summoned_with_an_article_a_number_or_a_rank(read: Read, sentence: str) -> None:
    assert parties(read.one(sentence, se.DiplomaticCommunique)) == ("IND", "CHN")


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile submitted a complaint to the UN Security Council on Monday.",
        "Chile's UN ambassador wrote to Antonio Guterres on Monday.",
        "Chile sent a letter to Kofi Annan in 2004.",
    ],
)
def test_complaints_submitted_and_letters_to_a_secretary_general_by_name(
    read: Read, sentence: str
) -> None:
    assert parties(read.one(sentence, se.DiplomaticCommunique)) == ("CHL", "UN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the protest lodged "with" its addressee, who may be an envoy of the mission
        ("Japan lodged a protest with the Chinese Embassy on Monday.", ("JPN", "CHN")),
        ("Japan lodged a protest with a senior diplomat at the Chinese Embassy.", ("JPN", "CHN")),
        # the unnamed ministry is the state the foreign mission is in
        (
            "Junichi Ihara, head of the Foreign Ministry's Asian Affairs Bureau, lodged a "
            "protest with a senior diplomat at the Chinese Embassy in Tokyo.",
            ("JPN", "CHN"),
        ),
        # where the envoy is posted is no party, and that state protests
        ("The ministry lodged a protest with Russia's ambassador to London.", ("GBR", "RUS")),
        # a definite article before the complaint does not hide it
        (
            "Vice Foreign Minister Deng Li of China issued the diplomatic complaint to the "
            "Japanese ambassador on Thursday.",
            ("CHN", "JPN"),
        ),
    ],
)
def test_a_protest_lodged_with_an_envoy(read: Read, text: str, expected: tuple[str, str]) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == expected


def test_with_after_other_words_names_no_addressee(read: Read) -> None:
    event = read.one(
        "Azerbaijan handed a note of protest to the Russian embassy in connection with a "
        "visit by Armenian officials.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("AZE", "RUS")


def test_activists_do_not_speak_for_the_state_their_protest_is_lodged_in(read: Read) -> None:
    assert (
        read("Activists lodged a protest with the US embassy in Manila.", se.DiplomaticCommunique)
        == []
    )


def test_an_ambassador_to_a_state_may_protest_to_it(read: Read) -> None:
    event = read.one(
        "The Chinese Ambassador to Japan Cheng Yonghua protested the intrusion on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("CHN", "JPN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cyprus sends letter to UNSG over Turkish violations.", ("CYP", "UN")),
        # the owner of what a message answers is not its addressee when one is named
        (
            "South Korea has sent a letter to a sanctions panel under the U.N. Security "
            "Council to call for a response to North Korea's launch of two missiles.",
            ("KOR", "UN"),
        ),
        # with none named, a protest goes to whose actions it answers
        (
            "The Philippine government has filed a new diplomatic protest in response to "
            "China's latest actions in the West Philippine Sea.",
            ("PHL", "CHN"),
        ),
    ],
)
def test_the_addressee_of_a_letter_or_protest(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == expected


def test_invited_to_the_ministry_is_a_summons_but_invited_to_build_is_not(read: Read) -> None:
    event = read.one(
        "Turkey invited the German ambassador to the foreign ministry on Friday.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("TUR", "DEU")
    assert (
        read(
            "Sogavare said the agreement does not invite China to establish a military base.",
            se.DiplomaticCommunique,
        )
        == []
    )


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a letter to another government is delivered where it is read
        ("Honduras sent US Secretary of State Hillary Clinton a letter on Monday.", "USA"),
        # a note handed to a summoned envoy is delivered where the sender is
        ("Iran summoned the UAE envoy and handed him a letter of protest.", "IRN"),
        ("Japan handed a protest note to the Chinese ambassador.", "JPN"),
    ],
)
def test_where_a_message_is_delivered(read: Read, text: str, country: str) -> None:
    event = read.one(text, se.DiplomaticCommunique)
    assert event.location is not None and event.location.country == country


def test_a_recipient_handed_a_note_by_no_one_named_gets_it_from_the_other_state(
    read: Read,
) -> None:
    event = read.one(
        "On Thursday the Pakistan Foreign Office was sent a note verbale over the harassment "
        "of Indian diplomats.",
        se.DiplomaticCommunique,
    )
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "IND",
        "PAK",
    )
    assert event.location is not None and event.location.country == "PAK"


def test_a_passive_note_names_its_sender_after_by(read: Read) -> None:
    event = read.one(
        "Pakistan was sent a note verbale by India on Thursday.", se.DiplomaticCommunique
    )
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "IND",
        "PAK",
    )


def test_a_letter_handed_over_is_delivered_where_the_next_sentence_has_them_meet(
    read: Read,
) -> None:
    event = read.one(
        "Greek Foreign Minister Nikos Dendias said he handed UN Secretary-General Antonio "
        "Guterres a letter about Turkey's activities. Dendias said he had met Guterres in "
        "New York and discussed the region.",
        se.DiplomaticCommunique,
    )
    assert event.location is not None and event.location.country == "USA"


def test_warnings_ignored_are_no_message(read: Read) -> None:
    assert not read(
        "North Korea test-fired six missiles, ignoring strong warnings from the United "
        "States and regional powers.",
        se.DiplomaticCommunique,
    )


def test_the_one_other_state_a_protest_names_is_its_addressee(read: Read) -> None:
    event = read.one(
        "On Saturday Venezuela accused Colombian troops of entering its territory, and in a "
        "protest note its Foreign Ministry called the incursion a provocation.",
        se.DiplomaticCommunique,
    )
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "VEN",
        "COL",
    )


def test_an_envoy_summoned_again_months_before_is_another_message(read: Read) -> None:
    found = read(
        "On Thursday Somalia summoned Kenya's Ambassador to Somalia, Lucas Tumbo, and handed "
        "him a protest note.\n\nIn July Kenya's ambassador was also summoned over a tweet.",
        se.DiplomaticCommunique,
    )
    assert sorted(str(e.date) for e in found) == ["2021-07", "2021-10-28"]


def test_a_joint_statement_in_the_headline_is_the_one_told_below(read: Read) -> None:
    found = read(
        "Kingdom, Washington agree 'Joint Strategic Vision Declaration'\n\nOn Saturday Saudi "
        'Arabia and the US agreed on a "Joint Strategic Vision Declaration" on security.',
        se.DiplomaticCommunique,
    )
    assert len(found) == 1


def test_a_protest_with_no_envoy_or_summons_is_delivered_nowhere_told(read: Read) -> None:
    event = read.one(
        "China firmly opposes this and has made solemn representations to Vietnam.",
        se.DiplomaticCommunique,
    )
    assert event.location is None or event.location.country is None
    summoned = read.one(
        "Japan summoned China's ambassador and lodged a protest on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert summoned.location is not None and summoned.location.country == "JPN"


def test_a_letter_to_come_and_a_protest_already_lodged_are_two_messages(read: Read) -> None:
    text = (
        "The Prime Minister of Chile will send a letter to the President of Peru, officials "
        "said on Monday. The letter will be handed over by a deputy minister. Separately, "
        "the Chilean embassy said it had lodged a strong protest with the Peruvian Foreign "
        "Ministry."
    )
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(str(e.medium) for e in found) == ["letter", "protest_note"]
    assert all(parties(e) == ("CHL", "PER") for e in found)


def test_a_letter_to_come_and_the_same_letter_sent_are_one_message(read: Read) -> None:
    text = (
        "The Prime Minister of Chile will send a letter to the President of Peru. "
        "The letter was handed over on Tuesday by a deputy minister."
    )
    assert len(read(text, se.DiplomaticCommunique)) == 1


def test_a_pronoun_that_said_it_in_a_letter_is_the_person_told_of_before(read: Read) -> None:
    text = (
        "Fijian Prime Minister Sitiveni Rabuka said on Monday that he had told the Japanese "
        "envoy his country was open to new port facilities. "
        '"Our request remains simple," he said in a letter to Tokyo released this week.'
    )
    event = read.one(text, se.DiplomaticCommunique)
    assert parties(event) == ("FJI", "JPN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The incursion prompted a diplomatic protest from Tokyo to Beijing.", ("JPN", "CHN")),
        ("The seizure drew a formal protest from Ottawa to New Delhi.", ("CAN", "IND")),
    ],
)
def test_a_protest_in_a_diplomatic_form_is_lodged_whatever_drew_it(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == expected


def test_a_capital_a_message_comes_from_is_its_government(read: Read) -> None:
    event = read.one("Kenya received a letter from Moscow on Monday.", se.DiplomaticCommunique)
    assert parties(event) == ("RUS", "KEN")


@pytest.mark.parametrize(
    "text",
    [
        "Chile's deputy foreign minister, Ana Lya Uriarte, protested strongly to Peru's "
        "ambassador about the incident.",
    ],
)
def test_a_name_in_apposition_does_not_hide_the_verb(read: Read, text: str) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == ("CHL", "PER")


def test_a_fronted_phrase_before_a_comma_is_no_sender(read: Read) -> None:
    text = (
        "Angered by criticism of its drills around Taiwan, the Foreign Ministry in Beijing "
        "has summoned the Japanese ambassador."
    )
    assert parties(read.one(text, se.DiplomaticCommunique)) == ("CHN", "JPN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday the Russian MFA reported that protests had been expressed to the "
            "charges d'affaires of Latvia and Estonia over new rules.",
            ("RUS", "LVA"),
        ),
        (
            "Protests were lodged with the ambassadors of Latvia and Estonia, the Russian "
            "foreign ministry said.",
            ("RUS", "LVA"),
        ),
        (
            "A protest was conveyed to the Japanese embassy on Monday by the Chinese foreign "
            "ministry.",
            ("CHN", "JPN"),
        ),
        (
            "A strong protest was lodged by Japan with China today after Beijing announced an "
            "air defence zone, the foreign ministry said.",
            ("JPN", "CHN"),
        ),
        (
            "Protests had been expressed to the ambassadors of Latvia and Estonia over rules "
            "for the work of Russian embassies, the Russian foreign ministry said.",
            ("RUS", "LVA"),
        ),
    ],
)
def test_a_protest_told_in_the_passive(read: Read, text: str, expected: tuple[str, str]) -> None:
    assert parties(read.one(text, se.DiplomaticCommunique)) == expected


def test_today_in_a_quotation_is_the_day_of_speaking_not_of_the_report(read: Read) -> None:
    text = (
        "Chile's ambassador was summoned on Wednesday and a strong protest was lodged with "
        'him, Peru said. "The ambassador was summoned today and a strong protest was '
        'lodged," the foreign ministry said.'
    )
    event = read.one(text, se.DiplomaticCommunique)
    assert str(event.date) == "2021-10-27"


def test_a_joint_statement_is_issued_where_the_dateline_of_a_signatory_is(read: Read) -> None:
    text = (
        "Joint Press Statement on Defence Cooperation\n\n"
        "Tokyo, October 28, 2021 (Source: Embassy of India)\n\n"
        "India and Japan issued a joint statement on defence cooperation on Thursday."
    )
    event = read.one(text, se.DiplomaticCommunique)
    assert event.location is not None and event.location.country == "JPN"


def test_an_envoy_named_in_apposition_is_known_by_surname_later(read: Read) -> None:
    text = (
        "On Thursday Somalia's Ministry of Foreign Affairs summoned Kenya's Ambassador to "
        "Somalia, Lucas Tumbo, and handed him a protest note. In July Ambassador Tumbo "
        "was also summoned, over what Somalia called an offensive tweet."
    )
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(str(e.date) for e in found) == ["2021-07", "2021-10-28"]
    assert all(parties(e) == ("SOM", "KEN") for e in found)


def test_the_writer_s_own_earlier_letters_named_after_the_letter(read: Read) -> None:
    text = (
        "Armenia's envoy sent a letter to the UN Secretary-General on Monday. In the letter, "
        "the envoy wrote that, further to his letters dated 14 March and 29 April, the "
        "attacks had continued."
    )
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(str(e.date) for e in found) == ["2021-03-14", "2021-04-29", "2021-10-25"]
    assert all(parties(e) == ("ARM", "UN") for e in found)


def test_a_word_between_wrote_and_to_keeps_the_addressee(read: Read) -> None:
    event = read.one(
        "Egypt has written once more to the UN Security Council.", se.DiplomaticCommunique
    )
    assert parties(event) == ("EGY", "UN")


def test_earlier_letters_dated_by_their_verb_are_one_message_per_date(read: Read) -> None:
    found = [
        e
        for e in read(
            "Chile's foreign minister wrote to the UN on Monday.\n\nThe minister's earlier "
            "letters to the President of the Security Council and the Secretary-General were "
            "written on August 1, 6 and 13 and September 16.",
            se.DiplomaticCommunique,
        )
        if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [(parties(e), str(e.date)) for e in found] == [
        (("CHL", "UN"), "2021-10-25"),
        (("CHL", "UN"), "2021-08-01"),
        (("CHL", "UN"), "2021-08-06"),
        (("CHL", "UN"), "2021-08-13"),
        (("CHL", "UN"), "2021-09-16"),
    ]


def test_the_day_a_letter_will_be_disclosed_is_not_the_letter_s(read: Read) -> None:
    found = [
        e
        for e in read(
            "Bolivia sent a letter to the UN Secretary-General on Saturday.\n\nThe president "
            "said the full content of the letter would be disclosed on Tuesday.",
            se.DiplomaticCommunique,
        )
        if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [(parties(e), str(e.date)) for e in found] == [(("BOL", "UN"), "2021-10-23")]


def test_a_state_quoted_and_named_as_the_writer_sends_the_letter(read: Read) -> None:
    event = read.one(
        '"Peru condemns this act," Peru\'s ambassador to the UN wrote on Thursday in a letter '
        "addressed to the Secretary-General.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("PER", "UN")


def test_telling_a_body_in_a_letter_addresses_it(read: Read) -> None:
    event = read.one(
        "Peru condemned the incursion by Chilean jets, telling the United Nations in a letter "
        "that it would respond.",
        se.DiplomaticCommunique,
    )
    assert parties(event) == ("PER", "UN")


def test_the_day_of_what_a_statement_comes_as_is_not_the_statement_s(read: Read) -> None:
    found = [
        e
        for e in read(
            "On Monday France and Italy signed a joint declaration on defence cooperation.\n\n"
            "The joint declaration comes as Italy gets ready to welcome the French president "
            "for an official visit on Friday.",
            se.DiplomaticCommunique,
        )
        if isinstance(e, se.DiplomaticCommunique)
    ]
    assert [str(e.date) for e in found] == ["2021-10-25"]


def test_a_headline_s_fm_briefing_in_a_letter_sends_it(read: Read) -> None:
    event = read.one(
        "In a letter to UN chief, Georgian FM briefs on the shelling of villages\n\nOn "
        "Monday, Foreign Minister David Zalkaliani sent a letter to the UN Secretary General.",
        se.DiplomaticCommunique,
    )
    assert (parties(event), str(event.date)) == (("GEO", "UN"), "2021-10-25")


def test_a_protest_and_the_joint_statement_it_cites_are_two_messages(read: Read) -> None:
    found = [
        e
        for e in read(
            "Moldova's foreign ministry has lodged a protest with Russia.\n\n\"Under the joint "
            "Russian-Moldovan statement made at the 1999 summit, Russia undertook to withdraw "
            'its troops," the ministry recalls.',
            se.DiplomaticCommunique,
        )
        if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(parties(e) for e in found) == [("MDA", "RUS"), ("RUS", None)]


def test_the_recipient_s_own_protest_back_is_a_second_message(read: Read) -> None:
    found = [
        e
        for e in read(
            "Japan's deputy foreign minister summoned the Chinese ambassador and lodged a "
            "strong protest against China's patrols.\n\nThe Chinese spokesman said China does "
            'not accept the protest. "China has lodged a protest with Japan," he added.',
            se.DiplomaticCommunique,
        )
        if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(parties(e) for e in found) == [("CHN", "JPN"), ("JPN", "CHN")]


@pytest.mark.parametrize(
    "text",
    [
        "Letters asking for a meeting were sent to the UN Security Council by Chile and Peru.",
        "Chile and Peru sent letters to the UN Security Council on Monday.",
    ],
)
def test_plural_messages_of_several_senders_are_one_each(read: Read, text: str) -> None:
    found = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert sorted(parties(e) for e in found) == [("CHL", "UN"), ("PER", "UN")]


def test_one_sender_s_letters_to_several_addressees_are_not_split(read: Read) -> None:
    found = read("Chile sent letters to the UN and to Peru on Monday.", se.DiplomaticCommunique)
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("CHL", "UN")]


@pytest.mark.parametrize(
    "text",
    [
        "Protest notes were handed to Peru by Chile on Monday.",
        "A letter was sent on Monday to the President of the Security Council by Juan Ruiz, "
        "Chile's foreign minister, about Peru.",
    ],
)
def test_a_message_sent_by_a_sender_in_the_passive(read: Read, text: str) -> None:
    [event] = [
        e for e in read(text, se.DiplomaticCommunique) if isinstance(e, se.DiplomaticCommunique)
    ]
    assert parties(event)[0] == "CHL"


def test_a_writer_of_unknown_name_is_the_envoy_told_of_around(read: Read) -> None:
    [event] = read(
        "Serbia's ambassador to the United Nations has rejected the claims.\n\nIn a letter to "
        "the President of the Security Council, Ivan Petrovic said the claims were unfounded.",
        se.DiplomaticCommunique,
    )
    assert isinstance(event, se.DiplomaticCommunique)
    assert parties(event) == ("SRB", "UN")


def test_a_writer_of_unknown_name_is_of_the_state_whose_he_is_called_later(read: Read) -> None:
    found = read(
        "In a letter to the Security Council, Ri Chol Su said the drills were a threat.\n\n"
        '"Nothing has changed," the DPRK\'s Ri said on Friday.',
        se.DiplomaticCommunique,
    )
    assert [parties(e)[0] for e in found if isinstance(e, se.DiplomaticCommunique)] == ["PRK"]


def test_a_writer_of_unknown_name_among_two_states_envoys_is_not_guessed(read: Read) -> None:
    found = read(
        "Serbia's ambassador and Croatia's ambassador met on Monday.\n\nIn a letter to the "
        "President of the Security Council, Ivan Petrovic said the claims were unfounded.",
        se.DiplomaticCommunique,
    )
    assert all(
        isinstance(e, se.DiplomaticCommunique) and (e.sender is None or e.sender.code != "SRB")
        for e in found
    )


@pytest.mark.parametrize(
    "text",
    [
        "Foreign ministry hands note to Ambassador of Peru",
        "The Ambassador of Peru was called to the ministry. He was given a note from the "
        "Foreign Ministry of Chile setting out its concern.",
    ],
)
def test_a_plain_note_handed_over_is_a_message(read: Read, text: str) -> None:
    found = read(f"SANTIAGO, Oct 28 - {text}", se.DiplomaticCommunique)
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("CHL", "PER")]


def test_a_note_received_from_an_unnamed_ministry_is_the_dateline_s(read: Read) -> None:
    # (the recipient is the subject: he is no sender; the dateline is in figures)
    found = read(
        "LIMA, 28.10.2021 (Andina) - Yesterday the Chilean Ambassador, Juan Ruiz, met the "
        "deputy minister.\n\nRuiz received a note from the Ministry of Foreign Affairs "
        "expressing the Peruvian side's concern.",
        se.DiplomaticCommunique,
    )
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("PER", "CHL")]


def test_a_note_verbale_sent_is_still_a_note_verbale(read: Read) -> None:
    [event] = read("Peru was sent a note verbale by Chile on Monday.", se.DiplomaticCommunique)
    assert isinstance(event, se.DiplomaticCommunique)
    assert event.medium is se.Medium.NOTE_VERBALE


def test_the_day_of_what_a_note_expresses_concern_about_is_not_its_own(read: Read) -> None:
    event = read.one(
        "Chile handed Peru a note expressing concern about illegal actions by the Peruvian "
        "border guards, who on October 24 detained two citizens.",
        se.DiplomaticCommunique,
    )
    assert event.date is None


def test_the_day_after_the_party_protested_against_is_the_protest_s(read: Read) -> None:
    lodged = read.one(
        "Seoul's foreign ministry lodged a strong protest against Japan on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert str(lodged.date) == "2021-10-26"
    # what it protests against, and its day, are the topic's
    topic = read.one(
        "Seoul lodged a protest against the Japanese patrol flights on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert topic.date is None


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        (
            "Below is the text of a joint statement that the United States and the Philippines "
            "issued on Friday.",
            "USA",
        ),
        (
            "Japan and India held defence talks in Tokyo. In a joint statement, the two "
            "countries called for restraint.",
            "JPN",
        ),
        (
            "Japan, South Korea and the United States condemned the launch. In a joint "
            "statement, the three sides said the launch broke UN resolutions.",
            "JPN",
        ),
    ],
)
def test_the_signatories_of_a_joint_statement_told_apart_from_it(
    read: Read, text: str, sender: str
) -> None:
    event = read.one(text, se.DiplomaticCommunique)
    assert event.medium is se.Medium.JOINT_STATEMENT
    assert event.sender is not None and event.sender.code == sender
    assert event.recipient is None


def test_the_two_countries_are_no_signatories_when_three_were_named(read: Read) -> None:
    assert (
        read(
            "Japan, India and Australia held talks. In a joint statement, the two countries "
            "called for restraint.",
            se.DiplomaticCommunique,
        )
        == []
    )


def test_a_headline_s_message_is_the_one_the_lead_tells(read: Read) -> None:
    text = (
        "Friday, November 04, 2011\n\n"
        "Iran summons Swiss envoy over US threats\n\n"
        "The Swiss ambassador, who is in charge of US interests in Iran, was summoned by the "
        "Iranian foreign ministry on Thursday and handed a protest note for Washington."
    )
    message = read.one(text, se.DiplomaticCommunique)
    assert message.sender is not None and message.sender.code == "IRN"
    # the lead tells its day; the headline's summary adds none
    assert str(message.date) == "2021-10-28"


def test_a_statement_titled_over_its_release_line_is_dated_by_it(read: Read) -> None:
    text = (
        "Joint Statement Between the Republic of Korea and Australia\n\n"
        "Office of the Spokesperson, September 14, 2021 (For Immediate Release)\n\n"
        "The two ministers met in Seoul and agreed to deepen defence cooperation."
    )
    message = next(e for e in read(text) if isinstance(e, se.DiplomaticCommunique))
    assert str(message.date) == "2021-09-14"


def test_a_news_headline_s_time_stamp_does_not_date_its_message(read: Read) -> None:
    text = (
        "Seoul summons Japanese ambassador\n\n"
        "2021-09-14 15:08:27\n\n"
        "South Korea's foreign ministry summoned the Japanese ambassador over the remarks, "
        "Yonhap reported."
    )
    message = read.one(text, se.DiplomaticCommunique)
    assert message.date is None


def test_a_headline_s_message_to_another_state_stays_its_own(read: Read) -> None:
    text = (
        "China protests to Japan over Senkaku patrols\n\n"
        "China lodged a protest with the Philippines on Tuesday over the shoal."
    )
    recipients = sorted(
        parties(e)[1] or "" for e in read(text) if isinstance(e, se.DiplomaticCommunique)
    )
    assert recipients == ["JPN", "PHL"]


def test_a_news_headline_naming_a_letter_is_not_the_letter(read: Read) -> None:
    text = (
        "White House Summons Chinese Ambassador Over Protest Letter\n\n"
        "September 21, 2021 10:32 AM\n\n"
        "The White House summoned the Chinese ambassador."
    )
    assert read.one(text, se.DiplomaticCommunique).date is None


def test_a_statement_s_date_line_is_not_an_anniversary_line(read: Read) -> None:
    text = (
        "Joint Statement of the United States and Japan\n\n"
        "Anniversary of September 11, 2001\n\n"
        "For Immediate Release, September 10, 2021\n\n"
        "The two leaders met in Washington."
    )
    message = next(e for e in read(text) if isinstance(e, se.DiplomaticCommunique))
    assert str(message.date) == "2021-09-10"
    assert [s.text for s in message.evidence if s.field == "date"] == ["September 10, 2021"]


def test_the_day_after_parties_protested_against_is_the_protest_s(read: Read) -> None:
    lodged = read.one(
        "Seoul's foreign ministry lodged a strong protest against Japan and China on Tuesday.",
        se.DiplomaticCommunique,
    )
    assert str(lodged.date) == "2021-10-26"


def test_the_ministry_named_again_without_its_state_sends_the_note(read: Read) -> None:
    text = (
        "The Peruvian Foreign Ministry condemned the arrest of its consul on Monday. The "
        "ministry said it had handed a note of protest to the Chilean embassy."
    )
    assert parties(read.one(text, se.DiplomaticCommunique)) == ("PER", "CHL")


def test_a_ministry_of_the_recipient_named_before_does_not_send(read: Read) -> None:
    text = (
        "The Chilean Defence Ministry denied the claims on Monday. The ministry said it had "
        "received a note of protest from the Peruvian embassy."
    )
    assert parties(read.one(text, se.DiplomaticCommunique))[0] == "PER"


def test_a_letter_the_report_is_comes_from_the_capital_it_is_dated_in(read: Read) -> None:
    text = (
        "Letter to the Secretary-General of the United Nations about the border with Chile\n\n"
        "Lima, March 3, 2020\n\n"
        "Your Excellency, allow me to inform you of a serious situation on our border."
    )
    event = read.one(text, se.DiplomaticCommunique)
    assert parties(event) == ("PER", "UN")
    assert str(event.date) == "2020-03-03"
    # letters to the UN are dated in New York whoever writes them
    in_new_york = text.replace("Lima, March 3", "New York, March 3")
    assert all(
        parties(e)[0] != "USA"
        for e in read(in_new_york, se.DiplomaticCommunique)
        if isinstance(e, se.DiplomaticCommunique)
    )


def test_a_letter_named_again_as_the_teller_is_no_new_letter(read: Read) -> None:
    text = (
        "Armenia's envoy sent a letter to the President of the Security Council on Monday.\n\n"
        "According to the letter, Azerbaijan massed troops near the border. The armed forces "
        "of Azerbaijan have also kept targeting Armenian positions in the direction of Upper "
        "Shorzha village, the letter says."
    )
    found = read(text, se.DiplomaticCommunique)
    assert [parties(e) for e in found if isinstance(e, se.DiplomaticCommunique)] == [("ARM", "UN")]


def test_whose_letter_it_is_sends_it_whoever_passes_it_on(read: Read) -> None:
    text = (
        "The Swiss Ambassador, who also represents US interests, said Tehran's protest letter "
        "would be passed to the US Department of State."
    )
    assert parties(read.one(text, se.DiplomaticCommunique))[0] == "IRN"
