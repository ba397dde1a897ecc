"""Unknown names in Latin script by their capitals, each rule with the look-alike it must leave
alone."""

from __future__ import annotations

from workers.stages.rules import Rules


def test_a_person_by_a_known_given_name_a_word_of_saying_or_a_title(spans):
    assert ("PERSON", "Tom Cruise") in spans("The film stars Tom Cruise in the lead role.")
    assert ("PERSON", "Cres Eastman") in spans("Cres Eastman said the levels were too low.")
    assert ("PERSON", "Ba Thein") in spans("The report was written by Mr Ba Thein last year.")


def test_a_person_s_short_form_is_the_person_even_where_a_list_names_a_city(spans):
    found = spans("Valeska Paris said she was held on the ship. Paris was 19 then.")
    assert found.count(("PERSON", "Paris")) == 1 and ("LOC", "Paris") not in found


def test_a_place_after_a_place_preposition_and_an_organisation_by_its_head(spans):
    assert ("LOC", "Yeoncheon") in spans("Shells landed in Yeoncheon on Friday.")
    found = spans("She studied at the University of Southern Indiana, then Church of Scientology.")
    assert ("ORG", "University of Southern Indiana") in found
    assert ("ORG", "Church of Scientology") in found


def test_a_place_geonames_knows_after_a_town_and_a_comma_is_its_state(spans):
    """ "Clearwater, Florida": the state, though "Florida" is also a US Census given name."""
    found = spans("She was kept at a base in Clearwater, Florida until she was eighteen.")
    assert ("LOC", "Florida") in found and ("PERSON", "Florida") not in found
    assert ("PERSON", "Florida Smith") in spans("In Paris, Florida Smith said it was over.")
    # A fronted place and a comma, then the sentence's subject: a person.
    assert ("LOC", "Victoria") not in spans("The two met in London, Victoria said.")


def test_a_place_named_after_a_place_noun_and_of_or_after_its_facility_word(spans):
    assert ("LOC", "Yeoncheon") in spans("Troops evacuated the town of Yeoncheon at dawn.")
    found = spans("The hotel near the Masjid Al-Haram collapsed.")
    assert ("LOC", "Masjid Al-Haram") in found and ("PERSON", "Masjid Al-Haram") not in found


def test_trap_a_nickname_or_set_phrase_after_the_city_of_is_no_place(spans):
    for text in (
        "Kolkata is the city of Joy.",
        "A state of Emergency was declared.",
        "Mathura, the city of Lord Krishna, celebrated.",
        "Hyderabad, the city of Nizams, woke up.",
    ):
        found = spans(text)
        assert not any(
            kind == "LOC" and surface in ("Joy", "Emergency", "Lord Krishna", "Nizams")
            for kind, surface in found
        ), text


def test_trap_a_facility_word_opening_an_organisation_s_name_is_the_organisation_s(spans):
    assert ("ORG", "Temple University") in spans("Temple University said so.")
    assert ("PERSON", "Temple Grandin") in spans("Animal scientist Temple Grandin spoke.")
    assert spans("He was the son of Frank Oduya.") == [("PERSON", "Frank Oduya")]


def test_an_east_asian_name_in_syllables_is_a_person(spans):
    assert ("PERSON", "Park Joo-Ho") in spans("Korea substituted Park Joo-Ho in the 28th minute.")
    assert ("PERSON", "Son Heung-min") in spans("The striker Son Heung-min scored.")
    found = spans("Crowds came to see city mayor Hau Lung-bin and other dignitaries.")
    assert ("PERSON", "Hau Lung-bin") in found


def test_trap_a_province_suffix_or_an_english_word_after_a_hyphen_is_no_syllable(spans):
    assert not any(k == "PERSON" for k, _ in spans("Shells fell near Paju in Gyeonggi-do today."))
    found = spans("A group of Hoa Binh Tan-led investors bid.")
    assert not any(surface.endswith("led") for _, surface in found)


def test_a_university_s_campus_after_at_and_after_a_comma(spans):
    found = spans("The museum at the University of North Carolina at Greensboro drew crowds.")
    assert ("ORG", "University of North Carolina at Greensboro") in found
    found = spans("Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said so.")
    assert ("LOC", "Fayetteville") in found and ("ORG", "University of Arkansas") in found
    # Not a time or an event after "at", nor a venue.
    assert ("ORG", "University of Leeds") in spans("He spoke at the University of Leeds at noon.")
    found = spans("Students of the University of Kent at Jantar Mantar protested.")
    assert ("ORG", "University of Kent") in found and ("LOC", "Jantar Mantar") in found
    # A list of companies keeps its kind: no town after a company but a university's campus.
    found = spans("Analysts at Microsoft, Amazon, Phoenix and Meta agreed.")
    assert ("LOC", "Phoenix") not in found


def test_a_known_organisation_s_outlet_or_branch_is_an_organisation_of_its_own(spans):
    assert ("ORG", "BBC News") in spans("Officials told BBC News every claim is assessed.")
    assert ("ORG", "BBC World Service") in spans("He joined BBC World Service in 1990.")
    found = spans("The BJP Government fell in the state.")  # its government, not an outlet
    assert ("ORG", "BJP") in found and ("ORG", "BJP Government") not in found
    assert ("LOC", "India") in spans("Officials of CBI India said so.")
    assert ("ORG", "Congress News") not in spans("Congress News: Kharge names his team.")


def test_one_word_with_a_publication_s_or_company_s_ending_is_an_organisation(spans):
    assert ("ORG", "Firstpost") in spans("Analysts quoted by Firstpost said so.")
    assert ("ORG", "Wikinews") in spans("The site told Wikinews it was fine.")


def test_trap_a_common_word_or_a_sector_with_such_an_ending_is_none(spans):
    assert spans("They reached the Outpost at noon.") == []
    assert spans("Investors like the Fintech sector.") == []


def test_trap_a_faith_is_no_census_surname_s_person(spans):
    assert spans("The Hajj, a pillar of Islam, drew two million pilgrims.") == []


def test_an_acronym_given_in_parentheses_names_the_same_entity_later(spans):
    text = "The Korean Central News Agency (KCNA) reported it. The KCNA later denied it."
    assert spans(text).count(("ORG", "KCNA")) == 2


def test_an_abbreviation_keeps_its_last_dot(spans):
    assert ("LOC", "U.S.") in spans("Officials in the U.S. said so.")


