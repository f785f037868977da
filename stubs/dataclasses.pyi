from typing import Any, TypeVar

from budgetlint.models.markers import copies

_T = TypeVar("_T")

@copies("obj")
def replace(obj: _T, /, **changes: Any) -> _T: ...
# asdict/astuple deep-copy every field value.
@copies("obj")
def asdict(obj: Any, *, dict_factory: Any = dict) -> dict[str, Any]: ...
@copies("obj")
def astuple(obj: Any, *, tuple_factory: Any = tuple) -> tuple[Any, ...]: ...
