# Older SDKs define these in openai/resources/chat/completions.py itself.
from openai.resources.chat.completions.completions import (
    AsyncCompletions as AsyncCompletions,
    Completions as Completions,
)
