"""Countries as actors: names, demonyms and seats of government -> ISO 3166 alpha-2.

News names a state by its name ("Iran"), its demonym ("Iranian", "Iranians"), its capital or seat of
power used for its government ("Tehran said", "the Kremlin"). One table resolves all of them, so that
actors, places and quotes agree on which state a word stands for. Lookups are case-sensitive on the
first letter (demonyms and names are proper nouns) and ignore a leading "the".
"""
from __future__ import annotations

from functools import lru_cache

# code | short name | other names | demonyms (adjective, plural nouns) | capital and seats of government
_TABLE = """
AF|Afghanistan|Islamic Emirate of Afghanistan|Afghan;Afghans;Afghani|Kabul
AL|Albania||Albanian;Albanians|Tirana
DZ|Algeria||Algerian;Algerians|Algiers
AM|Armenia||Armenian;Armenians|Yerevan
AO|Angola||Angolan;Angolans|Luanda
AR|Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
AU|Australia||Australian;Australians|Canberra
AT|Austria||Austrian;Austrians|Vienna
AZ|Azerbaijan||Azerbaijani;Azerbaijanis;Azeri;Azeris|Baku
BH|Bahrain||Bahraini;Bahrainis|Manama
BD|Bangladesh||Bangladeshi;Bangladeshis|Dhaka
BY|Belarus||Belarusian;Belarusians|Minsk
BE|Belgium||Belgian;Belgians|Brussels
BA|Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians|Sarajevo
BR|Brazil||Brazilian;Brazilians|Brasilia;Brasília
BG|Bulgaria||Bulgarian;Bulgarians|Sofia
BF|Burkina Faso||Burkinabe;Burkinabè|Ouagadougou
BI|Burundi||Burundian;Burundians|Gitega
KH|Cambodia||Cambodian;Cambodians|Phnom Penh
CM|Cameroon||Cameroonian;Cameroonians|Yaounde;Yaoundé
CA|Canada||Canadian;Canadians|Ottawa
CF|Central African Republic|CAR|Central African;Central Africans|Bangui
TD|Chad||Chadian;Chadians|N'Djamena
CL|Chile||Chilean;Chileans|Santiago
CN|China|People's Republic of China;PRC|Chinese|Beijing
CO|Colombia||Colombian;Colombians|Bogota;Bogotá
CD|Democratic Republic of the Congo|DR Congo;DRC;Democratic Republic of Congo|Congolese|Kinshasa
CG|Republic of the Congo|Congo-Brazzaville||Brazzaville
HR|Croatia||Croatian;Croatians;Croat;Croats|Zagreb
CU|Cuba||Cuban;Cubans|Havana
CY|Cyprus||Cypriot;Cypriots|Nicosia
CZ|Czech Republic|Czechia|Czech;Czechs|Prague
DK|Denmark||Danish;Danes|Copenhagen
DJ|Djibouti||Djiboutian;Djiboutians|
EG|Egypt|Arab Republic of Egypt|Egyptian;Egyptians|Cairo
ER|Eritrea||Eritrean;Eritreans|Asmara
EE|Estonia||Estonian;Estonians|Tallinn
ET|Ethiopia||Ethiopian;Ethiopians|Addis Ababa
FI|Finland||Finnish;Finns|Helsinki
FR|France|French Republic|French;Frenchman;Frenchmen|Paris;Elysee;Élysée;Elysee Palace
GE|Georgia||Georgian;Georgians|Tbilisi
DE|Germany|Federal Republic of Germany|German;Germans|Berlin
GH|Ghana||Ghanaian;Ghanaians|Accra
GR|Greece||Greek;Greeks|Athens
HU|Hungary||Hungarian;Hungarians|Budapest
IN|India|Republic of India|Indian;Indians|New Delhi
ID|Indonesia||Indonesian;Indonesians|Jakarta
IR|Iran|Islamic Republic of Iran;Islamic Republic|Iranian;Iranians|Tehran;Teheran
IQ|Iraq|Republic of Iraq|Iraqi;Iraqis|Baghdad
IE|Ireland|Republic of Ireland|Irish|Dublin
IL|Israel|State of Israel|Israeli;Israelis|Jerusalem
IT|Italy||Italian;Italians|Rome
JP|Japan||Japanese|Tokyo
JO|Jordan|Hashemite Kingdom of Jordan|Jordanian;Jordanians|Amman
KZ|Kazakhstan||Kazakh;Kazakhs;Kazakhstani|Astana
KE|Kenya||Kenyan;Kenyans|Nairobi
KP|North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Pyongyang
KR|South Korea|Republic of Korea|South Korean;South Koreans|Seoul
XK|Kosovo||Kosovar;Kosovars|Pristina
KW|Kuwait||Kuwaiti;Kuwaitis|Kuwait City
KG|Kyrgyzstan||Kyrgyz|Bishkek
LV|Latvia||Latvian;Latvians|Riga
LB|Lebanon|Lebanese Republic|Lebanese|Beirut
LY|Libya||Libyan;Libyans|Tripoli
LT|Lithuania||Lithuanian;Lithuanians|Vilnius
MY|Malaysia||Malaysian;Malaysians|Kuala Lumpur
ML|Mali||Malian;Malians|Bamako
MR|Mauritania||Mauritanian;Mauritanians|Nouakchott
MX|Mexico||Mexican;Mexicans|Mexico City
MD|Moldova||Moldovan;Moldovans|Chisinau
MN|Mongolia||Mongolian;Mongolians|Ulaanbaatar
ME|Montenegro||Montenegrin;Montenegrins|Podgorica
MA|Morocco||Moroccan;Moroccans|Rabat
MZ|Mozambique||Mozambican;Mozambicans|Maputo
MM|Myanmar|Burma|Myanmar;Burmese|Naypyidaw;Naypyitaw
NL|Netherlands|Holland|Dutch|Amsterdam;The Hague
NZ|New Zealand||New Zealander;New Zealanders|Wellington
NI|Nicaragua||Nicaraguan;Nicaraguans|Managua
NE|Niger||Nigerien;Nigeriens|Niamey
NG|Nigeria||Nigerian;Nigerians|Abuja
NO|Norway||Norwegian;Norwegians|Oslo
OM|Oman||Omani;Omanis|Muscat
PK|Pakistan|Islamic Republic of Pakistan|Pakistani;Pakistanis|Islamabad
PS|Palestine|State of Palestine|Palestinian;Palestinians|Ramallah
PH|Philippines||Philippine;Filipino;Filipinos|Manila
PL|Poland||Polish;Poles|Warsaw
PT|Portugal||Portuguese|Lisbon
QA|Qatar||Qatari;Qataris|Doha
RO|Romania||Romanian;Romanians|Bucharest
RU|Russia|Russian Federation|Russian;Russians|Moscow;Kremlin
RW|Rwanda||Rwandan;Rwandans|Kigali
SA|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Saudi;Saudis|Riyadh
RS|Serbia||Serbian;Serbians;Serb;Serbs|Belgrade
SO|Somalia||Somali;Somalis|Mogadishu
ZA|South Africa||South African;South Africans|Pretoria
SS|South Sudan||South Sudanese|Juba
ES|Spain||Spanish;Spaniards|Madrid
LK|Sri Lanka||Sri Lankan;Sri Lankans|Colombo
SD|Sudan||Sudanese|Khartoum
SE|Sweden||Swedish;Swedes|Stockholm
CH|Switzerland||Swiss|Bern
SY|Syria|Syrian Arab Republic|Syrian;Syrians|Damascus
TW|Taiwan|Republic of China|Taiwanese|Taipei
TJ|Tajikistan||Tajik;Tajiks|Dushanbe
TZ|Tanzania||Tanzanian;Tanzanians|Dodoma
TH|Thailand||Thai|Bangkok
TN|Tunisia||Tunisian;Tunisians|Tunis
TR|Turkey|Türkiye;Turkiye;Republic of Turkey|Turkish;Turks|Ankara
TM|Turkmenistan||Turkmen|Ashgabat
UG|Uganda||Ugandan;Ugandans|Kampala
UA|Ukraine||Ukrainian;Ukrainians|Kyiv;Kiev
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
GB|Britain|United Kingdom;UK;U.K.;Great Britain|British;Briton;Britons|London;Downing Street;Whitehall
US|United States|United States of America;US;U.S.;USA;U.S.A.;America|American;Americans|Washington;White House
UZ|Uzbekistan||Uzbek;Uzbeks|Tashkent
VE|Venezuela||Venezuelan;Venezuelans|Caracas
VN|Vietnam|Viet Nam|Vietnamese|Hanoi
EH|Western Sahara||Sahrawi;Sahrawis|
YE|Yemen||Yemeni;Yemenis|Sanaa;Sana'a
ZW|Zimbabwe||Zimbabwean;Zimbabweans|Harare
"""

