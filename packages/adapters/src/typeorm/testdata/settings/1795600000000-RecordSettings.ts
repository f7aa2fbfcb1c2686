import { MigrationInterface, QueryRunner } from "typeorm";

// Records the session settings the migration runs under, to prove the runner set them on TypeORM's connection.
export class RecordSettings1795600000000 implements MigrationInterface {
    name = 'RecordSettings1795600000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "seen_settings" AS SELECT current_setting('lock_timeout') AS lock_timeout, current_setting('statement_timeout') AS statement_timeout`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "seen_settings"`);
    }

}
