"""The store's behaviour, run against any engine (SQLite here, PostgreSQL in test_store_postgres)."""
from __future__ import annotations

import csv
import io
import threading

import pytest
from suggest_cases import DECLARATION, MEMBERSHIP, POLICY

from mapdata.suggest.store import Invalid, RateLimited


def submit_and_read_status(store):
    ref = store.submit(MEMBERSHIP)
    assert len(ref) >= 16
    status = store.status(ref)
    assert status.status == "received" and status.place == "Weyhe" and status.fact == "membership"
    assert "reader@example.org" not in repr(status)
    assert store.status("not-a-ref") is None and store.status("x" * 500) is None
    assert store.get(ref).contact == "reader@example.org"


def twenty_writers_at_once(store):
    refs: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(20)

    def write(i: int) -> None:
        try:
            start.wait()
            for j in range(5):
                refs.append(store.submit({**DECLARATION, "note": f"writer {i} #{j}"}, session_key=f"s{i}"))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(refs) == 100 and len(set(refs)) == 100
    stored = store.queue()
    assert len(stored) == 100
    assert {s.ref for s in stored} == set(refs)
    assert {s.note for s in stored} == {f"writer {i} #{j}" for i in range(20) for j in range(5)}


def rate_limited(store):
    store.per_hour = 3
    for _ in range(3):
        store.submit(POLICY, session_key="one reader")
    with pytest.raises(RateLimited):
        store.submit(POLICY, session_key="one reader")
    store.submit(POLICY, session_key="another reader")
    assert store.counts() == {"received": 4, "accepted": 0, "declined": 0}


def invalid_is_not_stored(store):
    with pytest.raises(Invalid) as caught:
        store.submit({**MEMBERSHIP, "source_url": "", "date": "2020-13"})
    assert set(caught.value.errors) == {"source_url", "date"}
    assert store.queue() == []


def decisions_are_kept(store):
    a, b = store.submit(MEMBERSHIP), store.submit(POLICY)
    with pytest.raises(Invalid):
        store.decide(b, curator="Ana", action="decline")  # no reason
    store.decide(b, curator="Ana", action="decline", reason="The page does not mention a city card.")
    accepted = store.decide(a, curator="Ben", action="accept", edits={"date": "2020-03-12"}, verified=True)
    assert accepted.status == "accepted" and accepted.date == "2020-03-12"
    (decision,) = accepted.decisions
    assert decision.curator == "Ben" and decision.verified and decision.at is not None
    assert '"date": ["2020-03", "2020-03-12"]' in decision.changes
    declined = store.status(b)
    assert declined.status == "declined" and declined.reason == "The page does not mention a city card."
    assert [s.ref for s in store.queue(status="accepted")] == [a]
    assert [s.ref for s in store.queue(place="zür")] == [b]
    assert [s.ref for s in store.queue(network="seebruecke-safe-harbours")] == [a]
    assert store.queue(place="%") == []
    rows = list(csv.DictReader(io.StringIO(store.export_csv())))
    assert [r["ref"] for r in rows] == [a, b] and rows[0]["decided_by"] == "Ben" and rows[1]["status"] == "declined"


ALL = [submit_and_read_status, twenty_writers_at_once, rate_limited, invalid_is_not_stored, decisions_are_kept]
