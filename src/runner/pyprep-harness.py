"""PyPrep's exercise harness: runs a test file against the user's code.

    python3 -I pyprep-harness.py CODE [--tests FILE] [--hidden FILE]
                                      [--timeout SECONDS]

CODE is the user's module; the tests import it as ``solution``. A test is
a top-level function whose name starts with ``test``, taking no argument,
that fails by raising (a bare ``assert`` is enough). Each test runs in a
child process of its own, forked from this one, so that one test cannot
spoil the next, and so that a test that hangs can be killed at its time
limit without losing the others.

This process never runs the user's code. Its standard output is the report
channel, one JSON object per line:

    {"event": "start", "tests": N}
    {"event": "compile-error", "file": ..., "line": ..., "message": ...}
    {"event": "result", "name": ..., "suite": "visible" | "hidden",
     "status": "pass" | "fail" | "error" | "timeout", "message": ...,
     "left": ..., "right": ..., "traceback": ..., "line": ...,
     "output": ..., "seconds": ..., "cpu_seconds": ...}
    {"event": "end", "passed": P, "total": N}

What the code prints goes to the children's standard output and error,
which are pipes read here and sent as each result's "output": a print
cannot reach this channel.

It uses the standard library only and runs on CPython 3.11 and later.
SPDX-License-Identifier: GPL-3.0-or-later
"""

import ast
import json
import os
import select
import signal
import sys
import time
import traceback
import types

OUTPUT_KEPT = 16 * 1024  # bytes of a test's output kept for the report
REPR_KEPT = 400          # characters of a compared value's repr
CODE_NAME = "solution"   # the module name the tests import


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def short_repr(value):
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ is the user's to fix
        text = f"<repr failed: {type(exc).__name__}>"
    if len(text) > REPR_KEPT:
        text = text[:REPR_KEPT] + "…"
    return text


class ComparisonFailed(AssertionError):
    """An `assert a <op> b` that was false, with both sides kept."""

    def __init__(self, message, left, right):
        super().__init__(message)
        self.left = left
        self.right = right


def _check(left, right, holds, source, message):
    # Called by rewritten asserts once both sides are evaluated.
    if not holds:
        text = source if message is None else f"{message}"
        raise ComparisonFailed(text, short_repr(left), short_repr(right))


class AssertRewriter(ast.NodeTransformer):
    """Rewrites `assert L op R[, msg]` so that a failure reports L and R.

    Each side is evaluated once, in order, as in the original statement;
    the message is evaluated only on failure, as Python does. Chained
    comparisons and other asserts are left alone.
    """

    def __init__(self, source):
        self.source = source

    def visit_Assert(self, node):
        test = node.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            return node
        text = ast.get_source_segment(self.source, node) or "assert"
        left = ast.Name(id="_pyprep_l", ctx=ast.Load())
        right = ast.Name(id="_pyprep_r", ctx=ast.Load())
        compare = ast.Compare(left=left, ops=test.ops, comparators=[right])
        # The message is built lazily: `msg if not holds else None`.
        holds = ast.Name(id="_pyprep_ok", ctx=ast.Load())
        message = (ast.IfExp(test=holds, body=ast.Constant(None), orelse=node.msg)
                   if node.msg is not None else ast.Constant(None))
        body = [
            ast.Assign(targets=[ast.Name(id="_pyprep_l", ctx=ast.Store())], value=test.left),
            ast.Assign(targets=[ast.Name(id="_pyprep_r", ctx=ast.Store())],
                       value=test.comparators[0]),
            ast.Assign(targets=[ast.Name(id="_pyprep_ok", ctx=ast.Store())],
                       value=ast.Call(func=ast.Name(id="bool", ctx=ast.Load()),
                                      args=[compare], keywords=[])),
            ast.Expr(ast.Call(
                func=ast.Name(id="_pyprep_check", ctx=ast.Load()),
                args=[left, right, holds, ast.Constant(text), message],
                keywords=[])),
        ]
        for statement in body:
            ast.copy_location(statement, node)
        # One line of source stays one statement for tracebacks: wrap in `if True:`.
        wrapper = ast.If(test=ast.Constant(True), body=body, orelse=[])
        return ast.fix_missing_locations(ast.copy_location(wrapper, node))


def compile_file(path, rewrite):
    """Returns (code object, None) or (None, compile-error event fields)."""
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            source = f.read()
        tree = ast.parse(source, filename=name)
        if rewrite:
            tree = AssertRewriter(source).visit(tree)
        return compile(tree, name, "exec"), None
    except SyntaxError as exc:
        return None, {"file": name, "line": exc.lineno or 0,
                      "message": f"{type(exc).__name__}: {exc.msg}"}
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return None, {"file": name, "line": 0, "message": str(exc)}


def find_tests(path):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    return [node.name for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name.startswith("test")]


