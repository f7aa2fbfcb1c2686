#!/usr/bin/env node
// The least any status command can cost on this machine: start Node, load the pg driver, connect to
// $DATABASE_URL and run one query. A ratio target below floor / native cannot be met by any Node tool.
// as dbm does on Node 20 (see packages/cli/src/bin.ts): pg's Cloudflare check would otherwise load fetch
globalThis.navigator ??= { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };
const { default: pg } = await import('pg');

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query('SELECT 1');
await client.end();
