import pg from 'pg';
import type { ParsedFile } from '../dialects/postgres/parse.js';
import type { Plan } from './types.js';
/** The server the database tests use. */
export declare const PG_URL: string;
/** A connected client on `database` (the server's own database when absent). */
export declare function connect(database?: string): Promise<pg.Client>;
/** Creates a database with a unique name (a copy of `template` when given) and returns the name. */
export declare function createDatabase(admin: pg.Client, prefix: string, template?: string): Promise<string>;
/** A database holding `sql`, to copy with {@link createDatabase}; nobody stays connected to it. */
export declare function createTemplate(admin: pg.Client, prefix: string, sql: string): Promise<string>;
/** Drops a database, closing whatever is still connected to it. */
export declare function dropDatabase(admin: pg.Client, name: string): Promise<void>;
/** Runs a file as written: each statement on its own, in autocommit, so the file's BEGIN/COMMIT hold. */
export declare function applyAsWritten(client: pg.Client, file: ParsedFile): Promise<void>;
/** Runs a plan: transactional steps inside BEGIN/COMMIT, the others statement by statement. */
export declare function applyPlan(client: pg.Client, plan: Plan): Promise<void>;
/** What the comparison covers: the public schema's tables, columns, indexes, constraints and enums. */
export interface Snapshot {
    tables: string[];
    columns: unknown[];
    indexes: {
        name: string;
        def: string;
        valid: boolean;
    }[];
    constraints: {
        table: string;
        name: string;
        def: string;
        validated: boolean;
    }[];
    enums: unknown[];
    nulls: unknown[];
}
/** The catalog of the public schema, in a stable order. */
export declare function snapshot(client: pg.Client): Promise<Snapshot>;
//# sourceMappingURL=pg.testkit.d.ts.map