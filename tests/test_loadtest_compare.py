"""scripts/wrkparse.py, which scripts/loadtest_compare.sh uses to read wrk:
a canned wrk output (only for the parser) and the comparison table."""

import importlib.util
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("wrkparse", ROOT / "scripts" / "wrkparse.py")
wrkparse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(wrkparse)

WRK = """Running 15s test @ http://127.0.0.1:8001/hi/stories/bench-story-1/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   137.12ms   20.05ms 310.44ms   80.12%
    Req/Sec    29.30      7.41    50.00     65.99%
  Latency Distribution
     50%  134.50ms
     75%  146.20ms
     90%  160.01ms
     99%    1.21s
  879 requests in 15.02s, 9.71MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:     58.52
Transfer/sec:    662.10KB
"""


def test_wrk_output_is_read_with_units():
    result = wrkparse.parse(WRK)
    assert result == {
        "requests_per_second": 58.52,
        "p50_ms": 134.5,
        "p99_ms": 1210.0,
        "non_2xx": 4,
        "socket_errors": 3,
    }
    assert wrkparse.ms("850us") == 0.85


def test_ratios_are_medians_over_rounds_with_min_and_max():
    def run(rps):
        return {"requests_per_second": rps, "p50_ms": 10.0, "p99_ms": 20.0, "non_2xx": 0, "socket_errors": 0}

    runs = {
        "story:ours_uncached": [run(100), run(120), run(90)],
        "story:bakery": [run(50), run(40), run(60)],
    }
    (row,) = wrkparse.compare(runs, ["story"])
    assert row["ours_uncached"]["requests_per_second"] == 100
    assert row["ratio_ours_uncached"] == {"median": 2.0, "min": 1.5, "max": 3.0}
    assert "ratio_ours_cached" not in row
    assert "| story | 100 (10.0/20.0) | - | 50 (10.0/20.0) | 2.0 (1.5-3.0) | - |" in wrkparse.table([row])


def test_the_script_refuses_without_six_urls():
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "loadtest_compare.sh")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "Usage" in done.stderr
