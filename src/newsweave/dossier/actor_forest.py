"""The groups of a story's names and the union-find forest that joins them into actors.

A :class:`Group` holds the occurrences of one folded name ("U.S." and "US") with the label votes
they carry and what the gazetteer says of the name; a :class:`Forest` joins groups into actors and
never joins a gazetteer place with a person. Both are filled and read by ``dossier.actors`` and
``dossier.short_names``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from newsweave.dossier.occurrences import PLACE_LABELS, Occurrence, best_label

__all__ = ["Forest", "Group"]


@dataclass(slots=True)
class Group:
    """The occurrences of one folded name, their label votes and the gazetteer's view of the name."""

    key: str
    occurrences: list[Occurrence] = field(default_factory=list)
    votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    place: str | None = None
    demonym: bool = False

    @property
    def words(self) -> list[str]:
        return self.key.split(" ")

    @property
    def label(self) -> str:
        return best_label(self.votes)

    @property
    def is_place(self) -> bool:
        return self.place is not None and self.label in PLACE_LABELS

    @property
    def is_person(self) -> bool:
        return not self.is_place and self.votes["PERSON"] > 0


class Forest:
    """Union-find over groups that refuses to join a gazetteer place with a person."""

    def __init__(self, groups: dict[str, Group]) -> None:
        self.groups = groups
        self._parent = {k: k for k in groups}
        self._place = {k: g.is_place for k, g in groups.items()}
        self._person = {k: g.is_person for k, g in groups.items()}

    def find(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if (self._place[ra] and self._person[rb]) or (self._person[ra] and self._place[rb]):
            return False
        ra, rb = sorted((ra, rb))
        self._parent[rb] = ra
        self._place[ra] = self._place[ra] or self._place[rb]
        self._person[ra] = self._person[ra] or self._person[rb]
        return True
