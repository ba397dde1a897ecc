"""Names no list knows, typed by the words framing them; and the look-alikes each frame leaves."""

from __future__ import annotations


def test_names_a_place_found_introduces_are_people(people):
    found = people(
        "कुश्ती में मनीषा ने जॉर्जिया की नीनो बेरिद्ज़े को हराया। दक्षिण अफ्रीका के हेनरिक क्लासेन ने 80 रन बनाए।"
    )
    assert {"नीनो बेरिद्ज़े", "हेनरिक क्लासेन"} <= set(found)
    assert "गुरलाल सिंह" in people("भोला यादव ने पंजाब के गुरलाल सिंह से मुकाबला किया।")


def test_trap_what_a_place_introduces_that_is_no_person(people):
    # Common words, a company's one word, a body's words, a place after "से".
    assert people("भारत के विकास को गति मिली। चीन की टीम ने जीत दर्ज की।") == []
    assert people("जापान की टोयोटा ने नई कार उतारी। जापान की सोनी ने फोन उतारा।") == []
    # Rare words outside a match's report: a company's, a weapon's English name.
    text = "अमेरिका के इंट्यूटिव मशीन्स ने यान उतारा। इजराइल के डेविड्स स्लिंग ने मिसाइल रोकी।"
    assert people(text) == []
    assert people("अमेरिका के फेडरल रिजर्व ने दरें बढ़ाईं। लोग बिहार के दरभंगा से आए।") == []
    # A name found after a trade word: the trade is not the name's ("मूर्तिकार").
    found = people("मैसूरु के मूर्तिकार अरुण योगीराज ने प्रतिमा बनाई।")
    assert "मूर्तिकार अरुण योगीराज" not in found


def test_a_seat_named_by_its_district_in_an_election_s_text_is_a_place(places):
    text = "उपचुनाव के उम्मीदवार घोषित हुए: कानपुर की सीसामऊ से नसीम सोलंकी को टिकट मिला।"
    assert "सीसामऊ" in places(text)


def test_trap_what_follows_a_place_s_feminine_genitive_with_no_candidate_after(places):
    text = "उपचुनाव से पहले लखनऊ की चिकनकारी से बने कपड़े बंटे।"
    assert places(text) == ["लखनऊ"]


def test_trap_what_follows_a_place_s_feminine_genitive_outside_elections(places):
    assert places("कानपुर की सीसामऊ से बात हुई। दिल्ली की कंपनी से सौदा हुआ।") == [
        "कानपुर",
        "दिल्ली",
    ]


def test_a_name_an_age_in_parentheses_follows_is_a_person(people):
    found = people(
        "मृतकों की पहचान पानापुर निवासी मोहम्मद इरफान (45), उनकी पत्नी शबनम खातून (40) के रूप में हुई।"
    )
    assert "मोहम्मद इरफान" in found and "शबनम खातून" in found
    text = "The accused were identified as Shahnawaz (27) of Kaila Bhatta, a village."
    assert people(text) == ["Shahnawaz"]


def test_a_capitalised_name_after_an_age_and_of_is_a_place(places):
    text = "The accused were identified as Shahnawaz (27) of Kaila Bhatta, a village."
    assert places(text) == ["Kaila Bhatta"]


def test_trap_a_count_in_parentheses_after_things_names_no_one(people, places):
    assert people("हादसे में गाड़ियां (12) जल गईं। कुल वाहन (45) थे। बैठक (2024) में तय हुआ।") == []
    assert people("Medal tally: Gold (12) and Silver (8). Section (27) applies.") == []
    assert places("Under Section (2) of Motor Vehicles Rules and Rule 5(3) of Tax Rules.") == []
    text = "Raju (14) of Class 9 and Amit (30) of Flat No 4 and Paragraph (4) of Schedule VII."
    assert places(text) == []


def test_a_name_after_an_age_s_adjective_is_a_person(people):
    assert people("गोंडा निवासी 31 वर्षीय बबलू के रूप में पहचान हुई।") == ["बबलू"]


def test_trap_an_age_s_adjective_before_a_common_noun_or_a_thing_names_no_one(people):
    text = "32 वर्षीय युवक की हत्या हुई। 40 वर्षीय महिला ने बताया। 10 वर्षीय योजना बनी।"
    assert people(text) == []


def test_a_found_name_s_short_form_after_an_age_is_that_person_again(rules):
    text = "युवा स्पिनर शिवम पुंडीर की फिरकी चली। सहारनपुर के 21 वर्षीय पुंडीर ने मैच पलटा।"
    found = rules.extract.entities(text, None, None, [])
    assert [(e["type"], e["name"], e["count"]) for e in found if e["type"] == "PERSON"] == [
        ("PERSON", "Shivam Pundir", 2)
    ]


def test_a_framed_name_s_short_form_later_is_that_person(rules):
    """Short forms are read again after the frame rules: "इरफान" after "मोहम्मद इरफान (45)"."""
    text = "मृतकों की पहचान मोहम्मद इरफान (45) के रूप में हुई। इरफान के परिवार ने कहा।"
    found = rules.extract.entities(text, None, None, [])
    assert [(e["name"], e["count"]) for e in found if e["type"] == "PERSON"] == [
        ("Mohammed Irfan", 2)
    ]