def uses_asyncio(path):
    """Whether a test file has an async test or uses asyncio."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return "async def" in text or "asyncio" in text


def user_frames(tb, files):
    """The traceback, keeping only the frames in the user's and tests' files."""
    frames = [frame for frame in traceback.extract_tb(tb) if frame.filename in files]
    return frames


def run_child(code_obj, tests_obj, test_name, result_fd, files):
    """In the forked child: load the code, then the tests, then run one."""
    result = {"status": "pass"}
    try:
        module = types.ModuleType(CODE_NAME)
        module.__file__ = files[0]
        sys.modules[CODE_NAME] = module
        exec(code_obj, module.__dict__)
        namespace = {"__name__": "tests", "_pyprep_check": _check}
        exec(tests_obj, namespace)
        outcome = namespace[test_name]()
        if hasattr(outcome, "__await__"):
            import asyncio
            asyncio.run(outcome)
    except ComparisonFailed as exc:
        result = {"status": "fail", "message": str(exc), "left": exc.left, "right": exc.right}
        result.update(where(exc, files))
    except AssertionError as exc:
        message = str(exc) or "assertion failed"
        result = {"status": "fail", "message": message}
        result.update(where(exc, files))
    except BaseException as exc:  # the user's code may raise anything
        result = {"status": "error",
                  "message": "".join(traceback.format_exception_only(type(exc), exc)).strip()}
        result.update(where(exc, files))
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        pass
    data = json.dumps(result).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(result_fd, view):]
    os._exit(0)


def where(exc, files):
    frames = user_frames(exc.__traceback__, files)
    if not frames:
        return {}
    lines = []
    for frame in frames:
        lines.append(f'File "{frame.filename}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    last = frames[-1]
    return {"traceback": "\n".join(lines), "file": last.filename, "line": last.lineno}


def run_one(code_obj, tests_obj, test_name, timeout, files):
    result_r, result_w = os.pipe()
    output_r, output_w = os.pipe()
    sys.stdout.flush()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            os.close(result_r)
            os.close(output_r)
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.dup2(output_w, 1)
            os.dup2(output_w, 2)
            os.close(output_w)
            run_child(code_obj, tests_obj, test_name, result_w, files)
        finally:
            os._exit(70)
    os.close(result_w)
    os.close(output_w)

    result_data = bytearray()
    output = bytearray()
    output_total = 0
    open_fds = {result_r, output_r}
    timed_out = False
    deadline = started + timeout
    while open_fds:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select(list(open_fds), [], [], remaining)
        for fd in ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.discard(fd)
                os.close(fd)
            elif fd == result_r:
                result_data += chunk
            else:
                output_total += len(chunk)
                if len(output) < OUTPUT_KEPT:
                    output += chunk[:OUTPUT_KEPT - len(output)]
    # Whatever the test started is stopped with it.
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        pass
    _, status, usage = os.wait4(pid, 0)
    for fd in open_fds:
        os.close(fd)
    seconds = time.monotonic() - started

    text = output.decode("utf-8", "replace")
    if output_total > len(output):
        text += f"\n[{output_total - len(output)} more bytes of output not shown]"
    if timed_out:
        result = {"status": "timeout",
                  "message": f"Stopped after {timeout:g} s: the test did not finish in time"}
    else:
        try:
            result = json.loads(result_data.decode())
        except ValueError:
            if os.WIFSIGNALED(status):
                why = f"killed by signal {os.WTERMSIG(status)}"
            else:
                why = f"exited with status {os.WEXITSTATUS(status)}"
            result = {"status": "error",
                      "message": f"The test process ended without a result ({why})"}
    result.update(name=test_name, output=text, seconds=round(seconds, 3),
                  cpu_seconds=round(usage.ru_utime + usage.ru_stime, 3))
    return result


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(description="Run an exercise's tests.")
    parser.add_argument("code")
    parser.add_argument("--tests")
    parser.add_argument("--hidden")
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args(argv)

    code_obj, problem = compile_file(args.code, rewrite=False)
    suites = [(suite, path) for suite, path in (("visible", args.tests), ("hidden", args.hidden))
              if path]
    compiled = []
    for suite, path in suites:
        obj, suite_problem = compile_file(path, rewrite=True)
        if suite_problem:
            problem = problem or suite_problem
        compiled.append((suite, path, obj))
    tests = [(suite, path, obj, name) for suite, path, obj in compiled if obj
             for name in find_tests(path)]
    emit(event="start", tests=len(tests))
    if problem:
        emit(event="compile-error", **problem)
        emit(event="end", passed=0, total=len(tests))
        return 1

    # Imported once here rather than in every forked test.
    if any(uses_asyncio(path) for _, path, _ in compiled):
        import asyncio  # noqa: F401

    passed = 0
    code_file = os.path.basename(args.code)
    for suite, path, obj, name in tests:
        files = (code_file, os.path.basename(path))
        result = run_one(code_obj, obj, name, args.timeout, files)
        result["suite"] = suite
        passed += result["status"] == "pass"
        emit(event="result", **result)
    emit(event="end", passed=passed, total=len(tests))
    return 0 if passed == len(tests) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
