import { mul, add, randomNormal, tidy, sqrt, div } from '@tessera/core';
const x = randomNormal([784, 128]);
const y = randomNormal([784, 128]);
for (const [name, f] of [['mul scalar', () => mul(x, 0.9)], ['mul tensor', () => mul(x, y)], ['add', () => add(x, y)], ['sqrt', () => sqrt(x)], ['div', () => div(x, y)]]) {
  for (let i = 0; i < 200; i++) f().dispose();
  const t = performance.now();
  for (let i = 0; i < 1000; i++) f().dispose();
  const us = (performance.now() - t);
  console.log(name, (us / 1000 * 1000).toFixed(0), 'us per op', (us * 1e6 / 1000 / x.size).toFixed(2), 'ns/elem');
}