def test_trap_an_age_before_a_deity_s_festival_a_trade_or_a_place(people):
    """A review's cases: a deity's festival is no person; a trade before the name and a place
    after it are not the name's ("हिस्ट्रीशीटर", "बहलोलपुर")."""
    assert people("150 वर्षीय जगन्नाथ रथयात्रा में भीड़। 200 वर्षीय राम बारात में।") == []
    assert people("32 वर्षीय हिस्ट्रीशीटर राजेश को पकड़ा।") == ["राजेश"]
    assert "मोहित बहलोलपुर" not in people("22 वर्षीय मोहित बहलोलपुर में मिला।")


def test_a_company_s_noun_before_rare_words_and_ne_introduces_a_company(organisations):
    text = "इंदौर की डेयरी स्टार्टअप दूधवाला डेली ने 1.2 करोड़ डॉलर जुटाए।"
    assert "दूधवाला डेली" in organisations(text)
    assert "एलिवेशन कैपिटल" in organisations("अगुवाई वेंचर कैपिटल फर्म एलिवेशन कैपिटल ने की।")


def test_trap_what_a_company_s_noun_introduces_that_is_no_company(organisations, people):
    # Common words, one English word in Devanagari, a person's name the lists know.
    assert organisations("कंपनी प्रबंधन ने कहा। कंपनी सेक्रेटरी ने इस्तीफा दिया।") == []
    assert organisations("देश के स्टार्टअप इकोसिस्टम ने तेजी पकड़ी।") == []
    text = "दिग्गज निवेशक राकेश झुनझुनवाला ने शेयर खरीदे।"
    assert organisations(text) == [] and people(text) == ["राकेश झुनझुनवाला"]
    # After an investor a person, after a brand a campaign (a review's cases).
    assert organisations("निवेशक पोरिंजू वेलियाथ ने हिस्सेदारी बढ़ाई।") == []
    assert organisations("ब्रांड अवेयरनेस कैंपेन ने बिक्री बढ़ाई।") == []
    # Not over a name found (a second review's case): one entity for the words.
    text = "सलाहकार फर्म रेडसीर स्ट्रैटेजी ने अनुमान लगाया।"
    assert len(organisations(text)) + len(people(text)) <= 1


def test_a_dateline_the_body_opens_with_names_places(places):
    """Hindi papers' "इमामगंज (गया)।", left in the body: the town, and the district or country
    in parentheses."""
    text = "इमामगंज (गया)। इमामगंज थाना क्षेत्र के बाजार में लूट हुई।"
    assert {"इमामगंज", "गया"} <= set(places(text))
    text = "मेड़ता सिटी (नागौर)। पंचायत चुनाव के दूसरे चरण में मतदान हुआ।"
    assert places(text) == ["नागौर", "मेड़ता सिटी"]


def test_trap_a_sentence_the_body_opens_with_is_no_dateline(places, people):
    assert places("उन्होंने कहा। फिर सब चले गए।") == []
    assert places("नोट: यह खबर अपडेट हो रही है।") == []
    assert places("बिजली (कटौती)। शहर में अंधेरा रहा।") == []
    assert places("खुशखबरी। शहर में बिजली कटौती खत्म होगी।") == []  # a review's case: a heading
    assert places("विजय सिंह पथिक। उनके जीवन पर किताब आई।") == []  # a person


def test_a_party_and_se_before_a_name_name_its_candidate(people):
    text = "उपचुनाव में आजाद समाज पार्टी से नाजिम अली और आम आदमी पार्टी से अंकुर गंगवार मैदान में हैं।"
    assert {"नाजिम अली", "अंकुर गंगवार"} <= set(people(text))


def test_trap_a_party_and_se_before_common_words(people):
    assert people("चुनाव में भाजपा से टिकट नहीं मिला। वह सपा से नाराज हैं।") == []


def test_a_group_s_name_in_quotation_marks_after_its_noun(organisations):
    text = "चीन के समूह 'बेसिक' ने बयान दिया। दिल्ली के बैंड 'इंडियन ओशन' ने संगीत दिया।"
    assert organisations(text) == ["इंडियन ओशन", "बेसिक"]


def test_trap_a_quoted_title_or_a_class_s_letter(organisations):
    assert organisations("रणबीर कपूर की फिल्म 'एनिमल' हिट रही।") == []
    assert organisations("समूह 'ग' की परीक्षा होगी। समूह 'सी' के पद भरे गए।") == []
    # A fifth review's cases: slogans, grades, songs quoted after a group's noun.
    text = (
        "गठबंधन 'अबकी बार किसान सरकार' के नारे लगे। संस्था 'उत्कृष्ट' श्रेणी में रही। बैंड"
        " 'सारे जहां से अच्छा' की धुन बजी।"
    )
    assert organisations(text) == []
