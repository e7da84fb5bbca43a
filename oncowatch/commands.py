"""What each CLI command does; the parser lives in `oncowatch.cli`."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from oncowatch.settings import (
    ClassifierSettings,
    EmbeddingSettings,
    MissingPrivacyKey,
    PipelineSettings,
    PrivacySettings,
    StorageSettings,
    pipeline_config,
)


class UserError(Exception):
    """A problem the user can fix; printed without a stack trace."""


def _print_json(obj: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout  # looked up at call time: tests and wrappers replace sys.stdout
    json.dump(obj, out, ensure_ascii=False, indent=None, default=str)
    out.write("\n")


def parse_time(value: str | None) -> datetime | None:
    """ISO 8601 date or date-time; UTC when no zone is given."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise UserError(f"not an ISO 8601 time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _filter(args: argparse.Namespace):
    from indexing.base import PostFilter

    return PostFilter(
        category=getattr(args, "category", None),
        platform=args.platform,
        lang=args.lang,
        since=parse_time(args.since),
        until=parse_time(args.until),
    )


def _config():
    try:
        return pipeline_config(
            StorageSettings(),
            PrivacySettings(),
            EmbeddingSettings(),
            PipelineSettings(),
            ClassifierSettings(),
        )
    except MissingPrivacyKey as exc:
        raise UserError(str(exc)) from exc


def throwaway_config():
    """The configuration, with a random privacy key when none is set (an evaluation's temporary
    store); the environment is left as it was."""
    import secrets

    if os.environ.get("ONCOWATCH_PRIVACY_KEY"):
        return _config()
    os.environ["ONCOWATCH_PRIVACY_KEY"] = secrets.token_hex(16)
    try:
        return _config()
    finally:
        del os.environ["ONCOWATCH_PRIVACY_KEY"]


def existing_store(storage: StorageSettings) -> Path:
    """The store's path, or a clear error when nothing was ingested there yet."""
    if not storage.store_path.exists():
        raise UserError(
            f"no store at {storage.store_path}: ingest something first (`oncowatch run` or "
            "`oncowatch ingest FILE`), or point --data-dir at an existing one"
        )
    return storage.store_path


def sources() -> Any:
    """The query sources (`oncowatch.queries`) of the configured data dir; UserError without a store."""
    from oncowatch.queries import Sources

    storage = StorageSettings()
    existing_store(storage)
    return Sources.from_settings(storage, EmbeddingSettings())


@contextmanager
def _open_store(must_exist: bool = True) -> Iterator[Any]:
    storage = StorageSettings()
    if must_exist:
        existing_store(storage)
    from indexing.factory import open_store

    store = open_store(storage.store_backend, storage.store_path)
    try:
        yield store
    finally:
        store.close()


