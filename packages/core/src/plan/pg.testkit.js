/**
 * Test helpers over a real PostgreSQL server: throwaway databases, running a migration as written or
 * as planned, and a catalog snapshot to compare. The server comes from DBM_TEST_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres); an unreachable server fails the tests, never skips them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
/** The server the database tests use. */
export const PG_URL = process.env.DBM_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** A connected client on `database` (the server's own database when absent). */
export async function connect(database) {
    const url = new URL(PG_URL);
    if (database)
        url.pathname = `/${database}`;
    const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
    client.on('error', () => { });
    await client.connect();
    await client.query('SET client_min_messages = warning');
    return client;
}
/** Creates a database with a unique name (a copy of `template` when given) and returns the name. */
export async function createDatabase(admin, prefix, template) {
    const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return name;
}
/** A database holding `sql`, to copy with {@link createDatabase}; nobody stays connected to it. */
export async function createTemplate(admin, prefix, sql) {
    const name = await createDatabase(admin, prefix);
    const client = await connect(name);
    try {
        await client.query(sql);
    }
    finally {
        await client.end();
    }
    return name;
}
/** Drops a database, closing whatever is still connected to it. */
export async function dropDatabase(admin, name) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
/** Runs a file as written: each statement on its own, in autocommit, so the file's BEGIN/COMMIT hold. */
export async function applyAsWritten(client, file) {
    for (const s of file.statements)
        await client.query(s.sql);
}
/** Runs a plan: transactional steps inside BEGIN/COMMIT, the others statement by statement. */
export async function applyPlan(client, plan) {
    for (const [i, step] of plan.steps.entries()) {
        try {
            if (step.transactional)
                await client.query('BEGIN');
            for (const statement of step.statements)
                await client.query(statement);
            if (step.transactional)
                await client.query('COMMIT');
        }
        catch (e) {
            if (step.transactional)
                await client.query('ROLLBACK').catch(() => { });
            throw new Error(`step ${i + 1} (${step.comment}) failed: ${e.message}\n${step.statements.join(';\n')}`);
        }
    }
}
const SCHEMA = `n.nspname = 'public'`;
/** The catalog of the public schema, in a stable order. */
export async function snapshot(client) {
    const q = async (text) => (await client.query(text)).rows;
    const tables = await q(`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE ${SCHEMA} AND c.relkind IN ('r', 'p') ORDER BY 1`);
    const columns = await q(`SELECT c.relname AS table, a.attnum AS num, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity,
            a.attgenerated AS generated
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE ${SCHEMA} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2`);
    const indexes = await q(`SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def, x.indisvalid AS valid
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
     WHERE ${SCHEMA} ORDER BY 1`);
    const constraints = await q(`SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def, k.convalidated AS validated
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = k.connamespace
     WHERE ${SCHEMA} ORDER BY 1, 2`);
    const enums = await q(`SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE ${SCHEMA} GROUP BY 1 ORDER BY 1`);
    // the shape of the data: rows per table and NULLs per column (values such as random defaults differ)
    const nulls = [];
    for (const t of tables) {
        const cols = columns.filter((c) => c.table === t.name);
        const ident = (s) => `"${s.replace(/"/g, '""')}"`;
        const counts = cols.map((c) => `count(*) FILTER (WHERE ${ident(c.column)} IS NULL) AS ${ident(c.column)}`);
        const [row] = await q(`SELECT count(*) AS rows${counts.length ? `, ${counts.join(', ')}` : ''} FROM ${ident(t.name)}`);
        nulls.push({ table: t.name, ...row });
    }
    return { tables: tables.map((t) => t.name), columns, indexes, constraints, enums, nulls };
}
//# sourceMappingURL=pg.testkit.js.map