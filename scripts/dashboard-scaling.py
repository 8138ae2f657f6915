#!/usr/bin/env python3
"""The dashboard's cost at 100, 10,000 and 100,000 open incidents (issue 17 part 5).

For each size: a fresh SQLite instance (its first administrator made by the server's own `admin create-user`), a project
and a few incidents opened through the API (so their sealed title and summary are sealed by the server), then the rest
copied from them straight into the database file in one transaction (new ids and numbers, clocks shifted so deadlines
spread from long breached to weeks away, severities and kinds varied), the alarms already due on the copies marked as told (as if the server had run all along: otherwise its first alarm pass
would tell every one of them during the measurement), then the server started again on it, signed in
through the login form, and N sequential GETs of the dashboard timed after a warm-up; finally the server's resident
memory (VmRSS and VmHWM from /proc/PID/status, and VmRSS split into anonymous memory, the process's own, and file-backed pages,
chiefly the database file that the server maps up to 256 MiB by PRAGMA mmap_size). Prints one line per size and a table in Markdown.

usage: dashboard-scaling.py [--app src/Firebreak.Web/bin/Release/net10.0] [--sizes 100,10000,100000] [--requests 200] [--port 5291]
"""
import argparse, urllib.error, datetime, http.cookiejar, json, os, random, re, sqlite3, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request, uuid

TOKEN_RE = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
SEVERITIES = ["critical", "high", "medium", "low"]
KINDS = ["other", "leaked-credential", "compromised-dependency", "release-compromise"]
PASSWORD = "correct horse battery staple 42"
FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def server_env(work, port):
    env = dict(os.environ)
    env.update({"ASPNETCORE_URLS": f"http://127.0.0.1:{port}", "ASPNETCORE_ENVIRONMENT": "Production", "Firebreak__PublicUrl": f"http://127.0.0.1:{port}",
                "Database__Provider": "sqlite", "Logging__LogLevel__Default": "Warning", "Logging__LogLevel__Microsoft.EntityFrameworkCore": "Error"})
    return env


def start(app, work, port):
    log = open(os.path.join(work, "server.log"), "a")
    env = server_env(work, port)
    env["ASPNETCORE_WEBROOT"] = os.path.join(app, "wwwroot")
    proc = subprocess.Popen(["dotnet", os.path.join(app, "Firebreak.Web.dll")], cwd=work, env=env, stdout=log, stderr=log)
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}; see {work}/server.log")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("the server did not answer /health")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=60)


def api(base, token, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method, headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req) as r:
            return json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {path}: {e.code} {e.read()[:400]!r}")


def parse(text):
    text = text if "." in text else text + ".0"
    return datetime.datetime.strptime(text[:26], FORMAT)


def show(instant):
    return instant.strftime(FORMAT) + "0"  # seven fraction digits, as EF writes them to SQLite


def wire(name):
    return re.sub(r"(?<!^)([A-Z])", r"-\1", name).lower()


def ticks(instant):
    return (instant - datetime.datetime(1, 1, 1)) // datetime.timedelta(microseconds=1) * 10


def told(incident, kind, started, due, now):
    """The notice mark the alarm pass leaves for a running clock that is at risk or breached at `now` (None when neither)."""
    cve = kind in ("CveAssignment", "CveRecordPublication")
    share = 2 / 3 if kind == "CveRecordPublication" else 0.25
    if due <= now:
        state = "breached"
    elif due - now <= (due - started) * share:
        state = "at-risk"
    else:
        return None
    event = "cve-deadline" if cve else "clock-breached" if state == "breached" else "clock-at-risk"
    key = f"{event}{':' + state if cve else ''}:{incident.lower()}:{wire(kind)}:{ticks(due)}"
    return (key, event, show(now))


