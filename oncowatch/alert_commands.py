"""`oncowatch alerts` (list, ack, rules, check), `eval alerts`, and alert delivery after a check."""

from __future__ import annotations

import argparse
import logging
import sys
import tomllib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from oncowatch.commands import UserError, _print_json, existing_store, parse_time, throwaway_config
from oncowatch.settings import AlertSettings, StorageSettings

log = logging.getLogger(__name__)

_KINDS = ("spike", "growth", "privacy")

_ALERTS_HELP = """\
Alerts are raised on event time (the posts' created_at), tick by tick (1 h by default): a spike of
miracle_cure or scam_ad posts, overall or on one platform, against the series' own daily and weekly
rhythm; a topic or a family of near-copies growing fast; every privacy_leak post. A key that fired
stays quiet for the cooldown; a spike that keeps growing escalates its severity instead of repeating.

  oncowatch alerts                         newest first
  oncowatch alerts --kind privacy --json
  oncowatch alerts ack a-1f2e3d4c5b6a      acknowledge one
  oncowatch alerts rules                   the rules and channels in force
  oncowatch alerts check                   evaluate every tick the stored posts have passed
  oncowatch alerts check --deliver         ... and deliver what a backfill raised

`ingest` and `backfill` end with a check (alerts marked backfilled, not delivered unless
--deliver); `stream` checks after every micro-batch and delivers; so does the `check-alerts` flow.
Rules and channels: <data dir>/alerts.toml or ONCOWATCH_ALERT_RULES (defaults: alert_rules.toml).
"""


@dataclass(frozen=True)
class AlertConfig:
    """The rules and the delivery channels in force, and the file they came from."""

    rules: Any
    channels: list[Any]
    path: Path


