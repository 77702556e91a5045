"""Extracts the examples of README.md and the man pages and runs them.

  examples.py list TOP          print each example's origin and kind
  examples.py files TOP WORLD   write the files the texts show
  examples.py run TOP WORLD     run the examples, in order, in WORLD;
                                print one line per example: "ok DOC #N"
                                or "FAILED DOC #N (DOC:LINE): exit N" and
                                the script and the end of its stderr;
                                $EXAMPLES_EACH_DOCUMENT, if set, is run
                                before each document's first example

What an example is:
  README.md   a ```sh block is a script; a block in another language
              whose first line is "# PATH..." shows a file, written to
              PATH; ```shell blocks build or test the project itself
              and are not run here (CI runs them).
  man pages   a literal display in EXAMPLES: lines starting "$ " are
              commands (with their continuation lines), other lines
              their output; the output of "$ cat NAME" is written to
              NAME first.  A display without "$" lines is a crontab
              line (its command runs), a controls file (checked with
              ll-filter -c) or SQL for DuckDB (run by duckdb -c).
Absolute paths under /srv/, /etc/loglake/ and /data/ are taken below
WORLD, so the examples run as written without touching the system.
"""
import glob
import os
import re
import shlex
import subprocess
import sys

ROOTED = re.compile(r"(?<![\w.$/-])/(srv|etc/loglake|data)(?=/)")
CRON = re.compile(r"^[0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ [0-9*/,-]+ (.*)$",
                  re.S)
SQL = re.compile(r"^\s*(SELECT|WITH|CREATE|INSERT)\b", re.I)


def readme(path):
    out, lang, body, start = [], None, [], 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if lang is None and line.startswith("```"):
            lang, body, start = line[3:].strip(), [], n + 1
        elif lang is not None and line.startswith("```"):
            text = "".join(body)
            origin = "%s:%d" % (os.path.basename(path), start)
            if lang == "sh":
                out.append(("script", origin, text, None))
            elif lang != "shell" and body and body[0].startswith("# "):
                name = re.split(r"[,:\s]", body[0][2:], 1)[0]
                if "/" in name or "." in name:
                    out.append(("file", origin, text, name))
            lang = None
        elif lang is not None:
            body.append(line)
    return out


def unroff(line):
    line = line.replace("\\e", "\\").replace("\\&", "").replace("\\-", "-")
    line = line.replace("\\(aq", "'").replace("\\(dq", '"')
    return line.replace("\\(ga", "`").replace("\\(ti", "~")


def displays(path):
    """The literal displays of the EXAMPLES section, with line numbers."""
    out, inex, body, start = [], False, None, 0
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith(".Sh "):
            inex = line.strip() == ".Sh EXAMPLES"
        elif inex and line.startswith(".Bd -literal"):
            body, start = [], n + 1
        elif inex and body is not None and line.startswith(".Ed"):
            out.append((start, body))
            body = None
        elif body is not None:
            body.append(unroff(line))
    return out


def quotes_open(text):
    """Whether a shell text ends inside quotes (a rough but fair test)."""
    q = None
    i = 0
    while i < len(text):
        c = text[i]
        if q is None and c == "\\":
            i += 2
            continue
        if q is None and c in "'\"":
            q = c
        elif q == c:
            q = None
        elif q == '"' and c == "\\":
            i += 1
        i += 1
    return q is not None


def incomplete(text):
    """Whether a shell text needs more lines: a pipe, a quote, a loop."""
    if text.rstrip().endswith(("\\", "|", "&&")) or quotes_open(text):
        return True
    p = subprocess.run(["bash", "-n"], input=text.encode(),
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return b"unexpected end of file" in p.stderr


def commands(lines):
    """Splits a display into ($-commands, outputs after each)."""
    cmds, cur, outs = [], None, []
    for line in lines:
        if cur is not None and incomplete(cur):
            cur += line
            cmds[-1] = cur
        elif line.startswith("$ "):
            cur = line[2:]
            cmds.append(cur)
            outs.append([])
        elif cmds:
            cur = None
            outs[-1].append(line)
    return cmds, outs


def manpage(path):
    out = []
    name = os.path.basename(path)
    for start, lines in displays(path):
        origin = "%s:%d" % (name, start)
        text = "".join(lines)
        cmds, outs = commands(lines)
        if cmds:
            script = []
            for c, o in zip(cmds, outs):
                m = re.match(r"cat (\S+)\s*$", c)
                if m:
                    out.append(("file", origin, "".join(o), m.group(1)))
                else:
                    script.append(c)
            out.append(("script", origin, "".join(script), None))
        elif CRON.match(text.replace("\\\n", " ")):
            cmd = CRON.match(text).group(1).replace("\\%", "%")
            out.append(("script", origin, cmd, None))
        elif SQL.match(text):
            out.append(("sql", origin, text, None))
        elif name == "ll-controls.5":
            out.append(("controls", origin, text, None))
        else:
            out.append(("unknown", origin, text, None))
    return out


def examples(top):
    out = readme(os.path.join(top, "README.md"))
    for p in sorted(glob.glob(os.path.join(top, "man", "*.[1-9]"))):
        out += manpage(p)
    return out


def rooted(text, world):
    return ROOTED.sub(lambda m: world + "/" + m.group(1), text)


def run(kind, text, name, world):
    if kind == "file":
        path = os.path.join(world, rooted(name, world))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return 0, ""
    if kind == "controls":
        path = os.path.join(world, ".example-controls")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        text = "ll-filter -c .example-controls </dev/null\n"
    if kind == "sql":
        text = "duckdb -c %s\n" % shlex.quote(text)
    script = "set -eu -o pipefail\n" + rooted(text, world) + "\nwait\n"
    p = subprocess.run(["bash", "-c", script], cwd=world,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=600)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: examples.py list|run TOP [WORLD]")
    ex = examples(sys.argv[2])
    if sys.argv[1] == "list":
        for kind, origin, _, name in ex:
            print(kind, origin, name or "")
        return
    world = sys.argv[3]
    if sys.argv[1] == "files":
        for kind, origin, text, name in ex:
            if kind == "file":
                run(kind, text, name, world)
                print("file %s %s" % (origin, name))
        return
    bad, doc, nth = 0, None, 0
    for kind, line, text, name in ex:
        if kind == "file":
            continue
        # Named by their order in the document, so that goldens do not
        # change with every edit above them; failures give the line.
        nth = nth + 1 if line.split(":")[0] == doc else 1
        origin = "%s #%d" % (line.split(":")[0], nth)
        if nth == 1 and os.environ.get(
                "EXAMPLES_EACH_DOCUMENT"):
            subprocess.run(["sh", "-c", os.environ["EXAMPLES_EACH_DOCUMENT"]],
                           cwd=world, check=True)
        doc = line.split(":")[0]
        if kind == "unknown":
            print("unknown %s (not run)" % origin)
            bad += 1
            continue
        rc, err = run(kind, text, name, world)
        if rc == 0:
            print("ok %s" % origin)
            continue
        bad += 1
        print("FAILED %s (%s): exit %d" % (origin, line, rc))
        for line in text.rstrip("\n").split("\n"):
            print("  | " + line)
        for line in err.rstrip("\n").split("\n")[-6:]:
            print("  ! " + line)
    sys.exit(1 if bad else 0)


main()
