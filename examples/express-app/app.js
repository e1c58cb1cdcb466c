// A loyalty backend on Express 5 with @hookline/engine: no Nest. Points are written and their
// webhook is published in one TypeORM transaction, so a rolled-back award sends nothing.
const express = require('express');
const { EntitySchema } = require('typeorm');
const { HooklineError } = require('@hookline/engine');

const TENANT = 'my-shop';

const PointsEntry = new EntitySchema({
  name: 'PointsEntry',
  tableName: 'points_entry',
  columns: {
    id: { type: Number, primary: true, generated: true },
    customer_id: { type: String },
    amount: { type: Number },
  },
});

function createApp({ dataSource, hookline }) {
  const app = express();
  app.use(express.json());

  app.post('/subscriptions', async (req, res) => {
    const { url, events } = req.body;
    const subscription = await hookline.subscriptions.create({ tenant: TENANT, url, events });
    res.status(201).json({ id: subscription.id, secret: subscription.secret });
  });

  app.post('/customers/:id/points', async (req, res) => {
    const data = { customer_id: req.params.id, amount: req.body.amount };
    const published = await dataSource.transaction(async (manager) => {
      // A copy: insert() writes the generated id into the object it is given, and `data` is the payload.
      await manager.insert(PointsEntry, { ...data });
      return hookline.publisher.publish('points.earned', data, { tenant: TENANT, manager });
    });
    res.status(201).json({ message_id: published.messageId });
  });

  app.get('/deliveries', async (_req, res) => {
    const page = await hookline.deliveries.list({ tenant: TENANT });
    res.json(page.data.map(({ id, eventType, status, attemptCount }) => ({ id, eventType, status, attemptCount })));
  });

  // Hookline's errors carry a stable code (HOOKLINE_UNSAFE_URL …) and a pointer to the bad field.
  app.use((error, _req, res, _next) => {
    if (!(error instanceof HooklineError)) return res.status(error.status ?? 500).json({ code: 'INTERNAL', message: error.message });
    res.status(/NOT_FOUND$/.test(error.code) ? 404 : 400).json({ code: error.code, message: error.message, pointer: error.pointer });
  });
  return app;
}

module.exports = { createApp, PointsEntry };
