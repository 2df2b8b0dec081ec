"""YAML dictionaries: a list of rows, or a mapping canonical name -> {patterns, country, ...}.

A list of rows, with the columns of an actor CSV::

    - {pattern: gondor police, name: Gondor police, country: GON, sector: COP}

or a mapping from the canonical name to its surface forms and codes::

    Gondor:
      patterns: [gondor, gondorians]
      country: GON
"""

from __future__ import annotations

from typing import Any

from ..errors import DictionaryError
from .entries import ActorEntry, row_entry


def read_yaml(name: str, text: str) -> list[ActorEntry]:
    """A list of rows, or a mapping canonical name -> {patterns, country, sector, kind}."""
    import yaml

    root = _compose(name, text)
    if isinstance(root, yaml.SequenceNode):
        return _rows(name, root)
    if isinstance(root, yaml.MappingNode):
        return _named(name, root)
    raise DictionaryError(
        name, "line 1: expected a list of entries or a mapping of names; see the docs"
    )


def _compose(name: str, text: str) -> Any:
    """The YAML node tree of `text`; syntax errors and an empty file name the line and fix."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise DictionaryError(name, f"{where}{problem}; fix the YAML syntax") from None
    if root is None:
        raise DictionaryError(name, "line 1: the file is empty; add a list of actor entries")
    return root


def _rows(name: str, root: Any) -> list[ActorEntry]:
    """Entries of a list of rows, each with the keys of an actor CSV row."""
    entries: list[ActorEntry] = []
    for item in root.value:
        row = _yaml_mapping(name, item)
        entries.append(
            row_entry(
                name,
                item.start_mark.line + 1,
                _yaml_str(row.get("pattern")),
                _yaml_str(row.get("name")),
                _yaml_str(row.get("country")),
                _yaml_str(row.get("sector")),
                _yaml_str(row.get("kind")),
                1,
            )
        )
    return entries


def _named(name: str, root: Any) -> list[ActorEntry]:
    """Entries of a mapping canonical name -> {patterns, country, sector, kind}."""
    entries: list[ActorEntry] = []
    for key_node, value_node in root.value:
        actor = str(key_node.value)
        row = _yaml_mapping(name, value_node)
        patterns = row.get("patterns", [actor])
        if isinstance(patterns, str):
            patterns = [patterns]
        if not isinstance(patterns, list):
            raise DictionaryError(
                name,
                f"line {value_node.start_mark.line + 1}: 'patterns' must be a list"
                " of surface forms; write patterns: [form one, form two]",
            )
        for pattern in patterns:
            entries.append(
                row_entry(
                    name,
                    value_node.start_mark.line + 1,
                    _yaml_str(pattern),
                    actor,
                    _yaml_str(row.get("country")),
                    _yaml_str(row.get("sector")),
                    _yaml_str(row.get("kind")),
                    1,
                )
            )
    return entries


def _yaml_mapping(name: str, node: Any) -> dict[str, Any]:
    """One entry's keys (lowercased) and values; an entry that is no mapping is an error."""
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise DictionaryError(
            name,
            f"line {node.start_mark.line + 1}: expected keys pattern, name, country, sector, "
            "kind; write each entry as a mapping",
        )
    value = yaml.safe_load(yaml.serialize(node))
    return {str(k).lower(): v for k, v in value.items()}


def _yaml_str(value: Any) -> str:
    return "" if value is None else str(value)