def _ingest(paths: list[str], cfg, names: list[str] | None = None, deliver: bool = False) -> Any:
    from tqdm import tqdm

    from oncowatch.topic_commands import refresh_topics
    from pipelines import ingest
    from pipelines.sources.files import count_lines

    total = sum(count_lines(p) for p in paths)
    with tqdm(total=total, unit="post", desc="ingest", file=sys.stderr, disable=None) as bar:
        report = ingest.run(paths, cfg, progress=bar.update, names=names)
    # Ingest ends with the topics of what it brought in, so a backfill leaves its topics behind.
    topics = refresh_topics(include_partial=True)
    report.topics = {"born": len(topics.born), "joined": topics.joined, "waiting": topics.waiting,
                     "elapsed_s": round(topics.elapsed_s, 2)}  # fmt: skip
    # ... and the alerts the rules raise over it, after its topics (growth reads them); marked
    # backfilled, and delivered only when asked.
    from oncowatch.alert_commands import check_alerts

    report.alerts = check_alerts(backfilled=True, deliver=deliver)
    return report


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest files; exit non-zero only when nothing could be read."""
    readable = [name for name in args.files if name == "-" or Path(name).is_file()]
    if not readable:
        raise UserError(f"nothing to read: no such file: {', '.join(args.files)}")
    cfg = _config()
    paths: list[str] = []
    names: list[str] = []
    spool = None
    for name in args.files:
        if name == "-":
            # Beam workers cannot read our stdin: spool it to a file in the data dir first.
            spool = tempfile.NamedTemporaryFile(  # noqa: SIM115 - removed in finally below
                prefix="stdin-", suffix=".jsonl", dir=_tmp_dir(), delete=False
            )
            shutil.copyfileobj(sys.stdin.buffer, spool)
            spool.close()
            paths.append(spool.name)
            names.append("<stdin>")
        elif not Path(name).is_file():
            print(f"oncowatch: warning: cannot read {name}: no such file", file=sys.stderr)
        else:
            paths.append(name)
            names.append(name)
    if not paths:
        raise UserError("nothing to read: none of the given files exists")
    try:
        report = _ingest(paths, cfg, names, deliver=args.deliver)
    finally:
        if spool is not None:
            Path(spool.name).unlink(missing_ok=True)
    summary = _report_dict(report, cfg)
    if args.json:
        _print_json(summary)
    else:
        _print_report(summary)
    return 0 if report.read > 0 else 1


def _tmp_dir() -> Path:
    path = StorageSettings().data_dir / "tmp"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _report_dict(report, cfg) -> dict[str, Any]:
    return {
        "posts_read": report.read,
        "posts_written": report.written,
        "dead_letters": report.dead_letters,
        "duplicates_reusing_original": report.duplicates,
        "redelivered": report.redelivered,
        "texts_embedded": report.embedded,
        "vectors_indexed": report.vectors_indexed,
        "by_category": report.by("primary"),
        "by_platform": report.by("platform"),
        "elapsed_s": round(report.elapsed_s, 2),
        "posts_per_s": round(report.posts_per_s, 1),
        "topics": report.topics,
        "alerts": report.alerts,
        "store": str(cfg.store.path),
        "demo_key": cfg.demo,
    }


def _print_report(summary: dict[str, Any]) -> None:
    print(
        f"posts read {summary['posts_read']}, written {summary['posts_written']}, "
        f"dead letters {summary['dead_letters']}, duplicates reusing an original "
        f"{summary['duplicates_reusing_original']}, embedded {summary['texts_embedded']}"
    )
    print(f"elapsed {summary['elapsed_s']} s, {summary['posts_per_s']} posts/s; store {summary['store']}")
    if summary["topics"]:
        t = summary["topics"]
        print(f"topics: {t['born']} born, {t['joined']} posts joined a topic, {t['waiting']} waiting "
              f"({t['elapsed_s']} s); see `oncowatch topics`")  # fmt: skip
    if summary.get("alerts"):
        a = summary["alerts"]
        kinds = ", ".join(f"{n} {k}" for k, n in a["by_kind"].items())
        print(f"alerts: {a['new_alerts']} new{' (' + kinds + ')' if kinds else ''} over {a['ticks']} hourly "
              f"ticks{', delivered' if a['delivered'] else ', not delivered (backfill)'}; "
              "see `oncowatch alerts`")  # fmt: skip
    for title, key in (("by category", "by_category"), ("by platform", "by_platform")):
        counts = summary[key]
        if counts:
            width = max(len(k) for k in counts)
            print(f"{title}:")
            for name, count in sorted(counts.items(), key=lambda kv: -kv[1]):
                print(f"  {name:<{width}}  {count:>7}")
    if summary["demo_key"]:
        print("note: demo mode, pseudonyms use the public demo key; set ONCOWATCH_PRIVACY_KEY for real data")


def cmd_run(args: argparse.Namespace) -> int:
    """The main job on the embedded default: sample (or --input), ingest, report."""
    import os

    if args.input:
        paths = [args.input]
    else:
        if not os.environ.get("ONCOWATCH_PRIVACY_KEY"):
            os.environ["ONCOWATCH_DEMO"] = "1"  # a synthetic stream is what demo mode is for
        from pipelines.sources.sample import generate, write_jsonl

        sample = _tmp_dir() / f"sample-n{args.n}-d{args.days}-s{args.seed}.jsonl"
        with sample.open("w", encoding="utf-8") as out:
            write_jsonl(generate(args.n, days=args.days, seed=args.seed), out)
        if not args.json:
            print(f"synthetic sample stream: {args.n} posts over {args.days} days -> {sample}")
        paths = [str(sample)]
    cfg = _config()
    report = _ingest(paths, cfg)
    summary = _report_dict(report, cfg)
    if args.json:
        _print_json(summary)
    else:
        _print_report(summary)
    if getattr(args, "serve", False):
        from oncowatch.web_commands import serve_demo

        return serve_demo(sys.stderr if args.json else None)
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    """Write the synthetic stream and, with --inject-spikes, the truth about its planted spikes."""
    from pipelines.sources.sample import generate, plan_spikes, spike_truth, truth_path, write_jsonl

    if args.n < 0 or args.days < 1:
        raise UserError("--n must be >= 0 and --days >= 1")
    if args.spikes is not None and not args.inject_spikes:
        raise UserError("--spikes K needs --inject-spikes")
    if args.inject_spikes and (not args.out or args.out == "-"):
        raise UserError("--inject-spikes needs --out FILE: the truth file is written next to it")
    start = parse_time(args.start)
    spikes = []
    if args.inject_spikes:
        try:
            spikes = plan_spikes(args.n, args.days, args.seed, start, args.spikes)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
    posts = list(generate(args.n, days=args.days, seed=args.seed, start=start, spikes=spikes))
    if not args.out or args.out == "-":
        write_jsonl(posts, sys.stdout)
        return 0
    opener = gzip.open if args.out.endswith(".gz") else open
    with opener(args.out, "wt", encoding="utf-8") as out:
        count = write_jsonl(posts, out)
    print(f"wrote {count} synthetic posts to {args.out}", file=sys.stderr)
    if args.inject_spikes:
        truth = spike_truth(
            posts, spikes, stream=Path(args.out).name, n=args.n, days=args.days, seed=args.seed, start=start
        )
        path = truth_path(args.out)
        path.write_text(json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        planted = sum(spike["planted_posts"] for spike in truth["spikes"])
        print(f"wrote the truth of {len(spikes)} planted spikes ({planted} posts) to {path}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    """Full-text search."""
    from oncowatch import queries

    result = queries.search(sources(), args.query, _filter(args), limit=args.limit)
    if args.json:
        _print_json(result)
        return 0
    print(f"{result['total']} posts match")
    for hit in result["hits"]:
        print(f"{hit['created_at']}  {hit['post_id']}  [{hit['primary']}]  {_one_line(hit['redacted_text'])}")
    return 0


def _one_line(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def cmd_trends(args: argparse.Namespace) -> int:
    """Counts per interval, split by category (primary) or platform."""
    from oncowatch import queries

    payload = queries.trends(sources(), args.by, args.interval, _filter(args))
    if args.json:
        _print_json(payload)
        return 0
    for item in payload["series"]:
        total = sum(b["count"] for b in item["buckets"])
        counts = " ".join(str(b["count"]) for b in item["buckets"])
        print(f"{item['key']:<20} {total:>7}  {counts}")
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    """Nearest posts by meaning."""
    from analysis.embedding import SentenceTransformerEmbedder, model_version
    from indexing.vectors import VectorIndex

    embedding = EmbeddingSettings()
    storage = StorageSettings()
    with _open_store() as store:
        index = VectorIndex.for_store(storage.vectors_dir, model_version(embedding.embedding_model), store)
        if index is None or len(index) == 0:
            raise UserError("the vector index is empty: ingest something first")
        if args.text:
            vector = SentenceTransformerEmbedder(embedding.embedding_model).embed([args.text])[0]
            exclude = None
        else:
            vectors = store.get_vectors([args.post_id])
            if args.post_id not in vectors:
                raise UserError(f"no stored post {args.post_id!r}")
            vector, exclude = vectors[args.post_id], args.post_id
        found = [(pid, s) for pid, s in index.search(vector, args.k + 1) if pid != exclude][: args.k]
        results = []
        for post_id, score in found:
            post = store.get_post(post_id)
            text = post.redacted_text if post else ""
            results.append({"post_id": post_id, "score": round(float(score), 4), "redacted_text": text})
    if args.json:
        _print_json(results)
        return 0
    for item in results:
        print(f"{item['score']:.3f}  {item['post_id']}  {_one_line(item['redacted_text'])}")
    return 0


def cmd_classify(args: argparse.Namespace) -> int:
    """Classify a file of posts without a store."""
    from pipelines.classify_file import classify_file

    cfg = _config()
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8", errors="replace")  # noqa: SIM115
    sink = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        counts = classify_file(source, sink, cfg)
    finally:
        if source is not sys.stdin:
            source.close()
        if sink is not sys.stdout:
            sink.close()
    print(f"classified {counts['classified']} posts, {counts['errors']} lines with errors", file=sys.stderr)
    return 0 if counts["classified"] or not counts["errors"] else 1


def cmd_export(args: argparse.Namespace) -> int:
    """Every enriched post as JSON lines."""
    from oncowatch import queries

    src = sources()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for row in queries.export_rows(src, _filter(args)):
            out.write(json.dumps(row, ensure_ascii=False))
            out.write("\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


def cmd_dead_letters(args: argparse.Namespace) -> int:
    """Dead letters: counts per stage and reason, and the newest ones."""
    from oncowatch import queries

    payload = queries.dead_letters(sources(), limit=args.limit)
    if args.json:
        _print_json(payload)
        return 0
    print(f"{payload['total']} dead letters")
    for key, count in sorted(payload["counts"].items(), key=lambda kv: -kv[1]):
        print(f"  {key:<40} {count:>7}")
    for row in payload["dead_letters"]:
        print(f"{row['source']}:{row['position']}  {row['stage']}/{row['reason']}  {row['detail']}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """The JSON Schema of the input post format."""
    from schemas.jsonschema import input_schema

    json.dump(input_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Evaluations on labelled data."""
    from oncowatch import alert_commands, topic_commands, variant_commands

    others = {**topic_commands.EVALS, **variant_commands.EVALS, **alert_commands.EVALS}
    if args.eval_command in others:
        return others[args.eval_command](args)
    if args.eval_command != "classify":
        raise UserError(f"unknown evaluation {args.eval_command!r}")
    import io

    from pipelines.evaluate import evaluate_labelled

    missing = [name for name in args.labelled if not Path(name).is_file()]
    if missing:
        raise UserError(f"no such file: {', '.join(missing)}")
    text = "".join(Path(name).read_text(encoding="utf-8", errors="replace") for name in args.labelled)
    try:
        report = evaluate_labelled(io.StringIO(text), _config())
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        _print_json(report)
        return 0
    print(f"{report['n']} examples, classifier {report['classifier_version']}, {report['elapsed_s']} s")
    print(f"macro-F1 {report['macro_f1']:.3f}   primary accuracy {report['primary_accuracy']:.3f}")
    print(f"{'category':<20} {'P':>6} {'R':>6} {'F1':>6} {'support':>8} {'said':>6}")
    for name, m in report["per_category"].items():
        print(
            f"{name:<20} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f} "
            f"{m['support']:>8} {m['predicted']:>6}"
        )
    if report["hard_cases"]:
        print("hard cases:")
        for name, h in report["hard_cases"].items():
            print(f"  {name:<20} {h['accuracy']:.3f} of {h['n']}")
    print("confusion (gold primary -> predicted primary, off-diagonal):")
    for gold_name, row in sorted(report["confusion"].items()):
        wrong = {k: v for k, v in sorted(row.items(), key=lambda kv: -kv[1]) if k != gold_name}
        if wrong:
            print(f"  {gold_name:<20} " + ", ".join(f"{k} {v}" for k, v in wrong.items()))
    return 0


COMMANDS = {
    "run": cmd_run,
    "ingest": cmd_ingest,
    "sample": cmd_sample,
    "search": cmd_search,
    "trends": cmd_trends,
    "similar": cmd_similar,
    "classify": cmd_classify,
    "export": cmd_export,
    "dead-letters": cmd_dead_letters,
    "schema": cmd_schema,
    "eval": cmd_eval,
}


def dispatch(args: argparse.Namespace) -> int:
    """Run the chosen command."""
    from oncowatch import alert_commands, stream_commands, topic_commands, variant_commands, web_commands

    commands = {
        **COMMANDS,
        **stream_commands.COMMANDS,
        **topic_commands.COMMANDS,
        **variant_commands.COMMANDS,
        **alert_commands.COMMANDS,
        **web_commands.COMMANDS,
    }
    return commands[args.command](args)
