"""A base's milestones: which status a clause states, and the date that goes with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import secevents as se

if TYPE_CHECKING:
    from conftest import Read


@pytest.mark.parametrize(
    ("sentence", "status", "date"),
    [
        # A plan or a supposition is a proposal, whatever verb it uses.
        ("Russia says a base would be built in Belarus.", "proposed", None),
        ("Russia plans to open an air base in Belarus.", "proposed", None),
        # A milestone scheduled for a day is that milestone.
        ("Japan will inaugurate its base in Djibouti on Tuesday.", "operational", "2021-11-02"),
        ("Russia has set up a new military base in Abkhazia.", "operational", None),
        # A state's promise to allow is a proposal until a deal is made; a deal's term is agreed.
        ("Georgia will allow Turkish troops to use a new base in Batumi.", "proposed", None),
        ("Under the deal, Georgia will allow Turkish troops to use a base.", "agreed", None),
        ("Armenia will allow Russia to extend its lease on the base in Gyumri.", "proposed", None),
        # One side's decree orders a base; the host has not agreed.
        (
            "Putin signed a decree on the establishment of a Russian air base in Belarus.",
            "proposed",
            None,
        ),
        # Knowing nothing of a plan is the host's denial of it.
        (
            "Lukashenko said he knows nothing about any plans to build a Russian air base "
            "in Belarus.",
            "denied",
            None,
        ),
        # A deal's term that is negated denies the base ("does not invite China to").
        (
            "Sogavare said the agreement does not invite China to establish a military base "
            "in Solomon Islands.",
            "denied",
            None,
        ),
        # An opening told done stays done, whatever an aside after it plans.
        (
            "Sarkozy formally opened a French naval base in Abu Dhabi, the first of its kind "
            "to be located abroad in 50 years.",
            "operational",
            None,
        ),
        # The "would" of reported speech schedules the milestone.
        (
            "The Somali minister said the Turkish military camp in Mogadishu would open next "
            "month.",
            "operational",
            "2021-11",
        ),
        # Opening "in autumn" is a milestone scheduled for this year (a season is told by
        # its year, as the corpus dates events).
        (
            "Turkey will inaugurate a new military base in Qatar in autumn.",
            "operational",
            "2021",
        ),
        ("The United States is investing $50 million in an air base in Niger.", "agreed", None),
        (
            "Construction of the Chinese base in Ream began on Monday.",
            "under_construction",
            "2021-10-25",
        ),
        # "announced the construction of" a base is its plan; "began the construction of" is
        # work started.
        (
            "Iran announced the construction of a new naval base near Jask.",
            "proposed",
            None,
        ),
        (
            "Turkey began the construction of a military base in Qatar in March.",
            "under_construction",
            "2021-03",
        ),
        # "since" dates the start of what still holds.
        ("Russia's base has been stationed in Gyumri, Armenia, since 1995.", "operational", "1995"),
        # a base unveiled is opened; plans unveiled are a proposal
        (
            "At a flag-raising ceremony on Monday, Indian officials unveiled the base in Oman.",
            "operational",
            "2021-10-25",
        ),
        ("India unveiled plans for a naval base in Oman on Monday.", "proposed", "2021-10-25"),
        # a participle right after the base tells what it is, whatever the main verb plans
        (
            "The opening of the base - the first Indian military base established overseas - "
            "will facilitate missions in the Gulf of Aden and in the waters off Somalia.",
            "operational",
            None,
        ),
        # work told done is the base completed; work to come is a plan
        ("India refurbished the air base in Tajikistan in 2007.", "completed", "2007"),
        ("The air base in Tajikistan will be refurbished by India next year.", "proposed", "2022"),
        # the completion celebrated is the base completed
        (
            "On Saturday the two countries celebrated the completion of Japan-funded "
            "facilities at a naval base in Djibouti.",
            "completed",
            "2021-10-23",
        ),
        # a deal told as made, then the opening it leads to: the deal is the milestone
        (
            '"We have signed an agreement, and soon a permanent base of the Russian navy will '
            'be established in Tartus," the Syrian president said.',
            "agreed",
            None,
        ),
        # the host that says it needs no base denies it
        (
            "Yesterday Serbia's president said Serbia did not need a Russian military base.",
            "denied",
            "2021-10-27",
        ),
        # a base to be placed somewhere is planned
        (
            "A naval base is to be placed by Turkey in the Sudanese port of Suakin.",
            "proposed",
            None,
        ),
        # the site of the works inspected: the base is being built
        (
            "On Monday the construction site of the Chinese-funded base at Ream was inspected "
            "by Cambodian officials.",
            "under_construction",
            "2021-10-25",
        ),
        # a navy's port, pier or wharf is a base
        (
            "Work on a new Chinese naval pier at Ream began in June.",
            "under_construction",
            "2021-06",
        ),
        (
            "Ground has been broken by Chinese and Cambodian officials on a naval port "
            "expansion project at Ream.",
            "under_construction",
            None,
        ),
    ],
)
def test_status_and_date_of_a_milestone(
    read: Read, sentence: str, status: str, date: str | None
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is not None and event.status.value == status
    assert (str(event.date) if event.date else None) == date


def test_the_state_of_the_media_that_reported_a_base_builds_nothing(read: Read) -> None:
    event = read.one(
        "Cambodian officials denied that the base is for any foreign power, after American "
        "media reported that a Chinese naval base was being built at Ream.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "CHN"


def test_the_cost_told_in_the_next_sentence_is_the_base_s(read: Read) -> None:
    event = read.one(
        "Japan plans to build a new naval base in Djibouti. The cost is estimated at $40 million.",
        se.BaseConstruction,
    )
    assert event.cost is not None
    assert (str(event.cost.amount), event.cost.currency) == ("40000000", "USD")


def test_a_state_that_is_host_to_foreign_bases_tells_of_no_milestone(read: Read) -> None:
    assert read("Qatar is also host to U.S., British and Turkish bases.", se.BaseConstruction) == []


def test_a_cue_in_a_relative_clause_about_another_noun_is_not_the_base_s(read: Read) -> None:
    event = read.one(
        "Japan will inaugurate a base in Djibouti on Tuesday for its navy, which has "
        "operated off Somalia since 2009.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL
    assert str(event.date) == "2021-11-02"


def test_two_denials_months_apart_are_two_events(read: Read) -> None:
    found = read(
        "China on Wednesday denied that it is building a military base in Afghanistan. "
        "A similar report of a base in Afghanistan was denied by the defence ministry in January.",
        se.BaseConstruction,
    )
    assert sorted(str(e.date) for e in found) == ["2021-01", "2021-10-27"]
    assert [e.status for e in found if isinstance(e, se.BaseConstruction)] == [
        se.ConstructionStatus.DENIED
    ] * 2


def test_the_steps_of_one_agreement_are_one_event(read: Read) -> None:
    found = read(
        "Russia and Tajikistan signed the base agreement in October 2020. "
        "The Russian parliament ratified the agreement on the base in Tajikistan on Monday.",
        se.BaseConstruction,
    )
    assert len(found) == 1
    assert isinstance(found[0], se.BaseConstruction)
    assert found[0].status is se.ConstructionStatus.AGREED


@pytest.mark.parametrize(
    "sentence",
    [
        "Uzbekistan ended the agreement on the use of the K2 air base.",
        "The United States was told to leave the air base within 180 days.",
        "Russia undertook to close the military base in Gudauta by 1 July 2001.",
    ],
)
def test_ending_an_agreement_or_leaving_a_base_is_no_milestone(read: Read, sentence: str) -> None:
    assert read(sentence, se.BaseConstruction) == []


def test_the_facility_named_again_gives_its_cost_and_garrison(read: Read) -> None:
    event = read.one(
        "Japan will inaugurate its base in Djibouti on Tuesday. The new $40 million facility "
        "has its own runway. About 180 personnel will be posted there.",
        se.BaseConstruction,
    )
    assert event.cost is not None and event.cost.amount == 40_000_000
    assert event.troops is not None and (event.troops.value, event.troops.qualifier.value) == (
        180,
        "approx",
    )


def test_a_base_s_garrison_is_not_the_soldiers_it_trains(read: Read) -> None:
    event = read.one(
        "Turkey opened a training base in Mogadishu on Saturday. It will be used to train "
        "10,000 Somali soldiers, and around 200 Turkish military officers will serve at the base.",
        se.BaseConstruction,
    )
    assert event.troops is not None and event.troops.value == 200


def test_a_new_total_after_a_change_is_the_count(read: Read) -> None:
    event = read.one(
        "Russia opened an air base in Kant in 2003. The garrison at the base will rise "
        "from 500 to 700 troops.",
        se.BaseConstruction,
    )
    assert event.troops is not None and (event.troops.value, event.troops.low) == (700, None)


def test_a_plan_far_from_the_base_is_not_the_base_s(read: Read) -> None:
    text = (
        "Armenia's army has planned activities jointly with Russian troops, notably with "
        "the 102nd military base in Gyumri."
    )
    assert read(text, se.BaseConstruction) == []


def test_the_news_told_in_a_where_clause_is_the_base_s(read: Read) -> None:
    event = read.one(
        "On Monday the president chaired a meeting of the cabinet, where ministers approved "
        "the agreement between Seychelles and India on Defence Facilities on Assomption Island.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED and str(event.date) == "2021-10-25"


def test_each_field_has_a_span_of_whole_words_naming_it(read: Read) -> None:
    text = "China would spend around $8.6 million to build a military base in Tajikistan."
    event = read.one(text, se.BaseConstruction)
    spans = {span.field: span.text for span in event.evidence}
    assert spans[None] == text
    assert spans["status"] == "spend" and spans["cost"] == "around $8.6 million"
    assert spans["builder"] == "China" and spans["host"] == "Tajikistan"


def test_a_bound_is_shared_by_the_counts_it_lists(read: Read) -> None:
    event = read.one(
        "Russia may keep up to four warships and 300 personnel at the naval base in Port Sudan "
        "under the agreement.",
        se.BaseConstruction,
    )
    assert event.troops is not None and event.troops.qualifier is se.Qualifier.UP_TO
    assert [(e.kind.value, e.quantity and e.quantity.qualifier.value) for e in event.equipment] == [
        ("ships", "up_to")
    ]


def test_a_negated_cue_denies(read: Read) -> None:
    found = read(
        "Cambodia said it has not agreed to host a Chinese naval base on its soil.",
        se.BaseConstruction,
    )
    assert [e.status for e in found if isinstance(e, se.BaseConstruction)] == [
        se.ConstructionStatus.DENIED
    ]


def test_construction_told_after_the_base_is_its_milestone(read: Read) -> None:
    found = read(
        "Cambodia denied on Thursday that China would use the naval base at Ream. "
        "Construction at Ream, funded by China, began in June 2020.",
        se.BaseConstruction,
    )
    statuses = {str(e.date): e.status for e in found if isinstance(e, se.BaseConstruction)}
    assert statuses == {
        "2021-10-28": se.ConstructionStatus.DENIED,
        "2020-06": se.ConstructionStatus.UNDER_CONSTRUCTION,
    }


def test_a_base_in_a_sea_area_is_in_its_host(read: Read) -> None:
    event = read.one(
        "China is building a naval base at Ream on the Gulf of Thailand in Cambodia.",
        se.BaseConstruction,
    )
    assert event.location is not None and event.location.country == "KHM"


def test_a_coastal_radar_system_is_a_facility(read: Read) -> None:
    event = read.one(
        "India and the Maldives on Tuesday signed an agreement under which India will set up "
        "a coastal radar system in the Maldives.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "IND",
        "MDV",
    )
    assert event.status is se.ConstructionStatus.AGREED


def test_dates_of_other_events_and_of_quotations_are_not_the_event_s(read: Read) -> None:
    found = read(
        "Cyprus sent letters to the UN Secretary-General after Erdogan's speech on 22 "
        'September. According to the letter, Cyprus regrets that Turkey "on 23 September '
        'went on to issue threats".',
        se.DiplomaticCommunique,
    )
    assert len(found) == 1 and found[0].date is None


def test_a_missile_defence_base_is_no_attack(read: Read) -> None:
    event = read.one(
        "On October 13 the US missile defense base in Poland was officially opened.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2021-10-13" and event.status is se.ConstructionStatus.OPERATIONAL


def test_attack_aircraft_and_submarines_at_a_base_are_no_attack(read: Read) -> None:
    event = read.one(
        "The Russian air base near Osh was opened in May 2005 and now hosts about 300 airmen "
        "with six ground-attack jets and two attack helicopters.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2005-05" and event.status is se.ConstructionStatus.OPERATIONAL
    assert not read(
        "Militants attacked the Russian air base near Osh on Monday, damaging two jets.",
        se.BaseConstruction,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister said Turkey had never asked to open a military base in Albania.",
        "The minister said that neither Turkey nor Greece has asked to open a military base "
        "in Albania.",
        "Turkey did not even request to open a military base in Albania, the minister said.",
    ],
)
def test_a_request_or_plan_said_never_made_is_a_denial(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "TUR"
    assert event.status is se.ConstructionStatus.DENIED


def test_asking_permission_to_open_a_base_is_a_proposal(read: Read) -> None:
    event = read.one(
        "In January the UAE asked Somaliland for permission to open a military base in Berbera.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED


def test_a_denial_outranks_the_plan_reports_claimed(read: Read) -> None:
    event = read.one(
        "Reports that China planned to build a military base in Pakistan were dismissed "
        "on Tuesday. Media reports had said China planned to build a base near Gwadar.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.DENIED


def test_steps_of_one_opening_weeks_apart_are_one_milestone(read: Read) -> None:
    found = read(
        "On Tuesday a ceremony was held at the Chinese base in Djibouti. The base was set "
        "up on October 1.",
        se.BaseConstruction,
    )
    assert len(found) == 1


def test_the_deal_named_again_dates_the_base_s_milestone(read: Read) -> None:
    event = read.one(
        "Somaliland agrees to a UAE military base in Berbera in Somalia. On Sunday the UAE "
        "plan was approved by the parliament of Somaliland.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2021-10-24" and event.status is se.ConstructionStatus.AGREED
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "ARE",
        "SOM",
    )


def test_the_deal_s_date_is_one_of_its_own_clause(read: Read) -> None:
    found = read(
        "Cabinet approved the agreement with India on defence facilities in Seychelles on "
        "Monday. Talks had gone on since March 2015, and once the revised agreement is "
        "signed it will go to parliament.",
        se.BaseConstruction,
    )
    assert [str(e.date) for e in found] == ["2021-10-25"]


def test_a_sum_written_without_a_space_before_million(read: Read) -> None:
    event = read.one(
        "Bahrain will pay the initial £15million needed to build the British naval base.",
        se.BaseConstruction,
    )
    assert event.cost is not None and event.cost.amount == 15_000_000


def test_a_town_in_the_region_named_before_is_the_same_base(read: Read) -> None:
    events = read(
        "Navy opens new Indian naval base in Kerala. The naval base of the Indian Navy was "
        "commissioned at Kochi on May 9.",
        se.BaseConstruction,
    )
    assert len(events) == 1


def test_operating_in_a_base_s_name_is_no_milestone(read: Read) -> None:
    events = read(
        "The Indian Navy commissioned a naval base at Kochi on May 9. This Forward Operating "
        "Base of the Indian Navy would also enhance logistic support.",
        se.BaseConstruction,
    )
    assert len(events) == 1
    assert isinstance(events[0], se.BaseConstruction)
    assert events[0].status is se.ConstructionStatus.OPERATIONAL


@pytest.mark.parametrize(
    "sentence",
    [
        "A renovation of the Balad air base is underway, the US Air Force said of its base "
        "in Iraq.",
        "In Qatar, a new US air base is taking shape in the desert south of Doha.",
    ],
)
def test_a_renovation_underway_or_a_base_taking_shape_is_being_built(
    read: Read, sentence: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.UNDER_CONSTRUCTION


@pytest.mark.parametrize(
    "text",
    [
        "A French soldier is seen during a handover ceremony of the Gao military base from "
        "French troops to Malian forces on Monday.",
        "A spokesman said the troop withdrawal follows an agreed timetable to hand over other "
        "French military bases across Mali.",
        "Italian troops march before the opening ceremony of the joint multinational "
        "exercise at Italy's base in Djibouti on Monday.",
    ],
)
def test_handing_a_base_back_and_the_ceremonies_of_drills_are_no_milestones(
    read: Read, text: str
) -> None:
    assert read(text, se.BaseConstruction) == []


@pytest.mark.parametrize(
    "text",
    [
        "Officials toured a Chinese funded naval base in Laos on Wednesday.",
        "Officials visited the US-built naval base in Laos on Wednesday.",
    ],
)
def test_who_funded_or_built_a_thing_said_in_passing_is_no_milestone(read: Read, text: str) -> None:
    assert read(text, se.BaseConstruction) == []


def test_will_be_built_is_a_plan_whatever_day_it_is_told(read: Read) -> None:
    event = read.one(
        "A base will be built by Russia in South Ossetia, officials said on Monday.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED


@pytest.mark.parametrize(
    "text",
    [
        "A deal on setting up American military bases has been agreed between Romania and the "
        "United States, officials said on Thursday.",
        "An accord on a Turkish base was signed between Qatar and Turkey on Monday.",
    ],
)
def test_the_party_to_a_deal_that_does_not_build_hosts(read: Read, text: str) -> None:
    event = read.one(text, se.BaseConstruction)
    roles = {a.role: a.actor.code for a in event.actors}
    assert roles in ({"builder": "USA", "host": "ROU"}, {"builder": "TUR", "host": "QAT"})


def test_a_plan_announced_on_a_day_is_dated_by_its_announcement(read: Read) -> None:
    # The seed's convention: the base "confirmed on Wednesday" is dated that day.
    event = read.one(
        "Poland's Defence Ministry said on Friday that the United States will set up a "
        "permanent military base in Poland.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2021-10-22"
    assert event.status is se.ConstructionStatus.PROPOSED


def test_drills_announced_on_a_day_are_not_dated_by_it(read: Read) -> None:
    event = read.one(
        "The ministry said on Friday that Poland and the United States will hold joint drills.",
        se.JointExercise,
    )
    assert event.date is None


def test_a_base_built_and_then_opened_is_operational(read: Read) -> None:
    event = read.one(
        "China has opened its first military base abroad, in Djibouti. The base was built so "
        "that Chinese ships can resupply there.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL


def test_a_base_running_now_and_built_in_a_year_told_is_dated_and_completed(read: Read) -> None:
    event = read.one(
        "China has been running a military base in Kulob. It was built by the Chinese "
        "government in 2016.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.COMPLETED
    assert str(event.date) == "2016"


def test_naval_facilities_in_the_plural_are_bases(read: Read) -> None:
    event = read.one(
        "Oman agreed to let Britain use its naval facilities in Duqm, officials said.",
        se.BaseConstruction,
    )
    assert {a.role: a.actor.code for a in event.actors} == {"builder": "GBR", "host": "OMN"}


# --- denials ---------------------------------------------------------------------------


@pytest.mark.parametrize("judgement", ["misinformation", "disinformation", "nonsense"])
def test_a_report_judged_false_is_a_denied_base(read: Read, judgement: str) -> None:
    event = read.one(
        f"Reports that India will build a naval base in Oman are {judgement}.",
        se.BaseConstruction,
    )
    assert event.status is not None and event.status.value == "denied"


def test_this_was_announced_on_a_day_dates_the_denial_before(read: Read) -> None:
    event = read.one(
        "Reports that India will build a naval base in Oman are false reports. This was "
        "announced on Monday at a briefing by the Indian defence ministry.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2021-10-25"


def test_two_denials_on_two_days_are_two_events(read: Read) -> None:
    found = read(
        "India's defence ministry said on Wednesday that reports of a naval base in Oman are "
        "baseless. On Monday, the foreign ministry had called the reports of an Indian naval "
        "base in Oman a fabrication.",
        se.BaseConstruction,
    )
    assert sorted(str(e.date) for e in found) == ["2021-10-25", "2021-10-27"]


@pytest.mark.parametrize("verb", ["expand", "upgrade", "modernise"])
def test_a_base_to_be_expanded_is_a_proposal(read: Read, verb: str) -> None:
    event = read.one(f"Britain will {verb} its naval base in Bahrain.", se.BaseConstruction)
    assert event.status is not None and event.status.value == "proposed"
    assert event.host is not None and event.host.code == "BHR"


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain will expand its base in the strategic Bahraini port of Mina Salman.",
        "India will build a radar station in the remote Seychellois island of Assumption.",
    ],
)
def test_an_adjective_between_article_and_state_keeps_the_host(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.host is not None and event.host.code in ("BHR", "SYC")


@pytest.mark.parametrize(
    ("sentence", "status", "builder", "host"),
    [
        ("China has begun work on a naval base in Pakistan.", "under_construction", "CHN", "PAK"),
        ("The Pentagon is pouring $300 million into an air base in Chad.", "agreed", "USA", "TCD"),
        ("Djibouti rejected a request by Russia to open a naval base.", "denied", "RUS", "DJI"),
        (
            "Gabon is in talks with China over a possible naval base in Libreville.",
            "proposed",
            "CHN",
            "GAB",
        ),
        (
            "Mauritania is weighing a potential French air base near Nouakchott.",
            "proposed",
            "FRA",
            "MRT",
        ),
        (
            "The UAE is quietly building a military base in Eritrea.",
            "under_construction",
            "ARE",
            "ERI",
        ),
        (
            "Russia will fly jets to an air base it is setting up in Mali.",
            "under_construction",
            "RUS",
            "MLI",
        ),
        (
            "Construction of a Turkish military base in Somalia is complete.",
            "completed",
            "TUR",
            "SOM",
        ),
        (
            "Images show the Chinese base in Cambodia is nearly complete.",
            "under_construction",
            "CHN",
            "KHM",
        ),
    ],
)
def test_more_ways_news_tells_a_milestone(
    read: Read, sentence: str, status: str, builder: str, host: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is not None and event.status.value == status
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        builder,
        host,
    )


def test_a_border_near_a_base_is_on_the_host_s_side(read: Read) -> None:
    event = read.one(
        "Tajikistan has agreed to let China build a base near the Afghan border.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == ("CHN", "TJK")
    assert event.location is not None and event.location.country == "TJK"


def test_who_says_the_camp_will_open_does_not_build_it(read: Read) -> None:
    event = read.one(
        "Turkey is set to open the largest military camp in Somalia. Somali Defence Minister "
        "Abdi Mohamed said the camp would open next month, after two years of construction.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "TUR",
        "SOM",
    )
    assert str(event.date) == "2021-11"


def test_a_denial_stands_against_what_unnamed_sources_claim(read: Read) -> None:
    event = read.one(
        "On Wednesday China denied that it intends to set up a military base in Afghanistan. "
        "A Hong Kong paper cited unnamed sources as saying the base was being built by Beijing "
        "in the Wakhan Corridor.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.DENIED


def test_the_day_a_deal_was_published_is_not_its_milestone(read: Read) -> None:
    event = read.one(
        "Russia has signed an agreement with Sudan to build a naval base. The deal, published "
        "on the government's website Tuesday, will see Moscow establish a logistics centre in "
        "Port Sudan. The agreement signed October 1 is valid for 25 years.",
        se.BaseConstruction,
    )
    assert str(event.date) == "2021-10-01"


def test_what_a_signed_deal_would_allow_is_the_deal_s_milestone(read: Read) -> None:
    event = read.one(
        "An agreement between Russia and the Central African Republic signed last August would "
        "allow Moscow to open an official base, the CAR defence minister said.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED and str(event.date) == "2021-08"


@pytest.mark.parametrize(
    "sentence",
    [
        "The palace in Bangui, where Russian instructors train local troops, does not qualify "
        "as a Russian military base, the minister argued.",
        "The palace in Bangui is not a Russian military base, the minister said.",
    ],
)
def test_a_site_said_not_to_be_a_base_is_a_denial(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.DENIED


def test_cutting_the_ribbon_on_a_facility_opens_it(read: Read) -> None:
    event = read.one(
        "Last Tuesday, the Philippine defence secretary and the U.S. ambassador cut the ribbon "
        "on the first U.S.-built facility at Cesar Basa Air Base in Pampanga province.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL and str(event.date) == "2021-10-26"


def test_each_milestone_takes_the_date_that_follows_its_verb(read: Read) -> None:
    found = read(
        "The first phase of the Indian naval base at Karwar was completed in 2005 and the "
        "second phase started in 2011.",
        se.BaseConstruction,
    )
    assert sorted(
        (str(e.date), e.status.value if e.status else "")
        for e in found
        if isinstance(e, se.BaseConstruction)
    ) == [("2005", "completed"), ("2011", "under_construction")]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Russia cannot deploy its military bases in Cuba, Medvedev said.", "denied"),
        ("Russia plans to deploy a military base in Cuba.", "proposed"),
    ],
)
def test_deploying_a_base_is_a_plan_and_cannot_denies_it(
    read: Read, sentence: str, status: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is not None and event.status.value == status
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "RUS",
        "CUB",
    )


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "Negotiations have been held about the Saudi base in Djibouti and a draft security "
            "agreement has been prepared.",
            "proposed",
        ),
        ("Djibouti and Saudi Arabia will sign a deal on a Saudi base soon.", "proposed"),
        (
            "The cabinet gave its approval to the revised draft agreement with India on the "
            "naval base in Seychelles.",
            "agreed",
        ),
    ],
)
def test_a_draft_deal_or_one_still_to_be_signed_is_a_plan(
    read: Read, sentence: str, status: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is not None and event.status.value == status


@pytest.mark.parametrize(
    "sentence",
    [
        "The Cambodian constitution bans foreign military bases on its territory.",
        "However, the Philippine constitution bars the presence of foreign military bases.",
        "The treaty rules out foreign military bases in Vanuatu.",
        "THE TREATY RULES OUT FOREİGN MILITARY BASES IN VANUATU.",  # the cue in any case
        "Under the pact, Tonga will not allow any foreign military base on its territory.",
        "Fiji and New Zealand signed a treaty on Monday that prevents China creating a "
        "military base on the islands.",
        "The deal blocked Beijing from setting up a naval base in Samoa.",
        # "the agreement" after a base that is ruled out refers to no base
        "A new pact blocks China from building a military base in Tonga. Tonga had feared the "
        "agreement would limit its ability to attract investment.",
    ],
)
def test_a_base_ruled_out_or_prevented_is_no_base_event(read: Read, sentence: str) -> None:
    assert read(sentence, se.BaseConstruction) == []


def test_money_a_state_will_invest_in_its_base_is_a_plan(read: Read) -> None:
    event = read.one(
        "Britain announced on Friday that it will invest $30 million to expand the size of its "
        "base in the Omani port of Duqm.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED


def test_the_state_in_a_condition_is_the_one_that_would_build(read: Read) -> None:
    found = read(
        "The White House warned that the United States would react if China built a military "
        "base in the Solomon Islands.",
        se.BaseConstruction,
    )
    builders = {e.builder.code for e in found if isinstance(e, se.BaseConstruction) and e.builder}
    assert "USA" not in builders


@pytest.mark.parametrize(
    ("sentence", "roles", "status"),
    [
        (
            "Kenya has rejected a US request to set up a drone base on its territory.",
            ("USA", "KEN"),
            "denied",
        ),
        ("Djibouti approved a Chinese proposal to build a naval base.", ("CHN", "DJI"), "agreed"),
        (
            "A Chinese military base in Cambodia is nearing completion, satellite images show.",
            ("CHN", "KHM"),
            "under_construction",
        ),
    ],
)
def test_a_host_answering_a_builder_s_request_and_a_base_nearing_completion(
    read: Read, sentence: str, roles: tuple[str, str], status: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == roles
    assert event.status is not None and event.status.value == status


def test_a_condition_is_no_milestone(read: Read) -> None:
    event = read.one(
        "The US will build a $100 million naval facility at Ream if Cambodia agrees, an "
        "official said.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED


def test_a_copy_of_the_deal_posted_by_someone_adds_no_builder_or_date(read: Read) -> None:
    event = read.one(
        "China plans to build a military base in Vanuatu under a proposed agreement. A copy "
        "of the agreement was posted by a New Zealand academic on social media on Tuesday.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "CHN"
    assert event.date is None


def test_any_base_that_might_be_established_is_none_in_particular(read: Read) -> None:
    assert (
        read(
            "He said he expressed his concern to the Tongan government about any military bases "
            "that might be established.",
            se.BaseConstruction,
        )
        == []
    )


def test_there_is_no_base_is_still_a_denial(read: Read) -> None:
    event = read.one(
        "Cambodia said there is no Chinese military base at Ream.", se.BaseConstruction
    )
    assert event.status is se.ConstructionStatus.DENIED


def test_what_a_plan_would_allow_is_proposed(read: Read) -> None:
    event = read.one(
        "China plans a military base in Tonga. The plans, which must be approved by the "
        "cabinet, would allow China to deploy navy forces to the island nation.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED


@pytest.mark.parametrize(
    "sentence",
    [
        "Fiji said on Monday it had no plans to allow Russia to build a naval base there.",
        "Fiji has no intention of allowing a Russian naval base on its soil.",
    ],
)
def test_no_plans_to_allow_a_base_denies_it(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.DENIED
    assert event.location is not None and event.location.country == "FJI"


def test_where_a_report_caused_concern_is_not_where_the_base_is(read: Read) -> None:
    event = read.one(
        "Samoa insisted it would never allow China to set up a military base on its territory "
        "after a newspaper report sparked concern in Australia.",
        se.BaseConstruction,
    )
    assert event.location is not None and event.location.country == "WSM"
    assert event.host is not None and event.host.code == "WSM"


def test_how_many_a_base_is_to_host_is_its_size_not_a_plan(read: Read) -> None:
    event = read.one(
        "Italy opened a military base in Niger on Monday. The base, designed to host up to "
        "400 troops, lies across the border from Libya.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL
    assert event.builder is not None and event.builder.code == "ITA"
    assert event.troops is not None and event.troops.value == 400


def test_the_agreed_facilities_of_a_defence_agreement_are_a_base(read: Read) -> None:
    event = read.one(
        "Parliament on Tuesday ratified an agreement between Ghana and the United States on "
        "the status of US forces and access to agreed facilities and areas in Ghana.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "USA",
        "GHA",
    )


def test_a_ceasefire_agreement_is_no_base_s_agreement(read: Read) -> None:
    found = read(
        "Russia plans a naval base in Abkhazia. Georgia called on Russia to respect the "
        "cease-fire agreement reached in 2008.",
        se.BaseConstruction,
    )
    assert [str(e.date) if e.date else None for e in found] == [None]


def test_the_agreement_confirmed_a_few_sentences_after_the_base_is_its(read: Read) -> None:
    event = read.one(
        "Russia plans to build a naval base in Abkhazia. Georgia protested. Its foreign "
        "ministry called the move a provocation. The prime minister called it unlawful. "
        "The EU said it was concerned. Abkhazia's leader confirmed the signing of the "
        "agreement.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The base, 230 kilometres (143 miles) from the Russian border, is open.", "RUS"),
        ("The base lies across the water from Iran.", "IRN"),
        ("The airfield, 40 km from Syria, was expanded.", "SYR"),
    ],
)
def test_a_state_a_place_lies_a_distance_from_is_in_another_relation(text: str, state: str) -> None:
    from secevents.extraction.clues import in_other_relation
    from secevents.extraction.document import Document

    doc = Document(text)
    [hit] = [h for h in doc.actors(doc.sentences[0]) if h.code == state]
    assert in_other_relation(text, hit)


def test_building_permits_are_no_agreement() -> None:
    from secevents.extraction._base_status import status_cues

    text = "The Seabees came in April to obtain building permits for the base."
    assert [cue[0] for cue in status_cues(text, 0, len(text))] == []
    text = "The deal permits US forces to use the base."
    assert [cue[0] for cue in status_cues(text, 0, len(text))] == [se.ConstructionStatus.AGREED]


def test_an_announced_investment_is_a_plan_of_the_state_announcing_it(read: Read) -> None:
    event = read.one(
        "The UK announced a £23.8m investment to expand its naval base in Oman.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED
    assert event.builder is not None and event.builder.code == "GBR"


def test_where_officials_said_it_is_not_where_the_base_is(read: Read) -> None:
    event = read.one(
        "Kyrgyzstan has agreed to lease the Kant air base to India, officials in Moscow said.",
        se.BaseConstruction,
    )
    assert event.location is not None and event.location.country == "KGZ"


def test_sending_troops_to_a_new_base_plans_it_and_its_size_follows(read: Read) -> None:
    event = read.one(
        "Turkey's defence ministry said it would send troops to a new base in Qatar next "
        "year. The base will house up to 3,000 soldiers.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED
    assert str(event.date) == "2022"
    assert event.troops is not None and event.troops.value == 3000


def test_a_state_before_the_base_s_noun_owns_it_the_place_after_hosts_it(read: Read) -> None:
    event = read.one(
        "Work on the new US drone base in Agadez was completed in 2019.", se.BaseConstruction
    )
    assert event.location is not None and event.location.country == "NER"
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "USA",
        "NER",
    )


def test_a_reopened_base_is_operational(read: Read) -> None:
    event = read.one(
        "The US naval base at Subic Bay in the Philippines reopened on Monday.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL


def test_a_base_being_developed_is_under_construction(read: Read) -> None:
    event = read.one(
        "India is developing a naval facility on Agalega island in Mauritius, satellite images "
        "show.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.UNDER_CONSTRUCTION
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "IND",
        "MUS",
    )


@pytest.mark.parametrize(
    ("text", "builder", "host", "status"),
    [
        (
            "Officials from Romania, the United States and Poland held a ceremony on Monday for "
            "the Aegis Ashore missile defense site now under construction at Deveselu, Romania.",
            "USA",
            "ROU",
            "under_construction",
        ),
        (
            "A US-funded naval base is being refurbished in Papua New Guinea.",
            "USA",
            "PNG",
            "under_construction",
        ),
    ],
)
def test_a_missile_defence_site_and_a_base_being_refurbished(
    read: Read, text: str, builder: str, host: str, status: str
) -> None:
    event = read.one(text, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        builder,
        host,
    )
    assert event.status is not None and event.status.value == status


def test_any_bases_that_might_be_established_give_a_plan_no_date(read: Read) -> None:
    event = read.one(
        "Plans to build a Chinese military base in Fiji would be a cause for concern, "
        "Australia said.\n\nThe minister said 50 Australian police personnel were in Fiji at "
        "Suva's request. They will remain there until 2023. He said he expressed his concern to "
        "the Fiji government about any military bases that might be established.",
        se.BaseConstruction,
    )
    assert event.status is not None and event.status.value == "proposed"
    assert event.date is None


def test_reports_said_false_deny_the_base_they_told_of(read: Read) -> None:
    event = read.one(
        "Reports said China was building a base in Gabon. The government in Libreville said "
        "the reports were false.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == ("CHN", "GAB")
    assert event.status is not None and event.status.value == "denied"


def test_reports_that_are_not_denied_tell_no_more_of_a_base(read: Read) -> None:
    event = read.one(
        "China is building a naval base in Gabon. The reports of the minister's visit were "
        "welcomed in Libreville.",
        se.BaseConstruction,
    )
    assert event.status is not None and event.status.value == "under_construction"


def test_a_denial_that_only_guesses_the_denier_builds_joins_the_denial_naming_the_builder(
    read: Read,
) -> None:
    found = read(
        "Venezuela offered Russia the use of an airfield. However, Chavez denied that any talks "
        "would take place on building a permanent base on La Orchila.\n\nOn Sunday Chavez said "
        "that reports of him having offered Russia a permanent base on La Orchila were false.",
        se.BaseConstruction,
    )
    bases = [e for e in found if isinstance(e, se.BaseConstruction)]
    assert sorted(
        (e.status.value if e.status else "", e.builder.code if e.builder else "") for e in bases
    ) == [("denied", "RUS"), ("proposed", "RUS")]


def test_a_denial_of_any_base_said_on_its_own_day_is_one_more_denial(read: Read) -> None:
    found = read(
        "Chinese officials dismissed reports on Tuesday that China would build a base in "
        "Pakistan. On October 20, Pakistan's spokesman said there was no proposal to build any "
        "Chinese military base near Gwadar.",
        se.BaseConstruction,
    )
    assert sorted(str(e.date) for e in found) == ["2021-10-20", "2021-10-26"]


@pytest.mark.parametrize(
    ("sentence", "roles", "status"),
    [
        # What a deal is for ("a deal ... to open") is agreed, not yet open.
        (
            "Moscow said it had struck a deal with Eritrea to open a naval supply point in "
            "Massawa.",
            ("RUS", "ERI"),
            "agreed",
        ),
        (
            "Work has begun on a new Chinese naval base in Gwadar, Pakistan.",
            ("CHN", "PAK"),
            "under_construction",
        ),
        # A milestone only thought possible is a plan.
        (
            "Iran could open a naval base in Venezuela, an adviser hinted.",
            ("IRN", "VEN"),
            "proposed",
        ),
        ("France might set up a new base in Chad next year.", ("FRA", "TCD"), "proposed"),
        (
            "The Turkish base in Qatar has been operational since 2016.",
            ("TUR", "QAT"),
            "operational",
        ),
        # The state that would have the use of a base builds it, not the one that denies it.
        (
            "The Solomon Islands government denied that Australia would have exclusive use of "
            "a new naval base.",
            ("AUS", "SLB"),
            "denied",
        ),
        # Who denies a clause is not who the clause says builds; "it" is the denier.
        (
            "Kiribati denied that China plans to build a military base there.",
            ("CHN", "KIR"),
            "denied",
        ),
        (
            "Tajik officials denied that the outpost is a Chinese military base.",
            ("CHN", "TJK"),
            "denied",
        ),
        (
            "China denied that it plans to build a military base in Kiribati.",
            ("CHN", "KIR"),
            "denied",
        ),
        (
            "The Pentagon denied reports that it would open a new base in Argentina.",
            ("USA", "ARG"),
            "denied",
        ),
        (
            "The Gabonese envoy dismissed a New York Times report that claims China is planning "
            "a base in the Central African nation.",
            ("CHN", "GAB"),
            "denied",
        ),
        (
            "Sri Lanka ruled out allowing China to set up a military base on its soil.",
            ("CHN", "LKA"),
            "denied",
        ),
        (
            "Russia is eyeing a naval base in Libya, according to officials.",
            ("RUS", "LBY"),
            "proposed",
        ),
        ("Since 2017 China has operated a naval base in Djibouti.", ("CHN", "DJI"), "operational"),
        (
            "Officials were cited as saying that Beijing was mulling a base in Bata, Equatorial "
            "Guinea.",
            ("CHN", "GNQ"),
            "proposed",
        ),
        (
            "Turkey's naval facility in Libya will be expanded next year.",
            ("TUR", "LBY"),
            "proposed",
        ),
        (
            "India's new listening post in Madagascar became operational last month.",
            ("IND", "MDG"),
            "operational",
        ),
        ("Turkey has opened a military training facility in Libya.", ("TUR", "LBY"), "operational"),
        (
            "Russia and Eritrea discussed a logistics center at the port of Assab.",
            ("RUS", "ERI"),
            "proposed",
        ),
        ("China has deployed troops to its base in Djibouti.", ("CHN", "DJI"), "operational"),
    ],
)
def test_builder_host_and_status_of_more_ways_news_tells_of_a_base(
    read: Read, sentence: str, roles: tuple[str, str], status: str
) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == roles
    assert event.status is not None and event.status.value == status


@pytest.mark.parametrize(
    "sentence",
    [
        # a milestone still to come is no denial
        "Talks on the US radar base in the Czech Republic have not been completed yet.",
        # building a future is no construction
        '"With this deal we are jointly building a safer future," she said of the US '
        "base in Romania.",
    ],
)
def test_no_denial_or_construction_from_figures_of_speech(read: Read, sentence: str) -> None:
    found = [e for e in read(sentence, se.BaseConstruction) if isinstance(e, se.BaseConstruction)]
    statuses = {e.status.value for e in found if e.status}
    assert not statuses & {"denied", "under_construction"}, statuses


def test_a_relative_clause_right_after_the_deal_dates_it(read: Read) -> None:
    found = read(
        "Armenia will allow Russia to extend its lease on the military base in Gyumri. "
        "Bagdasaryan said the 25-year lease, which was signed in 1995, might be extended.",
        se.BaseConstruction,
    )
    assert "1995" in {str(e.date) for e in found}


def test_what_a_base_will_let_others_do_is_no_deal(read: Read) -> None:
    found = read(
        "France opened a naval base in Abu Dhabi on Tuesday. Sarkozy hoped the base will "
        "promote stability in the region and allow navies of other nations to train there.",
        se.BaseConstruction,
    )
    bases = [e for e in found if isinstance(e, se.BaseConstruction)]
    assert [e.status.value for e in bases if e.status] == ["operational"]


def test_the_places_of_the_missions_a_base_serves_are_not_its_site(read: Read) -> None:
    event = read.one(
        "India opened its first military base overseas, which will facilitate missions in "
        "the Gulf of Aden and in the waters off Somalia.",
        se.BaseConstruction,
    )
    assert event.location is None and event.host is None


def test_what_a_base_allows_now_is_no_deal(read: Read) -> None:
    found = read(
        "According to reports, the new airfield allows surveillance across the Lake Chad "
        "Basin area, which includes Chad, Cameroon, Nigeria and Niger.",
        se.BaseConstruction,
    )
    assert found == []


def test_an_island_names_the_host_of_a_base_built_on_it(read: Read) -> None:
    event = read.one(
        "The United Arab Emirates is building a military base on the island of Perim.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "ARE"
    assert event.host is not None and event.host.code == "YEM"
    assert event.location is not None and event.location.name == "Perim"


def test_a_denial_by_the_host_of_its_island_s_base_is_the_denial_of_the_foreign_one(
    read: Read,
) -> None:
    found = read(
        "Mr Chavez denied that talks would take place on building a permanent base on "
        "the island of La Orchila. Speaking on Sunday, Mr Chavez insisted that reports of "
        "him offering Russia's armed forces a permanent base on La Orchila were false.",
        se.BaseConstruction,
    )
    assert [
        (e.builder and e.builder.code, e.host and e.host.code)
        for e in found
        if isinstance(e, se.BaseConstruction)
    ] == [("RUS", "VEN")]


def test_a_state_offering_a_base_hosts_it_not_where_operations_go_on(read: Read) -> None:
    event = read.one(
        "Kyrgyzstan has offered the base for as long as military operations continue in "
        "Afghanistan.",
        se.BaseConstruction,
    )
    assert event.host is not None and event.host.code == "KGZ"
    assert event.builder is None or event.builder.code != "AFG"


def test_a_city_s_other_spelling_names_its_state(read: Read) -> None:
    event = read.one(
        "Germany has run the small air base at Termez since 2001.", se.BaseConstruction
    )
    assert event.host is not None and event.host.code == "UZB"
    assert event.status is se.ConstructionStatus.OPERATIONAL and str(event.date) == "2001"


def test_where_the_troops_a_base_serves_are_is_not_where_it_stands(read: Read) -> None:
    event = read.one(
        "Germany has run the base, which supports German troops in Afghanistan, since 2001.",
        se.BaseConstruction,
    )
    assert event.host is None or event.host.code != "AFG"


def test_an_agreement_that_ran_out_is_no_milestone(read: Read) -> None:
    assert not read(
        "The earlier agreement under which Germany used the air base at Termez ran out at "
        "the end of October.",
        se.BaseConstruction,
    )


def test_when_the_old_lease_expires_is_not_when_it_is_renewed(read: Read) -> None:
    event = read.one(
        "The minister said the US lease of the airbase in Kyrgyzstan, which expires in July, "
        "would be renewed automatically.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED and event.date is None


def test_a_headline_s_plan_is_the_deal_the_report_tells_of(read: Read) -> None:
    found = read(
        "Britain to open naval base in Bahrain\n\nUnder an agreement announced on Saturday, "
        "the UK will build a new base in Bahrain.",
        se.BaseConstruction,
    )
    assert [
        (e.status and e.status.value, e.host and e.host.code, str(e.date))
        for e in found
        if isinstance(e, se.BaseConstruction)
    ] == [("agreed", "BHR", "2021-10-23")]


def test_a_state_described_by_what_it_is_is_the_one_named_before(read: Read) -> None:
    event = read.one(
        "Bahrain hosts the US Fifth Fleet. Britain will build a new naval base in the small "
        "Gulf kingdom.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "GBR"
    assert event.host is not None and event.host.code == "BHR"


def test_access_to_a_port_for_military_use_is_a_base_agreed(read: Read) -> None:
    event = read.one(
        "India has gained access to the key Port of Duqm in Oman for military use.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "IND",
        "OMN",
    )
    assert event.status is se.ConstructionStatus.AGREED
    assert not read("Tourists have access to the port for swimming.", se.BaseConstruction)


def test_a_deal_reached_after_a_visit_takes_the_visit_s_time(read: Read) -> None:
    found = read(
        "Turkey denies plans for a naval base in Suakin. Following a trip to the port city "
        "last December, the presidents of Turkey and Sudan reached an agreement to build a "
        "naval dock for military vessels.",
        se.BaseConstruction,
    )
    agreed = [
        e
        for e in found
        if isinstance(e, se.BaseConstruction) and e.status is (se.ConstructionStatus.AGREED)
    ]
    assert [str(e.date) for e in agreed] == ["2020-12"]


def test_a_contracted_negation_denies_the_term(read: Read) -> None:
    event = read.one(
        "Cambodia won't allow the Chinese military to use the base at Ream exclusively.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.DENIED


def test_a_running_sore_is_no_base_running(read: Read) -> None:
    assert not read(
        "For years the Ream base has been a running sore in relations between the United "
        "States and Cambodia.",
        se.BaseConstruction,
    )


def test_an_opening_is_not_undone_by_a_denial_in_a_but_clause(read: Read) -> None:
    event = read.one(
        "On Thursday Mauritius inaugurated an air strip financed by India on the island of "
        "Agalega, but denied that the islet would be used for military purposes.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.OPERATIONAL
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "IND",
        "MUS",
    )


def test_craft_based_at_a_base_told_of_before_are_its_garrison(read: Read) -> None:
    event = read.one(
        "Britain has signed a deal with Bahrain to build a permanent naval base at Mina "
        "Salman. At present four British mine-hunter warships are based at the port.",
        se.BaseConstruction,
    )
    assert [(q.kind.value, q.quantity and q.quantity.value) for q in event.equipment] == [
        ("ships", 4)
    ]


def test_stationing_troops_at_a_new_base_is_its_plan(read: Read) -> None:
    event = read.one(
        "Japan's defence ministry said it would station about 500 troops at a new base on "
        "Ishigaki Island.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.PROPOSED
    assert event.troops is not None and event.troops.value == 500


def test_a_count_told_before_any_base_does_not_join_another_state_s(read: Read) -> None:
    found = read(
        "Japan would move about 500 troops to a new base. China opened its base in Djibouti "
        "on August 1, 2017.",
        se.BaseConstruction,
    )
    assert all(e.troops is None for e in found if isinstance(e, se.BaseConstruction))


def test_a_demonym_read_with_the_military_noun_names_the_builder(read: Read) -> None:
    event = read.one(
        "The Kyrgyz parliament ratified an agreement extending the lease of four Russian "
        "military facilities for 15 years.",
        se.BaseConstruction,
    )
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "RUS",
        "KGZ",
    )


def test_what_a_port_might_become_is_no_base(read: Read) -> None:
    assert not read(
        "A Chinese company has been granted a 99-year lease on Hambantota port, which "
        "critics fear could become a naval base.",
        se.BaseConstruction,
    )


def test_the_island_nation_is_the_state_the_sentence_names(read: Read) -> None:
    event = read.one(
        "Vanuatu's prime minister denied on Tuesday that China wants to build a military "
        "base on the island nation.",
        se.BaseConstruction,
    )
    assert event.host is not None and event.host.code == "VUT"


def test_why_a_base_was_opened_is_no_plan_of_it(read: Read) -> None:
    found = read(
        "On Tuesday French President Nicolas Sarkozy opened a French military base in the "
        "United Arab Emirates, seeking a strategic foothold in the Gulf since 2007.",
        se.BaseConstruction,
    )
    assert [e.status for e in found if isinstance(e, se.BaseConstruction)] == [
        se.ConstructionStatus.OPERATIONAL
    ]


def test_a_base_in_another_host_state_is_another_base(read: Read) -> None:
    found = read(
        "Vanuatu says there are no plans for a Chinese military base\n\nIn July last year "
        "China formally set up its first military base in Djibouti.",
        se.BaseConstruction,
    )
    assert sorted(
        (e.host and e.host.code, e.status and e.status.value)
        for e in found
        if isinstance(e, se.BaseConstruction)
    ) == [("DJI", "operational"), ("VUT", "denied")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Indian and US soldiers take part in the Yudh Abhyas 19 opening ceremony at the US "
        "base at Lewis-McChord on Thursday.",
        "America's band plays at the opening ceremony of Yudh Abhyas 19 at the US base at "
        "Lewis-McChord on Thursday.",
        "The US general talks about the exercise during the opening ceremony at the US base "
        "at Lewis-McChord on Thursday.",
    ],
)
def test_an_exercise_s_opening_ceremony_at_a_base_opens_no_base(read: Read, sentence: str) -> None:
    assert not read(sentence, se.BaseConstruction)


@pytest.mark.parametrize(
    "text",
    [
        "There has never been a plan to build a Chinese naval base in Cambodia, Hun Sen said.",
        "There was never any plan for a Chinese military base in Cambodia.",
    ],
)
def test_never_a_plan_is_a_denial(read: Read, text: str) -> None:
    event = read.one(text, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.DENIED


def test_a_lease_still_to_be_made_is_a_plan(read: Read) -> None:
    text = (
        "Additional land will be leased by Japan next year to expand its military base in Djibouti."
    )
    event = read.one(text, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.PROPOSED


def test_a_base_noun_after_the_in_a_quotation_is_that_base(read: Read) -> None:
    text = (
        '"Currently, the construction of the support facilities has started," a Chinese '
        "defence ministry spokesman said of the facilities in Djibouti on Thursday."
    )
    event = read.one(text, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.UNDER_CONSTRUCTION


def test_a_base_that_has_gone_operational(read: Read) -> None:
    text = (
        "US Africa Command announced on Friday that its air base in Agadez, Niger, has gone "
        "operational."
    )
    event = read.one(text, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.OPERATIONAL


def test_who_warns_of_another_state_s_plans_builds_nothing(read: Read) -> None:
    event = read.one(
        "The U.S. military has warned of Chinese plans to build a large base at Ream in Cambodia.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "CHN"


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey is about to open its largest military camp abroad in Somalia.",
        "Turkey is now about to open a military camp in Somalia.",
    ],
)
def test_a_base_about_to_open_is_planned(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.factuality is se.Factuality.PLANNED
    assert event.status is se.ConstructionStatus.PROPOSED


@pytest.mark.parametrize(
    "sentence",
    [
        "Ground has been broken by Chinese officials on a naval base in Cambodia.",
        "Ground was broken on the new US base in Poland on Monday.",
    ],
)
def test_ground_broken_in_the_passive_is_work_started(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.status is se.ConstructionStatus.UNDER_CONSTRUCTION


def test_an_undated_milestone_told_again_joins_the_event_of_that_milestone(read: Read) -> None:
    found = read(
        "Chinese officials broke ground on Monday on a naval base in Cambodia.\n\n"
        "Cambodia granted China the right in 2019 to set up a military base at Ream.\n\n"
        "After the groundbreaking ceremony, Chinese officials toured the base.",
        se.BaseConstruction,
    )
    assert sorted(
        (str(e.date), e.status.value)
        for e in found
        if isinstance(e, se.BaseConstruction) and e.status
    ) == [("2019", "agreed"), ("2021-10-25", "under_construction")]


def test_a_port_that_could_give_a_state_an_outpost_is_that_state_s(read: Read) -> None:
    event = read.one(
        "PHNOM PENH, Cambodia - Ground has been broken on a naval port project that could "
        "give Beijing a military outpost.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "CHN"


@pytest.mark.parametrize(
    "sentence",
    [
        "Roughly a year after it was due to be completed, the US air base in Agadez has "
        "become operational.",
        "The US air base in Agadez has become operational, a year after it was due to be "
        "completed.",
    ],
)
def test_a_time_clause_of_a_missed_plan_is_not_the_event_s_mood(read: Read, sentence: str) -> None:
    event = read.one(sentence, se.BaseConstruction)
    assert event.factuality is se.Factuality.ACTUAL
    assert event.status is se.ConstructionStatus.OPERATIONAL


def test_facilities_for_use_by_a_state_s_military_are_a_base(read: Read) -> None:
    event = read.one(
        "A consensus has been reached by China and Djibouti on building logistical facilities "
        "in the African state for use by China's military.",
        se.BaseConstruction,
    )
    assert event.builder is not None and event.builder.code == "CHN"
    assert event.host is not None and event.host.code == "DJI"
    assert event.status is se.ConstructionStatus.AGREED
    assert (
        read("The town built sports facilities for use by local residents.", se.BaseConstruction)
        == []
    )


def test_talks_told_with_their_own_date_went_before_the_deal(read: Read) -> None:
    found = read(
        "A consensus has been reached by China and Djibouti on building a military base in "
        "Djibouti.\n\nThe news bears out reports circulating since May 2015, when Djibouti's "
        "president said his country was in discussions with China about a possible base.",
        se.BaseConstruction,
    )
    assert sorted(
        (str(e.date), e.status.value)
        for e in found
        if isinstance(e, se.BaseConstruction) and e.status
    ) == [("2015-05", "proposed"), ("None", "agreed")]


@pytest.mark.parametrize(
    "sentence",
    [
        "On Friday the State Duma ratified agreements with Tajikistan and Kyrgyzstan that "
        "extend the presence of Russian military bases in the two countries.",
        "On Friday Russia agreed to extend its military bases in Tajikistan and Kyrgyzstan.",
    ],
)
def test_plural_bases_in_a_list_of_states_are_one_per_host(read: Read, sentence: str) -> None:
    found = read(sentence, se.BaseConstruction)
    assert sorted(
        (e.builder.code, e.host.code)
        for e in found
        if isinstance(e, se.BaseConstruction) and e.builder and e.host
    ) == [("RUS", "KGZ"), ("RUS", "TJK")]


def test_one_base_after_talks_with_two_states_is_one_event(read: Read) -> None:
    found = read(
        "After talks with Tajikistan and Kyrgyzstan, Russia agreed to extend its base in "
        "Tajikistan.",
        se.BaseConstruction,
    )
    assert len(found) == 1


def test_a_permanent_troop_presence_agreed_is_a_base(read: Read) -> None:
    event = read.one(
        "U.S. to have permanent troop presence in Poland as defense pact agreed",
        se.BaseConstruction,
    )
    assert (event.builder.code, event.host.code) == ("USA", "POL")  # type: ignore[union-attr]
    assert event.status is se.ConstructionStatus.AGREED


def test_dated_sites_proposed_after_the_deal_are_still_the_deal(read: Read) -> None:
    # (unlike talks told with their own date, which went before it)
    found = read(
        "A deal on setting up American military bases has been agreed between Romania and "
        "the United States.\n\nLast month the president said that possible sites for U.S. "
        "bases included Babadag and Constanta.",
        se.BaseConstruction,
    )
    assert len(found) == 1


def test_a_headline_s_milestone_sums_up_the_base_told_below(read: Read) -> None:
    text = (
        "France opens naval support facility in Gabon\n\n"
        "The first phase of the French navy plan to set up a forward operating base in Gabon "
        "has now been completed."
    )
    event = read.one(text, se.BaseConstruction)
    assert (event.builder and event.builder.code, event.host and event.host.code) == (
        "FRA",
        "GAB",
    )


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        # the site of a base still planned; a site near a base no longer there
        (
            "The construction site for the proposed Russian naval base in Sudan has not been "
            "chosen.",
            ["proposed"],
        ),
        (
            "Police found a mass grave near a construction site in Kabul, not far from the "
            "former US base at Bagram.",
            [],
        ),
        # the headline's milestone sums up; the lead's is the base's
        (
            "Russia opens second military base in Kyrgyzstan\n\nRussia and Kyrgyzstan agreed "
            "on Tuesday to build a new Russian base near Osh.",
            ["agreed"],
        ),
        ("The Chinese navy is allowed to use Ream port under a deal signed on Monday.", ["agreed"]),
    ],
)
def test_what_a_site_a_port_or_a_headline_tells_of_a_base(
    read: Read, text: str, statuses: list[str]
) -> None:
    found = read(text, se.BaseConstruction)
    assert [e.status.value for e in found if isinstance(e, se.BaseConstruction) and e.status] == (
        statuses
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Emirati forces are now working to finish a military base in Eritrea.",
            "under_construction",
        ),
        (
            "Development of the UAE military base in Eritrea began in September 2015.",
            "under_construction",
        ),
        (
            "While construction of the Turkish base in Somalia goes on, ships use the port.",
            "under_construction",
        ),
        # the verb with its object, not "the US-built runway"
        ("The US built a military base in Afghanistan in 2002.", "completed"),
    ],
)
def test_work_told_as_going_on_or_done(read: Read, text: str, status: str) -> None:
    event = read.one(text, se.BaseConstruction)
    assert event.status is not None and event.status.value == status


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The US Air Force set up Keflavik in Iceland as an AFB in 1951.", "operational"),
        ("In 2009 Russia set up a military base in Abkhazia.", "operational"),
        ("Russia will set up a military base in Abkhazia next year.", "proposed"),
        ("Russia plans to set up a military base in Abkhazia in 2030.", "proposed"),
        # a sum a budget foresees is planned, not agreed
        (
            "The US budget foresees an investment of USD 57 million in military construction "
            "in Iceland in 2020.",
            "proposed",
        ),
    ],
)
def test_set_up_in_the_past_and_sums_foreseen(read: Read, text: str, status: str) -> None:
    event = read.one(text, se.BaseConstruction)
    assert event.status is not None and event.status.value == status


def test_what_a_base_will_allow_is_no_milestone_nor_drills(read: Read) -> None:
    text = (
        "China opened its naval base in Djibouti on Tuesday. The base will allow China to "
        "support its patrols in the waters off Somalia and to conduct naval exercises."
    )
    events = read(text)
    assert [type(e).__name__ for e in events] == ["BaseConstruction"]


def test_a_rotational_force_presence_is_a_base(read: Read) -> None:
    text = (
        "Starting in January 2017, the U.S. Marine Corps will set up a rotational force "
        "presence of approximately 330 Marines at Vaernes, Norway."
    )
    event = read.one(text, se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "USA"
    assert event.host is not None and event.host.code == "NOR"


def test_planning_events_at_a_base_plan_no_base(read: Read) -> None:
    text = "Officers attended planning events and a reception at the Turkish naval base in Aksaz."
    assert read(text, se.BaseConstruction) == []


def test_a_base_named_as_where_something_else_opened_has_no_milestone(read: Read) -> None:
    text = (
        "Georgia and the US began drills on Wednesday. Named Noble Partner 18, they opened "
        "Wednesday at the Vaziani air base on the edge of Tbilisi."
    )
    assert read(text, se.BaseConstruction) == []
    assert (
        len(read("China opened its naval base in Djibouti on Tuesday.", se.BaseConstruction)) == 1
    )


def test_a_cue_word_inside_an_organisation_s_name_is_no_milestone(read: Read) -> None:
    text = (
        "Kant Air Base today serves as the Central Asian hub of the Collective Security "
        "Treaty Organization (CSTO)."
    )
    assert read(text, se.BaseConstruction) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Construction began Monday at the Ream Naval Base in Cambodia.", "under_construction"),
        (
            "China plans to build a naval base in Cambodia, where economic development "
            "continues to lag.",
            "proposed",
        ),
        (
            "The two governments are working to complete negotiations on a US military "
            "base in Ghana.",
            "proposed",
        ),
        (
            "In 2019, Russia and Sudan set up a joint committee to negotiate a Russian "
            "naval base in Sudan.",
            "proposed",
        ),
    ],
)
def test_narrowed_milestone_cues_keep_their_statuses(read: Read, text: str, status: str) -> None:
    event = read.one(text, se.BaseConstruction)
    assert event.status is not None and event.status.value == status


def test_a_number_inside_a_frame_s_gap_keeps_the_frame(read: Read) -> None:
    text = (
        "Djibouti leased 1,200 acres of land to China in 2016 for its first overseas military base."
    )
    event = read.one(text, se.BaseConstruction)
    assert event.builder is not None and event.builder.code == "CHN"


def test_a_base_said_to_have_been_expanded_or_upgraded_is_work_done(read: Read) -> None:
    event = read.one("France's air base in Niamey was expanded in 2019.", se.BaseConstruction)
    assert str(event.date) == "2019" and event.status is se.ConstructionStatus.COMPLETED
    plan = read.one("France's air base in Niamey will be expanded next year.", se.BaseConstruction)
    assert plan.status is se.ConstructionStatus.PROPOSED


@pytest.mark.parametrize(
    "sentence",
    [
        "Taliban fighters attacked aircraft parked at the Bagram air base, which the United "
        "States built in 2002.",
        "Two Ukrainian attack drones were shot down near Russia's Hmeimim air base in Syria.",
    ],
)
def test_an_attack_on_craft_at_a_base_is_still_an_attack(read: Read, sentence: str) -> None:
    assert not read(sentence, se.BaseConstruction)


def test_ending_delays_is_no_ending_of_a_base_s_deal(read: Read) -> None:
    event = read.one(
        "China and Pakistan agreed to end the delays and complete the naval base at Gwadar.",
        se.BaseConstruction,
    )
    assert event.status is se.ConstructionStatus.AGREED


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia has not only asked to open a naval base in Sudan but also sought port access.",
        "The Maldives has not yet asked India to open a base on its islands.",
        "It is unclear whether or not Russia planned to open a naval base in Sudan.",
    ],
)
def test_a_request_not_only_made_or_not_yet_made_is_no_denial(read: Read, sentence: str) -> None:
    assert all(
        isinstance(e, se.BaseConstruction) and e.status is not se.ConstructionStatus.DENIED
        for e in read(sentence, se.BaseConstruction)
    )
