#!/usr/bin/env node
// The bundled CLI when it was built (fast start), else the compiled modules.
import { existsSync } from 'node:fs';

const bundled = new URL('../dist/bundle/dbm.mjs', import.meta.url);
const { main } = await import(existsSync(bundled) ? bundled.href : '../dist/bin.js');
process.exitCode = await main(process.argv.slice(2));