# Peoples that are not one state: a demonym or plural names the group, not a country.
_GROUPS = """
Kurds|Kurdish;Kurd
Arabs|Arab;Arabic
Shia|Shiite;Shiites;Shia Muslims;Shi'ite;Shi'ites
Sunnis|Sunni;Sunni Muslims
Alawites|Alawite
Druze|Druze
Yazidis|Yazidi;Yezidi;Yezidis
Christians|Christian
Muslims|Muslim
Jews|Jewish
Turkmen|Turkmens;Iraqi Turkmen
Assyrians|Assyrian
Pashtuns|Pashtun
Hazaras|Hazara
Uyghurs|Uyghur;Uighurs;Uighur
Rohingya|Rohingyas
Tigrayans|Tigrayan
Amhara|Amharas
Tamils|Tamil
Baloch|Baluch;Balochs
Europeans|European
Bedouin|Bedouins
"""


@lru_cache(maxsize=1)
def _index() -> tuple[dict, dict, dict, dict]:
    """(name -> code, demonym -> code, seat -> code, code -> short name)."""
    names, demonyms, seats, short = {}, {}, {}, {}
    for line in _TABLE.strip().splitlines():
        code, name, others, dems, caps = line.split("|")
        short[code] = name
        for n in [name, *filter(None, others.split(";"))]:
            names[n] = code
        for d in filter(None, dems.split(";")):
            demonyms[d] = code
        for c in filter(None, caps.split(";")):
            seats[c] = code
    return names, demonyms, seats, short


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    out = {}
    for line in _GROUPS.strip().splitlines():
        name, forms = line.split("|")
        out[name] = name
        for f in forms.split(";"):
            out[f] = name
    return out


