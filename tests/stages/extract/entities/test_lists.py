"""Places and people no list knows, named in a list beside known ones or as examples of a kind;
and the lists that name none."""

from __future__ import annotations


def test_unknown_one_word_items_of_a_list_of_places_are_places(places):
    found = places("6. पुणे डिवीजन: कोल्हापुर, पुणे, सांगली, सतारा और सोलापुर।")
    assert "सतारा" in found
    found = places("खनिज बेल्ट में चंद्रपुर, गढ़चिरौली, कामठी, और नागपुर जिले आते हैं।")
    assert "कामठी" in found


def test_trap_lists_that_do_not_make_a_word_a_place(places):
    # The word before the comma ends a phrase, not a list's first item.
    assert "इलाके" not in places("बाढ़ से प्रभावित इलाके, दिल्ली और मुंबई में राहत पहुंची।")
    # An item of more than one word is no one-word place.
    found = places("सम्मेलन में फ्रांस, संघीय जर्मन गणराज्य और चिली आए।")
    assert "संघीय" not in found
    # One known place is too little evidence; a person in the list makes it no list of places.
    assert "किसान" not in places("सभा में दिल्ली, किसान और मजदूर पहुंचे।")
    assert "सुधा" not in places("बैठक में नरेंद्र मोदी, दिल्ली, मुंबई और सुधा थे।")
    # Only between two known places: an adverb that opens the list, goods before or after it.
    assert "दरअसल" not in places("दरअसल, दिल्ली, मुंबई और पुणे में बारिश हुई।")
    assert "चावल" not in places("बाजार में गेहूं, चावल, दाल, दिल्ली और मुंबई से आए।")
    assert "पेट्रोल" not in places("दिल्ली, मुंबई, चेन्नई, पेट्रोल और डीजल महंगे हुए।")


def test_the_first_item_after_a_colon_and_the_last_before_a_stop_are_places_too(places):
    found = places("5. नागपुर डिवीजन: भंडारा, चंद्रपुर, गढ़चिरोली, गोंदिया, नागपुर और वर्धा।")
    assert "भंडारा" in found and "वर्धा" in found
    found = places("मंडल के जिले: कोल्हापुर, पुणे, सांगली और सतारा।")
    assert "सांगली" in found and "सतारा" in found


def test_trap_an_edge_item_of_a_list_not_mostly_of_places_or_not_at_its_edge_stays(places):
    assert "डीजल" not in places("दिल्ली, मुंबई, पेट्रोल और डीजल।")
    assert "मजदूर" not in places("सभा में दिल्ली, मुंबई और मजदूर पहुंचे।")
    assert "महंगाई" not in places("मुद्दे: महंगाई, बेरोजगारी, दिल्ली और मुंबई।")
    # A colon after no region's noun opens a list of anything (a review's cases).
    assert "डीजल" not in places("पेट्रोल के दाम: दिल्ली, मुंबई, कोलकाता और डीजल।")
    assert "क्रिकेट" not in places("ताजा खबरें: दिल्ली, मुंबई, पटना और क्रिकेट।")


def test_unknown_names_listed_with_a_person_are_people(people):
    found = people("फिल्म में रवि किशन और नितांशी गोयल ने अहम भूमिकाएं निभाई हैं।")
    assert "नितांशी गोयल" in found  # a known surname, no common word, after an unknown word
    found = people("एलआरए कमांडर रस्का लुक्विया, ओकोट ओडिंबो और डोमिनिक ओंग्वेन को वारंट मिला।")
    assert "ओकोट ओडिंबो" in found  # in a list of three, two words rare in Hindi
    found = people("पड़ोसी हरजी, उसके बेटे मोती और गोपाल तथा भतीजे शंकर को नामजद किया।")
    assert {"मोती", "गोपाल", "शंकर"} <= set(found)


def test_trap_lists_with_a_person_that_name_no_one_else(people):
    # A phrase's words, a team, a party or a place beside the person are none.
    assert people("रमेश शर्मा और उसकी पत्नी घर आए।") == ["रमेश शर्मा"]
    assert people("विराट कोहली और टीम ने जीत दर्ज की।") == ["विराट कोहली"]
    assert people("नरेंद्र मोदी, वाराणसी और काशी पहुंचे।") == ["नरेंद्र मोदी"]
    # A common word that may end a name before a known surname leaves the list's start unclear.
    assert "स्पर्श श्रीवास्तव" not in people("फिल्म में स्पर्श श्रीवास्तव, रवि किशन आए।")
    # A review's cases: one rare word (a film, a mission, a group), a surname alone that is also
    # a company's name, words that run on into a place or a thing.
    assert people("शाहरुख खान, डंकी और पठान की सफलता पर बोले।") == ["शाहरुख खान"]
    assert people("पुतिन, वैगनर और सेना के बीच तनाव था।") == ["पुतिन"]
    assert people("शाहरुख खान और सोनी पिक्चर्स ने करार किया।") == ["शाहरुख खान"]
    assert people("अमिताभ बच्चन और सोनी टीवी के बीच करार हुआ।") == ["अमिताभ बच्चन"]
    assert people("सचिन तेंदुलकर और अंजलि मुंबई लौटे।") == ["सचिन तेंदुलकर"]
    assert "फॉर्च्यूनर कार" not in people("आरोपी सोनू, मोनू और फॉर्च्यूनर कार को पकड़ा।")


def test_a_list_of_known_given_names_alone_is_of_people(people):
    found = people("पुलिस ने राजू, पप्पू और गुड्डू को गिरफ्तार किया।")
    assert found == ["गुड्डू", "पप्पू", "राजू"]


def test_trap_a_list_of_common_words_that_are_given_names_too(people):
    assert people("गांव में अमन, चैन और शांति चाहिए। आसमान में सूरज, चांद और तारे दिखे।") == []


