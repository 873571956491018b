#!/usr/bin/env python3
"""Split C# files that declare several public top-level types into one file per type.

Usage: tools/split-types.py FILE...   (file-scoped namespaces only; a type's leading comments and
attributes move with it; every new file gets the original usings and namespace line).
Types with the same name and different generic arity stay together, as do non-public helpers
(they follow the public type declared before them)."""
import os, re, sys

DECL = re.compile(r'^(?P<mods>(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*)'
                  r'(?:record\s+struct|record\s+class|record|class|enum|interface|struct)\s+(?P<name>\w+)')

def split(path):
    lines = open(path, encoding='utf-8').read().split('\n')
    ns = next((i for i, l in enumerate(lines) if l.startswith('namespace ') and l.rstrip().endswith(';')), None)
    if ns is None:
        print(f'skip (no file-scoped namespace): {path}'); return
    header = lines[:ns + 1]
    body = lines[ns + 1:]
    starts = []  # (index in body, name, public)
    for i, l in enumerate(body):
        m = DECL.match(l)
        if m:
            starts.append((i, m.group('name'), 'public' in m.group('mods')))
    public = [s for s in starts if s[2]]
    if len({s[1] for s in public}) < 2:
        return
    # a chunk begins at its declaration, pulled back over doc comments / attributes / comments
    def chunk_start(i):
        while i > 0 and re.match(r'^(///|//|\[)', body[i - 1]):
            i -= 1
        return i
    groups = []  # [name, [start indices]]
    for (i, name, pub) in starts:
        if pub and not any(g[0] == name for g in groups):
            groups.append([name, [chunk_start(i)]])
    # boundaries: every public declaration with a new name starts a new file
    bounds = [g[1][0] for g in groups]
    first = bounds[0]
    prefix = [l for l in body[:first] if l.strip()]
    if prefix:
        print(f'skip (text before first type): {path}'); return
    d = os.path.dirname(path)
    base = os.path.splitext(os.path.basename(path))[0]
    for k, (name, _) in enumerate(groups):
        seg = body[bounds[k]: bounds[k + 1] if k + 1 < len(bounds) else len(body)]
        while seg and not seg[-1].strip():
            seg.pop()
        text = '\n'.join(header + [''] + seg) + '\n'
        # a partial class's other part (ContentImporter.Kit.cs) keeps its own file
        target = path if base.startswith(name + '.') else os.path.join(d, name + '.cs')
        if os.path.exists(target) and name != base and target != path:
            print(f'exists, not overwritten: {target}'); sys.exit(1)
        open(target, 'w', encoding='utf-8').write(text)
    if base not in [g[0] for g in groups] and not any(base.startswith(g[0] + '.') for g in groups):
        os.remove(path)
    print(f'{path}: {len(groups)} files')

for p in sys.argv[1:]:
    split(p)
