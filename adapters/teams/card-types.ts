/**
 * The subset of Adaptive Cards 1.5 this adapter emits, as plain data types.
 * Cards are built as objects and serialized once: never by string concatenation.
 */
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** What an Action.Submit carries back: a core action id and its value. */
export interface SubmitData {
  sc: string;
  v: string;
  /** Teams: `{ type: 'task/fetch' }` makes the button open a task module. */
  msteams?: { type: 'task/fetch' };
}

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  style?: 'heading';
  isSubtle?: true;
  color?: 'Good' | 'Warning' | 'Attention';
  spacing?: 'Small' | 'Medium';
}

export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  highlight?: true;
  italic?: true;
  color?: 'Good' | 'Warning' | 'Attention';
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: SubmitData | Record<string, unknown>;
  style?: 'positive' | 'destructive';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = SubmitAction | OpenUrlAction;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'good' | 'warning' | 'attention';
  separator?: true;
  spacing?: 'Small' | 'Medium';
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label: string;
  isMultiline?: true;
  maxLength?: number;
  placeholder?: string;
  value?: string;
  isRequired?: true;
  errorMessage?: string;
}

export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  style: 'compact';
  value: string;
  choices: Array<{ title: string; value: string }>;
}

export type CardElement = TextBlock | RichTextBlock | ActionSet | Container | InputText | InputChoiceSet;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width: 'Full' };
}
