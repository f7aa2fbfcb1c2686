/**
 * The PostgreSQL parser (libpg-query, wasm) and deparser, loaded on first use. Importing them costs tens
 * of milliseconds, which verbs that never parse SQL (`dbm status`, `dbm --help`) should not pay: they are
 * imported by {@link loadPostgresParser}, which every parsing entry point already awaits first.
 */
type Parser = typeof import('libpg-query');
type Deparser = typeof import('pgsql-deparser');

let parser: Parser | undefined;
let deparser: Deparser | undefined;
let loading: Promise<void> | undefined;

/** Loads the parser's wasm module and the deparser once; call (and await) before parsing. */
export function loadPostgresParser(): Promise<void> {
  loading ??= (async () => {
    const [p, d] = await Promise.all([import('libpg-query'), import('pgsql-deparser')]);
    await p.loadModule();
    parser = p;
    deparser = d;
  })();
  return loading;
}

function loaded(): { parser: Parser; deparser: Deparser } {
  if (!parser || !deparser) throw new Error('the PostgreSQL parser is not loaded yet: await loadPostgresParser() before parsing');
  return { parser, deparser };
}

/** libpg-query's parseSync: the parse tree of `sql` as JSON. */
export const parseSync: Parser['parseSync'] = (sql) => loaded().parser.parseSync(sql);

/** libpg-query's scanSync: the tokens of `sql`. */
export const scanSync: Parser['scanSync'] = (sql) => loaded().parser.scanSync(sql);

/** pgsql-deparser's deparseSync: SQL text of a parse tree node. */
export const deparseSync: Deparser['deparseSync'] = (node, options) => loaded().deparser.deparseSync(node, options);
