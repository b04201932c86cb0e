#!/usr/bin/env bash
# Runs every test of FieldSurvey and ends with one line: "N passed, N failed[, N skipped]".
# Installs what the tests need on a fresh Debian machine with apt: Debian's Chromium for the browser tests
# (never a downloaded browser), poppler-utils, libxml2-utils (REFI-QDA schema check), r-base-core (the data
# package's R script), ffmpeg (interview recordings), espeak-ng (the demo's recordings), and PostgreSQL for the second run of the database tests (skip it with FS_SKIP_POSTGRES=1).
# FS_FAKETIME=+365d runs the test hosts under Debian's libfaketime with the machine's clock moved by that offset: the
# suite must pass on any day, since the test host runs on a fixed fake clock and nothing reads the real one.
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v Rscript >/dev/null 2>&1 || need+=(r-base-core)   # the data package's R script is run by the tests
# The read API's R example (docs/api.md) uses httr2 and jsonlite.
Rscript -e 'library(httr2); library(jsonlite)' >/dev/null 2>&1 || need+=(r-cran-httr2 r-cran-jsonlite)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)           # recordings: durations (ffprobe) and AMR/3GP converted for browsers
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)     # speech from text, for demo and test recordings (docs/recordings.md)
[ -n "${FS_FAKETIME:-}" ] && ! command -v faketime >/dev/null 2>&1 && need+=(faketime)   # libfaketime, for FS_FAKETIME
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} with apt..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "warning: could not install ${need[*]}"
fi

# A CJK font, so the browser tests' screenshots (kept in the Browser tests' artifacts folder) show Chinese text, not boxes.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null 2>&1 || echo "note: no CJK font for screenshots"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results=$(mktemp -d)
dotnet build FieldSurvey.sln -c Release -nologo -v q 2>&1 | grep -vE "warning NU1603" | grep -E "error|Build succeeded|FAILED" 
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then echo "0 passed, 1 failed (build failed)"; exit 1; fi

clock=()
if [ -n "${FS_FAKETIME:-}" ]; then
  # libfaketime goes into the test hosts only (through run settings): vstest's own process, run under faketime,
  # times out waiting for its test host. All clocks are moved together: with FAKETIME_DONT_FAKE_MONOTONIC the
  # timed waits of .NET (pthread_cond_timedwait) expire at once and no WebApplicationFactory host starts.
  lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
  [ -z "$lib" ] && { echo "0 passed, 1 failed (FS_FAKETIME set but libfaketime is missing)"; exit 1; }
  cat > "$results/faketime.runsettings" <<XML
<RunSettings><RunConfiguration><EnvironmentVariables>
  <LD_PRELOAD>$lib</LD_PRELOAD><FAKETIME>$FS_FAKETIME</FAKETIME>
</EnvironmentVariables></RunConfiguration></RunSettings>
XML
  clock=(--settings "$results/faketime.runsettings")
  echo "== tests with the machine's clock at $(FAKETIME="$FS_FAKETIME" LD_PRELOAD="$lib" date -u '+%Y-%m-%d %H:%M') UTC ($FS_FAKETIME)"
fi
dotnet test FieldSurvey.sln -c Release --no-build "${clock[@]}" --logger "trx" --results-directory "$results" -v q 2>&1 \
  | grep -vE "warning NU1603"
code=${PIPESTATUS[0]}

# The database tests again on PostgreSQL (Debian's package, started on localhost), unless FS_SKIP_POSTGRES=1.
if [ "${FS_SKIP_POSTGRES:-0}" != 1 ]; then
  if pg=$(scripts/start-postgres.sh 2>/dev/null | tail -1) && [ -n "$pg" ]; then
    echo "== database tests on PostgreSQL"
    FIELDSURVEY_TEST_POSTGRES="$pg" dotnet test tests/FieldSurvey.Web.Tests -c Release --no-build "${clock[@]}" --logger trx \
      --results-directory "$results/postgres" -v q 2>&1 | grep -vE "warning NU1603"
    [ "${PIPESTATUS[0]}" -ne 0 ] && code=1
  else
    echo "PostgreSQL could not be started: the PostgreSQL run is counted as one failure."
    pg_failed=1
  fi
fi

# Each failed test with the first lines of its message and stack, so a CI log says why, not only that.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
for path in sorted(glob.glob(sys.argv[1] + "/*.trx") + glob.glob(sys.argv[1] + "/postgres/*.trx")):
    engine = "PostgreSQL" if "/postgres/" in path else "default"
    for r in ET.parse(path).getroot().iterfind(".//{*}UnitTestResult"):
        if r.get("outcome") not in ("Failed", "Error", "Timeout"): continue
        message = "".join(r.findtext(".//{*}ErrorInfo/{*}Message") or "").strip().splitlines()[:12]
        stack = "".join(r.findtext(".//{*}ErrorInfo/{*}StackTrace") or "").strip().splitlines()[:8]
        print(f"FAILED ({engine}) {r.get('testName')}")
        for line in message + stack: print("    " + line[:300])
PY

# Sum the counters of every test assembly's TRX file.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx") + glob.glob(sys.argv[1] + "/postgres/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(p, f, s)
PY
)
rm -rf "$results"
failed=$(( ${failed:-0} + ${pg_failed:-0} ))
if [ "${failed:-0}" -eq 0 ] && [ "$code" -ne 0 ]; then failed=1; fi
line="${passed:-0} passed, ${failed:-0} failed"
[ "${skipped:-0}" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "${failed:-0}" -eq 0 ]
