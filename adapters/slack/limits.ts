/** Block Kit limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the App Home tab. */
  viewBlocks: 100,
  /** A section's text, a text object. */
  sectionText: 3000,
  /** A header's plain text. */
  headerText: 150,
  /** A button label. */
  buttonText: 75,
  /** A button's value. */
  buttonValue: 2000,
  /** Elements in one actions block. */
  actionsElements: 25,
  /** Elements in one context block. */
  contextElements: 10,
  /** A modal's title, submit and close labels. */
  viewTitle: 24,
  /** A modal's private_metadata. */
  privateMetadata: 3000,
  /** A plain_text_input's max_length. */
  textInput: 3000,
  /** Characters of a message's fallback `text` we send (Slack truncates at 40,000; notifications show far less). */
  fallbackText: 3000,
  /** Times a response_url may be used (within 30 minutes). */
  responseUrlUses: 5,
} as const;
