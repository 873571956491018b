#!/usr/bin/env python3
"""Add or update UI strings in a resource file and its sv/da/fi translations.

usage: tools/strings.py src/Modules/People/Resources/PeopleText <<'END'
Key | English | Svenska | Dansk | Suomi
END
The neutral .resx holds English. Existing keys are replaced, others kept; keys are written sorted.
"""
import sys, os, re
from xml.sax.saxutils import escape

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
LANGS = ["", "sv", "da", "fi"]

def path(base, lang):
    return f"{base}.resx" if not lang else f"{base}.{lang}.resx"

def read(p):
    if not os.path.exists(p):
        return {}
    text = open(p, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r'<data name="([^"]+)"[^>]*>\s*<value>(.*?)</value>', text, re.S):
        out[m.group(1)] = m.group(2)
    return out

def write(p, entries):
    with open(p, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(entries):
            f.write(f'  <data name="{k}" xml:space="preserve"><value>{entries[k]}</value></data>\n')
        f.write("</root>\n")

def main():
    base = sys.argv[1]
    os.makedirs(os.path.dirname(base), exist_ok=True)
    tables = [read(path(base, l)) for l in LANGS]
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != 5:
            sys.exit(f"expected 5 fields: {line}")
        key, *texts = parts
        for t, text in zip(tables, texts):
            t[key] = escape(text.replace("\\n", "\n"))
    for l, t in zip(LANGS, tables):
        write(path(base, l), t)

main()
