import { readFileSync, writeFileSync } from 'node:fs';
import { init, parse } from '../../../node_modules/.pnpm/es-module-lexer@1.7.0/node_modules/es-module-lexer/dist/lexer.js';
await init;
const file = process.argv[2];
const src = readFileSync(file, 'utf8');
const [imports] = parse(src);
let out = ''; let last = 0; let n = 0;
for (const im of imports) { if (im.d < 0) continue; // dynamic: ss is start of `import`
  out += src.slice(last, im.ss) + '__dbmImport'; last = im.ss + 'import'.length; n++; console.log(JSON.stringify(src.slice(im.ss, im.se).slice(0, 80))); }
out += src.slice(last);
writeFileSync(process.argv[3], out); console.log(n, 'rewritten');
