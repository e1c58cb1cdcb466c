import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('demo_redemption')
export class Redemption {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  shop!: string;

  @Column({ name: 'customer_id', type: 'varchar', length: 40 })
  customerId!: string;

  @Column({ name: 'reward_id', type: 'varchar', length: 64 })
  rewardId!: string;

  @Column({ name: 'points_spent', type: 'integer' })
  pointsSpent!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;
}
