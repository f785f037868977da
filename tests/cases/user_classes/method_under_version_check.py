"""Methods defined under a version check in a class body are checked, both arms."""

import sys

from budgetlint import Budget


class Agent:
    if sys.version_info >= (3, 11):

        def run(self, b: Budget) -> None:
            b.delegate()
            b.spend(usd=1)  # expect: BUD001

    else:

        def run(self, b: Budget) -> None:
            b.delegate()
            b.spend(usd=1)  # expect: BUD001
