"""The store: a reader's suggestion submitted (validated, rate-limited, under an unguessable ref), its public
status, the curators' queue with filters, every decision kept, and the queue exported as CSV."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta
from functools import wraps

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload

from mapdata.suggest.db import make_engine
from mapdata.suggest.models import FIELDS, STATUSES, Decision, RateEvent, Suggestion, now
from mapdata.suggest.validate import validate

PER_HOUR = 5  # suggestions one session may send in an hour
REASON_CAP = 1000


class Invalid(ValueError):
    """The suggestion breaks the package's rules: `errors` names them per field."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class RateLimited(RuntimeError):
    """Too many suggestions from this session in the last hour."""


class Unavailable(RuntimeError):
    """The database cannot be reached: nothing was stored."""


@dataclass(frozen=True)
class Status:
    """What anyone holding a ref may see: never a contact."""

    ref: str
    status: str
    reason: str
    place: str
    fact: str
    received: str


def reachable(method):
    """A database that cannot be reached raises Unavailable (the caller keeps what was typed and says so)."""
    @wraps(method)
    def call(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except OperationalError as exc:
            raise Unavailable(str(exc.orig)) from exc
    return call


def new_ref() -> str:
    """An unguessable reference (96 random bits), safe in a link."""
    return secrets.token_urlsafe(12)


def _key(session_key: str) -> str:
    return hashlib.sha256(session_key.encode("utf-8")).hexdigest()


class Store:
    def __init__(self, engine: Engine | None = None, *, per_hour: int = PER_HOUR):
        self.engine = engine or make_engine()
        self.per_hour = per_hour

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def submit(self, values: dict, *, session_key: str = "", networks: set[str] | None = None) -> str:
        """Validate and store a suggestion; its ref. Raises Invalid, RateLimited or Unavailable."""
        clean, errors = validate(values, networks)
        if errors:
            raise Invalid(errors)
        try:
            for _ in range(5):
                try:
                    return self._insert(clean, session_key)
                except IntegrityError:  # a ref drawn twice (never seen, but cheap to survive)
                    continue
            raise Unavailable("could not draw a unique reference")
        except OperationalError as exc:
            raise Unavailable(str(exc.orig)) from exc

    def _insert(self, clean: dict, session_key: str) -> str:
        with self._session() as session, session.begin():
            if session_key:
                key = _key(session_key)
                since = now() - timedelta(hours=1)
                sent = session.scalar(select(func.count()).select_from(RateEvent)
                                      .where(RateEvent.key == key, RateEvent.at >= since))
                if sent >= self.per_hour:
                    raise RateLimited(f"at most {self.per_hour} suggestions an hour from one session")
                session.add(RateEvent(key=key))
            suggestion = Suggestion(ref=new_ref(), status="received", reason="", **clean)
            session.add(suggestion)
        return suggestion.ref

    @reachable
    def status(self, ref: str) -> Status | None:
        """The public status of a ref, or None."""
        if not ref or len(ref) > 32:
            return None
        with self._session() as session:
            s = session.scalar(select(Suggestion).where(Suggestion.ref == ref))
            if s is None:
                return None
            return Status(s.ref, s.status, s.reason if s.status == "declined" else "", s.place, s.fact,
                          s.created_at.date().isoformat())

    @reachable
    def get(self, ref: str) -> Suggestion | None:
        """A suggestion with its decisions (curators only)."""
        with self._session() as session:
            return session.scalar(select(Suggestion).options(selectinload(Suggestion.decisions))
                                  .where(Suggestion.ref == ref))

    @reachable
    def queue(self, *, status: str | None = None, place: str = "", network: str = "") -> list[Suggestion]:
        """Suggestions with their decisions, oldest first, filtered by status, place (part of its name), network."""
        query = select(Suggestion).options(selectinload(Suggestion.decisions)).order_by(Suggestion.id)
        if status:
            query = query.where(Suggestion.status == status)
        if place:
            query = query.where(func.lower(Suggestion.place).contains(place.lower(), autoescape=True))
        if network:
            query = query.where(Suggestion.network_id == network)
        with self._session() as session:
            return list(session.scalars(query))

    @reachable
    def counts(self) -> dict[str, int]:
        with self._session() as session:
            rows = session.execute(select(Suggestion.status, func.count()).group_by(Suggestion.status)).all()
        return {status: dict(rows).get(status, 0) for status in STATUSES}

    @reachable
    def decide(self, ref: str, *, curator: str, action: str, reason: str = "", edits: dict | None = None,
               verified: bool = False, networks: set[str] | None = None) -> Suggestion:
        """Record a decision (accept, decline) with what changed; edits are validated like a new suggestion."""
        curator = curator.strip()[:80]
        if not curator:
            raise Invalid({"curator": "name the curator"})
        if action not in ("accept", "decline"):
            raise ValueError(action)
        reason = reason.strip()[:REASON_CAP]
        if action == "decline" and not reason:
            raise Invalid({"reason": "say why it is declined"})
        with self._session() as session, session.begin():
            s = session.scalar(select(Suggestion).where(Suggestion.ref == ref).with_for_update())
            if s is None:
                raise KeyError(ref)
            changes = {}
            if edits:
                merged, errors = validate({**s.values(), **edits}, networks)
                if errors:
                    raise Invalid(errors)
                for name in FIELDS:
                    if merged[name] != getattr(s, name):
                        changes[name] = [getattr(s, name), merged[name]]
                        setattr(s, name, merged[name])
            s.status = "accepted" if action == "accept" else "declined"
            s.reason = reason if action == "decline" else ""
            session.add(Decision(suggestion=s, curator=curator, action=action, reason=reason,
                                 changes=json.dumps(changes, ensure_ascii=False), verified=verified))
        return self.get(ref)

    def export_csv(self, suggestions: list[Suggestion] | None = None) -> str:
        """The queue as CSV (contacts included: for curators), with the last decision of each."""
        rows = self.queue() if suggestions is None else suggestions
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["ref", "created_at", "status", "reason", *FIELDS, "decided_by", "decided_at"])
        for s in rows:
            last = s.decisions[-1] if s.decisions else None
            cells = (_cell(getattr(s, n)) for n in FIELDS)
            writer.writerow([s.ref, s.created_at.isoformat(), s.status, _cell(s.reason), *cells,
                             last.curator if last else "", last.at.isoformat() if last else ""])
        return out.getvalue()


def _cell(text: str) -> str:
    """No spreadsheet formula from a reader's text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
