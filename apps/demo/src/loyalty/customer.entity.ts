import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity('demo_customer')
@Index(['shop', 'email'], { unique: true })
export class Customer {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  shop!: string;

  @Column({ type: 'varchar', length: 255 })
  email!: string;

  @Column({ type: 'integer', default: 0 })
  balance!: number;

  /** Points earned over the customer's lifetime; tiers follow it, redemptions do not lower it. */
  @Column({ name: 'lifetime_points', type: 'integer', default: 0 })
  lifetimePoints!: number;

  @Column({ type: 'varchar', length: 32 })
  tier!: string;
}
