#!/usr/bin/env python3
"""Keeps the zh-Hans string table (src/FieldSurvey.Web/Resources/SharedResource.zh-Hans.resx) complete.

  scripts/translations.py missing          list English keys used in code/views with no zh-Hans entry
  scripts/translations.py add FILE.tsv     add or update entries from "English<TAB>Chinese" lines
  scripts/translations.py remove KEY...    drop entries (e.g. keys no longer used)

Keys are found in L["..."], t["..."], T("..."), ErrorMessage = "...", Display(Name = "...") and
describer E(..., "...") calls. The translation test (Web.Tests/Localization) catches what this misses.
"""
import html, re, sys, pathlib, xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "FieldSurvey.Web"
RESX = WEB / "Resources" / "SharedResource.zh-Hans.resx"
STR = r'"((?:[^"\\]|\\.)*)"'
PATTERNS = [re.compile(p) for p in (
    r'\bL\[' + STR, r'\bt\[' + STR, r'\bT\(' + STR, r'ErrorMessage\s*=\s*' + STR,
    r'Display\(Name\s*=\s*' + STR, r'\bE\(nameof\(\w+\),\s*' + STR, r'\bLabel\(' + STR, r'\bKey\(' + STR)]

def unescape(s):
    return s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in s else s

def used_keys():
    keys = set()
    for path in list(WEB.rglob("*.cs")) + list(WEB.rglob("*.cshtml")):
        if "/obj/" in str(path) or "/bin/" in str(path) or "Migrations" in str(path):
            continue
        text = path.read_text(encoding="utf-8")
        for p in PATTERNS:
            for m in p.finditer(text):
                keys.add(unescape(m.group(1)))
    return keys

def load():
    if not RESX.exists():
        return {}
    root = ET.parse(RESX).getroot()
    return {d.get("name"): d.findtext("value") for d in root.findall("data")}

def save(entries):
    RESX.parent.mkdir(parents=True, exist_ok=True)
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<root>",
           '  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>',
           '  <resheader name="version"><value>2.0</value></resheader>',
           '  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>',
           '  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>']
    for key in sorted(entries, key=str.lower):
        out.append(f'  <data name="{html.escape(key, quote=True)}" xml:space="preserve"><value>{html.escape(entries[key], quote=False)}</value></data>')
    out.append("</root>")
    RESX.write_text("\n".join(out) + "\n", encoding="utf-8")

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "missing"
    entries = load()
    if cmd == "missing":
        for k in sorted(used_keys() - set(entries)):
            print(k)
    elif cmd == "remove":
        for key in sys.argv[2:]:
            entries.pop(key, None)
        save(entries)
    elif cmd == "add":
        for line in pathlib.Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                en, zh = line.split("\t", 1)
                entries[en] = zh
        # resx names are case-insensitive: "Remove" and "remove" cannot both be keys.
        seen = {}
        for key in sorted(entries):
            if key.lower() in seen:
                sys.exit(f'"{key}" and "{seen[key.lower()]}" differ only in case; use one key in the code')
            seen[key.lower()] = key
        save(entries)
        print(f"{len(entries)} entries in {RESX.relative_to(ROOT)}")
