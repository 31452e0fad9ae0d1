"""What an article's other places say about one name's readings: the provinces and states they lie in, and how near
they are. resolve.py weighs this against each reading's prior; this module only measures. Must not look up names.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from conflictcli.places.gazetteer import Candidate

NEAR_KM = 100.0  # a reading within this distance of another town of the article is near it,
CLOSE_KM = 30.0  # and beside it within this one: a suburb of it, the next village
EARTH_DIAMETER_KM = 12742.0
DEGREE_KM = 111.2  # one degree of latitude, the most a degree of longitude spans


@dataclass(frozen=True)
class Anchor:
    """Where the current reading of another name of the article lies: its first-level division, and its point
    when it is a town. Not a province's centroid (it says little about which towns are near it), nor a city's
    point (around a city of 100,000 or more, every suburb and village is near something the article names)."""
    country: str | None
    admin1: str | None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def of(cls, c: Candidate) -> Anchor:
        town = c.kind == "town" and c.lat is not None and c.lon is not None
        return cls(c.country, c.admin1, c.lat if town else None, c.lon if town else None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(h))


@dataclass
class Context:
    """The article's other places, as `choose` weighs them for one name: how many names lie in each division
    (`divisions`, out of `named`), and where those that are towns lie (`points`: lat, lon, how many names)."""
    divisions: Counter
    named: int
    points: tuple[tuple[float, float, int], ...]

    @classmethod
    def of(cls, anchors: Counter, named: int) -> Context:
        divisions: Counter = Counter()
        points: Counter = Counter()
        for anchor, count in anchors.items():
            divisions[(anchor.country, anchor.admin1)] += count
            if anchor.lat is not None:
                points[(anchor.lat, anchor.lon)] += count
        return cls(divisions, named, tuple((lat, lon, n) for (lat, lon), n in points.items()))

    def division_share(self, c: Candidate) -> float:
        """The share of the article's other names that lie in the reading's province or state (0 when none)."""
        count = self.divisions.get((c.country, c.admin1), 0)
        return count / self.named if count else 0.0

    def nearness(self, c: Candidate) -> tuple[float, bool]:
        """The share of the article's other names that are towns near the reading (each counting fully within
        CLOSE_KM, less and less out to NEAR_KM), and whether one of them is within CLOSE_KM. A share, like the
        division's: one neighbour among twenty names is chance, the only other name of a short article is not."""
        if c.lat is None or c.lon is None or not self.points:
            return 0.0, False
        reach = NEAR_KM / DEGREE_KM
        near, beside = 0.0, False
        for lat, lon, names in self.points:
            if abs(lat - c.lat) < reach and abs(lon - c.lon) * math.cos(math.radians(lat)) < reach:
                distance = km(c.lat, c.lon, lat, lon)
                near += names * min(1.0, max(0.0, (NEAR_KM - distance) / (NEAR_KM - CLOSE_KM)))
                beside = beside or distance <= CLOSE_KM
        return near / max(1, self.named), beside
