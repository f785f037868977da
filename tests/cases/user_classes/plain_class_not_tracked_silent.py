"""A class that is neither affine nor linear is not tracked: reusing it after passing it is fine."""


class Settings:
    def __init__(self, model: str) -> None:
        self.model = model


def install(settings: Settings) -> None:
    print(settings.model)


def setup() -> None:
    s = Settings("small")
    install(s)
    install(s)
    print(s.model)