def test_trap_a_capitalised_common_word_or_named_thing_is_no_person(spans):
    assert spans("Officials said the Model Code of Conduct applies.") == []
    assert spans("The Action Summit ends today.") == []
    assert spans("Police arrived in February.") == []  # a month is no place
    assert spans("Shares rose at Rs 500 on Monday.") == []


def test_trap_a_role_before_a_known_name_is_not_part_of_it(spans):
    assert spans("Leader of Opposition Rahul Gandhi said so.") == [("PERSON", "Rahul Gandhi")]


def test_a_facility_is_a_place_by_its_last_word(spans):
    assert ("LOC", "Fisht Stadium") in spans("Belgium won at the Fisht Stadium on Thursday.")
    found = spans("वे हजरत निजामुद्दीन स्टेशन पहुंचे।")
    assert ("LOC", "हजरत निजामुद्दीन स्टेशन") in found


def test_the_next_item_of_a_list_is_of_the_kind_of_the_one_before(spans):
    found = spans("Last week cases rose in New Delhi, Yelahanka and Mahadevapura.")
    assert ("LOC", "Yelahanka") in found and ("LOC", "Mahadevapura") in found


def test_trap_a_list_item_that_goes_on_as_a_phrase_is_not_listed(spans):
    assert spans("Zelenskyy met Trump, Ukrainian officials said.") == [
        ("PERSON", "Trump"),
        ("PERSON", "Zelenskyy"),
    ]


def test_a_known_given_name_takes_the_capitalised_words_that_end_there(spans):
    assert ("PERSON", "Kevin De Bruyne") in spans("Kevin De Bruyne passed the ball.")
    # A longer capitalised run is a facility's name, not a person's.
    assert spans("They play at the Birsa Munda International Hockey Stadium today.") == [
        ("LOC", "Birsa Munda International Hockey Stadium")
    ]


def test_trap_an_acronym_first_is_no_given_name(spans):
    assert spans("He will co-chair the AI Action Summit in February.") == []


def test_trap_a_known_name_in_parentheses_after_a_person_is_no_acronym_of_theirs(spans):
    found = spans("राहुल गांधी (कांग्रेस) ने कहा कि कांग्रेस लड़ेगी।")
    assert found.count(("ORG", "कांग्रेस")) == 2 and ("PERSON", "कांग्रेस") not in found
    found = spans("Tom Hendricks (BBC) said so. The BBC later agreed.")
    assert ("PERSON", "BBC") not in found and found.count(("ORG", "BBC")) == 2


def test_an_acronym_given_at_a_paragraph_s_end_still_counts(spans):
    text = "He spoke to the Housing Regulatory Agency (HRA)\n\nThe HRA said no."
    assert spans(text).count(("ORG", "HRA")) == 2


def test_trap_a_short_form_joined_to_more_capitals_is_not_the_person(spans):
    found = spans("Valeska Okonkwo said so. The Okonkwo Foundation paid. Hendricks Street shut.")
    assert ("PERSON", "Okonkwo") not in found
    found = spans("Tom Hendricks and Tom Baker said so.")
    assert ("PERSON", "Tom Baker") in found and ("PERSON", "Tom") not in found


def test_a_person_after_from_is_still_a_person(spans):
    assert ("PERSON", "Tom Hendricks") in spans("A statement from Tom Hendricks said so.")


def test_trap_a_headline_in_title_case_names_nobody_by_its_capitals(rules: Rules):
    found = rules.extract.entities(
        "The film opens today.", None, "Tom Cruise Joins Cast Of New Film", []
    )
    assert [e["name"] for e in found] == []


def test_trap_only_an_abbreviation_keeps_the_full_stop(spans):
    assert ("LOC", "Shop.com.") not in spans("They bought it at Shop.com.")


def test_an_organisation_s_head_and_last_word_alone_name_it_later(spans):
    found = spans("The Church of Scientology denied it. Scientology said the Church had no part.")
    assert ("ORG", "Scientology") in found and ("ORG", "Church") in found


def test_trap_an_organisation_s_word_that_another_rule_names_stays_what_it_says(spans):
    found = spans("She left the University of Southern Indiana. She drove home from Indiana.")
    assert ("LOC", "Indiana") in found and ("ORG", "Indiana") not in found


def test_an_organisation_s_tail_takes_for_the_but_of_the_starts_another(spans):
    found = spans("The Andy Warhol Foundation for the Visual Arts gave the photographs.")
    assert ("ORG", "Andy Warhol Foundation for the Visual Arts") in found
    found = spans("Officers of the Anti-Narcotics Cell of the Mumbai Police seized it.")
    assert ("ORG", "Anti-Narcotics Cell") in found


def test_a_person_s_name_that_opens_a_longer_run_of_capitals(spans):
    found = spans(
        "The photographs came from the Andy Warhol Photographic Legacy Program last year."
    )
    assert ("PERSON", "Andy Warhol") in found


def test_trap_a_language_after_in_is_no_place(spans):
    assert spans("The questionnaire was written in English and sent out.") == []


def test_an_age_or_according_to_says_a_run_is_a_person(spans):
    assert ("PERSON", "Zaw Htet") in spans("Zaw Htet, 45, a farmer from the valley, lost his crop.")
    assert ("PERSON", "Zaw Htet") in spans("The dam will open soon, according to Zaw Htet.")


def test_the_world_s_lists_type_a_run_nothing_around_types(spans):
    assert ("PERSON", "Dries Mertens") in spans("The goal came when Dries Mertens scored.")
    assert ("PERSON", "Braverman") in spans("The plan was defended by Braverman on Monday.")
    assert ("LOC", "Evansville") in spans("The exhibition travels to Evansville next month.")
    assert ("ORG", "KPA") in spans("Officials of the KPA denied the claim.")


def test_trap_a_common_word_a_people_or_a_common_acronym_is_none_of_them(spans):
    assert spans("The museum bought Mobile phones and English books for Greek pupils.") == []
    assert spans("Officials said GDP grew while AIDS cases fell on Friday.") == []


def test_a_list_says_more_than_the_world_s_lists(spans):
    # "Victoria" is a US Census surname and given name; in this list it is a state.
    found = spans("Levels were low in New South Wales, Victoria, Tasmania and Queensland.")
    assert ("LOC", "Victoria") in found and ("PERSON", "Victoria") not in found


def test_a_common_word_inside_a_name_is_the_name_s(spans):
    assert ("ORG", "Home Office") in spans("A letter from the Home Office said so.")
    assert ("ORG", "World Bank") in spans("Loans from the World Bank rose.")


def test_trap_a_role_is_still_no_name(spans):
    assert ("ORG", "Home") not in spans("The Home Minister Amit Shah said so.")


