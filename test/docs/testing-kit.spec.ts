import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The README's host tests run here as written: their describe() blocks register in this file.
import '../../examples/nest-testing/points-webhooks.spec';
import '../../examples/nest-testing/payments-webhooks.spec';

const root = join(__dirname, '..', '..');
const EXAMPLES = ['examples/nest-testing/points-webhooks.spec.ts', 'examples/nest-testing/points.service.ts', 'examples/nest-testing/payments-webhooks.spec.ts'];

describe('README: testing your webhook code (examples/nest-testing)', () => {
  it.each(EXAMPLES)('embeds %s as it is', (example) => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(readFileSync(join(root, example), 'utf8').trim());
  });
});
