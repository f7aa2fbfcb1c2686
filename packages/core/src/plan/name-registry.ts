/**
 * The names a migration has used so far, per schema, so a name dbm chooses for an unnamed constraint
 * gets the same numeric suffix PostgreSQL would give it when the file itself already used the name.
 * Names already in the database are out of sight: a clash there makes the step fail loudly.
 */
import type { QualifiedName } from '../operations/common.js';
import { columnsAddition, makeObjectName, truncateIdentifier } from './names.js';

const schemaOf = (t: QualifiedName) => t.schema ?? 'public';

/** Constraint and relation names seen in one file. */
export class NameRegistry {
  private readonly constraints = new Map<string, Set<string>>();
  private readonly relations = new Map<string, Set<string>>();

  private set(map: Map<string, Set<string>>, schema: string): Set<string> {
    let names = map.get(schema);
    if (!names) map.set(schema, (names = new Set()));
    return names;
  }

  /** Records a constraint name (constraint names are unique per schema for the server's choice). */
  addConstraint(table: QualifiedName, name: string): void {
    this.set(this.constraints, schemaOf(table)).add(truncateIdentifier(name));
  }

  /** Records a table, index or other relation name. */
  addRelation(schema: string | undefined, name: string): void {
    this.set(this.relations, schema ?? 'public').add(truncateIdentifier(name));
  }

  /** Forgets a dropped constraint (and the index behind it, if any). */
  dropConstraint(table: QualifiedName, name: string): void {
    this.constraints.get(schemaOf(table))?.delete(name);
    this.relations.get(schemaOf(table))?.delete(name);
  }

  /** Forgets a dropped relation. */
  dropRelation(schema: string | undefined, name: string): void {
    this.relations.get(schema ?? 'public')?.delete(name);
  }

  /** PostgreSQL's choice for a constraint without an index: the first free `t_x_label[N]`. */
  chooseConstraint(table: QualifiedName, name2: string | undefined, label: string): string {
    const used = this.set(this.constraints, schemaOf(table));
    const name = this.first(table.name, name2, label, (n) => used.has(n));
    used.add(name);
    return name;
  }

  /** PostgreSQL's choice for an index-backed constraint: free as both a relation and a constraint name. */
  chooseIndexConstraint(table: QualifiedName, name2: string | undefined, label: string): string {
    const cons = this.set(this.constraints, schemaOf(table));
    const rels = this.set(this.relations, schemaOf(table));
    const name = this.first(table.name, name2, label, (n) => cons.has(n) || rels.has(n));
    cons.add(name);
    rels.add(name);
    return name;
  }

  private first(name1: string, name2: string | undefined, label: string, taken: (n: string) => boolean): string {
    const t = truncateIdentifier(name1);
    const c = name2 === undefined ? undefined : truncateIdentifier(name2);
    for (let pass = 0; ; pass++) {
      const name = makeObjectName(t, c, pass === 0 ? label : `${label}${pass}`);
      if (!taken(name)) return name;
    }
  }
}

/** `<table>_<col1>_<col2>..._fkey`. */
export function foreignKeyName(names: NameRegistry, table: QualifiedName, columns: readonly string[]): string {
  return names.chooseConstraint(table, columnsAddition(columns), 'fkey');
}

/** `<table>_<column>_check` when the expression uses exactly one column, `<table>_check` otherwise. */
export function checkName(names: NameRegistry, table: QualifiedName, columns: readonly string[]): string {
  return names.chooseConstraint(table, columns.length === 1 ? columns[0] : undefined, 'check');
}

/** `<table>_<col1>_<col2>..._key`. */
export function uniqueName(names: NameRegistry, table: QualifiedName, columns: readonly string[]): string {
  return names.chooseIndexConstraint(table, columnsAddition(columns), 'key');
}

/** `<table>_pkey`. */
export function primaryKeyName(names: NameRegistry, table: QualifiedName): string {
  return names.chooseIndexConstraint(table, undefined, 'pkey');
}

/** The temporary `c IS NOT NULL` check of the SET NOT NULL pattern: `<table>_<column>_not_null_tmp`. */
export function notNullCheckName(names: NameRegistry, table: QualifiedName, column: string): string {
  return names.chooseConstraint(table, column, 'not_null_tmp');
}
