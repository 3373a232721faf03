"""`manage.py bench --explain`: PostgreSQL's plan of every query a bench page runs.

Each page is requested once more (warm) while its SQL is captured; every SELECT is then run
again under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) and reduced to one line: the node types,
the sequential scans of large tables, the rows the query returned, its execution time and
the buffers it touched. A sequential scan of a table with more than LARGE_TABLE rows is what
the region data set is here to find: it grows with the data, where an index scan does not.
"""

from dataclasses import asdict, dataclass, field

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .bench import BenchPage, _client_for

LARGE_TABLE = 10_000  # rows (pg_class.reltuples) from which a sequential scan counts


@dataclass
class QueryPlan:
    sql: str
    nodes: list = field(default_factory=list)  # node types, outermost first, once each
    seq_scans: list = field(default_factory=list)  # (table, rows in it) of large tables
    rows: int = 0
    ms: float = 0.0
    buffers: int = 0  # shared blocks hit + read

    @property
    def summary(self) -> str:
        scans = ", ".join(f"SEQ SCAN {t} ({n:,})" for t, n in self.seq_scans)
        return (
            f"{self.ms:7.2f} ms {self.rows:>7,} rows {self.buffers:>7,} buf  "
            f"{' › '.join(self.nodes)}{'  ' + scans if scans else ''}"
        )


def _table_sizes() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class "
            "WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
        )
        return dict(cursor.fetchall())


def _walk(node, plan: QueryPlan, sizes: dict[str, int]) -> None:
    kind = node["Node Type"]
    if "Relation Name" in node:
        kind = f"{kind} {node['Relation Name']}"
        if node["Node Type"] == "Seq Scan" and sizes.get(node["Relation Name"], 0) > LARGE_TABLE:
            plan.seq_scans.append((node["Relation Name"], sizes[node["Relation Name"]]))
    if kind not in plan.nodes:
        plan.nodes.append(kind)
    for child in node.get("Plans", []):
        _walk(child, plan, sizes)


def explain(sql: str, sizes: dict[str, int]) -> QueryPlan:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}")
        (result,) = cursor.fetchone()
    top = result[0]
    plan = QueryPlan(sql=sql, ms=round(top["Execution Time"], 3))
    node = top["Plan"]
    plan.rows = node.get("Actual Rows", 0)
    plan.buffers = node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)
    _walk(node, plan, sizes)
    return plan


def page_plans(page: BenchPage, sizes: dict[str, int] | None = None) -> list[QueryPlan]:
    """The plans of the SELECTs of one warm request of the page."""
    sizes = sizes if sizes is not None else _table_sizes()
    client = _client_for(page.user)
    page.request(client)()
    send = page.request(client)
    with CaptureQueriesContext(connection) as captured:
        send()
    selects = [q["sql"] for q in captured.captured_queries]
    return [explain(sql, sizes) for sql in selects if sql.lstrip().upper().startswith("SELECT")]


def plans_as_json(plans: list[QueryPlan]) -> list[dict]:
    return [asdict(plan) | {"summary": plan.summary} for plan in plans]