def test_two_or_three_unknown_words_written_as_names_mid_sentence_are_a_person(spans):
    found = spans("In the 80th minute, Ilkka Varjonen doubled the lead for the hosts.")
    assert ("PERSON", "Ilkka Varjonen") in found
    assert ("PERSON", "Tasio Ben Varjonen") in spans("The keeper was Tasio Ben Varjonen again.")


def test_trap_a_place_the_gazetteer_knows_or_a_family_name_first_says_no_person(spans):
    assert spans("Passengers on the Vande Bharat complained.") == [("LOC", "Bharat")]
    assert spans("Investors sold shares of Bajaj Finserv on Monday.") == [("ORG", "Bajaj Finserv")]


def test_trap_common_words_in_capitals_or_a_sentence_s_opening_say_no_person(spans):
    assert spans("She reviewed it for Rolling Stone last year.") == []  # common words
    assert spans("Fans gathered at Chapel Hill on Sunday.") == [("LOC", "Chapel Hill")]
    assert spans("Ilkka Varjonen doubled the lead.") == []  # a sentence's opening says nothing
    assert spans("Prices of Ilkka VARJONEN shares fell.") == []  # not written as names are


def test_a_museum_gallery_or_library_is_an_organisation_not_a_person(spans):
    found = spans("The prints went to the Kessler Art Museum and the Ravel Gallery this week.")
    assert ("ORG", "Kessler Art Museum") in found and ("ORG", "Ravel Gallery") in found
    assert not any(kind == "PERSON" for kind, _ in found)  # "Art" is a given name too


def test_an_article_in_capitals_is_no_part_of_the_name_after_it(spans):
    found = spans("As the author told The Kestrel Post, the harvest was poor.")
    assert ("ORG", "Kestrel Post") in found and ("ORG", "The Kestrel Post") not in found


def test_a_or_an_in_capitals_is_no_part_of_the_name_either(spans):
    assert ("ORG", "Kestrel Post") in spans(
        "As the author told A Kestrel Post reporter, it rained."
    )
    assert ("PERSON", "A. K. Rao") in spans("The plan was written by A. K. Rao in 2019.")


def test_trap_a_gazetteer_alias_that_opens_with_an_article_keeps_it(spans):
    assert ("ORG", "The Hindu") in spans("The report was first carried by The Hindu on Monday.")


def test_and_a_place_that_opens_another_headed_name_ends_the_first(spans):
    found = spans(
        "Scientists from the Kestrel Institute of Technology and Denver State University met."
    )
    assert ("ORG", "Kestrel Institute of Technology") in found
    assert ("ORG", "Denver State University") in found


def test_trap_and_inside_one_organisation_s_name_stays_in_it(spans):
    found = spans("He heads the Kestrel Centre for Soil Testing and Nutrition now.")
    assert ("ORG", "Kestrel Centre for Soil Testing and Nutrition") in found


def test_a_dotted_place_before_an_organisation_s_name_is_part_of_it(spans):
    found = spans("A report by the U.K. Agency for Soil Standards came out.")
    assert ("ORG", "U.K. Agency for Soil Standards") in found and ("LOC", "U.K.") not in found


def test_trap_a_dotted_place_before_a_full_stop_stays_a_place(spans):
    assert ("LOC", "U.S.") in spans("Prices fell in the U.S. last week.")
    found = spans("Prices fell sharply in the U.S. Police said nothing more.")
    assert ("LOC", "U.S.") in found and not any(kind == "ORG" for kind, _ in found)
    assert spans("She holds a Ph.D. Committee members disagreed.") == []  # no place


def test_a_place_set_in_capitals_in_a_headline_or_dateline_is_the_place(spans):
    found = spans("HOCKEY - INDIA BEAT SPAIN IN THE FINAL")
    assert ("LOC", "INDIA") in found and ("LOC", "SPAIN") in found


def test_a_wire_dateline_s_capitals_are_a_place_the_lists_may_not_know(spans):
    assert ("LOC", "BONN") in spans("BONN 1996-12-01\nBayern Munich went top.")
    assert ("LOC", "AL-AIN") in spans("AL-AIN , United Arab Emirates 1996-12-06\nJapan won.")
    found = spans("WIJK AAN ZEE, Netherlands, Jan 21 (Reuters) - Results from round seven.")
    assert ("LOC", "WIJK AAN ZEE") in found


def test_trap_capitals_opening_a_line_with_no_wire_date_or_agency_are_no_dateline(spans):
    assert not any(kind == "LOC" for kind, _ in spans("NASA, ISRO sign deal (PTI) on Monday."))
    assert spans("FIFA 2026-01-02 is the date.") == [("ORG", "FIFA")]
    assert not any(kind == "LOC" for kind, _ in spans("UPDATE: BJP wins 12 seats."))


def test_trap_a_short_word_in_capitals_is_an_acronym_not_the_name_it_spells(spans):
    assert spans("The IT cell and the ASHA workers met.") == []


def test_a_possessive_inside_an_organisation_s_name_is_part_of_it(spans):
    found = spans("A spokesman for the Korean People's Army said the drill was over.")
    assert ("ORG", "Korean People's Army") in found
    assert ("ORG", "Prime Minister's Office") in spans("The Prime Minister's Office said so.")


def test_trap_a_possessive_between_two_names_or_before_a_person_joins_nothing(spans):
    """A place's or a known person's possessive, an acronym's, a contraction: two things."""
    found = spans("India's Supreme Court ruled on Monday.")
    assert ("LOC", "India") in found and ("ORG", "Supreme Court") in found
    assert not any("'s" in surface for _, surface in spans("DAB's Starry Lee spoke first."))
    assert not any("'s" in surface for _, surface in spans("He said: It's Warhol at his best."))
    # The run's first word is the possessor: "The Centre's" owns the ministry, it is no part.
    found = spans("The Centre's Ministry of Home Affairs said so.")
    assert not any("Centre" in surface for _, surface in found)


def test_a_name_before_its_country_in_parentheses_is_a_person_even_opening_a_line(spans):
    assert ("PERSON", "Tegla Loroupe") in spans("Tegla Loroupe (Kenya) won the race.")


def test_trap_a_place_or_a_known_name_before_a_country_in_parentheses_stays_what_it_is(spans):
    found = spans("Manchester United (England) beat them.")
    assert not any(kind == "PERSON" for kind, _ in found)


def test_trap_a_nationality_adjective_is_no_person_even_as_a_census_surname(spans):
    text = "Pop art was about what popular American culture thought was important, she said."
    assert spans(text) == []


