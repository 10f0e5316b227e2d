from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DemoResult:
    """What a load_demo run created, by kind ("success story": 25, ...), and how long it took."""

    created: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def add(self, what: str, count: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + count
