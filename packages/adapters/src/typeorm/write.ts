/**
 * A migration class in TypeORM's own form (the template of `typeorm migration:generate`): file
 * `<timestamp>-<name>.ts`, class `<Name><timestamp>` with the same `name`, `up` and `down` calling
 * `queryRunner.query` with template literals escaped as TypeORM escapes them. dbm adds a comment saying
 * what the class is, and `transaction = false` on a class that must run outside a transaction.
 */

/** TypeScript (TypeORM's default), or JavaScript as an ES module or CommonJS (`-o`, `--esm`). */
export type ClassFormat = 'ts' | 'js-esm' | 'js-cjs';

/** What one class holds. */
export interface ClassSpec {
  /** TypeORM's class name without the timestamp, e.g. AddOrderStatus. */
  readonly baseName: string;
  readonly timestamp: number;
  /** The name TypeORM gave the file after the timestamp (the path's basename). */
  readonly fileBase: string;
  readonly transactional: boolean;
  /** Comment lines above the class. */
  readonly comment: readonly string[];
  readonly up: readonly string[];
  readonly down: readonly string[];
  /** Comment written in an empty `down`. */
  readonly emptyDown: string;
}

/** A written class: its file name, text, and the line of its first `up` statement. */
export interface ClassFile {
  readonly name: string;
  readonly fileName: string;
  readonly text: string;
  readonly upLine: number;
}

// TypeORM's MigrationGenerateCommand.escapeTemplateLiteral
const escapeTemplateLiteral = (q: string) => q.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
const safeComment = (text: string) => text.replaceAll('*/', '*\\/');

function body(statements: readonly string[], empty: string): string[] {
  if (!statements.length) return [`        // ${empty}`];
  return statements.map((q) => `        await queryRunner.query(\`${escapeTemplateLiteral(q)}\`);`);
}

/** The file of one class. */
export function writeClass(spec: ClassSpec, format: ClassFormat): ClassFile {
  const name = `${spec.baseName}${spec.timestamp}`;
  const ts = format === 'ts';
  const head = ts
    ? ['import { MigrationInterface, QueryRunner } from "typeorm";', '']
    : ["/**", " * @typedef {import('typeorm').MigrationInterface} MigrationInterface", " * @typedef {import('typeorm').QueryRunner} QueryRunner", ' */', ''];
  const doc = ['/**', ...spec.comment.map((l) => ` * ${safeComment(l)}`.trimEnd()), ...(ts ? [] : [' * @class', ' * @implements {MigrationInterface}']), ' */'];
  const open = ts
    ? `export class ${name} implements MigrationInterface {`
    : `${format === 'js-esm' ? 'export' : 'module.exports ='} class ${name} {`;
  const method = (dir: 'up' | 'down') =>
    ts ? [`    public async ${dir}(queryRunner: QueryRunner): Promise<void> {`] : ['    /**', '     * @param {QueryRunner} queryRunner', '     */', `    async ${dir}(queryRunner) {`];
  const lines = [
    ...head,
    ...doc,
    open,
    `    name = '${name}'`,
    ...(spec.transactional ? [] : ['    transaction = false']),
    '',
    ...method('up'),
  ];
  const upLine = lines.length + 1;
  lines.push(...body(spec.up, 'nothing to run'), '    }', '', ...method('down'), ...body(spec.down, spec.emptyDown), '    }', '', '}', '');
  return { name, fileName: `${spec.timestamp}-${spec.fileBase}.${ts ? 'ts' : 'js'}`, text: lines.join('\n'), upLine };
}
