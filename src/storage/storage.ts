/** Everything the server keeps, opened and migrated in one call. */
import type { ConversationRefStore, EventLedger, PrefsStore } from '../core/ports.ts';
import { SqlEventLedger } from './event-ledger.ts';
import { SqlConversationRefStore } from './conversation-ref-store.ts';
import { DeliveryLog } from './delivery-log.ts';
import { FalsePositivesRepository } from './false-positives.ts';
import { openDatabase, type DatabaseOptions, type OpenDatabase } from './open-database.ts';
import { SqlPrefsStore } from './prefs-store.ts';
import { ReviewStatsRepository } from './review-stats.ts';
import { ScheduleStore } from './schedule-store.ts';

export interface Storage {
  database: OpenDatabase;
  prefs: PrefsStore;
  refs: ConversationRefStore;
  schedules: ScheduleStore;
  deliveries: DeliveryLog;
  stats: ReviewStatsRepository;
  falsePositives: FalsePositivesRepository;
  events: EventLedger & { prune(now: Date): Promise<number> };
  close(): Promise<void>;
}

export async function openStorage(options: DatabaseOptions & { clock?: () => Date } = {}): Promise<Storage> {
  const database = await openDatabase(options);
  const { db } = database;
  const stats = new ReviewStatsRepository(db);
  const falsePositives = new FalsePositivesRepository(db);
  return {
    database,
    prefs: new SqlPrefsStore(db, stats, falsePositives, options.clock),
    refs: new SqlConversationRefStore(db),
    schedules: new ScheduleStore(db),
    deliveries: new DeliveryLog(db),
    stats,
    falsePositives,
    events: new SqlEventLedger(db),
    close: async () => {
      try {
        await stats.close();
      } finally {
        await database.close();
      }
    },
  };
}
