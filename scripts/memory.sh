#!/usr/bin/env bash
# The app's own peak memory on the large synthetic study (issue 21: < 500 MB during the workbook download); not part of
# test.sh. Builds Release, generates the `large` study (2,000 firms, ~192,000 coded segments) into a temp data folder
# (or uses DATA=folder), starts the app as a process of its own on 127.0.0.1, signs in as the PI, opens the report page,
# downloads the workbook twice (the first computes the report's agreement sheets) and the PDF, and prints the process's
# peak resident memory (VmHWM) after each step beside the target. Appends the figures to docs/benchmarks.md.
# Exit status 1 when the target is missed. GC=workstation|server runs the app with that garbage collector instead of
# the one it is built with (to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT=${PORT:-5093}
URL="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
TARGET_MB=500

echo "== build (Release)"
dotnet build src/FieldSurvey.Web -c Release -nologo -v q >/dev/null
WEB=$PWD/src/FieldSurvey.Web/bin/Release/net10.0/FieldSurvey.Web.dll
export ASPNETCORE_ENVIRONMENT=Staging Demo__Enabled=true Logging__LogLevel__Default=Warning Security__AllowPlainHttp=true
case "${GC:-}" in
  workstation) export DOTNET_gcServer=0 ;;
  server) export DOTNET_gcServer=1 ;;
esac
if [ -z "${DATA:-}" ]; then
  DATA=$(mktemp -d /tmp/fieldsurvey-memory.XXXXXX)
  echo "== generate the large synthetic study in $DATA"
  (cd src/FieldSurvey.Web && Storage__DataFolder="$DATA" dotnet "$WEB" generate large) | tail -1
fi
export Storage__DataFolder="$DATA"

echo "== start the app on $URL"
(cd src/FieldSurvey.Web && exec dotnet "$WEB" --urls "$URL") >"$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do curl -fs -o /dev/null "$URL/Account/Login" && break; sleep 1; done
jar="$WORK/pi.jar"
token=$(curl -fs -c "$jar" "$URL/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "Input.Email=pi@example.org" --data-urlencode "Input.Password=Demo-2026!" \
  --data-urlencode "__RequestVerificationToken=$token" "$URL/Account/Login"

peak() { awk '/^VmHWM:/ {printf "%.0f", $2/1024}' "/proc/$APP/status"; }
rows=()
step() { # what, path
  local out
  out=$(curl -fs -o "$WORK/body" -b "$jar" -w '%{http_code} %{time_total} %{size_download}' "$URL$2") || { echo "$1: $2 failed"; exit 1; }
  read -r code secs bytes <<<"$out"
  rows+=("| $1 | $code | ${secs}s | $((bytes / 1024)) KB | $(peak) MB |")
  echo "$1: HTTP $code in ${secs}s, $((bytes / 1024)) KB; peak resident memory so far $(peak) MB"
}
echo "== the app's peak memory, step by step (started at $(peak) MB)"
START=$(peak)
step "Report page (computes the report)" "/Reports"
sleep 5   # the resampling finishes off the request
step "Workbook download (computes the agreement sheets)" "/Reports/Download?handler=Workbook"
step "Workbook download again" "/Reports/Download?handler=Workbook"
step "PDF download" "/Reports/Download?handler=Pdf"
PEAK=$(peak)
GCMODE=$(grep -o '"System.GC.Server": [a-z]*' src/FieldSurvey.Web/bin/Release/net10.0/FieldSurvey.Web.runtimeconfig.json | awk '{print $2}')
[ -n "${DOTNET_gcServer:-}" ] && GCMODE="DOTNET_gcServer=$DOTNET_gcServer"
verdict=$([ "$PEAK" -lt "$TARGET_MB" ] && echo "met" || echo "MISSED")

{
  echo ""
  echo "## The app's peak memory on the large study (\`scripts/memory.sh\`)"
  echo ""
  echo "Run on $(date -u '+%Y-%m-%d %H:%M') (UTC). Machine: $(nproc) logical cores, .NET $(dotnet --version) SDK; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "App: Release build, a process of its own (Kestrel on 127.0.0.1, SQLite, Staging; server GC: $GCMODE), large synthetic study in $DATA."
  echo "Peak resident memory is the app process's VmHWM after each step; it was $START MB when the app had started."
  echo ""
  echo "| step | status | time | size | app peak memory so far |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  echo ""
  echo "Peak during the workbook downloads: $PEAK MB; target < $TARGET_MB MB: $verdict."
} >> docs/benchmarks.md
echo "Peak resident memory of the app: $PEAK MB (target < $TARGET_MB MB): $verdict. Appended to docs/benchmarks.md."
[ "$verdict" = met ]
