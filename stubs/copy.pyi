from typing import Any, TypeVar

from budgetlint.models.markers import copies

_T = TypeVar("_T")

@copies("x")
def copy(x: _T) -> _T: ...
@copies("x")
def deepcopy(x: _T, memo: dict[int, Any] | None = None, _nil: Any = []) -> _T: ...
@copies("obj")
def replace(obj: _T, /, **changes: Any) -> _T: ...
