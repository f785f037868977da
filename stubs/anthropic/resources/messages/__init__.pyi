# Older SDKs define these in anthropic/resources/messages.py itself.
from anthropic.resources.messages.messages import AsyncMessages as AsyncMessages, Messages as Messages
