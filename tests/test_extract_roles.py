"""Roles from the frame lexicon and the clause: each construction on a sentence written for it.

These are the ways English news names who builds a base where, and who sends a
message to whom, that put the host or the recipient in the subject's place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import secevents as se

if TYPE_CHECKING:
    from conftest import Read


def roles(event: se.Event) -> dict[str, str | None]:
    return {item.role: item.actor.code for item in event.actors}


# --- bases: the host as the subject ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        ("Bulgaria agreed to let the U.S. military use two air bases.", "USA", "BGR"),
        # the forces listed after the state are the state; "joint use" is a use
        (
            "The deal will allow U.S. troops, warships and aircraft joint use of Kenyan bases.",
            "USA",
            "KEN",
        ),
        ("The pact lets French troops and warships use Gabonese bases.", "FRA", "GAB"),
        ("Georgia will allow Turkish troops to station at a new base near Batumi.", "TUR", "GEO"),
        ("Venezuela offered Russia the use of an airfield on a Caribbean island.", "RUS", "VEN"),
        ("Djibouti has agreed to lease land for a naval base to China.", "CHN", "DJI"),
        ("Kyrgyzstan consents to hosting a Russian air base.", "RUS", "KGZ"),
        ("Sri Lanka denied that it would host an Indian naval base.", "IND", "LKA"),
        ("The parliament extended Russia's lease of the naval base in Sevastopol.", "RUS", "UKR"),
        ("A base will be built by Turkey in Somalia next year.", "TUR", "SOM"),
        ("Uzbekistan agreed to let the U.S. continue using the Karshi air base.", "USA", "UZB"),
        # the place of an activity the base serves is not the base's
        (
            "Uzbekistan allowed the U.S. to keep an air base vital to operations in Afghanistan.",
            "USA",
            "UZB",
        ),
    ],
)
def test_the_host_in_the_subject_s_place(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert roles(event) == {"builder": builder, "host": host}


def test_the_host_is_the_country_of_the_place_whoever_signs(read: Read) -> None:
    event = read.one(
        "Gabon and France signed an agreement on a new French base in Libreville.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "FRA", "host": "GAB"}


def test_a_state_builds_on_its_own_soil_when_no_other_builder_is_named(read: Read) -> None:
    event = read.one(
        "Japan's Ground Self-Defense Force opened a radar base in Okinawa on Monday.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "JPN", "host": "JPN"}


def test_a_base_named_without_a_milestone_opens_no_event(read: Read) -> None:
    text = "The United States was told by Uzbekistan to leave a military base in Karshi."
    assert read(text, se.BaseConstruction) == []


# --- communiques told by a verb ---------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "sender", "recipient"),
    [
        ("Iran summoned the British ambassador on Monday over the seizure.", "IRN", "GBR"),
        ("Iran has summoned the charge d'affaires of the United Arab Emirates.", "IRN", "ARE"),
        ("Pakistan's ambassador to India was summoned on Monday.", "IND", "PAK"),
        ("The Greek embassy in Ankara protested strongly to the Turkish ministry.", "GRC", "TUR"),
        ("Japan lodged a formal protest with China over the flights.", "JPN", "CHN"),
        ("Egypt wrote to the UN Security Council about the dam on Monday.", "EGY", "UN"),
        ("Cyprus handed UN Secretary-General Antonio Guterres a letter.", "CYP", "UN"),
        ("Washington confirmed Uzbekistan's eviction notice.", "UZB", None),
    ],
)
def test_messages_told_by_verbs(
    read: Read, sentence: str, sender: str, recipient: str | None
) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code) == sender
    assert (event.recipient and event.recipient.code) == recipient


def test_a_protest_delivered_abroad_is_located_there(read: Read) -> None:
    event = read.one(
        "The Bangladesh embassy in Myanmar protested strongly to the Myanmar foreign ministry.",
        se.DiplomaticCommunique,
    )
    assert event.location is not None and event.location.country == "MMR"


# --- exercises: who is kept out -----------------------------------------------------


def test_a_state_that_protests_drills_is_not_their_participant(read: Read) -> None:
    event = read.one(
        "Moscow protested the joint Japanese-US naval exercises near Hokkaido on Monday.",
        se.JointExercise,
    )
    assert [a.code for a in event.participants] == ["JPN", "USA"]


def test_one_state_s_own_drills_protested_by_another_are_not_joint(read: Read) -> None:
    assert read("Moscow protested Japanese exercises near the Kurils.", se.JointExercise) == []


def test_a_base_at_home_when_the_report_names_no_other_state(read: Read) -> None:
    event = read.one(
        "A new radar base of Japan's Ground Self-Defense Force was opened on Yonaguni on Monday.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "JPN", "host": "JPN"}


def test_a_later_base_of_the_same_states_keeps_the_main_orientation(read: Read) -> None:
    found = read(
        "Venezuela offered Russia the use of an air base on Monday. Separately, Venezuela "
        "denied that a permanent base would be built on its islands.",
        se.BaseConstruction,
    )
    assert [roles(e) for e in found] == [{"builder": "RUS", "host": "VEN"}] * 2


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        ("Tajikistan handed over a new border outpost built with Chinese money.", "CHN", "TJK"),
        ("The UAE is building a military base in the Eritrean port of Assab.", "ARE", "ERI"),
    ],
)
def test_the_funder_builds_and_building_is_a_milestone(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": builder, "host": host}


@pytest.mark.parametrize(
    ("sentence", "sender", "recipient"),
    [
        ("China lodged solemn representations with Japan over the visit.", "CHN", "JPN"),
        ("In a letter to the UN Security Council, Armenia accused Azerbaijan.", "ARM", "UN"),
        ("The Russian embassy received a note from the US government on Friday.", "USA", "RUS"),
        # the recipient as the indirect object of "send", before the message
        ("Moscow sent Washington a note of protest over the incident.", "RUS", "USA"),
        ("Iran sent the Azerbaijani embassy a letter on Monday.", "IRN", "AZE"),
    ],
)
def test_more_ways_of_telling_a_message(
    read: Read, sentence: str, sender: str, recipient: str
) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        sender,
        recipient,
    )


@pytest.mark.parametrize(
    ("sentence", "sender", "recipient"),
    [
        ("Moscow protested to Tokyo on Friday over the drills.", "RUS", "JPN"),
        ("The ministry in Baku summoned the Iranian ambassador on Monday.", "AZE", "IRN"),
    ],
)
def test_a_capital_stands_for_its_government(
    read: Read, sentence: str, sender: str, recipient: str
) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        sender,
        recipient,
    )


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        (
            "Kenya and the United States agreed to extend the lease of the Manda Bay base.",
            "USA",
            "KEN",
        ),
        (
            "Cabinet approved an agreement between Seychelles and India on defence facilities.",
            "IND",
            "SYC",
        ),
        (
            "Washington and Manila signed a deal granting US forces access to Philippine bases.",
            "USA",
            "PHL",
        ),
    ],
)
def test_of_two_states_named_alike_the_one_that_keeps_bases_abroad_builds(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": builder, "host": host}


def test_a_protest_against_a_state_is_sent_to_it(read: Read) -> None:
    event = read.one(
        "The Philippines has filed a diplomatic protest against China over the incident.",
        se.DiplomaticCommunique,
    )
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "PHL",
        "CHN",
    )


def test_a_place_after_a_direction_is_the_base_s_site(read: Read) -> None:
    event = read.one(
        "Turkey plans to open a military base in northern Cyprus.", se.BaseConstruction
    )
    assert roles(event) == {"builder": "TUR", "host": "CYP"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan wrote to the president of the Security Council on Monday.",
        "Iran's envoy wrote to Secretary-General Antonio Guterres on Monday.",
    ],
)
def test_the_un_s_organs_named_alone_receive_for_the_un(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert event.recipient is not None and event.recipient.code == "UN"


def test_it_in_a_role_is_the_first_actor(read: Read) -> None:
    event = read.one(
        "Ethiopia signed a memorandum of understanding with the breakaway region of "
        "Somaliland that will allow it to set up a naval base.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "ETH", "host": "SOM"}
    assert (
        read(
            "Ethiopia signed a memorandum of understanding with Somaliland.",
            se.DiplomaticCommunique,
        )
        == []
    )


def test_a_host_refusing_to_host_is_the_host_of_the_denied_base(read: Read) -> None:
    found = read(
        "China on Tuesday denied that it plans to build a military base in Vanuatu. "
        "Vanuatu's prime minister said he had no intention of hosting any foreign base.",
        se.BaseConstruction,
    )
    assert [(roles(e), e.status) for e in found if isinstance(e, se.BaseConstruction)] == [
        ({"builder": "CHN", "host": "VUT"}, se.ConstructionStatus.DENIED)
    ]


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        (
            "Cuba lets Russian warships dock at the base under an agreement signed on Monday.",
            "RUS",
            "CUB",
        ),
        ("Armenia provides the base at Gyumri to Russia under the 2010 accord.", "RUS", "ARM"),
        (
            "Armenia made the Gyumri base available to Russia under an accord signed on Monday.",
            "RUS",
            "ARM",
        ),
    ],
)
def test_a_host_giving_a_base_to_another_state(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": builder, "host": host}


def test_a_possessive_state_is_no_site(read: Read) -> None:
    event = read.one(
        "Syria has put the naval base at Russia's disposal under an accord signed on Monday.",
        se.BaseConstruction,
    )
    assert event.host is None or event.host.code != "RUS"


def test_the_subject_rejecting_a_note_received_it(read: Read) -> None:
    event = read.one(
        "On Thursday India rejected a formal diplomatic note in which Pakistan accused "
        "Indian jets of violating its airspace.",
        se.DiplomaticCommunique,
    )
    assert (event.sender and event.sender.code, event.recipient and event.recipient.code) == (
        "PAK",
        "IND",
    )


def test_the_date_of_what_a_message_is_about_is_not_its_own(read: Read) -> None:
    event = read.one(
        "Russia handed Moldova's ambassador a strong protest on Friday over an action near "
        "the Russian embassy on October 20.",
        se.DiplomaticCommunique,
    )
    assert str(event.date) == "2021-10-22"


def test_what_is_told_before_the_base_s_milestone_adds_to_it(read: Read) -> None:
    event = read.one(
        "The Royal Navy is to have a permanent base in the Middle East. The foreign secretary "
        "signed the deal in Manama. Bahrain will pay the £15million needed to build the base, "
        "while the UK will cover its running costs. The base is a permanent expansion of the "
        "Royal Navy's footprint.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "GBR", "host": "BHR"}
    assert event.status is se.ConstructionStatus.AGREED


def test_a_host_on_the_far_side_of_a_border_place_leaves_the_place_as_read() -> None:
    # Found by fuzzing extract: the host's country was written into a place on the border
    # *with* the host ("a base on the border with Afghanistan", Afghanistan the host),
    # which no Location can be, and extract raised.
    from secevents.extraction.pipeline import _default_location

    border = se.Location(name="Afghan border", border_with="AFG", precision="border")
    fields: dict[str, object] = {"host": se.Actor.state("AFG"), "location": border}
    _default_location(fields)
    assert fields["location"] == border
    fields = {"host": se.Actor.state("TJK"), "location": border}
    _default_location(fields)
    assert fields["location"] == se.Location(
        name="Afghan border", border_with="AFG", precision="border", country="TJK"
    )


def test_a_base_s_country_is_its_host_s_not_another_country_named_near_it(read: Read) -> None:
    # "a home for a US division": a whole other country read near the base is not its site.
    from secevents.extraction.pipeline import _default_location

    elsewhere = se.Location(name="United States", country="USA", precision="country")
    fields: dict[str, object] = {"host": se.Actor.state("POL"), "location": elsewhere}
    _default_location(fields)
    assert isinstance(fields["location"], se.Location)
    assert fields["location"].country == "POL"
    town = se.Location(name="Redzikowo", country="POL", precision="settlement")
    fields = {"host": se.Actor.state("POL"), "location": town}
    _default_location(fields)
    assert fields["location"] == town
    event = read.one(
        "Estonia offered to host a permanent American base for a US brigade of about "
        "4,000 troops, the defence ministry said on Monday.",
        se.BaseConstruction,
    )
    assert event.location is not None and event.location.country == "EST"


@pytest.mark.parametrize(
    "sentence",
    [
        "Islamabad urged New Delhi to respect the truce in letter and spirit.",
        "Both sides must follow the accord to the letter, the ministry said.",
        "Seoul accused Tokyo of breaking the letter of the agreement.",
    ],
)
def test_letter_in_an_idiom_is_no_message(read: Read, sentence: str) -> None:
    assert read(sentence, se.DiplomaticCommunique) == []


def test_a_name_inside_the_quotation_did_not_say_it(read: Read) -> None:
    # '..." said the spokesman': the state quoted about is not who sent the protest.
    events = read(
        '"The Indian envoy was called in by the director general to lodge a protest against '
        'the shelling by Indian troops at the border," said the spokesman.',
        se.DiplomaticCommunique,
    )
    senders = [e.sender.code for e in events if isinstance(e, se.DiplomaticCommunique) and e.sender]
    assert "IND" not in senders


def test_the_date_of_what_a_protest_is_against_is_not_its_own(read: Read) -> None:
    event = read.one(
        "Peru lodged a strong protest against the border incursions by Ecuadorian troops "
        "on October 20.",
        se.DiplomaticCommunique,
    )
    assert event.date is None or str(event.date) != "2021-10-20"


@pytest.mark.parametrize(
    ("sentence", "sender"),
    [
        ("Chile and Argentina issued a joint statement on Monday.", "CHL"),
        ("In a joint statement, Norway and Finland said they would hold more drills.", "NOR"),
        ("A joint declaration by Ghana and Togo stressed border security.", "GHA"),
        ("Joint Statement Between the Republic of Korea and Australia", "KOR"),
    ],
)
def test_a_joint_statement_is_sent_by_its_first_signatory_to_no_one(
    read: Read, sentence: str, sender: str
) -> None:
    event = read.one(sentence, se.DiplomaticCommunique)
    assert roles(event) == {"sender": sender}
    assert event.medium is se.Medium.JOINT_STATEMENT


@pytest.mark.parametrize(
    "sentence",
    [
        "Seoul will keep trying to send the letter back to Tokyo.",
        "An embassy official went to the ministry to return the letter on Thursday.",
        "Tehran handed back the protest note to the Swiss envoy.",
    ],
)
def test_returning_a_message_sends_no_new_one(read: Read, sentence: str) -> None:
    assert read(sentence, se.DiplomaticCommunique) == []


def test_a_nationality_word_before_a_title_keeps_the_preposition(read: Read) -> None:
    event = read.one(
        "Tokyo sent a protest letter from the Japanese prime minister to Korean President "
        "Lee Myung-bak on Friday.",
        se.DiplomaticCommunique,
    )
    assert roles(event) == {"sender": "JPN", "recipient": "KOR"}


def test_a_state_before_a_gerund_builds_it_is_no_site(read: Read) -> None:
    event = read.one(
        "Beijing and Djibouti reached a consensus on China building support facilities in "
        "Djibouti, the ministry said.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "CHN", "host": "DJI"}
    assert event.status is se.ConstructionStatus.AGREED


def test_where_it_was_told_is_not_where_the_base_is(read: Read) -> None:
    event = read.one(
        "Construction of the Russian naval support facility has started, a spokesman told "
        "a news conference in Moscow on Thursday.",
        se.BaseConstruction,
    )
    assert event.location is None or event.location.name != "Moscow"
    assert event.status is se.ConstructionStatus.UNDER_CONSTRUCTION


def test_a_naval_establishment_commissioned_is_an_operational_base(read: Read) -> None:
    event = read.one(
        "The new naval establishment of the Indian Navy was commissioned at Karwar on May 9.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL
    assert event.location is not None and event.location.country == "IND"


def test_who_tells_of_receiving_a_message_did_not_send_it(read: Read) -> None:
    events = read(
        "Iran sent a letter to the UN Secretary-General on Thursday. Russia's envoy "
        "Nebenzia, speaking after council talks, did not mention receipt of the letter.",
        se.DiplomaticCommunique,
    )
    assert [roles(e) for e in events] == [{"sender": "IRN", "recipient": "UN"}]
    received = read.one("Russia received a letter from Georgia on Monday.", se.DiplomaticCommunique)
    assert roles(received) == {"sender": "GEO", "recipient": "RUS"}


def test_a_named_joint_declaration_and_a_message_to_someone(read: Read) -> None:
    declaration = read.one(
        "Oman and India on Saturday agreed a Joint Strategic Vision Declaration on trade.",
        se.DiplomaticCommunique,
    )
    assert roles(declaration) == {"sender": "OMN"}
    message = read.one(
        "In a message to the UN Secretary-General, Serbia said the raids were provocative.",
        se.DiplomaticCommunique,
    )
    assert roles(message) == {"sender": "SRB", "recipient": "UN"}
    assert message.medium is se.Medium.MESSAGE
    assert read("The message to voters was clear, Serbia's president said.") == []


def test_the_state_a_deal_allows_to_keep_ships_at_a_base_is_its_builder(read: Read) -> None:
    event = read.one(
        "Under the deal, Russia will be allowed to keep up to four warships at the Port Sudan "
        "base.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "RUS",
        "SDN",
    )


def test_the_basing_of_a_state_s_forces_is_a_base_of_that_state(read: Read) -> None:
    event = read.one("Japan agreed to the basing of US F-35 jets at Misawa.", se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "USA"
    assert event.host is not None and event.host.code == "JPN"
    assert event.status is se.ConstructionStatus.AGREED


def test_the_bases_told_of_before_get_no_builder_from_a_body_named_in_passing(
    read: Read,
) -> None:
    event = read.one(
        "Bulgaria and the United States agreed a deal to establish American military bases "
        "on the Black Sea. The bases are seen as important in Bulgaria's drive to secure "
        "more foreign investment from the European Union.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "USA"


def test_the_state_named_with_the_base_builds_it_not_those_denying_it(read: Read) -> None:
    event = read.one(
        "Kenya and Somalia denied reports that a Turkish base would be built in Kismayo.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "TUR",
        "SOM",
    )
    assert event.status is se.ConstructionStatus.DENIED


@pytest.mark.parametrize(
    ("text", "builder", "host"),
    [
        (
            "Papua New Guinea has agreed to let Australia redevelop the Lombrum naval base on "
            "Manus Island.",
            "AUS",
            "PNG",
        ),
        (
            "Oman granted British forces access to the Duqm port facilities under a deal signed "
            "on Thursday.",
            "GBR",
            "OMN",
        ),
        # a port a foreign navy may use is its base, though the sentence names no base
        (
            "A pact letting the French navy use facilities at Port-Gentil harbour was signed "
            "by Gabon and France.",
            "FRA",
            "GAB",
        ),
        (
            "Kenya and India signed a deal that allows Indian warships to dock at Mombasa port.",
            "IND",
            "KEN",
        ),
    ],
)
def test_the_host_lets_the_builder_redevelop_or_use_its_facilities(
    read: Read, text: str, builder: str, host: str
) -> None:
    event = read.one(text, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        builder,
        host,
    )


def test_the_state_nearest_the_base_s_noun_in_a_headline_builds_it(read: Read) -> None:
    event = read.one("Somaliland signs deal for UAE base in Berbera", se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "ARE",
        "SOM",
    )


def test_a_former_soviet_base_is_built_by_whoever_repairs_it_now(read: Read) -> None:
    event = read.one(
        "In 2002, India and Tajikistan signed a defence agreement, one part of which was the "
        "repair of a disused Soviet airbase near Dushanbe.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "IND",
        "TJK",
    )


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("The UK announced that a base would be built in Oman.", "a base would"),
        ("The UK announced that the base would be built in Oman.", "the base would"),
        ("Kenya announced the base would be expanded.", "the base would"),
        # what is announced without "that" and with "a" is the verb's object
        ("The UK announced a £23.8m investment in its base.", "The UK announced"),
    ],
)
def test_where_a_clause_announced_begins(text: str, clause: str) -> None:
    from secevents.extraction.clues import reported_clause_start
    from secevents.extraction.document import Document

    doc = Document(text)
    sentence = doc.sentences[0]
    start = reported_clause_start(doc, sentence, text.index("base"))
    assert text[start:].startswith(clause)


def test_a_dissolved_state_still_builds_the_base_no_one_else_is_named_for(read: Read) -> None:
    event = read.one(
        "The Soviet base at Cam Ranh Bay in Vietnam was completed in 1979.", se.BaseConstruction
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "SUN",
        "VNM",
    )


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        # A state that voices concern about a base is a critic, not its builder.
        ("Australia expressed concern about Chinese plans for a naval base in Fiji.", "CHN", "FJI"),
        ("Japan voiced alarm at Russian plans to build an air base in Abkhazia.", "RUS", "GEO"),
        # A state named to describe the base's place is no party.
        ("The Turkish base in Iraq, Iran's western neighbour, will be expanded.", "TUR", "IRQ"),
    ],
)
def test_critics_and_states_named_to_describe_a_place_are_no_builders(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": builder, "host": host}


def test_a_base_critics_speak_of_without_a_builder_names_no_builder(read: Read) -> None:
    event = read.one(
        "Australia expressed concern about plans for a naval base in Fiji.", se.BaseConstruction
    )
    assert event.builder is None and event.host is not None and event.host.code == "FJI"


def test_a_party_or_agency_named_in_the_sentence_is_no_host(read: Read) -> None:
    found = read(
        '"We need to upgrade our base to protect our nation," the Cambodian minister said, '
        "according to the state-run news agency Agence Kampuchea Presse (AKP).",
        se.BaseConstruction,
    )
    bases = [e for e in found if isinstance(e, se.BaseConstruction)]
    assert all(e.host is None or e.host.code == "KHM" for e in bases)


def test_two_bases_in_two_states_told_in_one_sentence_are_two_events(read: Read) -> None:
    found = read("The US is building a base in Romania and a base in Poland.", se.BaseConstruction)
    bases = [e for e in found if isinstance(e, se.BaseConstruction)]
    assert sorted(e.host.code or "" for e in bases if e.host) == ["POL", "ROU"]
    assert all(e.builder is not None and e.builder.code == "USA" for e in bases)


@pytest.mark.parametrize(
    "sentence",
    [
        "The US plans a radar base in the Czech Republic, along with an interceptor base in "
        "neighbouring Poland.",
        # a place given by its distance from a capital named with its kind lies in its state
        "The US plans to build a radar base in the Brdy district, some 90 kilometers "
        "southwest of the Czech capital Prague, along with a missile base in Poland.",
    ],
)
def test_a_second_base_along_with_the_first_is_its_own_event(read: Read, sentence: str) -> None:
    found = [e for e in read(sentence, se.BaseConstruction) if isinstance(e, se.BaseConstruction)]
    assert sorted(e.host.code or "" for e in found if e.host) == ["CZE", "POL"]


def test_of_two_states_that_keep_bases_abroad_the_one_with_more_builds(read: Read) -> None:
    event = read.one(
        "Japan and the US signed a deal on Tuesday to relocate the Kadena base.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "USA", "host": "JPN"}


@pytest.mark.parametrize(
    ("sentence", "builder", "host"),
    [
        ("Chad has granted France the right to set up a drone base.", "FRA", "TCD"),
        ("Chad denied that it would host a base for France.", "FRA", "TCD"),
    ],
)
def test_the_right_granted_and_a_base_hosted_for_a_builder(
    read: Read, sentence: str, builder: str, host: str
) -> None:
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": builder, "host": host}


def test_the_state_of_a_media_outlet_that_reported_a_plan_builds_nothing(read: Read) -> None:
    text = (
        "Earlier on Tuesday, Australia's Fairfax Media had reported that preliminary talks "
        "had been held on locating a full military base on Vanuatu."
    )
    for event in read(text, se.BaseConstruction):
        assert isinstance(event, se.BaseConstruction)
        assert event.builder is None or event.builder.code != "AUS"


@pytest.mark.parametrize(
    ("sentence", "host"),
    [
        ("In Djibouti, in East Africa, China has opened the first base it has abroad.", "DJI"),
        ("In Kyrgyzstan, in Central Asia, China has opened its first base abroad.", "KGZ"),
    ],
)
def test_a_known_region_then_a_subject_is_no_town_then_its_state(
    read: Read, sentence: str, host: str
) -> None:
    # "in East Africa, China": a region the gazetteer knows is not an unknown town that
    # the next name places in its state; the state after it is the sentence's subject
    assert roles(read.one(sentence, se.BaseConstruction)) == {"builder": "CHN", "host": host}


def test_an_acronym_stands_for_the_name_of_its_initials_told_before(read: Read) -> None:
    # the actor table's "SDF" is the Syrian Democratic Forces; after "Self-Defense Forces"
    # it is Japan's
    event = read.one(
        "Japan will lease more land in Djibouti for Self-Defense Forces troops.\n\n"
        "The SDF opened its base in Djibouti in 2011.",
        se.BaseConstruction,
    )
    assert roles(event)["builder"] == "JPN"


def test_an_acronym_with_no_name_told_before_keeps_the_table_s_reading() -> None:
    from secevents.extraction.document import Document

    doc = Document("Turkey shelled positions of the SDF near Kobani.")
    assert [h.code for h in doc.actors(doc.sentences[0])] == ["TUR", "SDF"]


def test_who_may_use_a_state_s_bases_under_a_treaty_builds(read: Read) -> None:
    event = read.one(
        "Under the treaty the U.S. military may use two Slovak air force bases for 10 years.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "USA", "host": "SVK"}


def test_a_base_s_deal_signed_in_a_signer_s_state_is_not_hosted_there(read: Read) -> None:
    # (signed in the other state, "the foreign secretary signed the deal in Manama", the
    # place stands: test_what_is_told_before_the_base_s_milestone_adds_to_it)
    event = read.one(
        "The U.S. secretary of state and Slovakia's defence minister signed the deal on the "
        "air bases in Washington on Feb. 3.",
        se.BaseConstruction,
    )
    assert roles(event).get("host") != "USA"


def test_where_a_signer_of_a_base_s_deal_had_arrived_hosts_no_base(read: Read) -> None:
    event = read.one(
        "The deal on a Turkish air base was signed by Erdogan and the Sudanese leader, who had "
        "arrived in Ankara on Monday.",
        se.BaseConstruction,
    )
    assert roles(event).get("host") != "TUR"


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal lets merchant ships use the port of Mombasa.",
        "Indian warships will call at Mombasa port next week.",
        "The navy will use the harbour for its annual review.",
    ],
)
def test_a_port_is_no_base_without_a_foreign_military_allowed_to_use_it(
    read: Read, sentence: str
) -> None:
    assert not read(sentence, se.BaseConstruction)


def test_a_state_keeping_bases_outside_its_borders_builds_them(read: Read) -> None:
    event = read.one(
        "China opened its first military base outside China in Djibouti.", se.BaseConstruction
    )
    assert roles(event) == {"builder": "CHN", "host": "DJI"}


def test_a_neighbour_naming_where_a_base_is_builds_nothing(read: Read) -> None:
    text = "A new military base was opened in eastern Libya, close to Egypt, on Monday."
    assert roles(read.one(text, se.BaseConstruction)) == {"host": "LBY"}


def test_a_place_in_a_fronted_aside_hosts_nothing(read: Read) -> None:
    text = "Besides its operations in Mali, France is building military bases, officials said."
    assert roles(read.one(text, se.BaseConstruction)) == {"builder": "FRA"}


def test_states_whose_bases_a_base_is_compared_with_build_nothing(read: Read) -> None:
    text = (
        "Asked whether the plans amounted to a military base like those maintained by the "
        "U.S., Britain and France in Djibouti, the spokesman said no."
    )
    found = [e for e in read(text) if isinstance(e, se.BaseConstruction)]
    assert all(roles(e).get("builder") not in ("USA", "GBR", "FRA") for e in found)


def test_a_place_name_describing_a_state_is_no_place_of_the_base(read: Read) -> None:
    text = (
        "A defence agreement was signed by Bulgaria and the United States on Friday, setting "
        "the terms under which military facilities on the Balkan country's soil will be used."
    )
    event = read.one(text, se.BaseConstruction)
    assert roles(event) == {"builder": "USA", "host": "BGR"}


def test_where_a_war_the_base_supports_is_fought_hosts_nothing(read: Read) -> None:
    text = (
        "The US opened the Manas air base in 2001 to support the war in neighbouring Afghanistan."
    )
    assert roles(read.one(text, se.BaseConstruction)).get("host") != "AFG"


def test_a_state_a_base_is_near_is_not_its_host(read: Read) -> None:
    text = (
        "According to Fairfax, the prospect of a Chinese military outpost so close to "
        "Australia has been discussed at the highest levels."
    )
    assert roles(read.one(text, se.BaseConstruction)).get("host") != "AUS"
    near_a_town = read.one("Russia built a military base near Kabul in 2002.", se.BaseConstruction)
    assert roles(near_a_town).get("host") == "AFG"


def test_who_warns_that_a_state_builds_a_base_builds_none(read: Read) -> None:
    text = "The US warned that China is building a naval base in Cambodia."
    assert roles(read.one(text, se.BaseConstruction)) == {"builder": "CHN", "host": "KHM"}


@pytest.mark.parametrize(
    ("sentence", "host"),
    [
        (
            "Ghana and Britain on Monday signed a defence pact that gives British forces "
            "access to Ghanaian facilities.",
            "GHA",
        ),
        (
            "Finland and the United States signed an addendum giving US troops access to "
            "three more Finnish military areas.",
            "FIN",
        ),
        (
            "The Uzbek parliament approved a deal on Tuesday allowing Germany to keep its "
            "transit centre at Termez airport.",
            "UZB",
        ),
    ],
)
def test_places_a_foreign_force_is_let_in_to_are_its_bases(
    read: Read, sentence: str, host: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert roles(event).get("host") == host
    assert event.status is se.ConstructionStatus.AGREED


@pytest.mark.parametrize(
    "sentence",
    [
        "The visa deal gives British tourists access to Ghanaian beaches.",
        "Lawmakers voted on Thursday to end the agreement on the German transit centre at Termez.",
    ],
)
def test_access_for_others_and_an_agreement_ended_are_no_base(read: Read, sentence: str) -> None:
    assert not read(sentence, se.BaseConstruction)


def test_a_peacekeeping_or_army_camp_built_for_a_state_is_a_base(read: Read) -> None:
    event = read.one(
        "New Zealand funded the redevelopment of Tonga's army camp, which opened on Monday.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "NZL", "host": "TON"}
    assert event.status is se.ConstructionStatus.OPERATIONAL
    assert not read("Aid agencies opened a new refugee camp in Tonga.", se.BaseConstruction)


def test_the_state_whose_base_another_works_on_hosts_it(read: Read) -> None:
    event = read.one(
        "Malaysia will fund the expansion of Brunei's naval base, officials said.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "MYS", "host": "BRN"}
    own = read.one("Moscow funded the construction of Russia's base in Syria.", se.BaseConstruction)
    assert roles(own) == {"builder": "RUS", "host": "SYR"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Myanmar's junta has denied UN personnel access to conflict areas in Rakhine state.",
        "Ethiopia has refused to allow African Union troops access to areas held by rebels.",
        "The European Union will fund a migrant transit centre in Niger.",
        "The UNHCR opened a new transit center for refugees in Tripoli.",
    ],
)
def test_access_to_areas_and_a_migrant_transit_centre_are_no_base(
    read: Read, sentence: str
) -> None:
    assert not read(sentence, se.BaseConstruction)


def test_a_host_approving_work_on_another_s_base_does_not_build_it(read: Read) -> None:
    event = read.one(
        "Syria approved the expansion of Russia's naval base in Tartus.", se.BaseConstruction
    )
    assert roles(event) == {"builder": "RUS", "host": "SYR"}


def test_a_transit_centre_at_an_airport_is_a_base(read: Read) -> None:
    event = read.one(
        "A deal to set up a transit center at Termez international airport was signed by "
        "Uzbekistan and Germany on Monday.",
        se.BaseConstruction,
    )
    assert roles(event) == {"builder": "DEU", "host": "UZB"}
    assert not read(
        "Migrants are held in a transit centre at the city airport.", se.BaseConstruction
    )
