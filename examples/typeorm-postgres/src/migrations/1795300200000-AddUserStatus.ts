import { MigrationInterface, QueryRunner } from "typeorm";

export class AddUserStatus1795300200000 implements MigrationInterface {
    name = 'AddUserStatus1795300200000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "status" character varying(20) NOT NULL DEFAULT 'active'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "status"`);
    }

}