def test_indian_facility_words_in_english_end_a_place_s_name(spans):
    """Without them "Hazratbal Dargah" was two unknown words shaped as a person's name."""
    found = spans("Officials said Hazratbal Dargah was closed on Friday.")
    assert found == [("LOC", "Hazratbal Dargah")]


def test_trap_a_known_person_s_name_opening_a_facility_s_name_is_the_facility_s(spans):
    text = "The match was played at Birsa Munda International Hockey Stadium in Rourkela."
    assert ("LOC", "Birsa Munda International Hockey Stadium") in spans(text)
    assert not any(kind == "PERSON" for kind, _ in spans(text))


def test_a_name_of_several_words_in_capitals_is_looked_up_case_folded(spans):
    """Datelines and headlines print names in capitals; a short word in capitals is an
    acronym's spelling, so "NEW YORK" was "YORK", an unknown acronym."""
    assert spans("NEW YORK 1996-08-31\nThe club was fined .") == [("LOC", "NEW YORK")]
    found = spans("BOEING INC SHARES FALL\nKERALA STATE ELECTRICITY BOARD HIKES RATES")
    assert ("ORG", "BOEING INC") in found and ("ORG", "KERALA STATE ELECTRICITY BOARD") in found
    assert not any(surface == "INC" for _, surface in found)


def test_trap_capitals_inside_a_sentence_in_lower_case_still_name(spans):
    found = spans("Officials of the RESERVE BANK OF INDIA met the IMF team in Delhi.")
    assert ("ORG", "RESERVE BANK OF INDIA") in found and ("ORG", "IMF") in found
    assert ("ORG", "KPA") in spans("Troops of the KPA fired shells on Friday.")


def test_a_results_line_names_clubs(spans):
    """ "Blackburn 1 Derby 1": teams, though "Blackburn" is a US Census surname and "Derby" a
    race; a country's name stays the place (a national side, as CoNLL types it)."""
    found = spans("Results on Saturday :\nAston Villa 2 Blackburn 0\nJapan 2 Syria 1")
    assert ("ORG", "Aston Villa") in found and ("ORG", "Blackburn") in found
    assert ("LOC", "Japan") in found and ("LOC", "Syria") in found


def test_trap_a_name_and_a_number_in_a_sentence_is_no_results_line(spans):
    found = spans("Blackburn 2 was the code name, and Derby 1 the other.")
    assert ("ORG", "Blackburn") not in found
    found = spans("Section 144 was imposed in Kerala 2 days ago.")
    assert not any(kind == "ORG" for kind, _ in found)


def test_trap_players_in_a_results_line_are_no_clubs(spans):
    """A game of chess, a batsman's runs: people, or two-digit numbers that are no goals."""
    assert not any(kind == "ORG" for kind, _ in spans("Gukesh 1 Ding 0\nJaiswal 45 Gill 30"))


def test_a_sports_position_before_a_name_is_no_part_of_it(spans):
    assert ("PERSON", "Tony Adams") in spans("Defender Tony Adams told reporters it was over.")


def test_trap_a_position_that_ends_a_sentence_names_no_one_after_it(spans):
    """ "Dr. X" is a title and a name; "a fine defender. Fortunately" is two sentences."""
    assert spans("He was a fine defender. Fortunately, the club kept him.") == []
    assert spans("The film starred Debra Winger and Shirley MacLaine.") == [
        ("PERSON", "Debra Winger"),
        ("PERSON", "Shirley MacLaine"),
    ]


def test_a_word_in_lower_case_names_nothing_where_capitals_tell_names(spans):
    """ "the parliament passed", "an apple orchard": common nouns, though the gazetteer knows
    Parliament and Apple; written as names they are the names."""
    text = "The parliament passed it and congress debated. She works at an apple orchard."
    assert spans(text) == []
    assert spans("मंत्री ने कहा कि apple और parliament पर बात होगी.") == []
    found = spans("Apple said the Parliament would act, he told the Hindu.")
    assert ("ORG", "Apple") in found and ("ORG", "Parliament") in found
    assert ("ORG", "the Hindu") in found


def test_one_unknown_word_after_a_quotation_and_said_is_the_speaker(spans):
    assert spans('"It was strong", said Gustafon.') == [("PERSON", "Gustafon")]
    assert spans("“We won,” said Smith, smiling.") == [("PERSON", "Smith")]


def test_trap_no_quotation_a_weekday_or_an_agency_in_capitals_is_no_speaker(spans):
    assert spans("He said Gustafon was late.") == []
    assert spans('"It is over," said Monday.') == []
    assert spans('"Shells fell," said KCNA.') == [("ORG", "KCNA")]


def test_a_company_noun_before_a_known_given_name_or_surname_is_a_person_s_trade(spans):
    assert ("ORG", "Emirates Airline") in spans("The carrier Emirates Airline bought jets.")
    assert spans("The lender Gupta approached the court.") != [("ORG", "Gupta")]
    assert ("ORG", "Rohit") not in spans("The channel Rohit launched grew fast.")


def test_a_latin_name_with_a_common_word_in_lower_case_is_a_phrase(spans):
    """ "International Crisis Group" and "Muslim Brotherhood" are known; "a crisis group" and
    "Hindu-Muslim brotherhood" are phrases."""
    text = "A crisis group met, a show of Hindu-Muslim brotherhood in the New Zealand cricket team."
    assert not any(kind == "ORG" for kind, _ in spans(text))


def test_an_occupation_or_a_kin_word_before_an_unknown_name_names_a_person(spans):
    found = spans("Kashmir commander Abu Dujana was killed. He had come to meet his wife Rukaiya.")
    assert ("PERSON", "Abu Dujana") in found and ("PERSON", "Rukaiya") in found
    assert ("PERSON", "Francine") in spans("He and his wife Francine, a schoolteacher, left.")


def test_trap_a_kin_word_in_capitals_or_before_a_stop_opens_no_name(spans):
    """ "Son" is a Korean family name; "his wife. They" is two sentences."""
    assert ("PERSON", "Son Heung-min") in spans("The striker Son Heung-min scored.")
    assert spans("He lived in a warm house with his wife. They had a loft.") == []
    assert spans("It was, according to The Hollywood Reporter, over.") == [
        ("ORG", "Hollywood Reporter")
    ]


def test_a_double_barrelled_surname_is_one_name(spans):
    found = spans("Senator Dino Melaye and Senator Ben Murray-Bruce have sued the police.")
    assert sorted(found) == [("PERSON", "Ben Murray-Bruce"), ("PERSON", "Dino Melaye")]
    assert spans("He met Jennifer Ngo-Anh at the agency.") == [("PERSON", "Jennifer Ngo-Anh")]


