#!/usr/bin/env bash
# Makes the living demo's recordings (seed/demo/recordings/) from the first turns of three demo transcripts, and
# gives those turns their [hh:mm:ss] markers in the transcripts. Run from the repository root after
# `dotnet run scripts/generate-demo.cs` (which writes the transcripts without markers):
#   scripts/demo-recordings.sh
# Needs Debian's espeak-ng and ffmpeg. Running it twice gives the same transcripts (old markers are replaced).
#
# Each turn is spoken by espeak-ng (Chinese lines with -v cmn, English ones with -v en; the speaker label is not
# read out), padded with silence to a whole second so every marker is exact, the turns are joined and encoded as
# Ogg Opus, 16 kbit/s mono (each file well under 100 KB). manifest.json names, per transcript, its file and the
# line and second where each timed turn starts; the demo loader (Data/Seed/DemoSeed) stores the files through
# RecordingStore with consent to record "yes".
set -euo pipefail
TRANSCRIPTS=(zls-01 yz-02 dx-03)
TURNS=4
demo=seed/demo
out=$demo/recordings
[[ -f seed/parks.csv ]] || { echo "Run from the repository root." >&2; exit 1; }
for tool in espeak-ng ffmpeg ffprobe jq; do command -v $tool >/dev/null || { echo "$tool is missing (apt-get install espeak-ng ffmpeg jq)." >&2; exit 1; }; done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
manifest='[]'
for name in "${TRANSCRIPTS[@]}"; do
  file=$demo/transcripts/$name.txt
  sed -i -E 's/^\[[0-9]{2}:[0-9]{2}:[0-9]{2}\] //' "$file"
  : >"$work/list.txt"
  at=0
  turns='[]'
  for ((line = 1; line <= TURNS; line++)); do
    text=$(sed -n "${line}p" "$file")
    if grep -qP '\p{Han}' <<<"$text"; then voice=cmn; else voice=en; fi
    spoken=$(sed -E 's/^[^：:]{1,20}[：:] ?//' <<<"$text")
    espeak-ng -v "$voice" -s 180 -w "$work/raw-$line.wav" -- "$spoken"
    seconds=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/raw-$line.wav")
    # Half a second of pause after the turn, then up to the next whole second.
    whole=$(awk -v d="$seconds" 'BEGIN { w = int(d + 0.5); if (w < d + 0.5) w++; print w }')
    ffmpeg -v error -nostdin -y -i "$work/raw-$line.wav" -af "apad=whole_dur=$whole" "$work/turn-$line.wav"
    echo "file 'turn-$line.wav'" >>"$work/list.txt"
    turns=$(jq -c --argjson l "$line" --argjson a "$at" '. + [{line: $l, at: $a}]' <<<"$turns")
    marker=$(printf '[%02d:%02d:%02d]' $((at / 3600)) $((at % 3600 / 60)) $((at % 60)))
    sed -i "${line}s/^/${marker} /" "$file"
    at=$((at + whole))
  done
  ffmpeg -v error -nostdin -y -f concat -safe 0 -i "$work/list.txt" -ac 1 -c:a libopus -b:a 16k -application voip \
    -map_metadata -1 -fflags +bitexact -flags:a +bitexact "$out/$name.opus"
  manifest=$(jq -c --arg t "transcripts/$name.txt" --arg f "$name.opus" --argjson turns "$turns" \
    '. + [{transcript: $t, file: $f, turns: $turns}]' <<<"$manifest")
  echo "$out/$name.opus: $(stat -c %s "$out/$name.opus") bytes, ${at} s, $TURNS timed turns"
done
jq . <<<"$manifest" >"$out/manifest.json"
