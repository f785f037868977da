from openai.resources.chat.chat import AsyncChat, Chat
from openai.resources.responses.responses import AsyncResponses, Responses

# Only the paths that reach a modelled request: client.chat.completions.create.
class OpenAI:
    chat: Chat
    responses: Responses

class AsyncOpenAI:
    chat: AsyncChat
    responses: AsyncResponses
