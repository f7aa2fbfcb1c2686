/**
 * The shop itself, in one call: place an order for a (new or known) customer. Run it with
 * `DATABASE_URL=… npx tsx src/app.ts` once the migrations are applied (`dbm apply`).
 */
import { AppDataSource } from './data-source.js';
import { Order } from './entity/Order.js';
import { User } from './entity/User.js';

/** Places an order of `total` for the user with `email`, creating the user on first sight. */
export async function placeOrder(email: string, name: string, total: string): Promise<Order> {
  return AppDataSource.transaction(async (manager) => {
    const users = manager.getRepository(User);
    const user = (await users.findOneBy({ email })) ?? (await users.save(users.create({ email, name })));
    const orders = manager.getRepository(Order);
    return orders.save(orders.create({ userId: user.id, total }));
  });
}

// run as a script: one order, then the customer's order count
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  await AppDataSource.initialize();
  try {
    const order = await placeOrder('ada@example.test', 'Ada', '42.00');
    const count = await AppDataSource.getRepository(Order).countBy({ userId: order.userId });
    console.log(`order ${order.id} placed; ada@example.test has ${count} order(s)`);
  } finally {
    await AppDataSource.destroy();
  }
}
