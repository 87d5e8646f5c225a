"""One settings class for OpenIMR, read from ``OPENIMR_*`` environment variables (pydantic-settings).

Until reviewer assignment gives a letter its reviewer, the letter's qualifications come from the reviewer
profile here. The service reads its database URL and limits here too: SQLite in the working folder by
default, so that ``openimr serve`` needs no setup; PostgreSQL by ``OPENIMR_DATABASE_URL``.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OPENIMR_", env_nested_delimiter="__")

    organization: str = Field(default="OpenIMR", description="The independent review organisation's name.")
    reviewer_licensure_states: list[str] = Field(default_factory=lambda: ["California"])
    reviewer_specialties: list[str] = Field(default_factory=lambda: ["Physical Medicine & Rehabilitation"])
    reviewer_years_in_practice: int = 5
    reviewer_weekly_hours: int = 24

    letter_summary_max_words: int = Field(
        default=900, description="A longer record is summarized in the letter from the extracted facts."
    )

    # Limits on input, each a numbered error when breached (errors.py): time and memory stay bounded.
    max_json_depth: int = Field(default=64, description="Deepest nesting of a JSON case file (E205).")
    max_case_chars: int = Field(
        default=4_000_000, description="Characters of a case's summary and requests together (E207)."
    )
    max_pdf_inflated_bytes: int = Field(
        default=256 * 1024 * 1024, description="What a PDF's compressed streams may inflate to (E208)."
    )
    max_pdf_pages: int = Field(default=2000, description="Pages of one PDF (E209).")
    progress_over_chars: int = Field(
        default=200_000, description="'openimr decide' shows a progress bar while it reads a longer record."
    )

    refer_below: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="Items whose confidence is under this are referred to a physician reviewer (OPENIMR_REFER_BELOW).",
    )

    log_format: Literal["text", "json", "off"] = Field(
        default="text",
        description="The service's access log on standard error: a line of text, a JSON object per line, or off.",
    )

    database_url: str = "sqlite:///openimr.db"
    max_body_bytes: int = 20 * 1024 * 1024
    filing_window_days: int = 30
    standard_deadline_days: int = 30
    expedited_deadline_days: int = 3


@cache
def settings() -> Settings:
    return Settings()
