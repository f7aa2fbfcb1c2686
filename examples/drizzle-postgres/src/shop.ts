// The shop's few use cases, written with drizzle-orm's query builder.
import { desc, eq } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { orders, products, users } from './schema.js';

type Db = NodePgDatabase<Record<string, unknown>>;

/** Registers a customer; returns the new id. */
export async function register(db: Db, email: string, name: string): Promise<number> {
  const [row] = await db.insert(users).values({ email, name }).returning({ id: users.id });
  return row!.id;
}

/** Adds a product to the catalogue; returns the new id. */
export async function addProduct(db: Db, sku: string, name: string, priceCents: number): Promise<number> {
  const [row] = await db.insert(products).values({ sku, name, priceCents }).returning({ id: products.id });
  return row!.id;
}

/** Places an order of `quantity` items of one product; returns the order id. */
export async function placeOrder(db: Db, userId: number, productId: number, quantity: number): Promise<number> {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) throw new Error(`no product ${productId}`);
  const [row] = await db.insert(orders).values({ userId, totalCents: product.priceCents * quantity }).returning({ id: orders.id });
  return row!.id;
}

/** A customer's orders, newest first. */
export async function ordersOf(db: Db, userId: number) {
  return db.select().from(orders).where(eq(orders.userId, userId)).orderBy(desc(orders.createdAt));
}
