"""The benchmark's entry points start (its timings are measured by `python -m bench`, never asserted here)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT


@pytest.mark.parametrize("module", ["bench", "bench.load"])
def test_the_benchmark_commands_start(module):
    done = subprocess.run([sys.executable, "-m", module, "--help"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout
