/** `--filter`: exact names, unscoped names, name globs, paths and path globs; a miss lists the packages. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterPackages } from './filter.js';

const root = '/repo';
const pkg = (name: string, path: string) => ({ name, path, dir: join(root, path), dependsOn: [] });
const packages = [pkg('@shop/api', 'apps/api'), pkg('@shop/billing', 'services/billing'), pkg('@other/billing', 'services/billing-v2'), pkg('legacy', 'services/legacy')];
const names = async (filters: string[], cwd = root) => (await filterPackages(packages, filters, cwd)).map((p) => p.name);

describe('filterPackages', () => {
  it('no filter selects every package', async () => {
    expect(await names([])).toHaveLength(4);
  });

  it('an exact name, and an unscoped name when it is unique', async () => {
    expect(await names(['@shop/api'])).toEqual(['@shop/api']);
    expect(await names(['api'])).toEqual(['@shop/api']);
    expect(await names(['legacy'])).toEqual(['legacy']);
  });

  it('an unscoped name shared by two scopes is an error asking for the full name', async () => {
    await expect(names(['billing'])).rejects.toThrow('--filter billing matches @shop/billing and @other/billing: give the full name');
  });

  it('a glob on names: scope globs and * across the scope', async () => {
    expect(await names(['@shop/*'])).toEqual(['@shop/api', '@shop/billing']);
    expect(await names(['*billing*'])).toEqual(['@shop/billing', '@other/billing']);
    expect(await names(['leg*'])).toEqual(['legacy']);
  });

  it('a path from the current directory, and a path glob', async () => {
    expect(await names(['./apps/api'])).toEqual(['@shop/api']);
    expect(await names(['../legacy'], join(root, 'services', 'billing'))).toEqual(['legacy']);
    expect(await names(['./services/*'])).toEqual(['@shop/billing', '@other/billing', 'legacy']);
    expect(await names([join(root, 'apps/api')], '/elsewhere')).toEqual(['@shop/api']);
  });

  it('several filters select the union, in the packages’ order', async () => {
    expect(await names(['legacy', '@shop/api'])).toEqual(['@shop/api', 'legacy']);
  });

  it('a filter that matches nothing is an error listing the packages', async () => {
    await expect(names(['nosuch'])).rejects.toThrow(
      '--filter nosuch matches no workspace package; the packages are: @shop/api (apps/api), @shop/billing (services/billing), @other/billing (services/billing-v2), legacy (services/legacy)',
    );
    await expect(names(['./apps/nope'])).rejects.toThrow(/--filter \.\/apps\/nope matches no workspace package/);
  });
});
