import { MigrationInterface, QueryRunner } from "typeorm";

export class Broken1795400000000 implements MigrationInterface {
    name = 'Broken1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "widgets" ("id" SERIAL NOT NULL, CONSTRAINT "PK_widgets" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "no_such_table" ADD "x" integer`);
        await queryRunner.query(`CREATE TABLE "gadgets" ("id" SERIAL NOT NULL, CONSTRAINT "PK_gadgets" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE IF EXISTS "gadgets"`);
        await queryRunner.query(`DROP TABLE IF EXISTS "widgets"`);
    }

}
