from anthropic.resources.messages.messages import AsyncMessages, Messages

# Only the path that reaches a modelled request: client.messages.create.
class Anthropic:
    messages: Messages

class AsyncAnthropic:
    messages: AsyncMessages