def test_a_name_before_a_glued_full_stop_ends_there(spans):
    text = "He was one of the top terrorists in Jammu and Kashmir.With a bounty, Dujana hid."
    assert ("LOC", "Jammu and Kashmir") in spans(text)
    found = spans("It was published by the Centre for Advanced Plastic Surgery.The study is new.")
    assert found == [("ORG", "Centre for Advanced Plastic Surgery")]


def test_a_court_after_its_kind_ends_an_organisation_s_name(spans):
    found = spans("He was produced before Manchester Crown Court. The High Court of Delhi ruled.")
    assert sorted(found) == [("ORG", "High Court of Delhi"), ("ORG", "Manchester Crown Court")]


def test_trap_court_without_its_kind_is_no_organisation_s_head_noun(spans):
    """A person, a palace, a food court: "Court" ends many names that are no court's."""
    assert spans("Margaret Court won 24 Grand Slam titles.") == [("PERSON", "Margaret Court")]
    assert spans("Hampton Court Palace drew crowds.") == [("LOC", "Hampton Court Palace")]
    assert not [n for k, n in spans("The Food Court at the mall reopened.") if k == "ORG"]


def test_a_name_after_the_that_opens_with_no_known_name_is_no_person(spans):
    found = spans("Paganini used the W.M. Keck Observatory in Hawaii.")
    assert sorted(found) == [("LOC", "Hawaii"), ("PERSON", "Paganini")]
    found = spans("He cheered for the Pittsburgh Steelers and the Doobie Brothers played.")
    assert not [name for kind, name in found if kind == "PERSON"]


def test_trap_a_known_name_after_the_is_still_the_person(spans):
    assert ("PERSON", "Andy Warhol") in spans("She visited the Andy Warhol exhibit in May.")
    assert ("PERSON", "Nixon") in spans("It was unlike the Nixon impeachment in 1974.")


def test_a_state_or_province_of_another_country_is_a_place(spans):
    found = spans("The study excluded Tasmania and Queensland. Floods hit Sindh and Balochistan.")
    assert {name for kind, name in found if kind == "LOC"} == {
        "Tasmania",
        "Queensland",
        "Sindh",
        "Balochistan",
    }


def test_a_us_state_after_a_town_makes_both_places(spans):
    found = spans("It was used by the Orange County, Calif., sheriff's office in Wheeling, W.Va.")
    assert sorted(found) == [
        ("LOC", "Calif."),
        ("LOC", "Orange County"),
        ("LOC", "W.Va."),
        ("LOC", "Wheeling"),
    ]
    found = spans("She visited Austin, Texas, last week and then Santa Fe, New Mexico")
    assert sorted(found) == [
        ("LOC", "Austin"),
        ("LOC", "New Mexico"),
        ("LOC", "Santa Fe"),
        ("LOC", "Texas"),
    ]


def test_a_lawmaker_s_title_and_party_letter_are_no_part_of_a_name(spans):
    found = spans("Rep. David McKinley, R-W.Va., and Rep. Ilhan Omar (D-Minn.) spoke.")
    assert sorted(found) == [
        ("LOC", "Minn."),
        ("LOC", "W.Va."),
        ("PERSON", "David McKinley"),
        ("PERSON", "Ilhan Omar"),
    ]


def test_trap_a_state_s_name_in_a_list_or_an_abbreviation_as_a_word_is_no_town_s_state(spans):
    """Only "Town, State," or "Town, State." makes a town: "Austin, Georgia and Virginia" is a
    list; "Mass" and "ill" are words."""
    found = spans("The winners were Austin, Georgia and Virginia.")
    assert ("LOC", "Austin") not in found
    assert spans("She went to Mass on Sunday and felt ill.") == []
    found = spans("Richard von Weizsäcker said so, and Rep. October was no name.")
    assert ("PERSON", "Richard von Weizsäcker") in found


def test_an_organisation_s_head_noun_alone_after_its_full_name_is_it(spans):
    found = spans("He was wanted by the Indian Army. The Army had asked a local to call him.")
    assert sorted(found) == [("ORG", "Army"), ("ORG", "Indian Army")]
    found = spans("Tyvak Nano-Satellite Systems Inc. joined. Inc. magazine wrote of it.")
    assert ("ORG", "Inc") not in found


def test_a_name_cited_as_a_source_or_before_a_company_noun_is_an_organisation(spans):
    assert spans("He said so, according to the Intelligencer, a paper.") == [
        ("ORG", "Intelligencer")
    ]
    assert spans("It was reported by the Independent newspaper.") == [("ORG", "Independent")]


def test_trap_a_nationality_before_a_company_noun_or_cited_is_no_organisation(spans):
    assert spans("According to the Jordanian government, the Chinese firm left.") == []


def test_trap_a_hyphen_before_a_known_name_or_place_ends_a_surname(spans):
    found = spans("The Harry Kane-Bayern Munich deal was completed.")
    assert sorted(found) == [("ORG", "Bayern Munich"), ("PERSON", "Harry Kane")]
    assert ("PERSON", "Mitchell Starc") in spans("Mitchell Starc-Kolkata deal was the costliest.")


def test_trap_a_common_noun_role_in_capitals_inside_a_sentence_or_headline_opens_no_name(spans):
    for text in (
        "Bank Manager Arrested For Fraud",
        "Gunman Opens Fire At Mall, Three Dead",
        "The Boxer Rebellion was a Chinese uprising.",
    ):
        assert not [n for k, n in spans(text) if k == "PERSON"], text
    assert spans("The Painter Street bridge collapsed.") == [("LOC", "Painter Street")]


def test_trap_a_known_name_or_a_qualifying_name_after_the_is_still_a_person(spans):
    assert spans("He said the Yogi Adityanath government acted.") == [("PERSON", "Yogi Adityanath")]
    assert ("PERSON", "Aga Khan") in spans("Later the Aga Khan visited.")
    assert ("PERSON", "Oleksandr Usyk") in spans("The Oleksandr Usyk fight is on.")


def test_an_ampersand_joins_a_company_s_name(spans):
    assert not [n for k, n in spans("Procter&Gamble and Marks&Spencer reported.") if k == "PERSON"]


def test_trap_a_head_noun_qualified_after_it_or_the_centre_is_no_short_form(spans):
    found = spans("Mumbai Police arrested him. Police in Pune said a second suspect fled.")
    assert ("ORG", "Police") not in found
    found = spans("It flew from the Satish Dhawan Space Centre. The Centre has approved funds.")
    assert ("ORG", "Centre") not in found


