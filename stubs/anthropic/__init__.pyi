from anthropic._client import Anthropic as Anthropic, AsyncAnthropic as AsyncAnthropic
