"""Checking files on the model facts: the CLI's, flake8's and pre-commit's path.

:mod:`.files` finds and reads files, :mod:`.source` analyses one file's
text, :mod:`.selection` chooses what is reported, :mod:`.run` ties them
together (``check_paths``, ``check_text``).
"""