def _clean(text: str) -> str:
    text = " ".join(text.replace("’", "'").split())
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if text.endswith("'s"):
        text = text[:-2]
    elif text.endswith("'"):
        text = text[:-1]
    return text


def country_of_name(text: str) -> str | None:
    """ISO code of a country named by `text` ("Iran", "the United States", "Britain's"), else None."""
    return _index()[0].get(_clean(text))


def country_of_demonym(text: str) -> str | None:
    """ISO code of a state's demonym ("Iranian", "Syrians"), else None."""
    return _index()[1].get(_clean(text))


def country_of_seat(text: str) -> str | None:
    """ISO code of a capital or seat of government ("Tehran", "the Kremlin"), else None."""
    return _index()[2].get(_clean(text))


def country_name(code: str) -> str | None:
    """The short English name of a country code in the table ("IR" -> "Iran")."""
    return _index()[3].get(code)


def country_aliases(code: str) -> list[str]:
    """The other names of a country ("IR" -> ["Islamic Republic of Iran", ...])."""
    names = _index()[0]
    short = country_name(code)
    return [n for n, c in names.items() if c == code and n != short]


def group_of(text: str) -> str | None:
    """Canonical name of a people or faith group ("Kurdish" -> "Kurds"), else None."""
    return _groups().get(_clean(text))
