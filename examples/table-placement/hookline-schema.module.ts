import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WebhooksModule } from '@hookline/nestjs';

// The app's tables stay where they are (public); Hookline's go to schema "hookline", which the first
// migration creates. Nothing needs to be added to the search_path.
@Module({
  imports: [
    TypeOrmModule.forRoot({ type: 'postgres', url: process.env.DATABASE_URL, autoLoadEntities: true }),
    WebhooksModule.forRoot({
      encryptionKey: process.env.HOOKLINE_ENCRYPTION_KEY!, // 32 random bytes, base64
      database: { schema: 'hookline' }, // on MySQL/MariaDB: { tablePrefix: 'hl_' }
    }),
  ],
})
export class AppModule {}
