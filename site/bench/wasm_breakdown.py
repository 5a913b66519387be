#!/usr/bin/env python3
"""What the bytes of a wasm module are: a twiggy-like breakdown from the name section.

    python3 site/bench/wasm_breakdown.py module.wasm [--top 30]

The module needs its name section: build with names kept, e.g.
    wasm-bindgen --target web --no-typescript --keep-debug ... (no --remove-name-section)
    node node_modules/binaryen/bin/wasm-opt -Oz -g ...   (-g keeps the names)
The shipped module has no names; sizes are the same apart from that section.

Prints the size of every section, then code bytes per crate (the first path
segment of each function's demangled name, generic impls counted under the
crate of the type they are for) and the largest functions. Standard library
only; Python 3.9+.
"""

import re
import shutil
import subprocess
import sys
from collections import Counter

SECTION_NAMES = {
    0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
    6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
    12: "datacount",
}


def leb(buf, pos):
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def name(buf, pos):
    length, pos = leb(buf, pos)
    return buf[pos:pos + length].decode("utf-8", "replace"), pos + length


def parse(buf):
    assert buf[:4] == b"\0asm", "not a wasm module"
    pos = 8
    sections = []
    while pos < len(buf):
        sid = buf[pos]
        size, body = leb(buf, pos + 1)
        label = SECTION_NAMES.get(sid, str(sid))
        if sid == 0:
            custom, _ = name(buf, body)
            label = f"custom:{custom}"
        sections.append((sid, label, body, size, body + size - pos))
        pos = body + size
    return sections


def imported_functions(buf, body):
    count, pos = leb(buf, body)
    funcs = 0
    for _ in range(count):
        _, pos = name(buf, pos)
        _, pos = name(buf, pos)
        kind = buf[pos]
        pos += 1
        if kind == 0:
            _, pos = leb(buf, pos)
            funcs += 1
        elif kind == 1:
            pos += 1
            flags, pos = leb(buf, pos)
            _, pos = leb(buf, pos)
            if flags & 1:
                _, pos = leb(buf, pos)
        elif kind == 2:
            flags, pos = leb(buf, pos)
            _, pos = leb(buf, pos)
            if flags & 1:
                _, pos = leb(buf, pos)
        elif kind == 3:
            pos += 2
        else:
            _, pos = leb(buf, pos)
    return funcs


def function_names(buf, body, size):
    _, pos = name(buf, body)  # "name"
    end = body + size
    names = {}
    while pos < end:
        sub = buf[pos]
        sub_size, pos = leb(buf, pos + 1)
        if sub == 1:
            count, p = leb(buf, pos)
            for _ in range(count):
                index, p = leb(buf, p)
                names[index], p = name(buf, p)
        pos += sub_size
    return names


def crate_of(fn_name):
    """The crate a function's bytes are charged to."""
    # v0 demangling writes crate disambiguators (`serde[b21404fa31ba1307]`).
    n = re.sub(r"\[[0-9a-f]+\]", "", fn_name)
    # `<T as Trait>::method` and `<impl Trait for T>`: charge the type T.
    m = re.match(r"^<+(?:impl [^ ]+ for )?(?:&(?:mut )?)?([A-Za-z_][A-Za-z0-9_]*)", n)
    if m:
        # `<_ as Trait>`: a closure or other unnamed type.
        return "(closures)" if m.group(1) == "_" else m.group(1)
    m = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)::", n)
    if m:
        return m.group(1)
    return "(other: " + n.split("::")[0][:30] + ")"


def main():
    args = sys.argv[1:]
    top = 30
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i:i + 2]
    buf = open(args[0], "rb").read()
    sections = parse(buf)
    def brotli(data):
        if not shutil.which("brotli"):
            return ""
        out = subprocess.run(["brotli", "-c", "-q", "11", "-"], input=data, capture_output=True)
        return str(len(out.stdout))

    print(f"{'section':<28} {'bytes':>10} {'brotli alone':>13}")
    for _, label, body, size, total in sections:
        print(f"{label:<28} {total:>10} {brotli(buf[body:body + size]):>13}")
    print(f"{'total':<28} {len(buf):>10}")

    imports = 0
    names = {}
    code = None
    for sid, label, body, size, _ in sections:
        if sid == 2:
            imports = imported_functions(buf, body)
        if label == "custom:name":
            names = function_names(buf, body, size)
        if sid == 10:
            code = (body, size)
    if not names:
        print("\nno name section: build with names kept (see the docstring)")
        return
    count, pos = leb(buf, code[0])
    per_fn = []
    for i in range(count):
        size, body = leb(buf, pos)
        fn_name = names.get(imports + i, f"func[{imports + i}]")
        per_fn.append((body + size - pos, fn_name))
        pos = body + size
    code_total = sum(s for s, _ in per_fn)
    crates = Counter()
    fns = Counter()
    for size, fn_name in per_fn:
        crates[crate_of(fn_name)] += size
        fns[crate_of(fn_name)] += 1
    print(f"\ncode bytes per crate ({count} functions, {code_total} bytes)")
    print(f"{'crate':<40} {'bytes':>10} {'%':>6} {'fns':>6}")
    for crate, size in crates.most_common(top):
        print(f"{crate:<40} {size:>10} {100 * size / code_total:>5.1f}% {fns[crate]:>6}")
    print(f"\nlargest {top} functions")
    for size, fn_name in sorted(per_fn, reverse=True)[:top]:
        print(f"{size:>8}  {fn_name[:150]}")


if __name__ == "__main__":
    main()
