"""Exact amounts: conversion, rounding and refusal of bad input."""

from __future__ import annotations

from decimal import Decimal

import pytest

from budgetlint import Amount, Budget
from budgetlint.runtime.money import (
    FLOAT_USD_UNITS,
    USD_UNIT,
    count_units,
    usd_from_units,
    usd_units,
)


@pytest.mark.parametrize(
    ("value", "units"),
    [
        (1, 1_000_000_000),
        (0.01, 10_000_000),
        (Decimal("0.01"), 10_000_000),
        ("0.01", 10_000_000),
        (1.05e-06, 1_050),  # shortest text of the float, not its binary expansion
        (0, 0),
        (-0.0, 0),
    ],
)
def test_usd_units_reads_the_decimal_text(value: int | float | Decimal | str, units: int) -> None:
    assert usd_units(value) == units


def test_usd_finer_than_the_unit_rounds_to_the_nearest_unit() -> None:
    assert usd_units(0.1 + 0.2) == 300_000_000  # 0.30000000000000004
    assert usd_units(180 * 0.00001) == 1_800_000  # 0.0018000000000000002
    assert usd_units("0.0000000014") == 1
    assert usd_units("0.0000000016") == 2
    assert usd_units("0.0000000005") == 0  # half to even
    assert usd_units("0.0000000015") == 2


def test_float_conversions_stay_exact_when_repeated() -> None:
    first = usd_units(0.07)
    assert [usd_units(0.07) for _ in range(3)] == [first] * 3 == [70_000_000] * 3


def test_remembered_float_prices_convert_exactly_and_refuse_bad_input() -> None:
    assert [FLOAT_USD_UNITS[0.07] for _ in range(3)] == [usd_units(0.07)] * 3
    for bad in (-0.01, float("nan"), float("inf")):
        with pytest.raises(ValueError):
            FLOAT_USD_UNITS[bad]
    assert -0.01 not in FLOAT_USD_UNITS


def test_a_remembered_float_price_does_not_admit_a_bool() -> None:
    budget = Budget(usd=10)
    budget.spend(usd=1.0)  # 1.0 == True: the price is remembered under a key equal to True
    with pytest.raises(TypeError, match="usd must be"):
        budget.spend(usd=True)
    assert budget.spent.usd == 1


@pytest.mark.parametrize("value", [-1, -0.01, "-1", Decimal("-0.5")])
def test_negative_amounts_are_refused(value: int | float | Decimal | str) -> None:
    with pytest.raises(ValueError, match="negative"):
        usd_units(value)
    with pytest.raises(ValueError, match="negative"):
        count_units(value, "tokens")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), "NaN", "-Infinity", Decimal("sNaN")])
def test_non_finite_amounts_are_refused(value: float | Decimal | str) -> None:
    with pytest.raises(ValueError, match="finite"):
        usd_units(value)


def test_text_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="not a number"):
        usd_units("ten")


@pytest.mark.parametrize("value", [True, None, [1], 1j])
def test_other_types_are_refused(value: object) -> None:
    with pytest.raises(TypeError, match="usd must be"):
        usd_units(value)  # type: ignore[arg-type]


def test_counts_must_be_whole_numbers() -> None:
    assert count_units(3, "tokens") == 3
    assert count_units(3.0, "tokens") == 3
    assert count_units("12", "calls") == 12
    assert count_units(Decimal("1E+3"), "tokens") == 1000
    with pytest.raises(ValueError, match="whole number"):
        count_units(2.5, "tokens")


def test_units_show_as_exact_dollars() -> None:
    assert usd_from_units(990_000_000) == Decimal("0.99")
    assert str(usd_from_units(990_000_000)) == "0.99"
    assert str(usd_from_units(100_000_000_000)) == "100.00"
    assert str(usd_from_units(0)) == "0.00"
    assert usd_from_units(1) == USD_UNIT


def test_one_hundred_cents_exhaust_a_dollar_exactly() -> None:
    budget = Budget(usd=1)
    for _ in range(100):
        budget.spend(usd=0.01, calls=0)
    assert budget.spent == Amount(usd=Decimal("1.00"), tokens=0, calls=0)
    assert budget.remaining.usd == 0
    assert isinstance(budget.spent.usd, Decimal)


def test_a_tenth_plus_a_fifth_is_not_more_than_three_tenths() -> None:
    budget = Budget(usd=0.3)
    budget.spend(usd=0.1)
    budget.spend(usd=0.2)
    assert budget.remaining.usd == 0
