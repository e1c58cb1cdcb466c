import { EventCatalog, resolveProfile } from '@hookline/core';
import { buildWebhooksSection } from './webhooks-section';

const catalog = new EventCatalog([
  { name: 'points.earned', description: 'Points were awarded.', group: 'points', example: { amount: 1 } },
  { name: 'points.earned_twice', description: 'Twice.' },
  { name: 'points_earned.twice', description: 'A name that PascalCases like the one above.', deprecated: true },
]);

describe('buildWebhooksSection', () => {
  it('names components after the type in PascalCase, never reusing a name already taken', () => {
    const { webhooks, schemas } = buildWebhooksSection(catalog, resolveProfile('standard'), new Set(['PointsEarnedData']));
    expect(Object.keys(schemas)).toEqual([
      'PointsEarnedData2',
      'PointsEarnedWebhook',
      'PointsEarnedTwiceData',
      'PointsEarnedTwiceWebhook',
      'PointsEarnedTwiceData2',
      'PointsEarnedTwiceWebhook2',
    ]);
    expect(webhooks['points.earned'].post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/PointsEarnedWebhook' } } },
    });
    expect(schemas.PointsEarnedWebhook.properties?.data).toEqual({ $ref: '#/components/schemas/PointsEarnedData2' });
    expect(schemas.PointsEarnedData2).toEqual({ type: 'object' });
  });

  it("carries the type's group, deprecation and the profile's retry schedule", () => {
    const { webhooks } = buildWebhooksSection(catalog, resolveProfile('mage'), new Set());
    expect(webhooks['points.earned'].post).toMatchObject({ tags: ['Webhooks: points'], operationId: 'PointsEarnedWebhook' });
    expect(webhooks['points_earned.twice'].post?.deprecated).toBe(true);
    expect(webhooks['points.earned'].post?.description).toMatch(/`mage` wire profile.*retried after \d/s);
  });
});
