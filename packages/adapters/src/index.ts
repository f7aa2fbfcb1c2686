/** @dbm/adapters: one folder per ORM (detect, read, write, ledger), behind one interface. */
export {};