def load_config(path: Path | None = None) -> AlertConfig:
    """Rules and channels from the rules file in force; UserError naming the file when it is wrong."""
    from analysis.alerts import AlertRules
    from oncowatch.alert_delivery import channels_from_config

    storage = StorageSettings()
    try:
        path = path or AlertSettings().rules_path(storage.data_dir)
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rules = AlertRules.from_mapping(data)
        items = [dict(item) for item in data.get("channel", [])]
        for item in items:
            if item.get("type") == "file" and item.get("path") not in (None, "-"):
                target = Path(item["path"])
                item["path"] = str(target if target.is_absolute() else storage.data_dir / target)
        channels = channels_from_config(items)
    except (OSError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise UserError(f"alert rules {path}: {exc}") from exc
    return AlertConfig(rules, channels, path)


@contextmanager
def open_alerts(readonly: bool = False) -> Iterator[Any]:
    """The alert state of the configured store."""
    from indexing.alerts import AlertStore

    storage = StorageSettings()
    store = AlertStore(
        existing_store(storage), busy_timeout_ms=int(storage.store_busy_timeout_s * 1000), readonly=readonly
    )
    try:
        yield store
    finally:
        store.close()


def check_alerts(
    backfilled: bool,
    deliver: bool,
    since: datetime | None = None,
    until: datetime | None = None,
    rebuild: bool = False,
    progress: Callable[[str], None] | None = None,
    config: AlertConfig | None = None,
) -> dict[str, Any]:
    """Evaluate the rules over every tick not yet evaluated; deliver the new alerts when asked.

    `since`: ticks before it are not evaluated (a first check of a long archive can start late).
    Returns the check's report with the deliveries' outcome.
    """
    from indexing.factory import open_store
    from pipelines.alerts import check, examples_from, tick_floor

    config = config or load_config()
    storage = StorageSettings()
    with open_alerts() as alerts, open_store(storage.store_backend, existing_store(storage)) as store:
        if rebuild:
            alerts.reset()
        if since is not None:
            start = tick_floor(since, config.rules.interval)
            frontier = alerts.frontier()
            if frontier is None or frontier < start:
                alerts.save_tick(start, [], [])
            elif progress:
                progress(f"alerts: evaluated through {frontier:%Y-%m-%dT%H:%MZ} already; --rebuild redoes it")
        report = check(
            alerts,
            config.rules,
            examples_from(store),
            until=until,
            backfilled=backfilled,
            progress=progress,
        )
        outcome = report.as_dict()
        if deliver:
            # The new alerts, and any live one a crash kept from its delivery: at least once.
            pending = {a["alert_id"]: a for a in [*alerts.undelivered(), *report.alerts]}
            outcome["delivered"] = deliver_alerts(alerts, list(pending.values()), config.channels)
        else:
            outcome["delivered"] = {}
    return outcome


def after_batch(_report: Any = None) -> None:
    """After a stream micro-batch: topics stepped through the ticks the batch completed, the alert
    rules evaluated at them, new alerts delivered. A failure here is logged and never fails the
    batch (its posts are stored and committed; the next batch catches up)."""
    from oncowatch.topic_commands import refresh_topics

    try:
        refresh_topics()
        check_alerts(backfilled=False, deliver=True)
    except Exception as exc:  # noqa: BLE001 - the stream must go on; the next batch retries
        log.warning("after the batch, topics/alerts failed (%s): the next one catches up", type(exc).__name__)


def deliver_alerts(alerts: Any, new: Sequence[dict[str, Any]], channels: Sequence[Any]) -> dict[str, Any]:
    """Every new alert to every channel (retried with backoff); the outcome is stored per alert."""
    from oncowatch.alert_delivery import deliver

    failed: dict[str, int] = {}
    sent = 0
    for alert in new:
        for result in deliver(alert, channels):
            alerts.record_delivery(
                alert["alert_id"], result.channel, result.ok, result.attempts, result.error, datetime.now(UTC)
            )
            if result.ok:
                sent += 1
            else:
                failed[result.channel] = failed.get(result.channel, 0) + 1
    if failed:
        print(
            "oncowatch: warning: alert delivery failed on "
            + ", ".join(f"{name} ({n} alerts)" for name, n in sorted(failed.items()))
            + "; the alerts are stored (`oncowatch alerts`)",
            file=sys.stderr,
        )
    return {"deliveries": sent, "failed": failed}


# ---- the commands -----------------------------------------------------------------------------


def add_parsers(sub: argparse._SubParsersAction, evals: argparse._SubParsersAction) -> None:
    """`alerts` and `eval alerts`."""
    p = sub.add_parser(
        "alerts",
        help="alerts: list, ack ID, rules, check",
        description=_ALERTS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("action", nargs="?", choices=["list", "ack", "rules", "check"], default="list")
    p.add_argument("alert_id", nargs="?", metavar="ID", help="ack: the alert to acknowledge")
    p.add_argument("--since", help="list: raised at or after (event time); check: evaluate from here")
    p.add_argument("--until", help="check: evaluate up to here (default: the newest post)")
    p.add_argument("--kind", choices=_KINDS, help="list: only this kind")
    p.add_argument("--unacked", action="store_true", help="list: only alerts not acknowledged")
    p.add_argument("--limit", type=int, default=50, help="list: at most this many (default 50)")
    p.add_argument("--by", default="cli", help="ack: who acknowledges (default: cli)")
    p.add_argument("--deliver", action="store_true", help="check: deliver the new alerts to the channels")
    p.add_argument("--rebuild", action="store_true", help="check: forget every alert and re-evaluate")
    p.add_argument("--json", action="store_true")

    e = evals.add_parser(
        "alerts",
        help="alert rules on a stream with planted spikes (oncowatch sample --inject-spikes)",
        description="Ingests the stream on event time into a temporary store, evaluates the alert rules, "
        "and reports per rule precision, recall and detection delay against the truth file of planted "
        "spikes, the false spike alerts per simulated week, and whether every privacy leak was alerted.",
    )
    e.add_argument("--stream", required=True, metavar="F", help="the stream (JSONL)")
    e.add_argument("--truth", required=True, metavar="F", help="its truth file (<stream>.spikes.json)")
    e.add_argument("--rules", metavar="F", help="alert rules file (default: the rules in force)")
    e.add_argument(
        "--keep",
        metavar="DIR",
        help="keep the evaluation's store in DIR; a later run with the same DIR reuses it (checks only)",
    )
    e.add_argument(
        "--labels",
        choices=["classifier", "truth"],
        default="classifier",
        help="run the rules on the classifier's labels (default) or on the stream's truth_category",
    )
    e.add_argument("--json", action="store_true")


def cmd_alerts(args: argparse.Namespace) -> int:
    """Dispatch `oncowatch alerts ACTION`."""
    if args.action != "ack" and args.alert_id:
        raise UserError(f"unexpected argument {args.alert_id!r}; `oncowatch alerts ack ID` acknowledges")
    if args.action == "rules":
        from oncowatch.queries import alert_rules

        shown = alert_rules(load_config())
        if args.json:
            _print_json(shown)
        else:
            print(f"# rules in force: {shown.pop('file')}")
            print(_toml(shown))
        return 0
    if args.action == "check":
        say = None if args.json else (lambda line: print(line, file=sys.stderr))
        outcome = check_alerts(
            backfilled=True,
            deliver=args.deliver,
            since=parse_time(args.since),
            until=parse_time(args.until),
            rebuild=args.rebuild,
            progress=say,
        )
        if args.json:
            _print_json(outcome)
        else:
            kinds = ", ".join(f"{n} {k}" for k, n in outcome["by_kind"].items())
            print(
                f"alerts: {outcome['ticks']} ticks evaluated, {outcome['new_alerts']} new"
                + (f": {kinds}" if kinds else "")
            )
        return 0
    if args.action == "ack":
        if not args.alert_id:
            raise UserError("`oncowatch alerts ack` needs the alert's id (see `oncowatch alerts`)")
        with open_alerts() as alerts:
            if not alerts.ack(args.alert_id, args.by, datetime.now(UTC)):
                raise UserError(f"no alert {args.alert_id!r}")
            alert = alerts.get(args.alert_id)
        if args.json:
            _print_json(alert)
        else:
            print(f"acknowledged {args.alert_id} ({alert['acked_at']}, by {alert['acked_by']})")  # type: ignore[index]
        return 0
    if args.until:
        raise UserError("--until is for `alerts check`; a listing takes --since")
    with open_alerts(readonly=True) as alerts:
        rows = alerts.list(
            since=parse_time(args.since), kind=args.kind, unacked=args.unacked, limit=args.limit
        )
        failing = alerts.failing_channels()
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print("no alerts: `oncowatch alerts check` evaluates the rules over the stored posts")
    for a in rows:
        about = " / ".join(str(a[k]) for k in ("category", "platform", "topic_id") if k in a)
        flags = ("  acked" if "acked_at" in a else "") + ("  backfilled" if a["backfilled"] else "")
        print(
            f"{a['alert_id']}  {a['created_at']}  {a['severity']:<8} {a['kind']:<7} {about}: "
            f"{a['observed']} posts (expected {a['expected']:g}){flags}"
        )
        for example in a["examples"][:1]:
            print(f"    e.g. {example['redacted_text'][:120]}")
    if failing:
        print("delivery failures: " + ", ".join(f"{c} ({n})" for c, n in failing.items()), file=sys.stderr)
    return 0


def _toml(data: dict[str, Any]) -> str:
    """A small TOML writer for the rules' own shape (scalars, lists, tables, arrays of tables)."""
    lines: list[str] = []

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    for key, v in data.items():
        if not isinstance(v, dict | list) or (
            isinstance(v, list) and not any(isinstance(x, dict) for x in v)
        ):
            lines.append(f"{key} = {value(v)}")
    for key, v in data.items():
        if isinstance(v, dict):
            lines += ["", f"[{key}]"] + [f"{k} = {value(x)}" for k, x in v.items()]
        elif isinstance(v, list) and any(isinstance(x, dict) for x in v):
            for item in v:
                lines += ["", f"[[{key}]]"] + [f"{k} = {value(x)}" for k, x in item.items()]
    return "\n".join(lines)


def cmd_eval_alerts(args: argparse.Namespace) -> int:
    """`oncowatch eval alerts`: ingest a stream with planted spikes, check, score against the truth."""
    from pipelines.eval_alerts import evaluate_alerts

    stream, truth = Path(args.stream), Path(args.truth)
    for path in (stream, truth):
        if not path.is_file():
            raise UserError(f"no such file: {path}")
    config = load_config(Path(args.rules) if args.rules else None)
    say = None if args.json else (lambda line: print(line, file=sys.stderr))
    try:
        report = evaluate_alerts(
            stream, truth, config.rules, throwaway_config(), keep=args.keep, progress=say, labels=args.labels
        )
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if args.json:
        _print_json(report)
        return 0
    for rule, figures in report["rules"].items():
        print(
            f"{rule:<22} planted {figures['planted']:>3}  found {figures['found']:>3}  "
            f"within one interval {figures['within_one_interval']:>3}  false {figures['false']:>3} "
            f"({figures['false_per_week']:.2f}/week)  median delay {figures['median_delay_h']} h"
        )
    privacy = report["privacy"]
    print(f"privacy: {privacy['alerted']}/{privacy['labelled']} labelled leaks alerted")
    return 0


COMMANDS = {"alerts": cmd_alerts}
EVALS = {"alerts": cmd_eval_alerts}
