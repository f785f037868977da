"""Module models as JSON data, for the cache (:mod:`budgetlint.cache`).

Any record of :mod:`budgetlint.models.types` is written field by field with
its class's name; tuples, frozensets, dicts and enumerations carry a tag.
Reading accepts only those classes and shapes: a cache folder can come from
anywhere, so what it holds is data, never code, and anything else in it is
a :class:`ValueError` (the entry is then rebuilt).
"""

from __future__ import annotations

import dataclasses
import enum
from typing import Final

from budgetlint.engine.ir import Kind
from budgetlint.models.types import (
    ClassModel,
    FunctionModel,
    ModuleModel,
    Param,
    ParamKind,
    SpawnSpec,
    TypeRef,
)

_RECORDS: Final[dict[str, type]] = {
    cls.__name__: cls
    for cls in (TypeRef, Param, SpawnSpec, FunctionModel, ClassModel, ModuleModel)
}
_ENUMS: Final[dict[str, type[enum.Enum]]] = {cls.__name__: cls for cls in (ParamKind, Kind)}
_FIELDS: Final = {name: frozenset(f.name for f in dataclasses.fields(cls))
                  for name, cls in _RECORDS.items()}


def encode(value: object) -> object:
    """``value`` (a model record, or what one holds) as JSON data."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, enum.Enum):
        return {"~e": type(value).__name__, "v": value.value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        found["~"] = type(value).__name__
        return found
    if isinstance(value, tuple):
        return {"~t": [encode(item) for item in value]}
    if isinstance(value, frozenset):
        return {"~f": sorted(encode(item) for item in value)}  # type: ignore[type-var]
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"~d": [[encode(k), encode(v)] for k, v in value.items()]}
    raise TypeError(f"cannot encode {type(value).__name__}")


def decode_object(data: dict[str, object]) -> object:
    """One JSON object read back (``json.loads(..., object_hook=decode_object)``,
    which calls it innermost first). Raises ``ValueError`` for anything
    :func:`encode` does not write."""
    try:
        if "~" in data:
            name = data.pop("~")
            if not isinstance(name, str) or name not in _RECORDS or set(data) - _FIELDS[name]:
                raise ValueError(f"not a model record: {name!r}")
            return _RECORDS[name](**data)
        if len(data) == 1:
            ((tag, items),) = data.items()
            if tag == "~t" and isinstance(items, list):
                return tuple(items)
            if tag == "~f" and isinstance(items, list):
                return frozenset(items)
            if tag == "~d" and isinstance(items, list):
                return {key: item for key, item in items}
        if set(data) == {"~e", "v"} and data["~e"] in _ENUMS:
            return _ENUMS[str(data["~e"])](data["v"])
    except TypeError as error:  # unhashable keys, wrong arguments
        raise ValueError(str(error)) from None
    raise ValueError(f"not model data: {sorted(data)}")


def modules(data: object) -> list[ModuleModel]:
    """Decoded module models, checked to be what :func:`encode` wrote of a list of them."""
    if not isinstance(data, list) or not all(isinstance(m, ModuleModel) for m in data):
        raise ValueError("not a list of module models")
    return data
