"""Running the ``newsloom`` command from tests: in this process, or as a real process.

In this process (the default) the command goes through the program's own entry point,
:func:`newsloom.cli.main`, with ``sys.argv``, the standard streams and the ``NEWSLOOM_*``
environment isolated as click's test runner isolates them, and its exit code taken from the
``SystemExit`` it ends with: the same code a user's process runs, without starting an interpreter
and loading the models once per command (an ``ingest`` started that way pays 5–10 CPU seconds
before it reads a line). ``process=True`` runs ``python -m newsloom`` instead; tests of what only a
process has (signals, time zones, two writers at once, the entry point itself) use it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import traceback

from click.testing import CliRunner


def newsloom(
    *args: str,
    stdin: str | None = None,
    environment: dict[str, str] | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess[str]:
    """``newsloom ARGS`` with no ``NEWSLOOM_*`` variables but ``environment``; never raises for
    a failing command (look at ``returncode``)."""
    if process:
        clean = {key: value for key, value in os.environ.items() if not key.startswith("NEWSLOOM_")}
        return subprocess.run(
            [sys.executable, "-m", "newsloom", *args],
            capture_output=True,
            text=True,
            input=stdin,
            env={**clean, **(environment or {})},
            timeout=600,
            check=False,
        )
    from newsloom.cli import main

    variables: dict[str, str | None] = {
        key: None for key in os.environ if key.startswith("NEWSLOOM_")
    }
    variables.update(environment or {})
    saved = sys.argv
    code = 0
    with CliRunner().isolation(input=stdin, env=variables) as (out, err, _):
        sys.argv = ["newsloom", *args]
        try:
            main()
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        except Exception:  # what a process would print before dying with status 1
            traceback.print_exc(file=sys.stderr)
            code = 1
        finally:
            sys.argv = saved
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return subprocess.CompletedProcess(
        ["newsloom", *args], code, stdout.decode("utf-8"), stderr.decode("utf-8")
    )
