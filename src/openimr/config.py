"""One settings class for OpenIMR, read from ``OPENIMR_*`` environment variables (pydantic-settings).

Until reviewer assignment exists, the letter's reviewer qualifications come from here: a reviewer profile
an IMR organisation configures for its deployment.
"""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OPENIMR_", env_nested_delimiter="__")

    organization: str = Field(default="OpenIMR", description="The independent review organisation's name.")
    reviewer_licensure_states: list[str] = Field(default_factory=lambda: ["California"])
    reviewer_specialties: list[str] = Field(default_factory=lambda: ["Physical Medicine & Rehabilitation"])
    reviewer_years_in_practice: int = 5
    reviewer_weekly_hours: int = 24


@cache
def settings() -> Settings:
    return Settings()
