#!/usr/bin/env python3
"""Sign-in timing from outside: N tries with an unknown address and N with a wrong password for a real account,
interleaved, each a real form post with its own antiforgery token. Prints both medians and their difference.
usage: signin-timing.py BASE_URL KNOWN_EMAIL N"""
import http.cookiejar, re, statistics, sys, time, urllib.parse, urllib.request

base, known, n = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
token_re = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')

def attempt(email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/account/login").read().decode()
    token = token_re.search(page).group(1)
    body = urllib.parse.urlencode({"Email": email, "Password": "not the password", "__RequestVerificationToken": token}).encode()
    start = time.perf_counter()
    answer = opener.open(base + "/account/login", body).read().decode()
    took = time.perf_counter() - start
    if "The e-mail or password is wrong" not in answer:
        sys.exit(f"unexpected answer for {email}: {answer[:300]}")
    return took

for _ in range(10):  # warm both paths
    attempt(known); attempt("warm-nobody@example.test")
unknown, wrong = [], []
for i in range(n):
    unknown.append(attempt(f"nobody-{i}@example.test"))
    wrong.append(attempt(known))
mu, mw = statistics.median(unknown), statistics.median(wrong)
diff = abs(mw - mu) / max(mw, mu) * 100
print(f"sign-in timing: {n} tries each; median unknown address {mu*1000:.1f} ms, wrong password {mw*1000:.1f} ms; difference {diff:.1f}%")
sys.exit(0 if diff < 10 else 1)
