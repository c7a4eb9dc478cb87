"""Suggestions used by the store tests (shared by the SQLite and PostgreSQL runs)."""
from __future__ import annotations

MEMBERSHIP = {"place": "Weyhe", "country_code": "DE", "admin1": "Niedersachsen", "fact": "membership",
              "network_id": "seebruecke-safe-harbours", "role": "member", "date": "2020-03",
              "source_url": "https://seebruecke.org/sichere-haefen", "source_title": "Seebrücke: Sichere Häfen",
              "quote": "Weyhe ist Sicherer Hafen", "contact": "reader@example.org", "note": "council vote"}
DECLARATION = {"place": "Palermo", "country_code": "IT", "fact": "declaration", "label": "City of Refuge",
               "body": "council", "outcome": "adopted", "date": "2015", "source_url": "https://example.org/palermo"}
POLICY = {"place": "Zürich", "country_code": "CH", "fact": "policy", "policy_type": "municipal_id",
          "title": "Züri City Card", "outcome": "proposed", "date": "2018-10-24",
          "source_url": "http://example.org/zurich"}
XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "&lt;b&gt;", "<!-- x -->",
       "</textarea><svg onload=alert(1)>"]
