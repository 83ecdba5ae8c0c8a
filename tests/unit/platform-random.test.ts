import { expect, it } from 'vitest';
import { Random } from '../../platform/demo-data/random.ts';

const draw = (random: Random) => Array.from({ length: 5 }, () => random.next());

it('repeats its sequence for the same seed and differs for another', () => {
  expect(draw(new Random(42))).toEqual(draw(new Random(42)));
  expect(draw(new Random(42))).not.toEqual(draw(new Random(43)));
});

it('forks independent, repeatable streams by label', () => {
  const root = new Random(1);
  expect(draw(root.fork('tenants'))).toEqual(draw(new Random(1).fork('tenants')));
  expect(draw(root.fork('tenants'))).not.toEqual(draw(root.fork('audit')));
});

it('stays in range and honours weights', () => {
  const random = new Random(9);
  const ints = Array.from({ length: 2_000 }, () => random.int(3, 6));
  expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
  const picks = Array.from({ length: 10_000 }, () => random.weighted([['rare', 1], ['common', 9]] as const));
  const rare = picks.filter((pick) => pick === 'rare').length;
  expect(rare).toBeGreaterThan(800);
  expect(rare).toBeLessThan(1_200);
  expect(random.id('evt_', 20)).toMatch(/^evt_[0-9A-Za-z]{20}$/);
});
