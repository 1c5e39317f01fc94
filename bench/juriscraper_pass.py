"""Times juriscraper's DocketReport on the PACER fixtures, for bench/pacer-parse.ts.

Run by the benchmark as `$JURISCRAPER_PYTHON bench/juriscraper_pass.py`, it speaks one JSON
object per line. It first reads {"files": [{"path": ..., "court": ...}, ...]} and reads every
file (outside the clock), then answers "ready"; each "pass" line after that parses every file
once, in order, and answers {"ms": [per-file milliseconds]}. Each file's time is what a caller
waits for: the parse of its text and the `data` it yields (juriscraper reads the parties and
entries lazily, on `data`). The benchmark alternates these passes with its own and keeps the
quickest of each, so both sides see the same machine at the same moments.
"""

import json
import sys
import time

from juriscraper.pacer import DocketReport


def main():
    request = json.loads(sys.stdin.readline())
    files = []
    for entry in request["files"]:
        with open(entry["path"], "rb") as handle:
            files.append((entry["court"], handle.read().decode("utf-8")))
    print(json.dumps("ready"), flush=True)
    for line in sys.stdin:
        if line.strip() != '"pass"':
            raise SystemExit(f"unexpected request: {line!r}")
        times = []
        for court, text in files:
            start = time.perf_counter()
            report = DocketReport(court)
            report._parse_text(text)
            report.data
            times.append((time.perf_counter() - start) * 1000)
        print(json.dumps({"ms": times}), flush=True)


if __name__ == "__main__":
    main()
