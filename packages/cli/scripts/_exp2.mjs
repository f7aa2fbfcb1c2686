import { build } from 'esbuild';
import { join, relative } from 'node:path';
const root = '/work/main/packages/cli';
const packages = join(root, '..');
const isBare = (p) => !p.startsWith('.') && !p.startsWith('/') && !p.startsWith('node:');
const ownCode = (importer) => importer.startsWith(join(root, 'dist')) || importer.includes('/node_modules/');
const fromWorkspace = (importer) => importer.startsWith(join(packages, 'core')) || importer.startsWith(join(packages, 'adapters'));
const STOP = new Set((process.env.STOP||'').split(',').filter(Boolean));
const r = await build({
  entryPoints: { status: join(root, 'dist', 'fast.js') },
  outdir: '/tmp/exp/cjs2', outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  absWorkingDir: root, metafile: true,
  define: { 'import.meta.url': '__dbmUrl' },
  banner: { js: "const __dbmUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [{ name: 'ext', setup(b) { b.onResolve({ filter: /.*/ }, (args) => {
    if (args.kind === 'dynamic-import' && !isBare(args.path)) { const k = relative(packages, join(args.resolveDir, args.path)); console.log('DYN', relative(packages, args.importer), '->', k); if (STOP.has(k)) return { path: k, external: true }; }
    if (!isBare(args.path) || args.path.startsWith('@dbm/')) return undefined;
    if (args.path === 'pg-native') return { path: args.path, external: true };
    if (args.path === 'pg' || args.path.startsWith('pg/')) return undefined;
    if (fromWorkspace(args.importer) && !ownCode(args.importer)) { console.log('EXT', relative(packages, args.importer), args.path, args.kind); return { path: args.path, external: true }; }
    return undefined; }); } }],
  logLevel: 'warning',
});
console.log(Object.values(r.metafile.outputs)[0].bytes);
const ins = r.metafile.inputs; const importers = {};
for (const [k, v] of Object.entries(ins)) for (const im of v.imports) (importers[im.path] ??= []).push(k + (im.kind === 'dynamic-import' ? ' (dyn)' : ''));
const out = Object.values(r.metafile.outputs)[0].inputs;
const byDir = {};
for (const [k, v] of Object.entries(out)) { const d = k.split('/').slice(0, k.includes('node_modules') ? 6 : 4).join('/'); byDir[d] = (byDir[d]||0) + v.bytesInOutput; }
console.log(Object.entries(byDir).sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>v+' '+k).join('\n'));
for (const q of (process.env.WHY||'').split(',').filter(Boolean)) console.log("WHY", q, JSON.stringify(importers[q]));
// chain: shortest path from entry to a module
const target = process.env.CHAIN; if (target) {
  const entry = 'dist/fast.js'; const prev = new Map([[entry, null]]); const q = [entry];
  while (q.length) { const cur = q.shift(); for (const im of (ins[cur]?.imports ?? [])) { if (im.external || prev.has(im.path)) continue; prev.set(im.path, cur + (im.kind==='dynamic-import'?' (dyn)':'')); q.push(im.path); } }
  let c = target; const chain = []; while (c) { chain.push(c); c = prev.get(c.replace(' (dyn)','')); } console.log('CHAIN', chain.reverse().join('\n  -> '));
}