def test_trap_a_town_s_state_by_its_name_needs_a_known_town(spans):
    """A player and his college are no town and state; an AP abbreviation says more."""
    found = spans("Picks: Jalen Milroe, Alabama, went later; Md. Siraj, Ind., bowled.")
    assert ("LOC", "Jalen Milroe") not in found
    assert not [s for k, s in found if s in ("Md.", "Ind.")]


def test_trap_a_scripture_a_city_or_a_work_before_a_company_noun_is_no_organisation(spans):
    assert spans("According to the Bible, it was so. According to the FIR, he fled.") == []
    assert spans("The Detroit automaker said sales fell.") == [("LOC", "Detroit")]
    assert spans("The Mission Impossible franchise returns.") == []


def test_a_people_s_adjective_before_a_person_is_no_part_of_the_name(spans):
    text = (
        "Spain's Carlos Moya reached the quarter-finals on Thursday, when he beat Argentine "
        "Gaston Gaudio in straight sets on the centre court. Earlier in the day the fifth seed "
        "lost to Chilean Fernando Gonzalez, who had struggled with an injury all week."
    )
    found = spans(text)
    assert ("PERSON", "Gaston Gaudio") in found and ("PERSON", "Fernando Gonzalez") in found


def test_trap_a_given_name_that_ends_as_a_people_s_does_stays_in_the_name(spans):
    """ "Brian", "Cristian" end in -ian as "Norwegian" does: only the list's peoples are left
    off; and "African Americans" is no adjective before a name."""
    text = (
        "The coach said on Friday that Cristian Garin and Brian Batko had trained with the team "
        "all week, and that the club would meet the African Americans for Justice group."
    )
    found = spans(text)
    assert ("PERSON", "Cristian Garin") in found and ("PERSON", "Brian Batko") in found
    assert ("PERSON", "Americans") not in found


def test_trap_results_run_on_in_one_line_are_chess_or_badminton_not_clubs(spans):
    """A review's case: chess and badminton results run on a comma apart name players."""
    text = (
        "The round went on late into the night.\n"
        "Results: Gukesh 1 Firouzja 0, Praggnanandhaa 1 Abasov 0, Caruana 0 Nakamura 1."
    )
    assert not any(kind == "ORG" for kind, _ in spans(text))


def test_football_results_run_on_in_one_line_name_clubs(spans):
    """Wire copy runs a round's results on in one line: clubs where a side is plainly one (two
    words opening with no given name, or a place the lists know), a place's name inside a
    club's too ("Leicester City", "Sheffield Wednesday": no city, no weekday)."""
    found = spans(
        "Manchester United 3 Leicester City 0, Wimbledon 2 Coventry City 2, Sheffield Wednesday"
        " 0 Derby County 1, Everton 1 Nottingham Forest 0."
    )
    clubs = {name for kind, name in found if kind == "ORG"}
    assert clubs == {
        "Manchester United", "Leicester City", "Wimbledon", "Coventry City",
        "Sheffield Wednesday", "Derby County", "Everton", "Nottingham Forest",
    }  # fmt: skip
    assert not any(kind != "ORG" for kind, _ in found)


def test_trap_chess_results_run_on_with_two_word_names_are_no_clubs(spans):
    """A review's case: two-word players' names, a semicolon apart; no side holds a club's word."""
    text = "Round 9: Koneru Humpy 1 Divya Deshmukh 0; R Praggnanandhaa 1 Ding Liren 0."
    assert not any(kind == "ORG" for kind, _ in spans(text))


def test_a_standings_table_s_rows_name_clubs(spans):
    """A line of capitals, then five numbers or more: a standings table's row, a club's unless
    a person's name or a place the lists know whole (a national side stays the place)."""
    text = (
        "Standings after Saturday:\nNewcastle 11 7 2 2 22 12 23\n"
        "Leicester City 11 5 3 3 15 13 18\nJapan 3 2 1 0 5 2 7"
    )
    found = spans(text)
    assert ("ORG", "Newcastle") in found and ("ORG", "Leicester City") in found
    assert ("LOC", "Japan") in found


def test_trap_rows_of_players_and_states_and_numbers_in_prose_are_no_clubs(spans):
    text = "Leaders:\nRamesh Kumar 12 34 56 78 90\nUttar Pradesh 80 62 10 8 0\n"
    assert not any(kind == "ORG" for kind, _ in spans(text))
    assert spans("The vote was Ayes 12 10 5 3 2 today.") == []


def test_trap_states_in_a_medal_count_and_numbered_rooms_are_no_clubs(spans):
    found = spans("Medals: Uttar Pradesh 5 Madhya Pradesh 3, Haryana 4 Punjab 2.")
    assert {kind for kind, _ in found} == {"LOC"}
    assert spans("The school has Class 5 Section 2, Class 6 Section 1 rooms.") == []


def test_trap_a_comma_list_with_numbers_in_prose_is_no_result(spans):
    found = spans("He said that Jaiswal scored 45 runs, and that Gill 3 Rahul 2 was the count.")
    assert ("ORG", "Gill") not in found


def test_company_legal_forms_and_trade_heads_end_an_organisation_s_name(spans):
    text = (
        "The bank said on Monday that Haldemann Industrie would sell Haldemann Service GmbH, "
        "and that Peak XV Partners and Fjellvik Holdings had made offers for the unit."
    )
    found = spans(text)
    for org in ("Haldemann Service GmbH", "Peak XV Partners", "Fjellvik Holdings"):
        assert ("ORG", org) in found, org


def test_trap_an_advocate_general_or_a_movement_is_no_organisation_s_head(spans):
    """A review's cases: "AG" is the Advocate General in Indian news, "Movement" a campaign's."""
    text = (
        "Maharashtra AG Birendra Saraf told the court on Monday that the Chipko Movement "
        "and the works would be discussed."
    )
    found = spans(text)
    assert ("LOC", "Maharashtra") in found
    assert not any(kind == "ORG" for kind, _ in found)


def test_indian_locality_and_landmark_words_end_a_place_s_name(spans):
    text = (
        "The police said the accused had been arrested on Monday near Lisari Gate, on the bank "
        "of the Upper Ganga Canal, and that he lived in Laxmi Apartments with his brother."
    )
    found = spans(text)
    for place in ("Lisari Gate", "Upper Ganga Canal", "Laxmi Apartments"):
        assert ("LOC", place) in found, place


