"""What an article's other places say about one name's readings: the provinces and states they lie in, and how near
they are. resolve.py weighs this against each reading's prior; this module only measures. Must not look up names.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from conflictcli.places.gazetteer import Candidate

NEAR_KM = 100.0  # a reading within this distance of another town of the article is near it,
CLOSE_KM = 30.0  # and close within this one: a suburb of it, the next village (Lyman is 37 km from Izium)
EARTH_DIAMETER_KM = 12742.0
DEGREE_KM = 111.2  # one degree of latitude, the most a degree of longitude spans


@dataclass(frozen=True)
class Anchor:
    """Where the current reading of another name of the article lies: its first-level division, and its point
    when it is a town or city (a province's centroid says little about which towns are near it)."""
    country: str | None
    admin1: str | None
    lat: float | None = None
    lon: float | None = None

    @classmethod
    def of(cls, c: Candidate) -> Anchor:
        town = c.kind in ("city", "town") and c.lat is not None and c.lon is not None
        return cls(c.country, c.admin1, c.lat if town else None, c.lon if town else None)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return EARTH_DIAMETER_KM * math.asin(math.sqrt(h))


@dataclass
class Context:
    """The article's other places, as `choose` weighs them for one name: how many names lie in each division
    (`divisions`, out of `named`), and the points of those that are towns."""
    divisions: Counter
    named: int
    points: tuple[tuple[float, float], ...]

    @classmethod
    def of(cls, anchors: Counter, named: int) -> Context:
        divisions: Counter = Counter()
        for anchor, count in anchors.items():
            divisions[(anchor.country, anchor.admin1)] += count
        points = tuple({(a.lat, a.lon) for a in anchors if a.lat is not None})
        return cls(divisions, named, points)

    def division_share(self, c: Candidate) -> float:
        """The share of the article's other names that lie in the reading's province or state (0 when none)."""
        count = self.divisions.get((c.country, c.admin1), 0)
        return count / self.named if count else 0.0

    def nearness(self, c: Candidate) -> float:
        """How near the reading lies to the article's other towns, from 0 (none within NEAR_KM) to 1 (one within
        CLOSE_KM), falling linearly between."""
        if c.lat is None or c.lon is None or not self.points:
            return 0.0
        reach = NEAR_KM / DEGREE_KM
        nearest = min((km(c.lat, c.lon, lat, lon) for lat, lon in self.points
                       if abs(lat - c.lat) < reach and abs(lon - c.lon) * math.cos(math.radians(lat)) < reach),
                      default=NEAR_KM)
        return min(1.0, max(0.0, (NEAR_KM - nearest) / (NEAR_KM - CLOSE_KM)))
