import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { STATUS_OPTIONS, statusCommand } from './commands/status.js';
import { GLOBAL_OPTIONS } from './commands/shared.js';
import { fastArgs } from './fast.js';
import { workspaceOptionTable, workspaceOptions } from './workspace/options.js';

const TABLE = { ...STATUS_OPTIONS, ...workspaceOptionTable('status'), ...GLOBAL_OPTIONS };

/** What yargs hands the status handler for `argv`, built as cli.ts builds it; undefined when yargs refuses. */
async function yargsArgs(argv: string[]): Promise<Record<string, unknown> | undefined> {
  let seen: Record<string, unknown> | undefined;
  let failed = false;
  await yargs(argv)
    .options(GLOBAL_OPTIONS)
    .strict()
    .exitProcess(false)
    .fail(() => {
      failed = true;
    })
    .command('status', statusCommand.describe, (y) => workspaceOptions(statusCommand.builder(y), 'status'), (a) => {
      seen = a as Record<string, unknown>;
    })
    .parseAsync();
  return failed ? undefined : seen;
}

/** The options a handler reads, without yargs' bookkeeping and the values left unset. */
const given = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([k, v]) => k !== '_' && k !== '$0' && v !== undefined));

describe('the status fast path', () => {
  const plain = [
    ['status'],
    ['status', '--json'],
    ['status', '--format', 'json'],
    ['status', '--format=human', '--verbose'],
    ['status', '--orm', 'knex', '--dir', 'migrations'],
    ['status', '--project', 'examples/knex-postgres', '--url', 'postgres://u:p@h:5432/d'],
    ['status', '--ledger-table', 'history', '--ledger-schema', 'audit'],
    ['status', '--ledgerTable', 'history'],
    ['status', '--filter', 'api', '--filter', './apps/*'],
    ['status', '--all', '--no-verbose'],
  ];

  it.each(plain)('parses %j as yargs does', async (...argv) => {
    const fast = fastArgs(argv, 'status', TABLE);
    const full = await yargsArgs(argv);
    expect(full).toBeDefined();
    expect(fast).toBeDefined();
    expect(given(fast!)).toEqual(given(full!));
  });

  const forTheFullCli = [
    ['apply'],
    ['status', '--help'],
    ['status', '-h'],
    ['status', '--version'],
    ['status', 'extra'],
    ['status', '--bogus'],
    ['status', '--orm', 'sequelize'],
    ['status', '--orm'],
    ['status', '--format', 'github'],
    ['status', '--dir', 'a', '--dir', 'b'],
    ['status', '--', 'x'],
  ];

  it.each(forTheFullCli)('leaves %j to the full CLI', (...argv) => {
    expect(fastArgs(argv, 'status', TABLE)).toBeUndefined();
  });
});
