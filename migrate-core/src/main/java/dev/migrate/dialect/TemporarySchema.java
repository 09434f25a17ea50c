package dev.migrate.dialect;

/**
 * A schema private to one session whose objects disappear when the transaction that created them
 * rolls back: PostgreSQL's {@code pg_temp}. Autogenerate builds the model there instead of in a new
 * named schema, because temporary relations skip the write-ahead log and shared buffers, which makes
 * building a large model markedly cheaper, and because no other session can ever see them.
 *
 * @param createIn       the schema name to create objects in ({@code pg_temp})
 * @param actualName     a query of one row and one column: the session's real name for that schema
 *                       (for example {@code pg_temp_3}), which catalog queries need; run it after the
 *                       first object exists, before which the schema may not exist yet
 * @param usable         a query of one row and two boolean columns: whether the session may create
 *                       temporary objects, and whether it has none yet (a pooled connection an application
 *                       used may hold some, which would mix into the model); the schema is used when both are true
 */
public record TemporarySchema(String createIn, SqlStatement actualName, SqlStatement usable) {
}
