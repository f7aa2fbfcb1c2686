import { beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresParser } from '../dialects/postgres/parse.js';
import { isVolatileDefault, referencedColumns } from './expressions.js';
import { checkName, foreignKeyName, NameRegistry, notNullCheckName, primaryKeyName, uniqueName } from './name-registry.js';
import { byteLength, clipBytes, columnsAddition, makeObjectName, truncateIdentifier } from './names.js';

const orders = { name: 'orders' };

describe('makeObjectName (PostgreSQL makeObjectName)', () => {
  it('joins the parts with underscores', () => {
    expect(makeObjectName('orders', 'user_id', 'fkey')).toBe('orders_user_id_fkey');
    expect(makeObjectName('orders', undefined, 'pkey')).toBe('orders_pkey');
    expect(makeObjectName('orders', undefined, undefined)).toBe('orders');
  });

  it('cuts the longer name first and never the label, to 63 bytes', () => {
    const table = 'a'.repeat(60);
    expect(makeObjectName(table, undefined, 'pkey')).toBe(`${'a'.repeat(58)}_pkey`);
    expect(makeObjectName(table, 'id2', 'key')).toBe(`${'a'.repeat(55)}_id2_key`);
    const name = makeObjectName(table, 'b'.repeat(38), 'fkey');
    expect(name).toBe(`${'a'.repeat(29)}_${'b'.repeat(28)}_fkey`);
    expect(byteLength(name)).toBe(63);
  });

  it('takes bytes from the second name when both are as long', () => {
    expect(makeObjectName('a'.repeat(40), 'b'.repeat(40), 'check')).toBe(`${'a'.repeat(28)}_${'b'.repeat(28)}_check`);
    expect(makeObjectName('a'.repeat(40), 'b'.repeat(41), 'check')).toBe(`${'a'.repeat(28)}_${'b'.repeat(28)}_check`);
  });

  it('counts bytes, and cuts back to a whole character', () => {
    // 'ä' is two bytes: a cut in its middle backs up to before it
    expect(clipBytes('aä', 2)).toBe('a');
    expect(clipBytes('aä', 3)).toBe('aä');
    const name = makeObjectName('orders', 'ÄÖÜäöüßéèêëàâîïôûùç€ÄÖÜäöüßéèêë', 'check');
    expect(name).toBe('orders_ÄÖÜäöüßéèêëàâîïôûùç€ÄÖÜä_check'); // measured on PostgreSQL 15
    expect(byteLength(name)).toBe(62);
  });

  it('truncates identifiers to 63 bytes like the parser does', () => {
    expect(truncateIdentifier('x'.repeat(70))).toBe('x'.repeat(63));
    expect(truncateIdentifier('short')).toBe('short');
  });

  it('joins column names until they reach 64 bytes', () => {
    expect(columnsAddition(['a', 'b', 'c'])).toBe('a_b_c');
    const long = ['c'.repeat(40), 'd'.repeat(40), 'e'.repeat(40)];
    expect(columnsAddition(long)).toBe(`${'c'.repeat(40)}_${'d'.repeat(40)}`);
  });
});

describe('names of unnamed constraints', () => {
  beforeAll(() => loadPostgresParser());

  it('foreign key: table, referencing columns, fkey', () => {
    const names = new NameRegistry();
    expect(foreignKeyName(names, orders, ['user_id'])).toBe('orders_user_id_fkey');
    expect(foreignKeyName(names, orders, ['user_id', 'coupon_id'])).toBe('orders_user_id_coupon_id_fkey');
  });

  it('check: the one column it uses, or the table alone', () => {
    const names = new NameRegistry();
    expect(checkName(names, orders, referencedColumns('total >= 0'))).toBe('orders_total_check');
    expect(checkName(names, orders, referencedColumns('total > 0 AND total < 10'))).toBe('orders_total_check1');
    expect(checkName(names, orders, referencedColumns('quantity > 0 AND total > 0'))).toBe('orders_check');
    expect(checkName(names, orders, referencedColumns('random() > 0'))).toBe('orders_check1');
    expect(checkName(names, orders, referencedColumns('"Mixed Col" > 1'))).toBe('orders_Mixed Col_check');
  });

  it('unique and primary key: free as an index name too', () => {
    const names = new NameRegistry();
    names.addRelation(undefined, 'orders_ref_key');
    expect(uniqueName(names, orders, ['ref'])).toBe('orders_ref_key1');
    expect(uniqueName(names, orders, ['id', 'total'])).toBe('orders_id_total_key');
    expect(uniqueName(names, orders, ['id', 'total'])).toBe('orders_id_total_key1');
    expect(primaryKeyName(names, orders)).toBe('orders_pkey');
  });

  it('suffixes only clashes seen in the same schema, and forgets dropped names', () => {
    const names = new NameRegistry();
    expect(foreignKeyName(names, orders, ['user_id'])).toBe('orders_user_id_fkey');
    expect(foreignKeyName(names, { schema: 'audit', name: 'orders' }, ['user_id'])).toBe('orders_user_id_fkey');
    names.dropConstraint(orders, 'orders_user_id_fkey');
    expect(foreignKeyName(names, orders, ['user_id'])).toBe('orders_user_id_fkey');
  });

  it('keeps the suffix inside 63 bytes', () => {
    const names = new NameRegistry();
    const table = { name: 'a'.repeat(60) };
    expect(checkName(names, table, ['b'.repeat(38)])).toBe(`${'a'.repeat(28)}_${'b'.repeat(28)}_check`);
    expect(checkName(names, table, ['b'.repeat(38)])).toBe(`${'a'.repeat(28)}_${'b'.repeat(27)}_check1`);
  });

  it('the temporary NOT NULL check differs from the name PostgreSQL 18 gives a NOT NULL constraint', () => {
    expect(notNullCheckName(new NameRegistry(), orders, 'status')).toBe('orders_status_not_null_tmp');
  });
});

describe('expressions', () => {
  beforeAll(() => loadPostgresParser());

  it('finds the columns an expression uses', () => {
    expect(referencedColumns('total > 0 AND orders.total < quantity')).toEqual(['total', 'quantity']);
    expect(referencedColumns("now() > '2020-01-01'")).toEqual([]);
  });

  it('calls defaults volatile when they call anything but the clock and session functions', () => {
    for (const v of ['gen_random_uuid()', 'clock_timestamp()', "md5(random()::text)", "nextval('s'::regclass)", '(random() * 10)::int']) {
      expect(isVolatileDefault(v), v).toBe(true);
    }
    for (const s of ['now()', 'CURRENT_TIMESTAMP', 'current_date', "now() + '1 day'::interval", '0', "'new'::text", "'{}'::jsonb", 'NULL', 'CURRENT_USER']) {
      expect(isVolatileDefault(s), s).toBe(false);
    }
  });
});
