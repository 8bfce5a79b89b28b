#!/usr/bin/env python3
"""Informal probe, not the P1-P5 benchmark of DESIGN.md 6: command latency over HTTP and command -> read-model lag.

Start the server first on fresh embedded stores with a low-cost BCrypt user (password "secret"), for example:
  ./mvnw -q package -DskipTests
  java -jar target/engagement-ledger-*.jar --ledger.data-dir=/tmp/probe --server.port=18095 \
    '--ledger.security.users[0].username=bench' \
    '--ledger.security.users[0].password-hash=$2a$04$0H9T318OhwgkelO6HB7yFeFKjk4PjPOSLiLjViN4YGP1SROJPjk.q' \
    '--ledger.security.users[0].roles[0]=ACCOUNT_MANAGER'
then run: python3 bench/quick-lag.py [port]
"""
import sys
import http.client, json, base64, time, statistics, datetime
auth = "Basic " + base64.b64encode(b"bench:secret").decode()
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18095)
def req(method, path, body=None):
    h = {"Authorization": auth, "Content-Type": "application/json"}
    c.request(method, path, body=json.dumps(body) if body is not None else None, headers=h)
    r = c.getresponse(); data = r.read(); return r.status, data
today = datetime.date.today().isoformat()
def proposal(i):
    return {"clientId": f"c{i%20}", "clientName": "C", "roleTitle": "Eng", "currency": "EUR", "billingModel": "MONTHLY",
            "terms": {"trialDays": 0},
            "seats": [{"professionalId": f"p{i}", "professionalName": "P", "rate": 9000, "startDate": today}]}
# warm-up
for i in range(50): req("POST", "/api/engagements", proposal(10_000 + i))
N = 300; lags = []; cmd = []
t0 = time.perf_counter()
for i in range(N):
    s = time.perf_counter(); st, body = req("POST", "/api/engagements", proposal(i)); e = time.perf_counter()
    assert st == 201, (st, body)
    cmd.append(e - s)
    eid = json.loads(body)["id"]
    while True:
        st, _ = req("GET", f"/api/engagements/{eid}")
        if st == 200: break
    lags.append(time.perf_counter() - e)
total = time.perf_counter() - t0
# sequential commands without waiting for the read model
ids = []
t1 = time.perf_counter()
for i in range(N):
    st, body = req("POST", "/api/engagements", proposal(20_000 + i)); assert st == 201
    ids.append(json.loads(body)["id"])
t_prop = time.perf_counter() - t1
t2 = time.perf_counter()
for eid in ids:
    st, body = req("POST", f"/api/engagements/{eid}/activate"); assert st == 200, body
t_act = time.perf_counter() - t2
q = lambda xs, p: sorted(xs)[int(p * (len(xs) - 1))] * 1000
print(f"propose then await read model, {N}x: command p50 {q(cmd,.5):.1f} ms p99 {q(cmd,.99):.1f} ms; "
      f"read-model lag p50 {q(lags,.5):.1f} ms p99 {q(lags,.99):.1f} ms max {max(lags)*1000:.1f} ms")
print(f"{N} proposals back to back over HTTP: {N/t_prop:.0f}/s; {N} activations (existing aggregates): {N/t_act:.0f}/s")
