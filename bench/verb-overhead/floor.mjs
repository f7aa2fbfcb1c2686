#!/usr/bin/env node
// The least any status command can cost on this machine: start Node, load the pg driver, connect to
// $DATABASE_URL and run one query. A ratio target below floor / native cannot be met by any Node tool.
import pg from 'pg';

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query('SELECT 1');
await client.end();
