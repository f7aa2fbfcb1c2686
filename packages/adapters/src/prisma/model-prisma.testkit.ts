/**
 * Test helpers for the Prisma ⇄ SchemaModel translation: Prisma's own baseline SQL for a schema
 * (the real schema engine on a real database, diffing nothing → schema.prisma, what `prisma migrate
 * diff --from-empty --to-schema-datamodel --script` prints), and the catalogs to compare.
 */
import type pg from 'pg';
import { introspect, userSchemas } from '../knex/schema/introspect.js';
import type { SchemaSnapshot } from '../knex/schema/snapshot.js';
import { openPrismaEngine } from './engine.js';

export { withDatabase } from '../code/engine.testkit.js';

/** Prisma's SQL creating `schema` from nothing, rendered by the engine connected to `url`. */
export async function prismaBaseline(url: string, schema: string): Promise<string> {
  const files = [{ path: 'schema.prisma', content: schema }];
  const prisma = await openPrismaEngine(url, { schemaFiles: files });
  try {
    const out = await prisma.engine.diff({
      from: { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return out.stdout ?? '';
  } finally {
    await prisma.close();
  }
}

/** The text catalogs of every user schema of the database `client` is connected to. */
export async function catalog(client: pg.ClientBase): Promise<SchemaSnapshot> {
  return introspect(client, { schemas: await userSchemas(client), exclude: [] });
}

/** Many of Prisma's PostgreSQL features in one schema. */
export const RICH_SCHEMA = `datasource db {
  provider = "postgresql"
  schemas  = ["public", "shop"]
}

enum Status {
  active   @map("ACTIVE")
  inactive

  @@map("status_t")
  @@schema("shop")
}

model Customer {
  id        String    @id @default(uuid()) @db.Uuid
  email     String    @unique(sort: Desc) @db.VarChar(320)
  status    Status    @default(active)
  statuses  Status[]
  balance   Decimal   @default(0.00) @db.Decimal(12, 2)
  weight    Float     @default(-1.5) @db.Real
  delta     Int       @default(-3)
  big       BigInt    @default(5)
  flags     Boolean[]
  meta      Json      @default("{}")
  name      String    @default("it's")
  seen      DateTime  @default(now())
  updatedAt DateTime  @updatedAt @db.Timestamptz(6)
  day       DateTime? @db.Date
  span      Unsupported("interval")?
  serialNo  Int       @default(autoincrement()) @db.SmallInt
  orders    Order[]

  @@index([status, seen(sort: Desc)], map: "customer_status_seen")
  @@index([meta], type: Gin)
  @@map("customers")
  @@schema("shop")
}

model Order {
  customerId String   @map("customer_id") @db.Uuid
  lineNo     Int
  note       String?  @db.Char(10)
  parentNo   Int?
  customer   Customer @relation(fields: [customerId], references: [id], onDelete: Cascade, map: "orders_customer_fk")
  parent     Order?   @relation("tree", fields: [customerId, parentNo], references: [customerId, lineNo], onUpdate: NoAction)
  children   Order[]  @relation("tree")

  @@id([customerId, lineNo], map: "orders_pk")
  @@unique([note, lineNo])
  @@index([note], type: Hash)
  @@schema("public")
}
`;
