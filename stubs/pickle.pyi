from typing import Any

from budgetlint.models.markers import copies

# Pickling serialises a copy of the object (and everything it reaches).
@copies("obj")
def dumps(obj: Any, protocol: int | None = None, *, fix_imports: bool = True, buffer_callback: Any = None) -> bytes: ...
@copies("obj")
def dump(obj: Any, file: Any, protocol: int | None = None, *, fix_imports: bool = True, buffer_callback: Any = None) -> None: ...

class Pickler:
    @copies("obj")
    def dump(self, obj: Any, /) -> None: ...
