import type { StrategyId } from '../core/types.ts';
import type { TopicId } from '../content/topics.ts';

export interface QuizOption {
  id: string;
  label: string;
  scores: Partial<Record<StrategyId, number>>;
  reason: string;
}

export interface QuizQuestion {
  id: string;
  text: string;
  options: QuizOption[];
}

export interface QuizResultText {
  title: string;
  summary: string;
  topic: TopicId;
  firstSteps: string[];
  mainRisk: string;
}

export interface Quiz {
  intro: string;
  tieOrder: StrategyId[];
  questions: QuizQuestion[];
  results: Record<StrategyId, QuizResultText>;
}