def test_trap_a_common_word_of_an_organisation_s_name_is_its_short_form_only_after_the(spans):
    """ "the Agency" is the European Space Agency again; "Police used a ram" (after "Nigeria
    Police") and "Bank and financial stocks" (after "ICICI Bank") are no short forms, nor "the
    House" after "the White House": that is the House of Representatives."""
    text = (
        "The European Space Agency said on Monday that the Agency's team would meet. The "
        "Nigeria Police Force said officers arrived. Police used a ram to open the door. "
        "ICICI Bank gained on Monday. Bank and financial stocks rose. The White House said on "
        "Tuesday that the House would vote."
    )
    found = spans(text)
    assert ("ORG", "Agency") in found
    for word in ("Police", "Bank", "House"):
        assert ("ORG", word) not in found, word


def test_a_name_a_country_claims_is_a_person_though_it_opens_with_a_surname(spans):
    """ "Rainer" is a US Census surname (and no census given name): "of Germany" after it says
    whose player it is."""
    text = (
        "The tournament went on this week in Rome. Fourth seed Rainer Schuettler of Germany "
        "withdrew before his quarter-final with a wrist injury, the organisers said."
    )
    assert ("PERSON", "Rainer Schuettler") in spans(text)


def test_trap_a_family_s_company_without_a_country_stays_no_person(spans):
    found = spans("The markets rose on Monday, and shares of Bajaj Finserv gained two percent.")
    assert not any(kind == "PERSON" for kind, _ in found)


def test_a_legal_form_s_dot_and_a_name_s_own_parenthesis_are_in_its_span(spans):
    text = (
        "The party said on Monday that the Janata Dal (United) and the JD(U) are one, and the "
        "contract went to Getare Builders Ltd. and two others, the ministry said on Monday."
    )
    found = spans(text)
    assert ("ORG", "Janata Dal (United)") in found and ("ORG", "JD(U)") in found
    assert ("ORG", "Getare Builders Ltd.") in found


def test_trap_a_sentence_s_full_stop_after_a_name_stays_out(spans):
    assert ("LOC", "Rome") in spans("The team flew home on Monday from Rome. It won.")


def test_a_company_officer_s_title_stays_out_of_the_name(spans):
    text = (
        "The company said on Monday that sales fell, and Chief Executive Officer Marit "
        "Solbakken said on a call that Chief Financial Officer Jonas Berg would leave."
    )
    found = spans(text)
    assert ("PERSON", "Marit Solbakken") in found and ("PERSON", "Jonas Berg") in found


def test_a_name_after_a_role_and_at_or_after_a_firm_s_noun_is_an_organisation(spans):
    text = (
        "Funding fell last year, according to consultancy Redseer, and Vasudha Menon, an "
        "analyst at Lightbox, said on Monday that the fund would invest more."
    )
    found = spans(text)
    assert ("ORG", "Redseer") in found and ("ORG", "Lightbox") in found
    found = spans("Shares rose 4 percent. Analysts at Berenberg called the cuts overdue.")
    assert found == [("ORG", "Berenberg")]


def test_trap_a_partner_an_investor_or_a_club_s_short_form(spans):
    """A review's cases: "partner" and "investor" come before companies and people alike;
    "United" alone is Manchester United again, with no "the"."""
    text = (
        "Payments partner Razorpay will handle transactions, the company said on Monday, and "
        "billionaire investor Soros said he was pleased. Manchester United were beaten on "
        "Saturday, and United have now lost four games in a row."
    )
    found = spans(text)
    assert ("PERSON", "Razorpay") not in found and ("ORG", "Soros") not in found
    assert found.count(("ORG", "United")) == 1


def test_trap_a_place_after_at_without_a_role_stays_a_place(spans):
    found = spans("The minister spoke on Monday at Kothanur, where the new road will be built.")
    assert ("ORG", "Kothanur") not in found


def test_a_place_word_and_of_open_a_place_s_name(spans):
    """ "Isle of Skye": the name after "of" is no person, the place word alone no place."""
    found = spans("The fossil was found on the Isle of Skye. Ships crossed the Gulf of Aden.")
    assert found == [("LOC", "Gulf of Aden"), ("LOC", "Isle of Skye")]


def test_trap_a_place_word_and_of_before_lower_case_words_open_nothing(spans):
    assert spans("A gulf of misunderstanding grew. The Sea of troubles.") == []


def test_european_legal_forms_end_a_company_s_name(spans):
    found = spans("Fortum Oyj said it would follow, and Rio Tinto Pty bought the mine.")
    assert ("ORG", "Fortum Oyj") in found


def test_trap_initials_and_given_names_that_spell_legal_forms(spans):
    """A review's cases: "BV" and "Asa" open people's names (ASA and BV are no heads)."""
    found = spans("Justice BV Nagarathna heard it. Actor Asa Butterfield spoke.")
    assert [kind for kind, _ in found] == ["PERSON", "PERSON"]


def test_trap_a_legal_form_s_word_in_lower_case_ends_nothing(spans):
    assert spans("The spa at the hotel was closed for repairs.") == []


def test_the_name_after_a_place_word_and_of_alone_later_is_that_place(spans):
    found = spans(
        "Fossils were found on the Isle of Skye. For years Skye was famous for footprints."
    )
    assert found == [("LOC", "Isle of Skye"), ("LOC", "Skye")]


def test_hindi_and_foreign_head_nouns_in_latin_script_end_organisations_and_places(spans):
    """Indian English writes Hindi heads (Samiti, Parishad, Karkhana; Talab, Bagh); world news
    Spanish, French and German ones (Grupo, Universidad, Stiftung)."""
    found = spans(
        "Members of the Sahakari Sakhar Karkhana met at Bada Talab. Grupo México owns the mine."
        " Krishiyug Finserv raised money. The Zilla Parishad met near Jallianwala Bagh."
    )
    assert found == [
        ("LOC", "Bada Talab"),
        ("LOC", "Jallianwala Bagh"),
        ("ORG", "Grupo México"),
        ("ORG", "Krishiyug Finserv"),
        ("ORG", "Sahakari Sakhar Karkhana"),
        ("ORG", "Zilla Parishad"),
    ]


def test_trap_surnames_that_are_hindi_head_nouns_too_stay_people(spans):
    """ "Nigam" (a corporation) and "Mandal" (a board) are common surnames: no heads."""
    found = spans("Singer Sonu Nigam and Dr Manish Mandal met the press.")
    assert found == [("PERSON", "Manish Mandal"), ("PERSON", "Sonu Nigam")]


