"""Ownership models: what budgetlint knows about classes and functions."""
