/** `ConversationRefStore` (src/core/ports.ts): Teams conversation references for proactive posts. */
import type { Kysely } from 'kysely';
import type { ConversationRefRecord, ConversationRefStore } from '../core/ports.ts';
import type { ChatPlatform } from '../core/types.ts';
import type { ConversationRefsTable, Database } from './schema.ts';

const KINDS = ['channel', 'group', 'personal'] as const;

function toRecord(row: ConversationRefsTable): ConversationRefRecord {
  const record: ConversationRefRecord = {
    platform: row.platform as ChatPlatform,
    conversationId: row.conversation_id,
    kind: (KINDS as readonly string[]).includes(row.kind) ? (row.kind as ConversationRefRecord['kind']) : 'channel',
    reference: JSON.parse(row.reference) as unknown,
    updatedAt: new Date(row.updated_at),
  };
  if (row.team_id) record.teamId = row.team_id;
  if (row.name !== null) record.name = row.name;
  return record;
}

export class SqlConversationRefStore implements ConversationRefStore {
  constructor(private readonly db: Kysely<Database>) {}

  async saveConversationRef(record: ConversationRefRecord): Promise<void> {
    const values = {
      team_id: record.teamId ?? '',
      name: record.name ?? null,
      kind: record.kind,
      reference: JSON.stringify(record.reference ?? null),
      updated_at: record.updatedAt.toISOString(),
    };
    await this.db
      .insertInto('conversation_refs')
      .values({ platform: record.platform, conversation_id: record.conversationId, ...values })
      .onConflict((oc) => {
        // Keep a known name when an update (e.g. a message event) does not carry one.
        const { name: _name, ...withoutName } = values;
        return oc.columns(['platform', 'conversation_id']).doUpdateSet(record.name === undefined ? withoutName : values);
      })
      .execute();
  }

  async getConversationRef(platform: ChatPlatform, conversationId: string): Promise<ConversationRefRecord | undefined> {
    const row = await this.db
      .selectFrom('conversation_refs')
      .selectAll()
      .where('platform', '=', platform)
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async listConversationRefs(platform: ChatPlatform, teamId?: string): Promise<ConversationRefRecord[]> {
    let query = this.db.selectFrom('conversation_refs').selectAll().where('platform', '=', platform);
    if (teamId !== undefined) query = query.where('team_id', '=', teamId);
    const rows = await query.orderBy('name').orderBy('conversation_id').execute();
    return rows.map(toRecord);
  }

  async deleteConversationRef(platform: ChatPlatform, conversationId: string): Promise<void> {
    await this.db.deleteFrom('conversation_refs').where('platform', '=', platform).where('conversation_id', '=', conversationId).execute();
  }
}