def test_a_seat_before_an_mla_and_a_place_before_its_police_station(spans):
    found = spans(
        "The RJD expelled its Mahnar MLA on Wednesday. Officer Sachin Gawde of the Narpoli police"
        " station recorded statements."
    )
    assert ("LOC", "Mahnar") in found and ("LOC", "Narpoli") in found


def test_trap_a_party_a_common_word_or_a_force_before_those_words(spans):
    found = spans("The BJP MLA and a Rebel MLA came. Delhi Police said the Former MLA spoke.")
    assert [kind for kind, _ in found if kind == "LOC"] == []


def test_a_name_before_a_valley_a_river_a_region_or_a_province_is_a_place(spans):
    found = spans("The water of the Tambo valley belongs to farmers. Rains hit the Donbas region.")
    assert found == [("LOC", "Donbas"), ("LOC", "Tambo")]


def test_trap_a_capitalised_place_word_is_the_name_s_own(spans):
    """ "Orange County": the county is the name's word, no sign the word before is a place."""
    assert ("LOC", "Orange") not in spans("Officials in Orange County said the fire spread.")


def test_a_given_name_as_one_side_of_a_results_line_is_a_club_when_the_rival_is_one(spans):
    """ "Aston Villa 2 Chelsea 1": Chelsea is a given name, but its rival plainly a club; in
    chess, "Arjun 1 Abasov 0", neither side is."""
    found = spans("Results:\nAston Villa 2 Chelsea 1\nArjun 1 Abasov 0\n")
    assert ("ORG", "Chelsea") in found and ("ORG", "Arjun") not in found


def test_trap_a_review_s_english_cases_of_places_that_are_none(spans):
    """Titles after a place word and "of", a longer country's name; peoples, castes and
    surnames before MLA; adjectives before a place word; a person before "police station"."""
    text = (
        "Watch Isle of Dogs and Kingdom of Heaven. Kuki MLA and Yadav MLA spoke. The Kurdish"
        " region and Labour county councillors met. Anjali Sharma police station in-charge said."
    )
    assert [name for kind, name in spans(text) if kind == "LOC"] == []


def test_capitalised_words_before_a_place_word_in_lower_case_are_a_place(spans):
    text = (
        "Residents of Bhiti Khurd village complained. The administrator of Walikale territory"
        " spoke."
    )
    assert spans(text) == [("LOC", "Bhiti Khurd"), ("LOC", "Walikale")]


def test_trap_a_known_person_or_a_lower_case_word_before_a_place_word(spans):
    assert spans("Priya Sharma district collector said so.") == [("PERSON", "Priya Sharma")]
    assert spans("The affected area was sealed on Monday.") == []


def test_words_in_lower_case_around_a_name_type_it(spans):
    """ "the hamlet of Sidomulyo" (a place's noun and "of"), "X-based" (a place, and the
    company after it), "Shares of Samyang Foods", "noodle maker Samyang Foods said" (a
    company's noun before "said")."""
    text = "Residents of the hamlet of Sidomulyo fled. A Kondapur-based startup grew."
    assert spans(text) == [("LOC", "Kondapur"), ("LOC", "Sidomulyo")]
    assert ("ORG", "FreshToHome") in spans("Rivals include Bengaluru-based FreshToHome.")
    assert spans("Shares of Samyang Foods rose.") == [("ORG", "Samyang Foods")]
    text = "Instant noodle maker Samyang Foods said on Monday it would invest."
    assert spans(text) == [("ORG", "Samyang Foods")]


def test_trap_lower_case_words_that_type_no_name(spans):
    """A common word after a place's noun and "of", an acronym or a common word before
    "-based"; and no organisation's noun after a name types it (reviews' cases: peoples,
    creeds, festivals and common words go there as often as names)."""
    assert spans("The city of Light shone. The town of Hope waited.") == []
    assert spans("It used LED-based lamps.") == []
    assert spans("Plant-based diets are popular. Cloud-based tools grew.") == []
    text = "The Maoist movement grew. The Diwali party was fun. Opposition party workers left."
    assert [kind for kind, _ in spans(text)] == []


def test_places_a_list_of_dwellers_names_are_places_the_last_too(spans):
    text = "Residents of Wagholi, Lohegaon and Kharadi staged a protest outside the office."
    assert spans(text) == [("LOC", "Kharadi"), ("LOC", "Lohegaon"), ("LOC", "Wagholi")]


def test_trap_a_last_item_that_is_a_pronoun_a_people_or_a_common_word(spans):
    assert ("PERSON", "I") not in spans("Residents of Wagholi and I went there.")
    found = spans("Farmers of Wagholi and Korean firms met.")
    assert ("LOC", "Korean") not in found
    # A fourth review's cases: a surname, an item before a plural noun.
    assert ("LOC", "Sharma") not in spans("Residents of Delhi, Lucknow and Sharma said so.")
    assert ("LOC", "Ansal") not in spans("Residents of Noida, Ghaziabad and Ansal properties met.")


def test_a_legal_form_takes_no_of_tail_and_based_opens_no_name(spans):
    """ "Prima Laminate Sdn Bhd of Seri Kembangan": the company, then where it is; "Johor-based
    FFM Berhad": the place, then the company."""
    text = (
        "In Malaysia, Johor-based FFM Berhad and Prima Laminate Sdn Bhd of Seri Kembangan"
        " will supply."
    )
    found = spans(text)
    for entity in (
        ("LOC", "Johor"),
        ("ORG", "FFM Berhad"),
        ("ORG", "Prima Laminate Sdn Bhd"),
        ("LOC", "Seri Kembangan"),
    ):
        assert entity in found, entity


def test_a_company_s_abbreviated_word_and_its_dot_stay_in_its_name(spans):
    text = "A notice went to the contractor, Sahyadri Infra Projects Pvt. Ltd., on Monday."
    assert ("ORG", "Sahyadri Infra Projects Pvt. Ltd.") in spans(text)


def test_a_name_before_a_block_or_a_plural_place_word_is_a_place(spans):
    found = spans("In Azamgarh's Mehnagar block, power cuts hit Maan and Marunji villages.")
    assert ("LOC", "Mehnagar") in found and ("LOC", "Marunji") in found
    assert ("LOC", "Neendakara") in spans("It buys fish at the Chellanam and Neendakara harbours.")


def test_trap_a_people_s_or_an_opening_adjective_before_a_place_word(spans):
    assert spans("The Soviet block collapsed in 1991.") == []
    assert ("LOC", "Tribal") not in spans("Tribal districts such as Dindori lag behind.")
    assert ("LOC", "Congress") not in spans("The Congress block walked out.")
