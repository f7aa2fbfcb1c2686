import { MigrationInterface, QueryRunner } from "typeorm";

// Hand-edited after migration:generate: CONCURRENTLY cannot run inside a transaction, so the class opts
// out (TypeORM honours it with `migration:run --transaction each`).
export class UsersNameIndex1795500000000 implements MigrationInterface {
    name = 'UsersNameIndex1795500000000'
    transaction = false as const

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_users_name" ON "users" ("name") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX CONCURRENTLY "public"."IDX_users_name"`);
    }

}
