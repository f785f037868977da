"""budgetlint runtime: affine budgets for LLM agents (filled in by the runtime modules)."""

__version__ = "0.1.0"