def test_names_given_as_examples_of_a_kind_take_its_type(organisations, places, people):
    """The kind's plural before "such as", "like", "including" in English, after "जैसी" in
    Hindi (one word may stand between: "जैसी बड़ी कंपनियां")."""
    found = organisations("GSM carriers like AT&T and T-Mobile raised prices.")
    assert "AT&T" in found and "T-Mobile" in found
    found = places("The band toured cities including Nashville, Toronto and Kalamazoo.")
    assert "Kalamazoo" in found
    assert "Rhea Tandon" in people("He met writers such as Rhea Tandon and Amitav Ghosh.")
    text = "पहले से अमूल, अक्षयकल्प और मिल्कबास्केट जैसी कंपनियां मौजूद हैं।"
    assert organisations(text) == ["अक्षयकल्प", "अमूल", "मिल्कबास्केट"]
    assert "कुरसेला" in places("दिल्ली, कुरसेला और पटना जैसे बड़े शहरों में बारिश हुई।")
    text = "ग्रीनपीस और क्लाइमेट एक्शन नेटवर्क जैसे संगठनों ने प्रदर्शन किया।"
    assert "क्लाइमेट एक्शन नेटवर्क" in organisations(text)  # common words after the first
    # The kind's noun is no head of a name that runs over "जैसी" (a review's case).
    text = "इंडिगो और एयर इंडिया जैसी एयरलाइंस ने किराया बढ़ाया।"
    assert organisations(text) == ["इंडिगो", "एयर इंडिया"]


def test_trap_examples_of_no_kind_or_of_another_type_are_no_names(organisations, places, people):
    """A kind not in the lists ("rivals" are firms or athletes, "players" investors too), a
    list with a name of another type, a person's name of one word or with a role, common
    words before "जैसी", and text in capitals; a review's cases: kinds' words listed as kinds
    (plural acronyms, peoples, "Tier-2", adjectives before the kind's noun), and in Hindi a
    list with no name of the kind found (sectors, adjectives: "फिनटेक, एडटेक")."""
    for text in (
        "Lenders such as NBFCs and HFCs face tighter liquidity.",
        "Carmakers such as Chinese and Korean firms are gaining share.",
        "Cities such as Tier-2 and Tier-3 towns will get airports.",
        "Insurers such as Life and General insurers must disclose claims.",
    ):
        assert organisations(text) == [] and places(text) == [], text
    assert organisations("Brands like Made in India toys have gained.") == []
    for text in (  # a second review's cases
        "Banks such as Public Sector Banks, Regional Rural Banks and Cooperative Banks will act.",
        "Companies such as Large Caps, Mid Caps and Small Caps saw selling.",
        "Brands such as Premium, Mid-range and Budget segments grew.",
        "Companies including Monday's Gainers, Laggards and Newly Listed Firms were in focus.",
    ):
        assert organisations(text) == [], text
    assert "Poll" not in places("States like Poll-bound Maharashtra and Jharkhand gave freebies.")
    assert organisations("भाजपा, कांग्रेस और निर्दलीय जैसे दलों के प्रत्याशी हैं।") == [
        "कांग्रेस",
        "भाजपा",
    ]
    assert organisations("फिनटेक, एडटेक और हेल्थटेक जैसे स्टार्टअप्स को फंडिंग मिली।") == []
    assert places("बाढ़ग्रस्त और सूखाग्रस्त जैसे जिलों को पैकेज मिलेगा।") == []
    assert people("स्टैंडअप कॉमेडियन और इंफ्लुएंसर्स जैसे कलाकारों पर नजर है।") == []
    assert organisations("Rivals such as Zomato and Swiggy grew.") == ["Swiggy", "Zomato"]
    assert organisations("Rivals such as Qorvex and Zelta grew.") == []
    assert "Qorvex" not in organisations("companies such as Qorvex and Narendra Modi")
    assert people("Financial players like Fortress and Alden bought papers.") == ["Alden"]
    assert "President Trump" not in people("politicians such as President Trump spoke.")
    assert organisations("उन्होंने कहा कि सुरक्षा जैसी बड़ी चुनौतियां हैं।") == []
    assert places("पेट्रोल और डीजल जैसे उत्पादों के दाम बढ़े।") == []
    assert "QORVEX" not in organisations("COMPANIES SUCH AS QORVEX AND ZELTA GREW")


def test_unknown_items_of_a_list_before_a_seat_s_word_are_seats(places):
    text = "उपचुनाव में मीरापुर, कुंदरकी, गाजियाबाद और बुढ़ाना सीटों पर घोषणा बाद में होगी।"
    assert {"मीरापुर", "कुंदरकी"} <= set(places(text))
    # A word wordfreq knows is a seat beside a place the gazetteer knows.
    assert "फूलपुर" in places("उपचुनाव में गाजियाबाद और फूलपुर सीटों पर दावेदारी है।")


def test_trap_lists_before_a_seat_s_word_that_name_no_seat(places, organisations):
    # Outside an election's text, seats are places on a course; parties are no seats.
    assert places("पैरामेडिकल और नर्सिंग सीटों पर दाखिले शुरू।") == []
    text = "चुनाव में दोनों सीटों पर भाजपा और सपा सीटों की बात हुई।"
    assert places(text) == [] and organisations(text) == ["भाजपा", "सपा"]
    # A review's cases: English words (a course's seats), a hyphenated seat's second half.
    text = "विधानसभा चुनाव के बीच मेडिकल, डेंटल और पैरामेडिकल सीटों पर काउंसलिंग टली।"
    assert "डेंटल" not in places(text)
    assert "उनियारा" not in places("उपचुनाव: देवली-उनियारा और रामगढ़ सीटों पर मुकाबला।")
