DROP VIEW "open_orders";
DROP TABLE "orders";
DROP TABLE "customers";
DROP TYPE "order_state";
