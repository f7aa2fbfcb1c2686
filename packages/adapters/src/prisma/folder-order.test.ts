import { describe, expect, it } from 'vitest';
import { prismaFolderOrder } from './folder-order.js';

const sign = (n: number) => Math.sign(n);

describe('prismaFolderOrder', () => {
  // names as Prisma writes them, and the cases where collation and code units disagree
  const names = [
    '20250101090000_init',
    '20250101090000_Init',
    '20250101090000_init_2',
    '20250101090000-init',
    '20250101090000_a',
    '20250101090000_B',
    '20250102090000_orders',
    '20241231235959_last_year',
    '2025_short',
    '0_init',
    '1_init',
    '10_init',
    '9_init',
    'init',
    'Init',
    '_init',
    'éclair',
    'eclair',
    '20250101090000_é',
    '20250101090000_e',
    '',
  ];

  it('orders every pair as localeCompare does', () => {
    for (const a of names) for (const b of names) expect([a, b, sign(prismaFolderOrder(a, b))]).toEqual([a, b, sign(a.localeCompare(b))]);
  });

  it('sorts a folder list as localeCompare does', () => {
    const shuffled = [...names].reverse();
    expect([...shuffled].sort(prismaFolderOrder)).toEqual([...shuffled].sort((a, b) => a.localeCompare(b)));
  });
});