def seed(database, slug, total, rng):
    """Copies the incidents opened through the API (and their clocks) until the project has `total` open incidents."""
    db = sqlite3.connect(database)
    db.row_factory = sqlite3.Row
    project = db.execute("SELECT Id FROM Projects WHERE Slug = ?", (slug,)).fetchone()["Id"]
    templates = db.execute("SELECT * FROM Incidents WHERE ProjectId = ?", (project,)).fetchall()
    columns = templates[0].keys()
    clocks = {t["Id"]: db.execute("SELECT * FROM IncidentClocks WHERE IncidentId = ?", (t["Id"],)).fetchall() for t in templates}
    clock_columns = next(iter(clocks.values()))[0].keys()
    number = max(t["Number"] for t in templates)
    rows, clock_rows, marks = [], [], []
    now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    for n in range(total - len(templates)):
        template = templates[n % len(templates)]
        shift = datetime.timedelta(seconds=rng.randint(-30 * 86400, 0))  # opened up to 30 days ago: some clocks breached, some at risk, some running
        row = dict(template)
        number += 1
        row.update(Id=str(uuid.uuid4()).upper(), Number=number)  # severity and kind as the template (one of each pair)
        for c in ("OpenedAt", "UpdatedAt"):
            row[c] = show(parse(row[c]) + shift)
        due, breach, risk = [], [], []
        for clock in clocks[template["Id"]]:
            copy = dict(clock)
            copy["IncidentId"] = row["Id"]
            started, due_at = parse(copy["StartedAt"]) + shift, parse(copy["DueAt"]) + shift
            copy["StartedAt"], copy["DueAt"] = show(started), show(due_at)
            if copy["StoppedAt"] is None:
                due.append(due_at); breach.append(due_at); risk.append(due_at - (due_at - started) / 4)
                if (mark := told(row["Id"], copy["Kind"], started, due_at, now)) is not None:
                    marks.append(mark)
            clock_rows.append(tuple(copy[c] for c in clock_columns))
        row["NextDueAt"] = show(min(due)) if due else "9999-12-31 23:59:59.9999999"
        row["BreachAt"] = show(min(breach)) if breach else None
        row["AtRiskAt"] = show(min(risk)) if risk else None
        if "AtRiskFrom" in row:  # the earlier of the two, as Incident.AtRiskFrom; the server's triggers count the copies as they go in
            row["AtRiskFrom"] = show(min(min(risk), min(breach))) if risk else None
        rows.append(tuple(row[c] for c in columns))
    with db:
        db.executemany(f"INSERT INTO Incidents ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
        db.executemany("INSERT INTO NoticeMarks (Key, Event, At) VALUES (?, ?, ?)", marks)
        db.executemany(f"INSERT INTO IncidentClocks ({', '.join(clock_columns)}) VALUES ({', '.join('?' * len(clock_columns))})", clock_rows)
        db.execute("UPDATE ProjectCounters SET Next = ? WHERE ProjectId = ?", (number + 1, project)) if has_counter(db) else None
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()


def has_counter(db):
    return db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'ProjectCounters'").fetchone()[0] == 1 and \
        "Next" in [r[1] for r in db.execute("PRAGMA table_info(ProjectCounters)")]


def memory(pid):
    figures = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM", "RssAnon", "RssFile"):
                figures[key] = int(value.split()[0]) / 1024
    return figures


def measure(app, size, requests, port, rng):
    work = tempfile.mkdtemp(prefix=f"fb-scale-{size}-")
    base = f"http://127.0.0.1:{port}"
    email = f"bench-{size}@example.test"
    made = subprocess.run(["dotnet", os.path.join(app, "Firebreak.Web.dll"), "admin", "create-user", "--email", email, "--admin", "--token", "--password-stdin"],
                          cwd=work, env=server_env(work, port), input=PASSWORD + "\n", capture_output=True, text=True, check=True)
    token = made.stdout.strip().split("\n")[-1].strip()
    proc = start(app, work, port)
    slug = "scale"
    try:
        api(base, token, "POST", "/api/v1/projects", {"slug": slug, "name": "Scale"})
        for n, (severity, kind) in enumerate((s, k) for s in SEVERITIES for k in KINDS):
            api(base, token, "POST", f"/api/v1/projects/{slug}/incidents", {"kind": kind, "title": f"Template incident {n}", "severity": severity, "summary": "A copied incident."})
    finally:
        stop(proc)
    started = time.perf_counter()
    seed(os.path.join(work, "data", "firebreak.db"), slug, size, rng)
    seeded = time.perf_counter() - started
    proc = start(app, work, port)
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login = opener.open(base + "/account/login").read().decode()
        body = urllib.parse.urlencode({"Email": email, "Password": PASSWORD, "__RequestVerificationToken": TOKEN_RE.search(login).group(1)}).encode()
        opener.open(base + "/account/login", body).read()
        html = opener.open(base + "/").read().decode()
        if "open incident(s)" not in html:
            sys.exit(f"not the dashboard after signing in: {html[:400]}")
        total = re.search(r"(\d+) open incident\(s\)", html).group(1)
        for _ in range(20):
            opener.open(base + "/").read()
        times, sizes = [], []
        for _ in range(requests):
            t = time.perf_counter()
            sizes.append(len(opener.open(base + "/").read()))
            times.append(time.perf_counter() - t)
        times.sort()
        mem = memory(proc.pid)
        return {"size": size, "shown_total": int(total), "median_ms": statistics.median(times) * 1000, "p99_ms": times[int(len(times) * 0.99) - 1] * 1000,
                "html_kb": statistics.median(sizes) / 1024, "rss_mb": mem["VmRSS"], "hwm_mb": mem["VmHWM"], "anon_mb": mem["RssAnon"], "file_mb": mem["RssFile"], "seed_s": seeded}
    finally:
        stop(proc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default="src/Firebreak.Web/bin/Release/net10.0")
    parser.add_argument("--sizes", default="100,10000,100000")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--port", type=int, default=5291)
    args = parser.parse_args()
    app = os.path.abspath(args.app)
    rng = random.Random(17)
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        r = measure(app, size, args.requests, args.port, rng)
        results.append(r)
        print(f"{size:>7} open incidents: median {r['median_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, page {r['html_kb']:.0f} KiB, "
              f"RSS {r['rss_mb']:.0f} MiB (peak {r['hwm_mb']:.0f} MiB; anonymous {r['anon_mb']:.0f}, file-backed {r['file_mb']:.0f}); seeded in {r['seed_s']:.1f} s; dashboard counted {r['shown_total']}", flush=True)
    print("\n| open incidents | median ms | p99 ms | page KiB | RSS MiB | peak RSS MiB | anonymous MiB | file-backed MiB |\n|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['size']:,} | {r['median_ms']:.1f} | {r['p99_ms']:.1f} | {r['html_kb']:.0f} | {r['rss_mb']:.0f} | {r['hwm_mb']:.0f} | {r['anon_mb']:.0f} | {r['file_mb']:.0f} |")
    lo_t, hi_t = min(r["median_ms"] for r in results), max(r["median_ms"] for r in results)
    lo_m, hi_m = min(r["rss_mb"] for r in results), max(r["rss_mb"] for r in results)
    lo_a, hi_a = min(r["anon_mb"] for r in results), max(r["anon_mb"] for r in results)
    print(f"\nratio largest/smallest: time {hi_t / lo_t:.2f}x, memory {hi_m / lo_m:.2f}x, anonymous memory {hi_a / lo_a:.2f}x (goal: within 2x)")
    return 0 if hi_t / lo_t <= 2 and hi_m / lo_m <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
