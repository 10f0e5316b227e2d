"""Reading JSON values with errors that name the file and the key.

A ``Node`` is one JSON value and where it came from. Its accessors check the
type (and, for objects, the exact set of keys) and raise ``ContentError``
with a message such as::

    demo/content/stories/malda-mango.json, at text.hi: missing key 'summary'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from languages.registry import SCRIPTS
from languages.registry import get as get_language


class ContentError(ValueError):
    """A demo content file is malformed or refers to something that does not exist."""


def display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(file)


def read_json(file: Path) -> Node:
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ContentError(f"{display(file)}: not valid JSON: {error}") from error
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{display(file)}: cannot be read: {error}") from error
    return Node(value, file)


def _keys(keys: Iterable[str]) -> str:
    keys = list(keys)
    label = "key" if len(keys) == 1 else "keys"
    return f"{label} {', '.join(repr(key) for key in keys)}"


@dataclass(frozen=True)
class Node:
    value: Any
    file: Path
    path: str = ""

    def error(self, problem: str) -> ContentError:
        where = f", at {self.path}" if self.path else ""
        return ContentError(f"{display(self.file)}{where}: {problem}")

    def at(self, key: str | int) -> Node:
        """The value at `key` (an object key or a list index)."""
        if isinstance(key, int):
            return Node(self.value[key], self.file, f"{self.path}[{key}]")
        return Node(self.value[key], self.file, f"{self.path}.{key}" if self.path else key)

    def _expect(self, kind: type | tuple[type, ...], name: str) -> None:
        # bool is an int in Python; JSON true is never a number here.
        if not isinstance(self.value, kind) or (kind is int and isinstance(self.value, bool)):
            raise self.error(f"expected {name}, found {json.dumps(self.value, ensure_ascii=False)[:60]}")

    def fields(self, *required: str) -> dict[str, Node]:
        """An object with exactly the keys `required`."""
        self._expect(dict, "an object")
        missing = [key for key in required if key not in self.value]
        unknown = [key for key in self.value if key not in required]
        problems = [f"missing {_keys(missing)}"] if missing else []
        problems += [f"unknown {_keys(unknown)}"] if unknown else []
        if problems:
            raise self.error("; ".join(problems))
        return {key: self.at(key) for key in required}

    def mapping(self) -> dict[str, Node]:
        """An object with any keys (for example language codes)."""
        self._expect(dict, "an object")
        return {key: self.at(key) for key in self.value}

    def items(self, *, length: int | None = None) -> list[Node]:
        self._expect(list, "a list")
        if length is not None and len(self.value) != length:
            raise self.error(f"expected {length} items, found {len(self.value)}")
        return [self.at(index) for index in range(len(self.value))]

    def text(self, *, blank: bool = False) -> str:
        self._expect(str, "a string")
        if not blank and not self.value.strip():
            raise self.error("must not be empty")
        return self.value

    def translated_text(self, *, code: str, source: str) -> str:
        """Non-empty text in language `code`: in its script, and not its `source` text."""
        value = self.text()
        if value.strip() == source.strip():
            raise self.error(f"the {code!r} text is its source text, not a translation")
        if not in_script(value, code):
            script = get_language(code).script
            raise self.error(f"the {code!r} text has no letter of its script ({script}): {value[:60]!r}")
        return value

    def integer(self) -> int:
        self._expect(int, "an integer")
        return self.value

    def boolean(self) -> bool:
        self._expect(bool, "true or false")
        return self.value

    def languages(self, *, required: Iterable[str] = (), allowed: Iterable[str]) -> dict[str, Node]:
        """An object keyed by language code: every `required` one, others from `allowed`."""
        values = self.mapping()
        allowed = set(allowed)
        missing = [code for code in required if code not in values]
        if missing:
            raise self.error(f"missing language {_keys(missing)}")
        unknown = [code for code in values if code not in allowed]
        if unknown:
            raise self.error(
                f"unknown language {_keys(unknown)} (expected one of {', '.join(sorted(allowed))})"
            )
        return values

    def translations(self, *, required: Iterable[str] = (), allowed: Iterable[str]) -> dict[str, str]:
        """Language code to non-empty text."""
        return {
            code: node.text() for code, node in self.languages(required=required, allowed=allowed).items()
        }


def add_unique(registry: dict, key, value, *, node: Node, what: str) -> None:
    """registry[key] = value, refusing a second entry with the same `what`."""
    if key in registry:
        raise node.error(f"duplicate {what} {key!r}")
    registry[key] = value


def known(node: Node, key, registry: Iterable, *, what: str, where: str = "") -> None:
    """Refuse a reference to something `registry` does not have."""
    if key not in registry:
        found_in = f" in {where}" if where else ""
        raise node.error(f"unknown {what} {key!r} (not found{found_in})")


def _first_range(script: str) -> tuple[int, int]:
    first = SCRIPTS[script].unicode_range.split(",")[0].strip().removeprefix("U+")
    low, _, high = first.partition("-")
    return int(low, 16), int(high or low, 16)


def in_script(text: str, code: str) -> bool:
    """Whether `text` has at least one letter of language `code`'s script (registry's first range)."""
    low, high = _first_range(get_language(code).script)
    return any(low <= ord(char) <= high for char in text)
