import type { ChatPlatform } from '../../../src/core/types.ts';
import type { ConversationRefRecord, ConversationRefStore } from '../../../src/core/ports.ts';

/** A real, in-memory ConversationRefStore for tests (records are copied in and out). */
export class MemoryRefStore implements ConversationRefStore {
  readonly records = new Map<string, ConversationRefRecord>();

  private key(platform: ChatPlatform, conversationId: string): string {
    return `${platform}\u0000${conversationId}`;
  }

  async saveConversationRef(record: ConversationRefRecord): Promise<void> {
    this.records.set(this.key(record.platform, record.conversationId), structuredClone(record));
  }

  async getConversationRef(platform: ChatPlatform, conversationId: string): Promise<ConversationRefRecord | undefined> {
    const record = this.records.get(this.key(platform, conversationId));
    return record ? structuredClone(record) : undefined;
  }

  async listConversationRefs(platform: ChatPlatform, teamId?: string): Promise<ConversationRefRecord[]> {
    return [...this.records.values()]
      .filter((record) => record.platform === platform && (teamId === undefined || record.teamId === teamId))
      .map((record) => structuredClone(record));
  }

  async deleteConversationRef(platform: ChatPlatform, conversationId: string): Promise<void> {
    this.records.delete(this.key(platform, conversationId));
  }
}
