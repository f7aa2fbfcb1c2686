// A tiny run of the shop: one customer, one product, one order. `DATABASE_URL=... npx tsx src/main.ts`
// after `dbm apply` (or `drizzle-kit migrate`).
import { openDb } from './db.js';
import { addProduct, ordersOf, placeOrder, register } from './shop.js';

const { db, close } = openDb();
try {
  const user = await register(db, `ada+${Date.now()}@example.com`, 'Ada');
  const product = await addProduct(db, `TEA-${Date.now()}`, 'Green tea', 450);
  await placeOrder(db, user, product, 2);
  console.log(await ordersOf(db, user));
} finally {
  await close();
}
