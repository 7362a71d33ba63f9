"""A stand-in for mempool's history endpoints, for bench/earnings.sh (never used by tests).

One retarget 200 days ago (difficulty 1.4e14), 0.025 BTC average fees per block at noon of each of the
last 200 UTC days, a USD close of 90,000 at any time; every other path answers 404, as an unreachable
live source would (the app then shows its bundled sample snapshot).

    python3 bench/mempool_history_stub.py PORT
"""
import http.server
import json
import sys
import time

DAY = 86_400
NOW = int(time.time()) // DAY * DAY


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/api/v1/mining/difficulty-adjustments":
            body = [[NOW - 200 * DAY, 925_000, 1.4e14, 1.0]]
        elif path.startswith("/api/v1/mining/blocks/fees/"):
            body = [{"avgHeight": 925_000 + 144 * i, "timestamp": NOW - (200 - i) * DAY + DAY // 2,
                     "avgFees": 2_500_000, "USD": 2_250} for i in range(200)]
        elif path == "/api/v1/historical-price":
            body = {"prices": [{"time": NOW - DAY, "USD": 90_000}], "exchangeRates": {}}
        else:
            self.send_error(404)
            return
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("%s\n" % (fmt % args))


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
