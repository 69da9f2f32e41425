"""Words the extractors recognise: countries and how French and English name them.

One table, `COUNTRIES`, serves both jobs that need place words: finding the actor of
a troop figure ("Washington", "le Pentagone", "soldats américains") and resolving a
role phrase to a leader ("le chancelier allemand", "the Russian president"). Each
country lists its English name (the actor label in the output), its names, capitals
and institutions (proper nouns, matched case-sensitively) and its adjectives, which
in French double as demonym nouns ("les Américains").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.extract.phrases import PhraseMatcher

APOS = "['’]"


@dataclass(frozen=True, kw_only=True)
class Country:
    """How one country (or alliance) is named.

    name: the English label used in output ("United States").
    names: proper nouns for the country itself, French and English.
    places: capitals and institutions that stand for its government in news copy.
    adjectives: French and English adjectives/demonyms, every inflection listed.
    """

    name: str
    names: tuple[str, ...]
    places: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


def _fr(*masc: str) -> tuple[str, ...]:
    """French adjective inflections from the masculine singular (regular patterns only)."""
    out: list[str] = []
    for m in masc:
        if m.endswith("e"):
            forms = [m, m + "s"]
        elif m.endswith("ien"):
            forms = [m, m + "s", m + "ne", m + "nes"]
        elif m.endswith("s"):
            forms = [m, m + "e", m + "es"]
        elif m.endswith("c"):
            forms = [m, m + "s", m + "que", m + "ques"]
        else:
            forms = [m, m + "s", m + "e", m + "es"]
        out.extend(forms)
    return tuple(out)


def _c(name: str, names: str, places: str = "", fr: str = "", en: str = "") -> Country:
    def split(s: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in s.split("|") if x.strip())

    return Country(
        name=name,
        names=split(names),
        places=split(places),
        adjectives=_fr(*split(fr)) + split(en),
    )


#: Places of COUNTRIES that stand for a ministry, an army or an agency, not for the
#: government's head: "Pentagon chief" is the defence secretary, "the State
#: Department's head" a minister. Seats of government (Kremlin, White House, Elysée,
#: Downing Street, Matignon, Chancellerie) and capitals are not listed: they do stand
#: for the head ("Kremlin chief", "Washington's leader").
INSTITUTIONS = (
    "Pentagone", "Pentagon", "Département d'Etat", "Département d’Etat", "State Department",
    "Quai d'Orsay", "Quai d’Orsay", "Royal Marines", "Royal Navy", "Royal Air Force", "RAF",
    "British Army", "Whitehall", "Bundeswehr", "Tsahal", "IDF",
)  # fmt: skip

COUNTRIES: tuple[Country, ...] = (
    _c(
        "United States",
        "Etats-Unis|États-Unis|Etats Unis|USA|U.S.A.|United States|United States of America|U.S.|US"
        "|Amérique|America",
        "Washington|Pentagone|Pentagon|Maison Blanche|Maison-Blanche|White House"
        "|Département d'Etat|State Department|Département d’Etat",
        "américain|états-unien",
        "American|Americans|U.S.-led|US-led",
    ),
    _c(
        "Russia",
        "Russie|Russia|Fédération de Russie|Russian Federation",
        "Moscou|Moscow|Kremlin",
        "russe",
        "Russian|Russians",
    ),
    _c(
        "United Kingdom",
        "Royaume-Uni|Royaume Uni|Grande-Bretagne|United Kingdom|Britain|Great Britain|UK|U.K.",
        "Londres|London|Downing Street|Royal Marines|Royal Navy|Royal Air Force|RAF|British Army"
        "|No 10|Whitehall",
        "britannique|anglais",
        "British|Briton|Britons",
    ),
    _c(
        "France",
        "France",
        "Paris|Elysée|Élysée|Elysee|Quai d'Orsay|Quai d’Orsay|Matignon",
        "français",
        "French",
    ),
    _c(
        "Germany",
        "Allemagne|Germany",
        "Berlin|Bundeswehr|Chancellerie",
        "allemand",
        "German|Germans",
    ),
    _c("Ukraine", "Ukraine", "Kiev|Kyiv|Kyïv|Kiyv", "ukrainien", "Ukrainian|Ukrainians"),
    _c(
        "NATO",
        "OTAN|Otan|NATO|Alliance atlantique|Alliance transatlantique|Organisation du traité de "
        "l'Atlantique Nord|Organisation du traité de l’Atlantique Nord|North Atlantic Treaty "
        "Organization|Alliance",
        "",
        "",
        "NATO-led",
    ),
    _c(
        "CSTO",
        "CSTO|OTSC|Collective Security Treaty Organization|Collective Security Treaty "
        "Organisation|Organisation du traité de sécurité collective",
    ),
    _c(
        "Belarus",
        "Biélorussie|Bélarus|Belarus|Bielorussie",
        "Minsk",
        "biélorusse|bélarusse",
        "Belarusian|Belarussian|Belarusians",
    ),
    _c("Poland", "Pologne|Poland", "Varsovie|Warsaw", "polonais", "Polish|Poles"),
    _c("China", "Chine|China", "Pékin|Beijing", "chinois", "Chinese"),
    _c("Turkey", "Turquie|Turkey|Türkiye", "Ankara", "turc", "Turkish|Turks"),
    _c("Canada", "Canada", "Ottawa", "canadien", "Canadian|Canadians"),
    _c("Italy", "Italie|Italy", "Rome", "italien", "Italian|Italians"),
    _c("Spain", "Espagne|Spain", "Madrid", "espagnol", "Spanish"),
    _c("Lithuania", "Lituanie|Lithuania", "Vilnius", "lituanien", "Lithuanian|Lithuanians"),
    _c("Latvia", "Lettonie|Latvia", "Riga", "letton", "Latvian|Latvians"),
    _c("Estonia", "Estonie|Estonia", "Tallinn", "estonien", "Estonian|Estonians"),
    _c("Romania", "Roumanie|Romania", "Bucarest|Bucharest", "roumain", "Romanian|Romanians"),
    _c("Bulgaria", "Bulgarie|Bulgaria", "Sofia", "bulgare", "Bulgarian|Bulgarians"),
    _c("Hungary", "Hongrie|Hungary", "Budapest", "hongrois", "Hungarian|Hungarians"),
    _c(
        "Czech Republic",
        "République tchèque|Tchéquie|Czech Republic|Czechia",
        "Prague",
        "tchèque",
        "Czech|Czechs",
    ),
    _c("Slovakia", "Slovaquie|Slovakia", "Bratislava", "slovaque", "Slovak|Slovakian"),
    _c("Finland", "Finlande|Finland", "Helsinki", "finlandais", "Finnish|Finns"),
    _c("Sweden", "Suède|Sweden", "Stockholm", "suédois", "Swedish|Swedes"),
    _c("Norway", "Norvège|Norway", "Oslo", "norvégien", "Norwegian|Norwegians"),
    _c("Denmark", "Danemark|Denmark", "Copenhague|Copenhagen", "danois", "Danish|Danes"),
    _c("Netherlands", "Pays-Bas|Netherlands", "Amsterdam", "néerlandais", "Dutch"),
    _c("Belgium", "Belgique|Belgium", "", "belge", "Belgian|Belgians"),
    _c("Portugal", "Portugal", "Lisbonne|Lisbon", "portugais", "Portuguese"),
    _c("Greece", "Grèce|Greece", "Athènes|Athens", "grec", "Greek|Greeks"),
    _c("Austria", "Autriche|Austria", "Vienne|Vienna", "autrichien", "Austrian|Austrians"),
    _c("Ireland", "Irlande|Ireland", "Dublin", "irlandais", "Irish"),
    _c("Croatia", "Croatie|Croatia", "Zagreb", "croate", "Croatian|Croats"),
    _c("Slovenia", "Slovénie|Slovenia", "Ljubljana", "slovène", "Slovenian|Slovene"),
    _c("Albania", "Albanie|Albania", "Tirana", "albanais", "Albanian|Albanians"),
    _c("Montenegro", "Monténégro|Montenegro", "Podgorica", "monténégrin", "Montenegrin"),
    _c(
        "North Macedonia", "Macédoine du Nord|North Macedonia", "Skopje", "macédonien", "Macedonian"
    ),
    _c("Luxembourg", "Luxembourg", "", "luxembourgeois", "Luxembourgish"),
    _c("Iceland", "Islande|Iceland", "Reykjavik", "islandais", "Icelandic"),
    _c("Cyprus", "Chypre|Cyprus", "Nicosie|Nicosia", "chypriote", "Cypriot"),
    _c("Malta", "Malte|Malta", "Valletta", "maltais", "Maltese"),
    _c("Moldova", "Moldavie|Moldova", "Chisinau|Chișinău", "moldave", "Moldovan|Moldovans"),
    _c("Georgia", "Géorgie|Georgia", "Tbilissi|Tbilisi", "géorgien", "Georgian|Georgians"),
    _c("Armenia", "Arménie|Armenia", "Erevan|Yerevan", "arménien", "Armenian|Armenians"),
    _c(
        "Azerbaijan",
        "Azerbaïdjan|Azerbaijan",
        "Bakou|Baku",
        "azerbaïdjanais",
        "Azerbaijani|Azerbaijanis",
    ),
    _c("Kazakhstan", "Kazakhstan", "Astana|Almaty", "kazakh", "Kazakh|Kazakhstani"),
    _c("Iran", "Iran", "Téhéran|Tehran", "iranien", "Iranian|Iranians"),
    _c("Israel", "Israël|Israel", "Tsahal|IDF", "israélien", "Israeli|Israelis"),
    _c("Syria", "Syrie|Syria", "Damas|Damascus", "syrien", "Syrian|Syrians"),
    _c("Japan", "Japon|Japan", "Tokyo", "japonais", "Japanese"),
    _c("India", "Inde|India", "New Delhi", "indien", "Indian|Indians"),
    _c(
        "South Korea",
        "Corée du Sud|South Korea",
        "Séoul|Seoul",
        "sud-coréen",
        "South Korean|South Koreans",
    ),
    _c(
        "North Korea",
        "Corée du Nord|North Korea",
        "Pyongyang",
        "nord-coréen",
        "North Korean|North Koreans",
    ),
    _c("Australia", "Australie|Australia", "Canberra", "australien", "Australian|Australians"),
    _c("Brazil", "Brésil|Brazil", "Brasilia|Brasília", "brésilien", "Brazilian|Brazilians"),
    _c("Argentina", "Argentine|Argentina", "Buenos Aires", "argentin", "Argentine|Argentinian"),
    _c("Mexico", "Mexique|Mexico", "Mexico City", "mexicain", "Mexican|Mexicans"),
    _c("South Africa", "Afrique du Sud|South Africa", "Pretoria", "sud-africain", "South African"),
    _c("Saudi Arabia", "Arabie saoudite|Saudi Arabia", "Riyad|Riyadh", "saoudien", "Saudi|Saudis"),
    _c("Indonesia", "Indonésie|Indonesia", "Jakarta", "indonésien", "Indonesian"),
    _c("Serbia", "Serbie|Serbia", "Belgrade", "serbe", "Serbian|Serbs"),
    _c("Jordan", "Jordanie|Jordan", "Amman", "jordanien", "Jordanian|Jordanians"),
    _c(
        "Palestine",
        "Palestine|Autorité palestinienne|Palestinian Authority",
        "Ramallah",
        "palestinien",
        "Palestinian|Palestinians",
    ),
    _c("Qatar", "Qatar", "Doha", "qatari", "Qatari"),
    _c(
        "United Arab Emirates",
        "Emirats arabes unis|Émirats arabes unis|United Arab Emirates|UAE|Emirats|Émirats",
        "Abou Dhabi|Abu Dhabi",
        "émirati",
        "Emirati",
    ),
    _c("Lebanon", "Liban|Lebanon", "Beyrouth|Beirut", "libanais", "Lebanese"),
    _c("Egypt", "Egypte|Égypte|Egypt", "Cairo", "égyptien", "Egyptian|Egyptians"),
    # Added with the full gazetteer (every UN member, Palestine, Kosovo, Taiwan, the Holy
    # See): names and adjectives only; a capital only where it stands for the government
    # in news copy (a small state's capital would become the actor of a troop figure).
    _c(
        "Uzbekistan",
        "Ouzbékistan|Uzbekistan",
        "",
        "ouzbek",
        "Uzbek|Uzbeks|Uzbekistani|ouzbèke|ouzbèkes",
    ),
    _c("Tajikistan", "Tadjikistan|Tajikistan", "", "tadjik", "Tajik|Tajiks|Tajikistani"),
    _c(
        "Kyrgyzstan",
        "Kirghizistan|Kirghizstan|Kyrgyzstan|Kyrgyz Republic",
        "",
        "kirghiz",
        "Kyrgyz|Kyrgyzstani",
    ),
    _c("Turkmenistan", "Turkménistan|Turkmenistan", "", "turkmène", "Turkmen|Turkmens"),
    _c("Afghanistan", "Afghanistan", "", "afghan", "Afghan|Afghans"),
    _c("Pakistan", "Pakistan", "Islamabad", "pakistanais", "Pakistani|Pakistanis"),
    _c("Bangladesh", "Bangladesh", "", "bangladais", "Bangladeshi|Bangladeshis"),
    _c("Sri Lanka", "Sri Lanka", "", "sri-lankais", "Sri Lankan|Sri Lankans"),
    _c("Nepal", "Népal|Nepal", "", "népalais", "Nepali|Nepalese"),
    _c("Bhutan", "Bhoutan|Bhutan", "", "bhoutanais", "Bhutanese"),
    _c("Maldives", "Maldives", "", "maldivien", "Maldivian|Maldivians"),
    _c("Myanmar", "Birmanie|Myanmar|Burma", "Naypyidaw|Naypyitaw", "birman", "Burmese"),
    _c("Thailand", "Thaïlande|Thailand", "", "thaïlandais", "Thai"),
    _c("Vietnam", "Vietnam|Viêt Nam|Viet Nam", "Hanoï|Hanoi", "vietnamien", "Vietnamese"),
    _c("Laos", "Laos", "", "laotien", "Laotian|Laotians"),
    _c("Cambodia", "Cambodge|Cambodia", "", "cambodgien", "Cambodian|Cambodians"),
    _c("Malaysia", "Malaisie|Malaysia", "", "malaisien", "Malaysian|Malaysians"),
    _c("Singapore", "Singapour|Singapore", "", "singapourien", "Singaporean|Singaporeans"),
    _c("Philippines", "Philippines", "", "philippin", "Filipino|Filipinos|Philippine"),
    _c("Brunei", "Brunei|Brunéi", "", "brunéien", "Bruneian"),
    _c("East Timor", "Timor oriental|Timor-Leste|East Timor", "", "timorais", "Timorese"),
    _c("Mongolia", "Mongolie|Mongolia", "", "mongol", "Mongolian|Mongolians"),
    _c("Taiwan", "Taïwan|Taiwan", "Taipei|Taïpei", "taïwanais", "Taiwanese"),
    _c("Iraq", "Irak|Iraq", "", "irakien", "Iraqi|Iraqis"),
    _c("Kuwait", "Koweït|Kuwait", "", "koweïtien", "Kuwaiti|Kuwaitis"),
    _c("Bahrain", "Bahreïn|Bahrain", "", "bahreïni|bahreïnien", "Bahraini|Bahrainis"),
    _c("Oman", "Oman", "", "omanais", "Omani|Omanis"),
    _c("Yemen", "Yémen|Yemen", "", "yéménite", "Yemeni|Yemenis"),
    _c("Algeria", "Algérie|Algeria", "", "algérien", "Algerian|Algerians"),
    _c("Morocco", "Maroc|Morocco", "", "marocain", "Moroccan|Moroccans"),
    _c("Tunisia", "Tunisie|Tunisia", "", "tunisien", "Tunisian|Tunisians"),
    _c("Libya", "Libye|Libya", "", "libyen", "Libyan|Libyans"),
    _c("Sudan", "Soudan|Sudan", "Khartoum", "soudanais", "Sudanese"),
    _c("South Sudan", "Soudan du Sud|South Sudan", "", "sud-soudanais", "South Sudanese"),
    _c("Somalia", "Somalie|Somalia", "", "somalien", "Somali|Somalis"),
    _c("Djibouti", "Djibouti", "", "djiboutien", "Djiboutian"),
    _c(
        "Eritrea",
        "Erythrée|Érythrée|Eritrea",
        "",
        "érythréen",
        "Eritrean|Eritreans|érythréenne|érythréennes|erythréen|erythréens",
    ),
    _c("Ethiopia", "Ethiopie|Éthiopie|Ethiopia", "", "éthiopien|ethiopien", "Ethiopian|Ethiopians"),
    _c("Kenya", "Kenya", "", "kényan|kenyan", "Kenyan|Kenyans"),
    _c("Uganda", "Ouganda|Uganda", "", "ougandais", "Ugandan|Ugandans"),
    _c("Rwanda", "Rwanda", "", "rwandais", "Rwandan|Rwandans"),
    _c("Burundi", "Burundi", "", "burundais", "Burundian|Burundians"),
    _c("Tanzania", "Tanzanie|Tanzania", "", "tanzanien", "Tanzanian|Tanzanians"),
    _c(
        "Democratic Republic of the Congo",
        "République démocratique du Congo|RDC|RD Congo|Congo-Kinshasa|Democratic Republic of the Congo|Democratic Republic of Congo|DRC|DR Congo",
    ),
    _c("Republic of the Congo", "République du Congo|Congo-Brazzaville|Republic of the Congo"),
    _c("Nigeria", "Nigeria|Nigéria", "", "nigérian", "Nigerian|Nigerians"),
    _c("Ghana", "Ghana", "", "", "Ghanaian|Ghanaians|ghanéen|ghanéens|ghanéenne|ghanéennes"),
    _c("Senegal", "Sénégal|Senegal", "", "sénégalais", "Senegalese"),
    _c("Mali", "Mali", "Bamako", "malien", "Malian|Malians"),
    _c("Niger", "Niger", "Niamey", "nigérien", "Nigerien|Nigeriens"),
    _c("Burkina Faso", "Burkina Faso|Burkina", "Ouagadougou", "burkinabé", "Burkinabe|Burkinabè"),
    _c("Chad", "Tchad|Chad", "N'Djamena|N’Djamena|Ndjamena", "tchadien", "Chadian|Chadians"),
    _c("Cameroon", "Cameroun|Cameroon", "", "camerounais", "Cameroonian|Cameroonians"),
    _c(
        "Ivory Coast", "Côte d'Ivoire|Côte d’Ivoire|Ivory Coast", "", "ivoirien", "Ivorian|Ivorians"
    ),
    _c(
        "Guinea",
        "Guinée|Guinea",
        "Conakry",
        "",
        "Guinean|Guineans|guinéen|guinéens|guinéenne|guinéennes",
    ),
    _c("Gabon", "Gabon", "", "gabonais", "Gabonese"),
    _c("Angola", "Angola", "", "angolais", "Angolan|Angolans"),
    _c("Mozambique", "Mozambique", "", "mozambicain", "Mozambican|Mozambicans"),
    _c(
        "Zimbabwe",
        "Zimbabwe",
        "",
        "",
        "Zimbabwean|Zimbabweans|zimbabwéen|zimbabwéens|zimbabwéenne|zimbabwéennes",
    ),
    _c("Zambia", "Zambie|Zambia", "", "zambien", "Zambian|Zambians"),
    _c("Malawi", "Malawi", "", "malawite|malawien", "Malawian|Malawians"),
    _c("Namibia", "Namibie|Namibia", "", "namibien", "Namibian|Namibians"),
    _c("Botswana", "Botswana", "", "botswanais", "Botswanan|Motswana|Batswana"),
    _c("Lesotho", "Lesotho", "", "lésothien", "Basotho|Mosotho"),
    _c("Eswatini", "Eswatini|Swaziland", "", "swazi", "Swazi|Swazis"),
    _c("Madagascar", "Madagascar", "", "malgache", "Malagasy"),
    _c("Mauritius", "île Maurice|Mauritius", "", "mauricien", "Mauritian|Mauritians"),
    _c("Benin", "Bénin|Benin", "", "béninois", "Beninese"),
    _c("Togo", "Togo", "", "togolais", "Togolese"),
    _c("Sierra Leone", "Sierra Leone", "", "sierra-léonais", "Sierra Leonean|Sierra Leoneans"),
    _c("Liberia", "Liberia|Libéria", "", "libérien", "Liberian|Liberians"),
    _c("Guinea-Bissau", "Guinée-Bissau|Guinea-Bissau", "", "bissau-guinéen", "Bissau-Guinean"),
    _c("Gambia", "Gambie|Gambia", "", "gambien", "Gambian|Gambians"),
    _c(
        "Cape Verde",
        "Cap-Vert|Cape Verde|Cabo Verde",
        "",
        "cap-verdien",
        "Cape Verdean|Cabo Verdean",
    ),
    _c("Mauritania", "Mauritanie|Mauritania", "", "mauritanien", "Mauritanian|Mauritanians"),
    _c(
        "Central African Republic",
        "République centrafricaine|Centrafrique|Central African Republic",
        "",
        "centrafricain",
    ),
    _c(
        "Equatorial Guinea",
        "Guinée équatoriale|Equatorial Guinea",
        "",
        "équato-guinéen",
        "Equatoguinean|Equatorial Guinean|équato-guinéenne|équato-guinéennes|équato-guinéens",
    ),
    _c(
        "São Tomé and Príncipe",
        "Sao Tomé-et-Principe|São Tomé-et-Príncipe|São Tomé and Príncipe|Sao Tome and Principe",
        "",
        "santoméen",
        "Santomean",
    ),
    _c("Comoros", "Comores|Comoros", "", "comorien", "Comorian|Comorians"),
    _c("Seychelles", "Seychelles", "", "seychellois", "Seychellois"),
    _c("Chile", "Chili|Chile", "", "chilien", "Chilean|Chileans"),
    _c("Peru", "Pérou|Peru", "", "péruvien", "Peruvian|Peruvians"),
    _c("Colombia", "Colombie|Colombia", "", "colombien", "Colombian|Colombians"),
    _c("Venezuela", "Venezuela|Vénézuela", "Caracas", "vénézuélien", "Venezuelan|Venezuelans"),
    _c("Ecuador", "Equateur|Équateur|Ecuador", "", "équatorien", "Ecuadorian|Ecuadorians"),
    _c("Bolivia", "Bolivie|Bolivia", "", "bolivien", "Bolivian|Bolivians"),
    _c(
        "Paraguay",
        "Paraguay",
        "",
        "",
        "Paraguayan|Paraguayans|paraguayen|paraguayens|paraguayenne|paraguayennes",
    ),
    _c(
        "Uruguay",
        "Uruguay",
        "",
        "",
        "Uruguayan|Uruguayans|uruguayen|uruguayens|uruguayenne|uruguayennes",
    ),
    _c("Cuba", "Cuba", "Havana", "cubain", "Cuban|Cubans"),
    _c("Haiti", "Haïti|Haiti", "", "haïtien", "Haitian|Haitians"),
    _c(
        "Dominican Republic",
        "République dominicaine|Dominican Republic",
        "",
        "dominicain",
        "Dominican|Dominicans",
    ),
    _c("Jamaica", "Jamaïque|Jamaica", "", "jamaïcain", "Jamaican|Jamaicans"),
    _c("Guatemala", "Guatemala", "", "guatémaltèque", "Guatemalan|Guatemalans"),
    _c("Honduras", "Honduras", "", "hondurien", "Honduran|Hondurans"),
    # "Salvador" alone is also a Brazilian city and a first name (Salvador Allende): only
    # with the article French gives the country ("au Salvador", "le Salvador").
    _c(
        "El Salvador",
        "El Salvador|au Salvador|Au Salvador|du Salvador|Du Salvador|le Salvador|Le Salvador",
        "San Salvador",
        "salvadorien",
        "Salvadoran|Salvadorans|Salvadorean",
    ),
    _c(
        "Nicaragua",
        "Nicaragua",
        "",
        "",
        "Nicaraguan|Nicaraguans|nicaraguayen|nicaraguayens|nicaraguayenne|nicaraguayennes",
    ),
    _c("Costa Rica", "Costa Rica", "", "costaricien|costaricain", "Costa Rican|Costa Ricans"),
    _c(
        "Panama",
        "Panama",
        "",
        "",
        "Panamanian|Panamanians|panaméen|panaméens|panaméenne|panaméennes",
    ),
    _c("Guyana", "Guyana", "", "guyanien", "Guyanese"),
    _c("Suriname", "Suriname", "", "surinamais", "Surinamese"),
    _c(
        "Trinidad and Tobago",
        "Trinité-et-Tobago|Trinidad and Tobago",
        "",
        "trinidadien",
        "Trinidadian|Trinidadians",
    ),
    _c("Barbados", "Barbade|Barbados", "", "barbadien", "Barbadian|Barbadians"),
    _c(
        "Bahamas", "Bahamas", "", "", "Bahamian|Bahamians|bahaméen|bahaméens|bahaméenne|bahaméennes"
    ),
    _c("Belize", "Belize", "", "bélizien", "Belizean|Belizeans"),
    _c(
        "Antigua and Barbuda", "Antigua-et-Barbuda|Antigua and Barbuda", "", "antiguais", "Antiguan"
    ),
    _c("Saint Lucia", "Sainte-Lucie|Saint Lucia", "", "saint-lucien", "Saint Lucian"),
    _c("Grenada", "Grenada", "", "grenadien", "Grenadian"),
    _c(
        "Saint Vincent and the Grenadines",
        "Saint-Vincent-et-les-Grenadines|Saint Vincent and the Grenadines",
        "",
        "vincentais",
        "Vincentian",
    ),
    _c("Dominica", "Dominica"),
    _c(
        "Saint Kitts and Nevis",
        "Saint-Christophe-et-Niévès|Saint-Kitts-et-Nevis|Saint Kitts and Nevis",
        "",
        "kittitien",
        "Kittitian",
    ),
    _c(
        "New Zealand",
        "Nouvelle-Zélande|New Zealand",
        "",
        "néo-zélandais",
    ),
    _c("Fiji", "Fidji|Fiji", "", "fidjien", "Fijian|Fijians"),
    _c(
        "Papua New Guinea",
        "Papouasie-Nouvelle-Guinée|Papua New Guinea",
        "",
        "papouan-néo-guinéen",
        "Papua New Guinean",
    ),
    _c("Samoa", "Samoa", "", "samoan", "Samoan|Samoans"),
    _c("Tonga", "Tonga", "", "tongien", "Tongan|Tongans"),
    _c("Vanuatu", "Vanuatu", "", "vanuatais"),
    _c(
        "Solomon Islands",
        "Iles Salomon|Îles Salomon|Solomon Islands",
        "",
        "salomonais",
        "Solomon Islander|Solomon Islanders",
    ),
    _c("Kiribati", "Kiribati", "", "kiribatien"),
    _c("Tuvalu", "Tuvalu", "", "tuvaluan", "Tuvaluan"),
    _c("Nauru", "Nauru", "", "nauruan", "Nauruan"),
    _c("Palau", "Palaos|Palau", "", "palaois|palaosien", "Palauan"),
    _c(
        "Marshall Islands",
        "Iles Marshall|Îles Marshall|Marshall Islands",
        "",
        "marshallais",
        "Marshallese",
    ),
    _c(
        "Federated States of Micronesia",
        "Micronésie|États fédérés de Micronésie|Etats fédérés de Micronésie|Micronesia|Federated States of Micronesia",
        "",
        "micronésien",
        "Micronesian",
    ),
    _c(
        "Switzerland",
        "Suisse|Switzerland|Confédération suisse|Swiss Confederation",
        "",
        "suisse",
        "Swiss",
    ),
    _c("Kosovo", "Kosovo", "", "kosovar", "Kosovar|Kosovan|Kosovars"),
    _c("Holy See", "Saint-Siège|Holy See|Vatican|Cité du Vatican|Vatican City"),
    _c("Andorra", "Andorre|Andorra", "", "andorran", "Andorran"),
    _c("Monaco", "Monaco|principauté de Monaco", "", "monégasque", "Monegasque"),
    _c("Liechtenstein", "Liechtenstein", "", "liechtensteinois", "Liechtensteiner"),
    _c("San Marino", "Saint-Marin|San Marino", "", "saint-marinais", "Sammarinese"),
    _c(
        "Bosnia and Herzegovina",
        "Bosnie-Herzégovine|Bosnie|Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia",
        "",
        "bosnien",
        "Bosnian|Bosnians",
    ),
)

BY_NAME: dict[str, Country] = {c.name: c for c in COUNTRIES}

_BALTIC = ("Estonia", "Latvia", "Lithuania")
_VISEGRAD = ("Czech Republic", "Hungary", "Poland", "Slovakia")
_NORDIC = ("Denmark", "Finland", "Iceland", "Norway", "Sweden")
_BENELUX = ("Belgium", "Netherlands", "Luxembourg")
#: Well-known groups of countries named as one: "the Baltic states", "les pays baltes",
#: "the V4". Each is its members, in the order a list of them is usually given.
COUNTRY_GROUPS = (
    ("Baltic states", _BALTIC),
    ("Baltic countries", _BALTIC),
    ("Baltic nations", _BALTIC),
    ("Baltic republics", _BALTIC),
    ("Baltics", _BALTIC),
    ("pays baltes", _BALTIC),
    ("États baltes", _BALTIC),
    ("Etats baltes", _BALTIC),
    ("républiques baltes", _BALTIC),
    ("Visegrád countries", _VISEGRAD),
    ("Visegrad countries", _VISEGRAD),
    ("Visegrád Group", _VISEGRAD),
    ("Visegrad Group", _VISEGRAD),
    ("Visegrád Four", _VISEGRAD),
    ("Visegrad Four", _VISEGRAD),
    ("V4", _VISEGRAD),
    ("V4 countries", _VISEGRAD),
    ("pays de Visegrád", _VISEGRAD),
    ("pays de Visegrad", _VISEGRAD),
    ("groupe de Visegrád", _VISEGRAD),
    ("groupe de Visegrad", _VISEGRAD),
    ("Nordic countries", _NORDIC),
    ("Nordic states", _NORDIC),
    ("Nordics", _NORDIC),
    ("pays nordiques", _NORDIC),
    ("Benelux", _BENELUX),
    ("Benelux countries", _BENELUX),
    ("pays du Benelux", _BENELUX),
)
#: The same groups as adjectives of a plural role: "the Baltic presidents", "les
#: dirigeants baltes", "Nordic leaders".
COUNTRY_GROUP_ADJECTIVES = (
    ("Baltic", _BALTIC),
    ("baltes", _BALTIC),
    ("Nordic", _NORDIC),
    ("nordiques", _NORDIC),
    ("Visegrád", _VISEGRAD),
    ("Visegrad", _VISEGRAD),
    ("V4", _VISEGRAD),
)


def _alternation(words: list[str]) -> str:
    # Longest first so "Etats-Unis" wins over "Etats", "U.S.A." over "U.S.".
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


PROPER_NOUNS: dict[str, str] = {}
ADJECTIVES: dict[str, str] = {}
for _country in COUNTRIES:
    for _w in _country.names + _country.places:
        PROPER_NOUNS.setdefault(_w.replace("’", "'"), _country.name)
    for _w in _country.adjectives:
        ADJECTIVES.setdefault(_w.casefold(), _country.name)

#: Proper nouns: case-sensitive ("Turkey" the country, not the bird; "US", not "us").
PROPER_MATCHER: PhraseMatcher[str] = PhraseMatcher(PROPER_NOUNS.items(), case_sensitive=True)
#: Adjectives and demonyms: any case ("Américains", "américaines").
ADJ_MATCHER: PhraseMatcher[str] = PhraseMatcher(ADJECTIVES.items(), case_sensitive=False)


MONTHS: dict[str, int] = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "janv.": 1,
    "févr.": 2,
    "avr.": 4,
    "juil.": 7,
    "sept.": 9,
    "oct.": 10,
    "nov.": 11,
    "déc.": 12,
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan.": 1,
    "feb.": 2,
    "mar.": 3,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug.": 8,
    "sep.": 9,
    "dec.": 12,
    "jan": 1,
    "feb": 2,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH_RE = _alternation(list(MONTHS))

WEEKDAYS: dict[str, int] = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_RE = "|".join(WEEKDAYS)

_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "des",
        "du",
        "et",
        "est",
        "une",
        "dans",
        "pour",
        "qui",
        "que",
        "avec",
        "sur",
        "pas",
        "été",
        "ont",
        "aux",
    ]
)
_EN_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "is",
        "was",
        "were",
        "that",
        "with",
        "for",
        "on",
        "has",
        "have",
        "said",
        "from",
        "by",
        "its",
    ]
)


def language(text: str) -> str:
    """'fr' or 'en', by counting common function words in the first few KB."""
    words = text[:4000].lower().split()
    fr = sum(map(_FR_WORDS.__contains__, words))
    en = sum(map(_EN_WORDS.__contains__, words))
    return "en" if en > fr else "fr"
