from typing import Generic, TypeVar

_T = TypeVar("_T")

class Future(Generic[_T]):
    def result(self) -> _T: ...
