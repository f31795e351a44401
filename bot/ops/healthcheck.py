"""A container health check that catches a hung server, not only a dead one.

`python -m bot.ops.healthcheck URL [--kill-on-hang]`

Exit 0 when URL answers, 1 when nothing listens (starting up, or down: the restart policy sees
the exit), 2 when the server accepts the connection but does not answer in time, which is what a
hung (stopped, deadlocked) process does. Plain Docker does not replace an unhealthy container,
so with `--kill-on-hang` a hung server is killed (every process of the container but its init,
so run the container with `init: true`); the container then exits and `restart:` brings it back.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import urllib.error
import urllib.request

OK, DOWN, HUNG = 0, 1, 2


def probe(url: str, timeout: float, tries: int) -> int:
    """OK, DOWN or HUNG; HUNG only when every try timed out."""
    for _ in range(tries):
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                if response.status < 500:
                    return OK
        except urllib.error.HTTPError as error:
            if error.code < 500:
                return OK
        except TimeoutError:
            continue
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                continue
            return DOWN
        except OSError:
            return DOWN
    return HUNG


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds per try")
    parser.add_argument("--tries", type=int, default=3)
    parser.add_argument("--kill-on-hang", action="store_true")
    args = parser.parse_args(argv)
    verdict = probe(args.url, args.timeout, args.tries)
    if verdict == HUNG:
        print(f"healthcheck: {args.url} accepted but did not answer in {args.tries} tries",
              file=sys.stderr)
        if args.kill_on_hang:
            os.kill(-1, signal.SIGKILL)  # all of the container but its init (tini)
    return verdict


if __name__ == "__main__":
    raise SystemExit(main())
