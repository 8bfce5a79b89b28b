#!/usr/bin/env python3
"""Informal probe, not the P5 benchmark of DESIGN.md 6: how fast GET /api/audit/verify recomputes the hash chain.

Start the server first on fresh embedded stores with a low-cost BCrypt user (password "secret") who may both make
engagements and audit, for example:
  ./mvnw -q package -DskipTests
  java -jar target/engagement-ledger-*.jar --ledger.data-dir=/tmp/audit-probe --server.port=18096 \
    '--ledger.security.users[0].username=bench' \
    '--ledger.security.users[0].password-hash=$2a$04$0H9T318OhwgkelO6HB7yFeFKjk4PjPOSLiLjViN4YGP1SROJPjk.q' \
    '--ledger.security.users[0].roles[0]=ACCOUNT_MANAGER' '--ledger.security.users[0].roles[1]=AUDITOR'
then run: python3 bench/audit-verify.py [port] [engagements]
It proposes and activates that many engagements (two events each), waits until the chain has linked them all, then
times five verifications of the whole chain (wall time of the HTTP call, one connection).
"""
import sys
import http.client, json, base64, time, datetime
port = int(sys.argv[1]) if len(sys.argv) > 1 else 18096
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2500
auth = "Basic " + base64.b64encode(b"bench:secret").decode()
c = http.client.HTTPConnection("127.0.0.1", port)
def req(method, path, body=None):
    c.request(method, path, body=json.dumps(body) if body is not None else None,
              headers={"Authorization": auth, "Content-Type": "application/json"})
    r = c.getresponse(); data = r.read(); return r.status, data
today = datetime.date.today().isoformat()
for i in range(n):
    st, body = req("POST", "/api/engagements", {
        "clientId": f"c{i % 20}", "clientName": "Client", "roleTitle": "Engineer", "currency": "EUR",
        "billingModel": "MONTHLY", "terms": {"trialDays": 0},
        "seats": [{"professionalId": f"p{i}", "professionalName": "Pat Doe", "rate": 9000, "startDate": today}]})
    assert st == 201, (st, body)
    st, body = req("POST", f"/api/engagements/{json.loads(body)['id']}/activate")
    assert st == 200, (st, body)
while True:
    st, body = req("GET", "/api/audit/verify"); report = json.loads(body)
    assert st == 200 and report["ok"], report
    if report["eventsChecked"] >= 2 * n: break
    time.sleep(0.5)
times = []
for _ in range(5):
    s = time.perf_counter(); st, body = req("GET", "/api/audit/verify"); times.append(time.perf_counter() - s)
    report = json.loads(body); assert report["ok"], report
events = report["eventsChecked"]
print(f"verify of {events} events, {report['checkpointsChecked']} checkpoints: best {min(times)*1000:.0f} ms "
      f"({events/min(times):.0f} events/s), median {sorted(times)[2]*1000:.0f} ms "
      f"({events/sorted(times)[2]:.0f} events/s)")
