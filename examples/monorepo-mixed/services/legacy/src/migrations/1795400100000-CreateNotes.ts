import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateNotes1795400100000 implements MigrationInterface {
    name = 'CreateNotes1795400100000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "legacy_notes" ("id" SERIAL NOT NULL, "customer_id" integer NOT NULL, "body" text NOT NULL, CONSTRAINT "PK_legacy_notes" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "legacy_notes"`);
    }

}
