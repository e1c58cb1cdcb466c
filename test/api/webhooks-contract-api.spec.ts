import request from 'supertest';
import { sqliteInProcess } from '../support/drivers';
import { TestReceiver, type ReceivedRequest } from '../support/receiver';
import { errorsOf } from './support/api-client';
import { createApiTestApp, type ApiTestApp } from './support/api-test-app';
import { schemasOf } from './support/openapi-schemas';

// Added by the HTTP client, not by Hookline: connection management and framing.
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);
const TYPES = ['points.earned', 'customer.tier_upgrade'];

interface HeaderDoc {
  name: string;
  schema: { $ref?: string } & object;
  example?: string;
}

function sentHeaderNames(received: ReceivedRequest): string[] {
  return Object.keys(received.headers).filter((name) => !TRANSPORT_HEADERS.has(name)).sort();
}

/** The event type, wherever the profile's envelope puts it. */
function typeOf(sent: ReceivedRequest): string {
  const body = JSON.parse(sent.body);
  return body.type ?? body.event ?? body.event_type;
}

function lowerNames(headers: HeaderDoc[]): string[] {
  return headers.map((header) => header.name.toLowerCase()).sort();
}

// The database plays no part in what goes on the wire, so one driver is enough here.
describe.each(['standard', 'mage', 'loyali'] as const)('the catalog as a contract, in the %s profile', (profile) => {
  const driver = sqliteInProcess();
  const receiver = new TestReceiver();
  let t: ApiTestApp;
  let received: Map<string, ReceivedRequest>;
  let document: any;

  beforeAll(async () => {
    await driver.setUp();
    await receiver.start();
    t = await createApiTestApp(driver, { profile });
    const { tenant, write } = await t.tenant();
    const created = await write.post('/webhook-subscriptions', { url: receiver.url('/hook'), events: TYPES });
    expect(created.status).toBe(201);
    for (const type of TYPES) await t.publisher.publish(type, t.runtime.options.catalog.get(type)!.example as object, { tenant });
    await receiver.waitFor(TYPES.length);
    received = new Map(receiver.requests.map((sent) => [typeOf(sent), sent]));
    document = (await request(t.app.getHttpServer()).get('/v1/openapi.json')).body;
  });

  afterAll(async () => {
    await t?.close();
    await receiver.stop();
    await driver.tearDown();
  });

  it.each(TYPES)('a delivered %s matches its webhook in the OpenAPI document: body schema and header names', (type) => {
    const sent = received.get(type)!;
    expect(sent).toBeDefined();
    const webhook = document.webhooks[type].post;
    const validate = schemasOf(document);
    const body = validate(webhook.requestBody.content['application/json'].schema);
    expect([body(JSON.parse(sent.body)), body.errors]).toEqual([true, null]);
    const headers: HeaderDoc[] = webhook.parameters;
    expect(headers.every((header: any) => header.in === 'header' && header.required)).toBe(true);
    expect(lowerNames(headers)).toEqual(sentHeaderNames(sent));
    for (const header of headers) {
      const value = validate(header.schema);
      expect([header.name, value(sent.headers[header.name.toLowerCase()]), value.errors]).toEqual([header.name, true, null]);
    }
    // Described, never faked: no example could pass for a real signature.
    const signature = headers.find((header) => header.name === t.runtime.profiles.defaultProfile.signer.options.header)!;
    expect(signature).not.toHaveProperty('example');
    expect(validate(signature.schema)('v1,not-a-signature')).toBe(false);
  });

  it.each(TYPES)('GET /v1/event-types/%s gives the same request: the envelope schema the delivery matches, the headers it carried', async (type) => {
    const { read } = await t.tenant();
    const response = await read.get(`/event-types/${type}`);
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data).toMatchObject({ type: 'event_type', id: type, attributes: { name: type, profile, schema: t.runtime.options.catalog.get(type)!.schema } });
    const sent = received.get(type)!;
    const envelope = schemasOf({})(data.attributes.envelope.schema);
    expect([envelope(JSON.parse(sent.body)), envelope.errors]).toEqual([true, null]);
    expect(lowerNames(data.attributes.headers)).toEqual(sentHeaderNames(sent));
    const webhook = document.webhooks[type].post;
    expect(data.attributes.headers.map((header: HeaderDoc) => header.name)).toEqual(webhook.parameters.map((header: HeaderDoc) => header.name));
    expect(data.attributes.envelope.example).toEqual(webhook.requestBody.content['application/json'].example);
  });
});

describe('GET /v1/event-types/:name answers unknown and malformed names like any unknown resource', () => {
  const driver = sqliteInProcess();
  let t: ApiTestApp;

  beforeAll(async () => {
    await driver.setUp();
    t = await createApiTestApp(driver, { worker: { enabled: false } });
  });

  afterAll(async () => {
    await t?.close();
    await driver.tearDown();
  });

  it('404 HOOKLINE_EVENT_TYPE_NOT_FOUND at /name, suggesting a close name', async () => {
    const { read } = await t.tenant();
    const response = await read.get('/event-types/points.earnd');
    expect(response.status).toBe(404);
    expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_EVENT_TYPE_NOT_FOUND', at: '/name' }]);
    expect(response.body.errors[0]).toMatchObject({ status: '404', title: 'Not Found', detail: expect.stringContaining('Did you mean "points.earned"?') });
  });

  it.each([
    ['upper case', 'Points.Earned'],
    ['a prefix wildcard', 'points.*'],
    ['an encoded NUL', '%00'],
    ['a name far longer than any', 'x'.repeat(4_000)],
    ['encoded quotes and markup', '%22%3Cscript%3E'],
  ])('404 for %s', async (_case, name) => {
    const { read } = await t.tenant();
    const response = await read.get(`/event-types/${name}`);
    expect(response.status).toBe(404);
    expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_EVENT_TYPE_NOT_FOUND', at: '/name' }]);
  });

  it('400 for a name that is not valid percent-encoding, as every route answers it', async () => {
    const { read } = await t.tenant();
    const response = await read.get('/event-types/%E0%A4%A');
    expect(response.status).toBe(400);
    expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_INVALID_REQUEST' }]);
  });

  it('needs an API key like the rest of the API', async () => {
    const response = await t.api.get('/event-types/points.earned');
    expect(response.status).toBe(401);
    expect(errorsOf(response)).toEqual([{ code: 'HOOKLINE_UNAUTHENTICATED' }]);
  });
});
