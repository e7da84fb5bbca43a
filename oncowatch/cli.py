"""The `oncowatch` command line: the main job, ingest, queries, the sample stream, the schema."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from oncowatch import __version__

log = logging.getLogger(__name__)

EPILOG = """\
Everything the embedded default writes lives in --data-dir (ONCOWATCH_DATA_DIR, default ./.oncowatch).
Authors are pseudonymised with ONCOWATCH_PRIVACY_KEY; without it only --demo (public key) runs.
Times (--since/--until) are ISO 8601, e.g. 2026-11-01 or 2026-11-01T12:00:00Z (UTC when no zone).
"""


def _add_filters(parser: argparse.ArgumentParser, category: bool = True) -> None:
    if category:
        parser.add_argument("--category", help="only posts carrying this label (see `oncowatch schema`)")
    parser.add_argument("--platform", help="only posts from this platform")
    parser.add_argument("--lang", help="only posts in this language")
    parser.add_argument("--since", help="created at or after this time")
    parser.add_argument("--until", help="created before this time")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="oncowatch",
        description="Monitor oncology social media: protect, embed, classify, index and search posts.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"oncowatch {__version__}")
    parser.add_argument("--data-dir", help="folder of the embedded store (env ONCOWATCH_DATA_DIR)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv: debug)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="the main job: make a sample stream (or take --input), ingest, report")
    p.add_argument("--input", help="ingest this JSONL file instead of a fresh sample stream")
    p.add_argument("--n", type=int, default=2000, help="posts in the sample stream (default 2000)")
    p.add_argument("--days", type=int, default=7, help="days the sample stream spans (default 7)")
    p.add_argument("--seed", type=int, default=7, help="seed of the sample stream (default 7)")
    p.add_argument("--demo", action="store_true", help="use the public demo key (implied for samples)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--serve",
        action="store_true",
        help="then serve the dashboard, with a one-time demo user removed when it stops",
    )

    p = sub.add_parser("ingest", help="ingest JSON-lines files (.jsonl, .jsonl.gz, - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--demo", action="store_true", help="use the public demo key (synthetic data only)")
    p.add_argument(
        "--deliver", action="store_true", help="deliver the alerts it raises (a backfill's are not)"
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")

    p = sub.add_parser("sample", help="write a synthetic oncology stream (JSON lines) for demos and tests")
    p.add_argument("--n", type=int, default=1000, help="number of posts (default 1000)")
    p.add_argument("--days", type=int, default=7, help="days spanned (default 7)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--out", help="output file (default stdout; .gz compresses)")
    p.add_argument("--start", help="when the stream starts, ISO 8601 (default 2026-11-01T00:00:00Z)")
    p.add_argument(
        "--inject-spikes",
        action="store_true",
        help="plant spikes for evaluating the alert rules; their truth goes to <out stem>.spikes.json",
    )
    p.add_argument(
        "--spikes", type=int, metavar="K", help="how many spikes (default one per 5 days, at least 2)"
    )

    p = sub.add_parser("search", help="full-text search of stored posts")
    p.add_argument("query", nargs="?", default="", help='words or "a phrase" (empty: newest first)')
    _add_filters(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("trends", help="posts per interval, by category or platform")
    p.add_argument("--by", choices=["category", "platform"], default="category")
    p.add_argument("--interval", choices=["1h", "1d"], default="1d")
    _add_filters(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("similar", help="nearest posts by meaning (FAISS)")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--text", help="a text to compare against")
    group.add_argument("--post-id", help="a stored post to compare against")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("classify", help="classify posts from a file without storing them")
    p.add_argument("--input", required=True, help="JSON lines with at least `text` (- for stdin)")
    p.add_argument("--output", default="-", help="JSON lines out (default stdout)")
    p.add_argument("--demo", action="store_true", help="use the public demo key for mentions")

    p = sub.add_parser("export", help="every enriched post as JSON lines (no embeddings)")
    _add_filters(p)
    p.add_argument("--output", default="-", help="file (default stdout)")

    p = sub.add_parser("dead-letters", help="inputs that could not become posts, and why")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    sub.add_parser("schema", help="print the JSON Schema of the input post format")

    p = sub.add_parser("eval", help="measure the system on labelled data")
    evals = p.add_subparsers(dest="eval_command", required=True, metavar="WHAT")
    e = evals.add_parser(
        "classify",
        help="per-category precision, recall, F1, macro-F1, confusion and hard cases",
        description="Lines carry `id`, `text`, optional `platform`/`lang`/`hard_case`, and `labels` "
        "(list) or `primary`. Held-out corpus: analysis/corpus/heldout/*.jsonl.",
    )
    e.add_argument("--labelled", required=True, nargs="+", metavar="F", help="labelled JSON-lines file(s)")
    e.add_argument("--demo", action="store_true", help="use the public demo key for mentions")
    e.add_argument("--json", action="store_true")

    from oncowatch import alert_commands, stream_commands, topic_commands, variant_commands, web_commands

    stream_commands.add_parsers(sub)
    topic_commands.add_parsers(sub, evals)
    variant_commands.add_parsers(sub, evals)
    alert_commands.add_parsers(sub, evals)
    web_commands.add_parsers(sub)
    return parser


def _drop_import_noise(record: logging.LogRecord) -> bool:
    # Beam warns at import time about Google Cloud client libraries the embedded default never uses.
    return "apitools not found" not in record.getMessage()


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Beam and the model libraries are chatty at INFO; our own lines are what an operator reads.
    for handler in logging.getLogger().handlers:
        handler.addFilter(_drop_import_noise)
    for noisy in ("apache_beam", "sentence_transformers", "transformers", "httpx", "urllib3"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
    # kafka-python logs every reconnect and version probe as an error; our own lines say what
    # matters (broker unreachable, batch failed). -v shows its warnings, -vv everything.
    logging.getLogger("kafka").setLevel(
        logging.CRITICAL if verbosity == 0 else logging.WARNING if verbosity == 1 else logging.DEBUG
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Prefect reports nothing home unless an operator turns it back on.
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    if args.data_dir:
        os.environ["ONCOWATCH_DATA_DIR"] = args.data_dir
    if getattr(args, "demo", False):
        os.environ["ONCOWATCH_DEMO"] = "1"
    from oncowatch import commands

    try:
        return commands.dispatch(args)
    except commands.UserError as exc:
        print(f"oncowatch: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("oncowatch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`oncowatch export | head`): not an error worth a stack trace.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
