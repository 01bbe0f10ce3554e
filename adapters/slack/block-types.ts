/**
 * The Block Kit shapes this adapter produces, as plain types (no SDK import), so
 * the renderer stays a pure function that tests compare with `toEqual`.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type TextObject = PlainText | Mrkdwn;

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  style?: 'primary' | 'danger';
}

export interface HeaderBlock {
  type: 'header';
  text: PlainText;
}

export interface SectionBlock {
  type: 'section';
  text: TextObject;
}

export interface ContextBlock {
  type: 'context';
  elements: TextObject[];
}

export interface ActionsBlock {
  type: 'actions';
  elements: ButtonElement[];
}

export interface DividerBlock {
  type: 'divider';
}

export interface StaticSelectOption {
  text: PlainText;
  value: string;
}

export interface InputBlock {
  type: 'input';
  block_id: string;
  optional?: boolean;
  label: PlainText;
  hint?: PlainText;
  element:
    | {
        type: 'plain_text_input';
        action_id: string;
        multiline?: boolean;
        min_length?: number;
        max_length?: number;
        initial_value?: string;
        placeholder?: PlainText;
      }
    | {
        type: 'static_select';
        action_id: string;
        placeholder?: PlainText;
        options: StaticSelectOption[];
      };
}

/** Blocks allowed in messages. */
export type MessageBlock = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock | DividerBlock;
/** Blocks allowed in views (modals, App Home). */
export type ViewBlock = MessageBlock | InputBlock;

/** One Slack message: `text` is the notification and accessibility fallback. */
export interface SlackMessage {
  text: string;
  blocks: MessageBlock[];
}

export interface ModalView {
  type: 'modal';
  callback_id: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  private_metadata?: string;
  blocks: ViewBlock[];
}

export interface HomeView {
  type: 'home';
  blocks: MessageBlock[];
}
