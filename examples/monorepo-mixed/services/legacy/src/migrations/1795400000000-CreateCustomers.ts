import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateCustomers1795400000000 implements MigrationInterface {
    name = 'CreateCustomers1795400000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "legacy_customers" ("id" SERIAL NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "PK_legacy_customers" PRIMARY KEY ("id"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "legacy_customers"`);
    }

}
