/** A customer of the old system. Columns carry explicit types: tsx (esbuild) emits no decorator metadata. */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'legacy_customers' })
export class Customer {
  @PrimaryGeneratedColumn('increment', { type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;
}
