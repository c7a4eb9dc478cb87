"""The tables: suggestions (what a reader sent), decisions (every curator action) and rate events (limits)."""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def now() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


# The fields a reader fills in, in the data package's terms, with their caps (characters).
FIELDS: dict[str, int] = {
    "city_id": 120, "place": 120, "country_code": 2, "admin1": 100, "fact": 20, "network_id": 80, "role": 20,
    "label": 40, "body": 40, "policy_type": 60, "title": 200, "description": 1000, "date": 10, "end": 10,
    "outcome": 20, "source_url": 500, "source_title": 300, "quote": 1000, "contact": 254, "note": 2000,
}
STATUSES = ("received", "accepted", "declined")


class Suggestion(Base):
    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    ref: Mapped[str] = mapped_column(String(32), unique=True, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="received", nullable=False, index=True)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)  # why it was declined
    city_id: Mapped[str] = mapped_column(String(120), default="", nullable=False)
    place: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    country_code: Mapped[str] = mapped_column(String(2), default="", nullable=False)
    admin1: Mapped[str] = mapped_column(String(100), default="", nullable=False)
    fact: Mapped[str] = mapped_column(String(20), nullable=False)
    network_id: Mapped[str] = mapped_column(String(80), default="", nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    label: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    body: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    policy_type: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    title: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    description: Mapped[str] = mapped_column(Text, default="", nullable=False)
    date: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    end: Mapped[str] = mapped_column(String(10), default="", nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), default="", nullable=False)
    source_url: Mapped[str] = mapped_column(String(500), nullable=False)
    source_title: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    quote: Mapped[str] = mapped_column(Text, default="", nullable=False)
    contact: Mapped[str] = mapped_column(String(254), default="", nullable=False)  # never shown to readers
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)

    decisions: Mapped[list[Decision]] = relationship(back_populates="suggestion", order_by="Decision.id")

    def values(self) -> dict[str, str]:
        """The reader's fields (contact included: for curators only)."""
        return {name: getattr(self, name) for name in FIELDS}


class Decision(Base):
    """One curator action on one suggestion: who, when, what (accept, decline, edit) and what changed."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    suggestion_id: Mapped[int] = mapped_column(ForeignKey("suggestions.id"), nullable=False, index=True)
    curator: Mapped[str] = mapped_column(String(80), nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, nullable=False)
    action: Mapped[str] = mapped_column(String(12), nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    changes: Mapped[str] = mapped_column(Text, default="{}", nullable=False)  # JSON {field: [before, after]}
    verified: Mapped[bool] = mapped_column(default=False, nullable=False)

    suggestion: Mapped[Suggestion] = relationship(back_populates="decisions")


class RateEvent(Base):
    """One suggestion sent by one (hashed) session key: the rate limit counts them over the last hour."""

    __tablename__ = "rate_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now, nullable=False, index=True)
