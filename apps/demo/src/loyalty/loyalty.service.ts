import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { REWARDS, tierFor } from './catalog';
import { Customer } from './customer.entity';
import { customerNotFound, notEnoughPoints, rewardNotFound } from './loyalty-errors';
import { Redemption } from './redemption.entity';

const demoId = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;

/** The payload every demo domain event carries; the webhook bridge reads shop, data and manager. */
export interface DomainEvent {
  shop: string;
  data: Record<string, unknown>;
  /** The transaction the event happened in: the webhook commits (or rolls back) with it. */
  manager: EntityManager;
}

/**
 * A small loyalty program. Every change happens in a transaction, and its domain events are
 * emitted inside that transaction with `emitAsync`, so Hookline writes the webhooks as part of it.
 */
@Injectable()
export class LoyaltyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventEmitter2,
  ) {}

  async enroll(shop: string, email: string): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = manager.create(Customer, { id: demoId('cust'), shop, email, balance: 0, lifetimePoints: 0, tier: 'Bronze' });
      await manager.insert(Customer, customer);
      await this.emit('customer.created', { shop, manager, data: { customer_id: customer.id, email, tier: customer.tier } });
      return customer;
    });
  }

  async earn(shop: string, customerId: string, amount: number, reason: string): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.find(manager, shop, customerId);
      const before = tierFor(customer.lifetimePoints);
      customer.balance += amount;
      customer.lifetimePoints += amount;
      const after = tierFor(customer.lifetimePoints);
      customer.tier = after.name;
      await manager.save(customer);
      await this.emit('points.earned', { shop, manager, data: { customer_id: customer.id, amount, new_balance: customer.balance, reason } });
      if (after.minimum > before.minimum) {
        await this.emit('customer.tier_upgrade', {
          shop,
          manager,
          data: { customer_id: customer.id, previous_tier: { id: before.id, name: before.name }, new_tier: { id: after.id, name: after.name } },
        });
      }
      return customer;
    });
  }

  /** Takes points back (a refund): lifetime points drop too, which can move the customer down a tier. */
  async deduct(shop: string, customerId: string, amount: number, reason: string): Promise<Customer> {
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.find(manager, shop, customerId);
      const before = tierFor(customer.lifetimePoints);
      customer.balance = Math.max(0, customer.balance - amount);
      customer.lifetimePoints = Math.max(0, customer.lifetimePoints - amount);
      const after = tierFor(customer.lifetimePoints);
      customer.tier = after.name;
      await manager.save(customer);
      await this.emit('points.adjusted', { shop, manager, data: { customer_id: customer.id, amount: -amount, new_balance: customer.balance, reason } });
      if (after.minimum < before.minimum) {
        await this.emit('customer.tier_downgrade', {
          shop,
          manager,
          data: { customer_id: customer.id, previous_tier: { id: before.id, name: before.name }, new_tier: { id: after.id, name: after.name } },
        });
      }
      return customer;
    });
  }

  async redeem(shop: string, customerId: string, rewardId: string): Promise<Redemption> {
    const reward = REWARDS.find((r) => r.id === rewardId);
    if (!reward) throw rewardNotFound(rewardId);
    return this.dataSource.transaction(async (manager) => {
      const customer = await this.find(manager, shop, customerId);
      if (customer.balance < reward.cost) throw notEnoughPoints(customer.balance, reward.cost);
      customer.balance -= reward.cost;
      await manager.save(customer);
      const redemption = manager.create(Redemption, {
        id: demoId('red'),
        shop,
        customerId,
        rewardId,
        pointsSpent: reward.cost,
        status: 'pending',
      });
      await manager.insert(Redemption, redemption);
      await this.emit('points.redeemed', { shop, manager, data: { customer_id: customerId, amount: reward.cost, new_balance: customer.balance, reward_id: reward.id } });
      await this.emit('redemption.created', {
        shop,
        manager,
        data: { redemption_id: redemption.id, customer_id: customerId, reward: { title: reward.title, type: reward.type }, points_spent: reward.cost, status: 'pending' },
      });
      return redemption;
    });
  }

  async get(shop: string, customerId: string): Promise<Customer> {
    return this.find(this.dataSource.manager, shop, customerId);
  }

  async list(shop: string): Promise<Customer[]> {
    return this.dataSource.manager.find(Customer, { where: { shop }, order: { id: 'DESC' }, take: 100 });
  }

  private async find(manager: EntityManager, shop: string, customerId: string): Promise<Customer> {
    const customer = await manager.findOneBy(Customer, { id: customerId, shop });
    if (!customer) throw customerNotFound(customerId);
    return customer;
  }

  // emitAsync waits for the webhook bridge, so a publish failure rolls the whole transaction back.
  private async emit(name: string, event: DomainEvent): Promise<void> {
    await this.events.emitAsync(name, event);
  }
}
