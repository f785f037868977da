from openai._client import AsyncOpenAI as AsyncOpenAI, OpenAI as OpenAI
