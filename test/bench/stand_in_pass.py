"""A stand-in for juriscraper_pass.py that speaks the same protocol: it times Python's own
html.parser over the same files, so the harness can be tested where juriscraper is absent."""
import json, sys, time
from html.parser import HTMLParser
request = json.loads(sys.stdin.readline())
texts = [open(f["path"], "rb").read().decode("utf-8") for f in request["files"]]
print(json.dumps("ready"), flush=True)
for line in sys.stdin:
    times = []
    for text in texts:
        start = time.perf_counter()
        HTMLParser().feed(text)
        times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"ms": times}), flush=True)
