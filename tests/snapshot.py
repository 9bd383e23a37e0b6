"""The demo content as rows, table by table: read once, written back in bulk.

``loaddata`` saves a fixture object by object (an UPDATE, then an INSERT, and the signals of
each): for the demo's thousands of rows that is seconds per test. The ``demo`` fixture
instead keeps the rows of every table that ``dumpdata`` would write, as the database held
them right after ``load_demo``, and writes them back with a few bulk statements per table.
Like ``loaddata`` it replaces rows with the same primary key and leaves the others alone,
and like ``loaddata`` it replaces a many-to-many relation whole: an object's rows in the
relation's table go, whatever their keys (a transactional test's flush gives them new ones).
"""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, router, transaction

# What dumpdata leaves out, as the demo fixture always did: migrate makes these.
EXCLUDED = {"contenttypes.contenttype", "auth.permission", "sessions.session"}
CHUNK = 500


def _quote(name):
    return connection.ops.quote_name(name)


def _owner(meta):
    """(table, column) of the model that declares an auto-created many-to-many table."""
    if not meta.auto_created:
        return None
    owner = meta.auto_created._meta
    column = next(
        field.column
        for field in meta.local_concrete_fields
        if field.is_relation and field.related_model._meta.concrete_model is owner.concrete_model
    )
    return owner.db_table, column


def _tables():
    """(model, table, columns, primary key column) of every table the demo may fill."""
    seen = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or meta.label_lower in EXCLUDED:
            continue
        if not router.allow_migrate_model(connection.alias, model) or meta.db_table in seen:
            continue
        seen.add(meta.db_table)
        columns = [field.column for field in meta.local_concrete_fields]
        yield model, meta.db_table, columns, meta.pk.column


def take():
    """Every row of those tables now: {table: (model, columns, pk column, rows)}."""
    # SQLite converts values by their declared column type on the way out (dates, times,
    # booleans) but not all of them back on the way in; "+column" is an expression, which
    # SQLite hands over as stored.
    prefix = "+" if connection.vendor == "sqlite" else ""
    snapshot = {}
    with connection.cursor() as cursor:
        for model, table, columns, pk in _tables():
            selected = ", ".join(prefix + _quote(column) for column in columns)
            cursor.execute(f"SELECT {selected} FROM {_quote(table)}")  # noqa: S608
            rows = cursor.fetchall()
            if rows:
                snapshot[table] = (model, columns, pk, rows)
    return snapshot


def _keys(snapshot, table, column):
    if table not in snapshot:
        return []
    _model, columns, _pk, rows = snapshot[table]
    index = columns.index(column)
    return [row[index] for row in rows]


def _delete(cursor, table, column, keys):
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        marks = ", ".join(["%s"] * len(chunk))
        cursor.execute(
            f"DELETE FROM {_quote(table)} WHERE {_quote(column)} IN ({marks})",  # noqa: S608
            chunk,
        )


def restore(snapshot):
    """Write the rows back: rows with the same primary key are replaced, others stay."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table, (model, columns, pk, rows) in snapshot.items():
            owner = _owner(model._meta)
            if owner:
                owner_table, column = owner
                owner_pk = snapshot[owner_table][2] if owner_table in snapshot else None
                _delete(cursor, table, column, _keys(snapshot, owner_table, owner_pk))
            _delete(cursor, table, pk, _keys(snapshot, table, pk))
            names = ", ".join(_quote(column) for column in columns)
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                rows,
            )
        # PostgreSQL's sequences go past the highest key, as loaddata leaves them.
        models = [model for model, _columns, _pk, _rows in snapshot.values()]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
